import Foundation

/// The hardware and software a run came from, as flat dotted fields (`cpu.model`, `memory.total_gb`,
/// `gpu.models`, `user.runner`), with a short stable id.
public struct Fingerprint: Equatable, Sendable {
    /// The fields the id is a hash over: those that decide whether two runs are comparable, plus
    /// every user-declared field (`user.*`).
    public static let identityFields = ["cpu.model", "cpu.logical_cores", "memory.total_gb", "gpu.models", "os.name"]
    public static let formatVersion = 1

    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// 12 hex digits of FNV-1a (64-bit) over `name=value` lines of the identity fields present, in
    /// name order: the same machine gives the same id run after run.
    public var id: String {
        let names = fields.keys.filter { Fingerprint.identityFields.contains($0) || $0.hasPrefix("user.") }.sorted()
        let text = names.map { "\($0)=\(fields[$0]!)\n" }.joined()
        let hash = Bootstrap.seed(for: text)
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    /// The fields named in `match` whose values differ (a field absent on one side differs from a
    /// present one; absent on both is equal).
    public func differences(from other: Fingerprint, on match: [String]) -> [String] {
        match.filter { fields[$0] != other.fields[$0] }
    }

    /// `fingerprint.json`: `{"regress_fingerprint": 1, "id": ..., "fields": {...}}`, keys sorted.
    public var json: String {
        JSONWriter.write(.object([
            ("regress_fingerprint", .number(Double(Fingerprint.formatVersion))),
            ("id", .string(id)),
            ("fields", .object(fields.map { ($0.key, .string($0.value)) })),
        ]))
    }

    public var text: String {
        let width = fields.keys.map(\.count).max() ?? 0
        var lines = ["id".padding(toLength: width + 2, withPad: " ", startingAt: 0) + id]
        for name in fields.keys.sorted() {
            lines.append(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + fields[name]!)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a `fingerprint.json`, or any JSON object of scalar fields (nested objects are flattened
    /// with dots).
    public static func parse(_ bytes: [UInt8], path: String) throws -> Fingerprint {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            throw ArtifactError.malformed(path: path, location: "line \(error.line), column \(error.column)", reason: error.reason)
        }
        guard case .object = value else {
            throw ArtifactError.malformed(path: path, location: "top level", reason: "a fingerprint is a JSON object")
        }
        if let version = value["regress_fingerprint"]?.numberValue, Int(version) > formatVersion {
            throw ArtifactError.malformed(path: path, location: "regress_fingerprint",
                                          reason: tooNewVersionMessage(Int(version), understood: formatVersion))
        }
        var fields: [String: String] = [:]
        flatten(value["fields"] ?? value, prefix: "", into: &fields)
        if value["fields"] == nil { fields["id"] = nil }
        return Fingerprint(fields: fields)
    }

    static func flatten(_ value: JSONValue, prefix: String, into fields: inout [String: String]) {
        switch value {
        case .object(let members):
            for (key, member) in members { flatten(member, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &fields) }
        case .string, .number, .bool: fields[prefix] = value.scalarText
        case .array(let items):
            fields[prefix] = items.map { item -> String in
                switch item {
                case .string(let text): return text
                case .number(let number): return JSONWriter.format(number)
                default: return ""
                }
            }.joined(separator: ", ")
        case .null: break
        }
    }
}

/// A run's fingerprint and where it was found.
public struct RunFingerprint: Equatable, Sendable {
    public let fingerprint: Fingerprint
    /// "bench/fingerprint.json", "--fingerprint ci/machine.json", "this machine", or the artifact itself.
    public let origin: String

    public init(fingerprint: Fingerprint, origin: String) {
        self.fingerprint = fingerprint
        self.origin = origin
    }
}
