/// The formats regress reads.
public enum ArtifactFormat: String, Sendable, Codable, CaseIterable {
    case json
    case csv

    /// The format a file name implies, if any.
    public static func fromExtension(of path: String) -> ArtifactFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        return nil
    }
}
