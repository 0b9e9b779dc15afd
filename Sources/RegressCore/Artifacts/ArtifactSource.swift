import Foundation
import RegressGit

/// Where artifacts are read from: a commit (through libgit2) or the working tree.
public protocol ArtifactSource {
    /// How reports name this side: "HEAD~1 (3f2a1c0)" or "working tree".
    var label: String { get }
    /// The commit this side is, or sits on (the working tree's HEAD); nil when there is none.
    var commit: Commit? { get }
    /// Paths relative to the repository root that match any glob, sorted.
    func files(matching globs: [Glob]) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    /// The size in bytes of the file at `path`, when the source can tell without reading it.
    func size(of path: String) -> Int?
    /// The sizes of many files at once (those the source can tell); as `size(of:)` for each, cheaper.
    func sizes(of paths: [String]) -> [String: Int]
    /// The id of the blob at `path` when the source is a commit (the same id means the same bytes);
    /// nil for files on disk or a missing path.
    func blobID(_ path: String) -> ObjectID?
    /// The blobs of many files at once, as `blobID(_:)` for each but cheaper; a committed symbolic link
    /// is left out (its blob is not the file's bytes).
    func blobIDs(of paths: [String]) -> [String: ObjectID]
    /// The repository whose history `commit` is in, when the source has one.
    var historyRepository: Repository? { get }
}

extension ArtifactSource {
    public func size(of path: String) -> Int? { nil }
    public func sizes(of paths: [String]) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for path in paths { sizes[path] = size(of: path) }
        return sizes
    }
    public func blobID(_ path: String) -> ObjectID? { nil }
    public func blobIDs(of paths: [String]) -> [String: ObjectID] { [:] }
    public var historyRepository: Repository? { nil }
}

/// The tree of one commit, read through libgit2 without a checkout.
public struct CommitSource: ArtifactSource {
    public let repository: Repository
    public let revision: String
    public let commit: Commit?
    private let id: ObjectID

    public init(repository: Repository, revision: String) throws {
        self.repository = repository
        self.revision = revision
        self.id = try repository.resolveCommit(revision)
        self.commit = try repository.commit(id)
    }

    public var label: String { "\(revision) (\(id.short))" }

    public var historyRepository: Repository? { repository }

    public func files(matching globs: [Glob]) throws -> [String] {
        try repository.filePaths(at: id, matching: globs)
    }

    /// The file's bytes; a committed symbolic link is not followed (`ArtifactError.notRead`, a notice).
    public func read(_ path: String) throws -> [UInt8] {
        do {
            return try repository.fileContents(at: id, path: path)
        } catch GitError.symbolicLink(_, _, let target) {
            throw ArtifactError.notRead(path: path, reason: "a symbolic link to \(target), committed as a link: not followed")
        }
    }

    public func size(of path: String) -> Int? {
        try? repository.fileSize(at: id, path: path)
    }

    public func sizes(of paths: [String]) -> [String: Int] {
        (try? repository.fileSizes(at: id, paths: paths)) ?? [:]
    }

    public func blobID(_ path: String) -> ObjectID? {
        (try? repository.blobID(at: id, path: path)) ?? nil
    }

    public func blobIDs(of paths: [String]) -> [String: ObjectID] {
        (try? repository.fileBlobIDs(at: id, paths: paths)) ?? [:]
    }
}

/// The files on disk in a repository's working tree, as they are now, committed or not. Folders that
/// git ignores are skipped, unless a glob names them by a literal prefix (`target/criterion/**`); a
/// file git tracks is read even when `.gitignore` matches it (results that CI commits into a folder
/// ignored for local runs), an untracked ignored one is not.
///
/// A folder (`init(folder:)`, the sides of `compare --base-dir`/`--head-dir`) is read the same way,
/// with the ignores and committed versions of the repository around it, if any; in a folder outside
/// any repository nothing is ignored and every file was produced here.
public struct WorkingTreeSource: ArtifactSource {
    public let root: String
    public let repository: Repository?
    public let commit: Commit?
    /// Where `root` lies in the repository's working directory ("" at its top, else `a/b/`).
    let prefix: String
    /// "working tree", or `folder DIR` for a side of `compare --base-dir`/`--head-dir`.
    public internal(set) var label = "working tree"

    public init(repository: Repository) throws {
        guard let root = repository.workingDirectory else {
            throw GitError.bareRepository(path: repository.gitDirectory)
        }
        self.root = root
        self.repository = repository
        self.commit = (try? repository.resolveCommit("HEAD")).flatMap { try? repository.commit($0) }
        prefix = ""
    }

    /// A folder as its own tree (a package inside a larger repository, or one outside any): paths are
    /// relative to it; git's ignores and committed versions are those of the repository around it, if any.
    public init(folder: String) {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        root = absolute
        if let repository = try? Repository(discoveringFrom: absolute), let top = repository.workingDirectory {
            let base = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
            if absolute == base || absolute.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
                self.repository = repository
                commit = (try? repository.resolveCommit("HEAD")).flatMap { try? repository.commit($0) }
                prefix = absolute == base ? "" : String(absolute.dropFirst(base.count).drop { $0 == "/" }) + "/"
                return
            }
        }
        repository = nil
        commit = nil
        prefix = ""
    }

    /// A side of `compare --base-dir`/`--head-dir`: the folder as its own tree (see `init(folder:)`),
    /// named `folder DIR` in reports; a folder that does not exist is an error naming it.
    public static func side(folder: String) throws -> WorkingTreeSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RegressError.notAFolder(path: folder)
        }
        var source = WorkingTreeSource(folder: folder)
        source.label = "folder \(folder)"
        return source
    }

    public var historyRepository: Repository? { repository }

    /// True when the folder is the top of its repository, so that its paths are the repository's.
    public var isRepositoryTop: Bool { repository != nil && prefix.isEmpty }

    public func files(matching globs: [Glob]) throws -> [String] {
        var found: Set<String> = []
        let prefixes = Set(globs.flatMap(\.literalPrefixes))
        for prefix in prefixes.sorted() {
            walk(prefix, checkIgnored: prefix.isEmpty) { path in
                if globs.contains(where: { $0.matches(path) }) { found.insert(path) }
            }
        }
        let tracked = ((try? repository?.trackedPaths()) ?? []).compactMap { path in
            prefix.isEmpty ? path : path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
        }
        for path in tracked where !found.contains(path) && globs.contains(where: { $0.matches(path) }) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.insert(path)
            }
        }
        return found.sorted()
    }

    private func walk(_ folder: String, checkIgnored: Bool, visit: (String) -> Void) {
        let absolute = folder.isEmpty ? root : root + "/" + folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return }
        for name in names.sorted() where name != ".git" {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory) else { continue }
            // A link to a folder is not followed: it could lead outside the tree or round in a loop.
            if isDirectory.boolValue, (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + relative)) != nil {
                continue
            }
            if checkIgnored, let repository, repository.isIgnored(prefix + (isDirectory.boolValue ? relative + "/" : relative)) {
                continue
            }
            if isDirectory.boolValue {
                walk(relative, checkIgnored: checkIgnored, visit: visit)
            } else {
                visit(relative)
            }
        }
    }

    /// True when the file is not committed at HEAD as it is now: untracked, or changed.
    public func wasProducedHere(_ path: String) -> Bool {
        guard let repository, let head = commit?.id,
              let committed = try? repository.fileContents(at: head, path: prefix + path) else { return true }
        return (try? read(path)) != committed
    }

    /// The file's bytes; a link that leads outside the repository, a FIFO or a device is not read (see `LocalFile`).
    public func read(_ path: String) throws -> [UInt8] {
        try LocalFile.read(path, root: root)
    }

    public func size(of path: String) -> Int? {
        LocalFile.size(path, root: root)
    }
}
