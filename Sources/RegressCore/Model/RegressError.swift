import Foundation

/// Errors of regress itself (as opposed to git, configuration or artifact errors), each saying what
/// to do.
public enum RegressError: Error, Equatable, Sendable, LocalizedError {
    case unreadableFile(path: String)
    case noArtifacts(base: String, head: String, configuration: String)
    case cannotWriteOutput(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadableFile(let path):
            return "\(path) cannot be read: check that it exists and is readable"
        case .noArtifacts(let base, let head, let configuration):
            return "no benchmark artifacts found in \(base) nor in \(head) (selection from \(configuration)): " +
                "add an `artifacts:` entry with a `path:` glob to regress.yml"
        case .cannotWriteOutput(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
