import Foundation

/// What every versioned file of regress (regress.yml, policies, baselines, fingerprints) says when it
/// was written by a newer regress.
func tooNewVersionMessage(_ found: Int, understood: Int) -> String {
    "version \(found) is newer than this regress understands (\(understood)): upgrade regress"
}

/// Errors of regress itself (as opposed to git, configuration or artifact errors), each saying what
/// to do.
public enum RegressError: Error, Equatable, Sendable, LocalizedError {
    case unreadableFile(path: String)
    case noArtifacts(base: String, head: String, configuration: String)
    case cannotWriteOutput(path: String, reason: String)
    case noFingerprint(path: String, revision: String)
    case baselineFolderOutsideRepository(String)
    case noBaselineToAcceptInto(series: String, fingerprint: String)
    case nothingMatches(pattern: String)
    case badMetricGlob(pattern: String, reason: String)
    case baselinesLocked(lock: String, holder: String)
    case pathOutsideRepository(path: String, root: String)
    case nothingToRead(what: String)
    case notAFolder(path: String)

    public var errorDescription: String? {
        switch self {
        case .unreadableFile(let path):
            return "\(path) cannot be read: check that it exists and is readable"
        case .noArtifacts(let base, let head, let configuration):
            return "no benchmark artifacts found in \(base) nor in \(head) (selection from \(configuration)): " +
                "add an `artifacts:` entry with a `path:` glob to regress.yml"
        case .cannotWriteOutput(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .noFingerprint(let path, let revision):
            return "no fingerprint for \(path) at \(revision): no artifact or sidecar names a machine, and none was produced here; " +
                "pass --fingerprint FILE, write a fingerprint.json beside the results, or record right after running the benchmarks"
        case .baselineFolderOutsideRepository(let folder):
            return "--baselines \(folder): name a folder inside the repository, relative to its root (like `baselines`)"
        case .noBaselineToAcceptInto(let series, let fingerprint):
            return "no stored baseline of \(series) for fingerprint \(fingerprint): run `regress baseline record` first"
        case .badMetricGlob(_, let reason):
            return "--metric: \(reason)"
        case .baselinesLocked(let lock, let holder):
            return "the baselines are being written by \(holder), which holds \(lock): wait for it to finish, then run again"
        case .pathOutsideRepository(let path, let root):
            return "\(path) is outside the repository at \(root): name a folder inside it"
        case .nothingToRead(let what):
            return "nothing to read: \(what)"
        case .notAFolder(let path):
            return "\(path) is not a folder: name the folder the benchmarks wrote their results into (a checkout of that side)"
        case .nothingMatches(let pattern):
            return "no metric matches '\(pattern)': `regress baseline show` and the JSON report list metric ids (series/benchmark/metric)"
        }
    }
}
