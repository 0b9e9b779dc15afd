import CLibGit2
import Foundation

/// Everything that can go wrong while reading a repository, in terms a user can act on.
public enum GitError: Error, Equatable, Sendable {
    /// No repository was found at or above the folder.
    case notARepository(path: String)
    /// The revision names nothing in this repository.
    case unknownRevision(String)
    /// A short hash or name that matches more than one object.
    case ambiguousRevision(String)
    /// A revision such as `HEAD~5` that walks past the first commit.
    case pastRoot(revision: String, root: ObjectID)
    /// History ends at a shallow boundary: the parent commits were never fetched.
    case shallowHistory(at: ObjectID)
    /// A revision that resolves to an object which is not a commit (nor peels to one).
    case notACommit(String)
    /// `A...B` where the two sides share no history.
    case noMergeBase(String)
    /// The path does not exist in that commit's tree.
    case pathNotFound(path: String, commit: ObjectID)
    /// The path names a folder or a submodule, not a file.
    case notAFile(path: String, commit: ObjectID)
    /// The repository has no working tree (a bare repository).
    case bareRepository(path: String)
    /// HEAD names a branch that has no commit yet (a new, empty repository).
    case unbornHead(branch: String)
    /// The repository belongs to another user and git's `safe.directory` does not name it.
    case notOwned(path: String, message: String)
    /// An object the repository should hold is not there, or does not read: `what` says which.
    case missingObject(id: ObjectID, what: String, message: String)
    /// The path is a symbolic link committed as a link: its target is not read.
    case symbolicLink(path: String, commit: ObjectID, target: String)
    /// A branch name git does not accept (`refs/heads/NAME` is not a valid reference).
    case invalidBranchName(String)
    /// The branch to commit onto is the one checked out: committing there would leave the index and
    /// working tree behind it.
    case branchCheckedOut(String)
    /// The branch moved (or was created) by another process between reading its tip and updating it.
    case branchMoved(branch: String)
    /// Any other libgit2 failure, with the C function that reported it.
    case libgit2(function: String, code: Int32, message: String)

    /// libgit2's `GIT_ENOTFOUND`.
    public var isNotFound: Bool {
        if case .libgit2(_, let code, _) = self { return code == GIT_ENOTFOUND.rawValue }
        return false
    }
}

extension GitError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notARepository(let path):
            return "\(path) is not inside a git repository: run regress from a clone, or pass --repo PATH"
        case .unknownRevision(let revision):
            return "unknown revision '\(revision)': name a commit, branch, tag or HEAD~N that exists (`git log --oneline` lists them)"
        case .ambiguousRevision(let revision):
            return "ambiguous revision '\(revision)': more than one object starts with it; use more hex digits of the hash"
        case .pastRoot(let revision, let root):
            return "revision '\(revision)' goes past the first commit \(root.short): the history has fewer commits than that"
        case .shallowHistory(let at):
            return "history is shallow at \(at.short): fetch with full depth (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout)"
        case .notACommit(let revision):
            return "revision '\(revision)' does not name a commit"
        case .noMergeBase(let revision):
            return "'\(revision)': the two sides have no common ancestor"
        case .pathNotFound(let path, let commit):
            return "'\(path)' does not exist at commit \(commit.short)"
        case .notAFile(let path, let commit):
            return "'\(path)' at commit \(commit.short) is not a file"
        case .bareRepository(let path):
            return "\(path) is a bare repository and has no working tree: name the head side with --head REV"
        case .unbornHead(let branch):
            return "the repository has no commits yet (the branch \(branch) is unborn): commit the benchmark results first, " +
                "or name a revision that exists"
        case .notOwned(let path, let message):
            return "\(path) is a git repository owned by another user, which git refuses to open (\(message)): if you trust it, " +
                "run `git config --global --add safe.directory \(path)`; in a container job with actions/checkout, " +
                "add `git config --global --add safe.directory \"$GITHUB_WORKSPACE\"` as a step before regress " +
                "(or run the container as the user that checked the repository out)"
        case .missingObject(let id, let what, let message):
            return "object \(id.short) (\(what)) is missing or corrupt (\(message)): run `git fsck --full` to see what is damaged, " +
                "then fetch it again (`git fetch --refetch`) or clone afresh"
        case .symbolicLink(let path, let commit, let target):
            return "'\(path)' at commit \(commit.short) is a symbolic link to \(target): links are not followed"
        case .invalidBranchName(let name):
            return "'\(name)' is not a valid branch name (see `git check-ref-format --branch`)"
        case .branchCheckedOut(let name):
            return "the branch \(name) is checked out here: name another branch, or record into the working tree without --branch"
        case .branchMoved(let branch):
            return "the branch \(branch) moved while the commit was made (another process updated it): nothing was changed; run again"
        case .libgit2(let function, let code, let message):
            return "\(function) failed (\(code)): \(message)"
        }
    }
}

/// Checks the result of a libgit2 call at once, reading `git_error_last()` before anything else runs.
@discardableResult
func check(_ function: String, _ result: Int32) throws -> Int32 {
    guard result < 0 else { return result }
    throw lastError(function, result)
}

func lastError(_ function: String, _ result: Int32) -> GitError {
    let message: String
    if let error = git_error_last(), let text = error.pointee.message {
        message = String(cString: text)
    } else {
        message = "no message"
    }
    return .libgit2(function: function, code: result, message: message)
}

/// libgit2 is initialised once per process, on first use. (Starting it on another thread while the
/// arguments are parsed saved 0.3 ms of a 14 ms start, and cost large comparisons 7%: once a process
/// has a second thread, every allocation takes its arena's lock.)
let libgit2Initialized: Void = {
    git_libgit2_init()
    _ = regress_disable_read_verification()
}()
