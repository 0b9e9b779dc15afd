import Foundation

/// An artifact that cannot be read as the format it was taken for.
public enum ArtifactError: Error, Equatable, Sendable, LocalizedError {
    /// The file breaks its format: `location` is "line 3", "line 3, column 7" or a JSON path.
    case malformed(path: String, location: String, reason: String)
    /// A configured key column or field that the file does not have.
    case unknownKey(path: String, key: String, available: [String])
    /// Neither the configuration, the file name nor the content says what format this is.
    case unknownFormat(path: String)
    /// A file regress refuses to read, or could not read whole: a link leading outside the repository,
    /// a FIFO or device, a file above `max_artifact_bytes`, a Git LFS pointer, a submodule.
    case notRead(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let path, let location, let reason):
            return "\(path): \(location): \(reason)"
        case .unknownKey(let path, let key, let available):
            return "\(path): no column or field '\(key)' to use as a key; it has: \(available.joined(separator: ", ")). Fix `keys:` in regress.yml"
        case .notRead(let path, let reason):
            return "\(path): \(reason)"
        case .unknownFormat(let path):
            return "\(path): not a format regress reads (JSON, CSV, Markdown tables, or the output of Catch2, `go test -bench`, " +
                "`cargo bench`, benchmark.js, iai or `time`); " +
                "set `format:` for it in regress.yml or exclude it"
        }
    }
}
