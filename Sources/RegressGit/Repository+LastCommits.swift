import CLibGit2

extension Repository {
    /// The newest commit that changed each folder ("" is the whole tree), found in one walk back from
    /// `tip`: a commit changed a folder when the folder's tree differs from its version in every parent
    /// (a merge that took the folder from one side did not change it; the commit on that side did), or,
    /// for a root commit, when the folder exists. The walk stops once every folder has its commit.
    /// Folders are compared from the outermost down, so a commit that left `a/` alone costs one lookup
    /// for `a/b/c` too. Folders never committed are absent from the result.
    /// The corresponding libgit2 functions are `git_commit_tree` and `git_tree_entry_bypath`.
    public func lastCommits(touching folders: [String], from tip: ObjectID) throws -> [String: Commit] {
        var pending = Set(folders)
        var found: [String: Commit] = [:]
        var trees = FolderTrees(repository: self)
        var seen: Set<ObjectID> = [tip]
        var queue: [Commit] = [try commit(tip)]
        let boundaries = shallowBoundaries
        while !pending.isEmpty, !queue.isEmpty {
            // Newest first (by committer time, ties by id), as `history(from:)` walks.
            let index = queue.indices.max { a, b in (queue[a].time, queue[b].id) < (queue[b].time, queue[a].id) }!
            let current = queue.remove(at: index)
            let parents = boundaries.contains(current.id) ? [] : current.parents
            for folder in pending.sorted() {
                // A folder not in this commit was not changed by it (it was deleted, or not made yet).
                guard try trees.id(of: folder, at: current.id) != nil else { continue }
                var changed = true
                for parent in parents where try trees.same(folder, at: current.id, and: parent) {
                    changed = false
                    break
                }
                if changed {
                    found[folder] = current
                    pending.remove(folder)
                }
            }
            for parent in parents where !seen.contains(parent) {
                seen.insert(parent)
                do {
                    queue.append(try commit(parent))
                } catch let error as GitError where error.isNotFound && isShallow {
                    continue
                }
            }
            trees.forget(keeping: Set(queue.map(\.id)).union(queue.flatMap(\.parents)))
        }
        return found
    }
}

/// The object ids of folders at commits, each looked up once and kept while the walk may ask again.
private struct FolderTrees {
    let repository: Repository
    private var ids: [ObjectID: [String: ObjectID?]] = [:]

    init(repository: Repository) {
        self.repository = repository
    }

    /// The id of the tree at `commit:folder`; nil when there is no such folder. A folder whose parent
    /// folder is the same object in two commits is the same object too: callers compare outermost first.
    mutating func id(of folder: String, at commit: ObjectID) throws -> ObjectID? {
        if let known = ids[commit]?[folder] { return known }
        let id: ObjectID?
        if folder.isEmpty {
            id = try repository.rootTreeID(of: commit)
        } else {
            id = try repository.entryID(at: commit, path: folder)
        }
        ids[commit, default: [:]][folder] = .some(id)
        return id
    }

    /// Whether `folder` is the same object in both commits, asking about its outermost folder first:
    /// when `a` is the same, so is `a/b/c`, without looking further.
    mutating func same(_ folder: String, at commit: ObjectID, and other: ObjectID) throws -> Bool {
        if try id(of: "", at: commit) == id(of: "", at: other) { return true }
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if try id(of: prefix, at: commit) == id(of: prefix, at: other) { return true }
        }
        return false
    }

    /// Drops what was looked up for commits the walk will not ask about again.
    mutating func forget(keeping commits: Set<ObjectID>) {
        ids = ids.filter { commits.contains($0.key) }
    }
}

extension Repository {
    /// The id of a commit's root tree.
    /// The corresponding libgit2 function is `git_commit_tree_id`.
    func rootTreeID(of commit: ObjectID) throws -> ObjectID {
        let handle = try lookupCommit(commit)
        defer { git_commit_free(handle) }
        return ObjectID(git_commit_tree_id(handle).pointee)
    }

    /// The id of whatever `commit:path` names (a tree or a blob); nil when nothing is there.
    func entryID(at commit: ObjectID, path: String) throws -> ObjectID? {
        try entry(at: commit, path: path)?.id
    }

    /// The id and type of the entry at `commit:path`; nil when nothing is there.
    /// The corresponding libgit2 function is `git_tree_entry_bypath`.
    func entry(at commit: ObjectID, path: String) throws -> (id: ObjectID, type: git_object_t)? {
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        return (ObjectID(git_tree_entry_id(entry).pointee), git_tree_entry_type(entry))
    }
}
