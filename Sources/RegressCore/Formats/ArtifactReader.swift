/// Reads one artifact's bytes with the right reader: the configured format, else the file name's,
/// else the content's (a document starting with `{` or `[` is JSON).
public enum ArtifactReader {
    public static func detectFormat(path: String, bytes: [UInt8], configured: ArtifactFormat?) -> ArtifactFormat? {
        if let configured { return configured }
        if let byName = ArtifactFormat.fromExtension(of: path) { return byName }
        let first = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        return nil
    }

    public static func read(_ bytes: [UInt8], path: String, format configured: ArtifactFormat? = nil,
                            keys: [String] = []) throws -> (ArtifactFormat, ArtifactContents) {
        guard let format = detectFormat(path: path, bytes: bytes, configured: configured) else {
            throw ArtifactError.unknownFormat(path: path)
        }
        switch format {
        case .json:
            do {
                let value = try JSONParser.parse(bytes)
                return (format, GenericJSONReader.read(value, keys: keys))
            } catch let error as JSONParser.SyntaxError {
                throw ArtifactError.malformed(path: path, location: "line \(error.line), column \(error.column)", reason: error.reason)
            }
        case .csv:
            return (format, try GenericCSVReader.read(bytes, path: path, keys: keys))
        }
    }
}
