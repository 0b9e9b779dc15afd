import CLibGit2
import Foundation

/// An open git repository. Not shared across threads: open one per task.
public final class Repository {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository that contains `path`, searching upwards from it; bare repositories too.
    /// The corresponding libgit2 function is `git_repository_open_ext`.
    public convenience init(discoveringFrom path: String) throws {
        _ = libgit2Initialized
        var out: OpaquePointer?
        let result = git_repository_open_ext(&out, path, 0, nil)
        if result == GIT_EOWNER.rawValue || result == GIT_ENOTFOUND.rawValue, let owned = Repository.foreignRepository(above: path) {
            throw GitError.notOwned(path: owned.path, message: "owned by uid \(owned.owner), regress runs as uid \(geteuid())")
        }
        if result == GIT_ENOTFOUND.rawValue {
            throw GitError.notARepository(path: path)
        }
        try check("git_repository_open_ext", result)
        self.init(pointer: out!)
    }

    /// Creates an empty repository with a working tree at `path`.
    /// The corresponding libgit2 function is `git_repository_init`.
    public static func create(at path: String) throws -> Repository {
        _ = libgit2Initialized
        var out: OpaquePointer?
        try check("git_repository_init", git_repository_init(&out, path, 0))
        return Repository(pointer: out!)
    }

    /// Turns libgit2's object cache on or off for the whole process (it is on by default). A walk that
    /// reads each commit of a long history once, as an export does, keeps none of them with it off.
    public static func setObjectCache(enabled: Bool) {
        _ = libgit2Initialized
        _ = regress_enable_object_cache(enabled ? 1 : 0)
    }

    /// True for a repository without a working tree.
    /// The corresponding libgit2 function is `git_repository_is_bare`.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// The working tree's folder, without a trailing slash; nil for a bare repository.
    /// The corresponding libgit2 function is `git_repository_workdir`.
    public var workingDirectory: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        return Repository.trimmingSlash(String(cString: path))
    }

    /// The `.git` folder (or the bare repository's folder), without a trailing slash.
    /// The corresponding libgit2 function is `git_repository_path`.
    public var gitDirectory: String {
        Repository.trimmingSlash(String(cString: git_repository_path(pointer)))
    }

    /// True when the repository is a shallow clone.
    /// The corresponding libgit2 function is `git_repository_is_shallow`.
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The commits at which a shallow clone's history was cut (the `shallow` file of the git folder).
    public lazy var shallowBoundaries: Set<ObjectID> = {
        guard let text = try? String(contentsOfFile: gitDirectory + "/shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }()

    /// Whether git would ignore this path of the working tree (`.gitignore`, `info/exclude`).
    /// The corresponding libgit2 function is `git_ignore_path_is_ignored`.
    public func isIgnored(_ relativePath: String) -> Bool {
        var ignored: Int32 = 0
        guard git_ignore_path_is_ignored(&ignored, pointer, relativePath) == 0 else { return false }
        return ignored == 1
    }

    /// Looks up a commit and copies out what regress needs of it.
    /// The corresponding libgit2 function is `git_commit_lookup`.
    public func commit(_ id: ObjectID) throws -> Commit {
        let handle = try lookupCommit(id)
        defer { git_commit_free(handle) }
        return Repository.copyCommit(handle)
    }

    func lookupCommit(_ id: ObjectID) throws -> OpaquePointer {
        var oid = id.raw
        var out: OpaquePointer?
        let result = git_commit_lookup(&out, pointer, &oid)
        if result == GIT_ENOTFOUND.rawValue, !shallowBoundaries.contains(id),
           case .libgit2(_, _, let message) = lastError("git_commit_lookup", result) {
            throw GitError.missingObject(id: id, what: "commit \(id.short)", message: message)
        }
        try check("git_commit_lookup", result)
        return out!
    }

    static func copyCommit(_ handle: OpaquePointer) -> Commit {
        let id = ObjectID(git_commit_id(handle).pointee)
        let parents = parentIDs(handle)
        let summary = git_commit_summary(handle).map { String(cString: $0) } ?? ""
        let author = git_commit_author(handle).map { String(cString: $0.pointee.name) } ?? ""
        return Commit(id: id, parents: parents, summary: summary, authorName: author, time: Int64(git_commit_time(handle)))
    }

    static func parentIDs(_ handle: OpaquePointer) -> [ObjectID] {
        (0..<git_commit_parentcount(handle)).compactMap { git_commit_parent_id(handle, $0).map { ObjectID($0.pointee) } }
    }

    /// The nearest folder at or above `path` that holds a `.git` (or is a bare repository) owned by
    /// another user than this process's, which libgit2 then refuses to open: it reports that as
    /// `GIT_EOWNER`, or (1.5) as "config value 'safe.directory' was not found". Nil when the nearest
    /// repository is this user's, or root's (which git trusts too), or there is none.
    static func foreignRepository(above path: String) -> (path: String, owner: uid_t)? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.path
        while true {
            var status = stat()
            for marker in [folder + "/.git", folder + "/HEAD"] where lstat(marker, &status) == 0 {
                if marker.hasSuffix("/HEAD"), lstat(folder + "/objects", &status) != 0 { continue }
                var owner = stat()
                guard stat(folder + (marker.hasSuffix("/.git") ? "/.git" : ""), &owner) == 0 else { continue }
                return owner.st_uid == geteuid() || owner.st_uid == 0 ? nil : (folder, owner.st_uid)
            }
            if folder == "/" || folder.isEmpty { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
