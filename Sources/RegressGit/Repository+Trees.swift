import CLibGit2

extension Repository {
    /// Every file path of a commit's tree (blobs only: no folders, no submodules), in git's order.
    /// The corresponding libgit2 function is `git_tree_walk`.
    public func filePaths(at commit: ObjectID) throws -> [String] {
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        final class Collector { var paths: [String] = [] }
        let collector = Collector()
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        let result = git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
            guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
            let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
            let folder = root.map { String(cString: $0) } ?? ""
            collector.paths.append(folder + String(cString: git_tree_entry_name(entry)))
            return 0
        }, payload)
        try check("git_tree_walk", result)
        return collector.paths
    }

    /// The file paths of a commit's tree that match any of the globs, sorted.
    public func filePaths(at commit: ObjectID, matching globs: [Glob]) throws -> [String] {
        try filePaths(at: commit).filter { path in globs.contains { $0.matches(path) } }.sorted()
    }

    /// The bytes of the file at `commit:path`, copied out of libgit2.
    /// The corresponding libgit2 functions are `git_tree_entry_bypath` and `git_blob_lookup`.
    public func fileContents(at commit: ObjectID, path: String) throws -> [UInt8] {
        try withBlob(at: commit, path: path) { blob in
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
            return Array(UnsafeRawBufferPointer(start: raw, count: size))
        }
    }

    /// The size in bytes of the file at `commit:path`, read from the object's header without loading it.
    /// The corresponding libgit2 function is `git_odb_read_header`.
    public func fileSize(at commit: ObjectID, path: String) throws -> Int {
        let (id, _) = try blobEntry(at: commit, path: path)
        do {
            return try blobSize(id)
        } catch GitError.missingObject(let id, _, let message) {
            throw GitError.missingObject(id: id, what: "the content of '\(path)' at commit \(commit.short)", message: message)
        }
    }

    /// The sizes in bytes of files of one commit, read from the objects' headers without loading them;
    /// paths that are not files are left out. Each folder's tree is looked up once, so the cost follows
    /// the number of paths, not paths times the size of their folder.
    /// The corresponding libgit2 functions are `git_tree_entry_byname` and `git_odb_read_header`.
    public func fileSizes(at commit: ObjectID, paths: [String]) throws -> [String: Int] {
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, pointer))
        defer { git_odb_free(odb) }
        var sizes: [String: Int] = [:]
        try forEachFile(at: commit, paths: paths) { path, entry in
            var size = 0
            var type = GIT_OBJECT_ANY
            if git_odb_read_header(&size, &type, odb, git_tree_entry_id(entry)) == 0 { sizes[path] = size }
        }
        return sizes
    }

    /// The blobs of files of one commit; paths that are not files (folders, submodules, symbolic links)
    /// are left out. Each folder's tree is looked up once, as in `fileSizes(at:paths:)`.
    /// The corresponding libgit2 function is `git_tree_entry_byname`.
    public func fileBlobIDs(at commit: ObjectID, paths: [String]) throws -> [String: ObjectID] {
        var ids: [String: ObjectID] = [:]
        try forEachFile(at: commit, paths: paths) { path, entry in
            ids[path] = ObjectID(git_tree_entry_id(entry).pointee)
        }
        return ids
    }

    /// Calls `body` with each of `paths` that is a file of the commit's tree (a blob that is not a
    /// symbolic link) and its tree entry, which lives only during the call. Each folder's tree is looked
    /// up once.
    func forEachFile(at commit: ObjectID, paths: [String], _ body: (String, OpaquePointer) throws -> Void) throws {
        let root = try lookupTree(of: commit)
        defer { git_tree_free(root) }
        var byFolder: [String: [(path: String, name: String)]] = [:]
        for path in paths {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            byFolder[folder, default: []].append((path, name))
        }
        for (folder, members) in byFolder {
            var tree: OpaquePointer? = root
            if !folder.isEmpty {
                var entry: OpaquePointer?
                guard git_tree_entry_bypath(&entry, root, folder) == 0 else { continue }
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { continue }
                tree = nil
                try check("git_tree_lookup", git_tree_lookup(&tree, pointer, git_tree_entry_id(entry)))
            }
            defer { if !folder.isEmpty { git_tree_free(tree) } }
            for member in members {
                guard let entry = git_tree_entry_byname(tree, member.name), git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                      git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK else { continue }
                try body(member.path, entry)
            }
        }
    }

    /// The size in bytes of a blob, read from the object's header without loading it.
    /// The corresponding libgit2 function is `git_odb_read_header`.
    public func blobSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, pointer))
        defer { git_odb_free(odb) }
        var oid = id.raw
        var size = 0
        var type = GIT_OBJECT_ANY
        let result = git_odb_read_header(&size, &type, odb, &oid)
        if result < 0, case .libgit2(_, _, let message) = lastError("git_odb_read_header", result) {
            throw GitError.missingObject(id: id, what: "a blob", message: message)
        }
        return size
    }

    /// The id of the blob at `commit:path` and its file mode; a link, folder or submodule is an error.
    func blobEntry(at commit: ObjectID, path: String) throws -> (ObjectID, git_filemode_t) {
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { throw GitError.pathNotFound(path: path, commit: commit) }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { throw GitError.notAFile(path: path, commit: commit) }
        return (ObjectID(git_tree_entry_id(entry).pointee), git_tree_entry_filemode(entry))
    }

    /// Runs `body` on the blob at `commit:path`; a committed symbolic link is reported, not read as a file.
    func withBlob<T>(at commit: ObjectID, path: String, _ body: (OpaquePointer?) throws -> T) throws -> T {
        let (id, mode) = try blobEntry(at: commit, path: path)
        var oid = id.raw
        var blob: OpaquePointer?
        let result = git_blob_lookup(&blob, pointer, &oid)
        if result < 0, case .libgit2(_, _, let message) = lastError("git_blob_lookup", result) {
            throw GitError.missingObject(id: id, what: "the content of '\(path)' at commit \(commit.short)", message: message)
        }
        defer { git_blob_free(blob) }
        if mode == GIT_FILEMODE_LINK {
            let size = Int(git_blob_rawsize(blob))
            let target = size > 0 ? String(decoding: UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: min(size, 4096)),
                                           as: UTF8.self) : ""
            throw GitError.symbolicLink(path: path, commit: commit, target: target)
        }
        return try body(blob)
    }

    /// Whether `commit:path` names a file.
    public func fileExists(at commit: ObjectID, path: String) throws -> Bool {
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return false }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_type(entry) == GIT_OBJECT_BLOB
    }

    func lookupTree(of commit: ObjectID) throws -> OpaquePointer {
        let handle = try lookupCommit(commit)
        defer { git_commit_free(handle) }
        var tree: OpaquePointer?
        let result = git_commit_tree(&tree, handle)
        if result < 0, case .libgit2(_, _, let message) = lastError("git_commit_tree", result) {
            throw GitError.missingObject(id: ObjectID(git_commit_tree_id(handle).pointee), what: "the tree of commit \(commit.short)", message: message)
        }
        return tree!
    }
}
