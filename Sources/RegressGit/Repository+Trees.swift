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
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { throw GitError.pathNotFound(path: path, commit: commit) }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { throw GitError.notAFile(path: path, commit: commit) }
        var blob: OpaquePointer?
        try check("git_blob_lookup", git_blob_lookup(&blob, pointer, git_tree_entry_id(entry)))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
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
        try check("git_commit_tree", git_commit_tree(&tree, handle))
        return tree!
    }
}
