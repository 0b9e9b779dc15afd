import CLibGit2
import Foundation

/// A file that one commit added, changed or deleted, compared with its first parent.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case added, modified, deleted
    }

    public let kind: Kind
    /// The path after the change (the old path for a deletion).
    public let path: String
    /// The blob after the change; nil for a deletion.
    public let blob: ObjectID?
}

/// A file of a tree and the blob it holds.
public struct TreeFile: Hashable, Sendable {
    public let path: String
    public let blob: ObjectID
}

extension Repository {
    /// The files `commit` added, changed or deleted below any of `prefixes` (folders relative to the
    /// root; "" or an empty list means everywhere), compared with `parent`, or with nothing when it is
    /// nil (a root commit, or the edge of a shallow clone). The two trees are merged entry by entry in
    /// git's order and a subtree whose id did not change is skipped, so the cost follows what changed
    /// and the size of the folders it changed in, not the size of the tree; nothing is allocated for
    /// an unchanged entry. A moved file is a deletion and an addition of the same blob.
    /// The corresponding libgit2 functions are `git_tree_entry_byindex` and `git_tree_entry_cmp`.
    public func changes(in commit: ObjectID, since parent: ObjectID?, under prefixes: [String] = []) throws -> [FileChange] {
        let newRoot = try lookupTree(of: commit)
        defer { git_tree_free(newRoot) }
        let oldRoot = try parent.map { try lookupTree(of: $0) }
        defer { if let oldRoot { git_tree_free(oldRoot) } }
        var changes: [FileChange] = []
        for folder in Repository.outermost(prefixes.isEmpty ? [""] : prefixes) {
            let newTree = try subtree(of: newRoot, at: folder)
            defer { if !folder.isEmpty, let newTree { git_tree_free(newTree) } }
            let oldTree = try oldRoot.flatMap { try subtree(of: $0, at: folder) }
            defer { if !folder.isEmpty, let oldTree { git_tree_free(oldTree) } }
            try compare(old: oldTree, new: newTree, base: folder.isEmpty ? "" : folder + "/", into: &changes)
        }
        return changes
    }

    /// The tree at `folder` below `root` ("" is the root itself); nil when there is none. A tree other
    /// than the root must be freed by the caller.
    private func subtree(of root: OpaquePointer, at folder: String) throws -> OpaquePointer? {
        if folder.isEmpty { return root }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, root, folder)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, pointer, git_tree_entry_id(entry)))
        return tree
    }

    /// Merges two sorted trees (either may be missing) and records what differs.
    private func compare(old: OpaquePointer?, new: OpaquePointer?, base: String, into changes: inout [FileChange]) throws {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0
        let newCount = new.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < oldCount || j < newCount {
            let o = i < oldCount ? git_tree_entry_byindex(old, i) : nil
            let n = j < newCount ? git_tree_entry_byindex(new, j) : nil
            let order: Int32 = o == nil ? 1 : n == nil ? -1 : git_tree_entry_cmp(o, n)
            if order == 0 {
                i += 1
                j += 1
                if git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(n)) == 1,
                   git_tree_entry_filemode(o).rawValue == git_tree_entry_filemode(n).rawValue { continue }
                let oldIsTree = git_tree_entry_type(o) == GIT_OBJECT_TREE, newIsTree = git_tree_entry_type(n) == GIT_OBJECT_TREE
                if oldIsTree || newIsTree {
                    try descend(old: oldIsTree ? o : nil, new: newIsTree ? n : nil, base: base, into: &changes)
                    if !oldIsTree { record(o!, base: base, kind: .deleted, into: &changes) }
                    if !newIsTree { record(n!, base: base, kind: .added, into: &changes) }
                } else {
                    record(n!, base: base, kind: .modified, into: &changes)
                }
            } else if order > 0 {
                j += 1
                if git_tree_entry_type(n) == GIT_OBJECT_TREE {
                    try descend(old: nil, new: n, base: base, into: &changes)
                } else {
                    record(n!, base: base, kind: .added, into: &changes)
                }
            } else {
                i += 1
                if git_tree_entry_type(o) == GIT_OBJECT_TREE {
                    try descend(old: o, new: nil, base: base, into: &changes)
                } else {
                    record(o!, base: base, kind: .deleted, into: &changes)
                }
            }
        }
    }

    private func descend(old: OpaquePointer?, new: OpaquePointer?, base: String, into changes: inout [FileChange]) throws {
        let name = String(cString: git_tree_entry_name(old ?? new))
        var oldTree: OpaquePointer?, newTree: OpaquePointer?
        if let old { try check("git_tree_lookup", git_tree_lookup(&oldTree, pointer, git_tree_entry_id(old))) }
        defer { if let oldTree { git_tree_free(oldTree) } }
        if let new { try check("git_tree_lookup", git_tree_lookup(&newTree, pointer, git_tree_entry_id(new))) }
        defer { if let newTree { git_tree_free(newTree) } }
        try compare(old: oldTree, new: newTree, base: base + name + "/", into: &changes)
    }

    /// Records a blob entry (links and submodules are not files and are left out).
    private func record(_ entry: OpaquePointer, base: String, kind: FileChange.Kind, into changes: inout [FileChange]) {
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else { return }
        let path = base + String(cString: git_tree_entry_name(entry))
        changes.append(FileChange(kind: kind, path: path, blob: kind == .deleted ? nil : ObjectID(git_tree_entry_id(entry).pointee)))
    }

    /// Every file of a commit's tree below any of `prefixes` ("" or none: the whole tree), with its blob.
    /// Only the subtrees named are walked. The corresponding libgit2 functions are
    /// `git_tree_entry_bypath` and `git_tree_walk`.
    public func files(at commit: ObjectID, under prefixes: [String] = []) throws -> [TreeFile] {
        let root = try lookupTree(of: commit)
        defer { git_tree_free(root) }
        let folders = Repository.outermost(prefixes.isEmpty ? [""] : prefixes)
        final class Collector {
            var files: [TreeFile] = []
            var base = ""
        }
        let collector = Collector()
        for folder in folders {
            var subtree: OpaquePointer?
            if folder.isEmpty {
                subtree = root
            } else {
                var entry: OpaquePointer?
                let found = git_tree_entry_bypath(&entry, root, folder)
                if found == GIT_ENOTFOUND.rawValue { continue }
                try check("git_tree_entry_bypath", found)
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { continue }
                try check("git_tree_lookup", git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)))
            }
            defer { if !folder.isEmpty { git_tree_free(subtree) } }
            collector.base = folder.isEmpty ? "" : folder + "/"
            let payload = Unmanaged.passUnretained(collector).toOpaque()
            let result = git_tree_walk(subtree, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
                let folder = root.map { String(cString: $0) } ?? ""
                let path = collector.base + folder + String(cString: git_tree_entry_name(entry))
                collector.files.append(TreeFile(path: path, blob: ObjectID(git_tree_entry_id(entry).pointee)))
                return 0
            }, payload)
            try check("git_tree_walk", result)
        }
        return collector.files
    }

    /// The blob of the file at `commit:path`; nil when there is no such file.
    /// The corresponding libgit2 function is `git_tree_entry_bypath`.
    public func blobID(at commit: ObjectID, path: String) throws -> ObjectID? {
        let tree = try lookupTree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_tree_entry_bypath", found)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }

    /// The bytes of a blob, copied out of libgit2.
    /// The corresponding libgit2 function is `git_blob_lookup`.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check("git_blob_lookup", git_blob_lookup(&blob, pointer, &oid))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// True when `ancestor` is `commit` or one of its ancestors.
    /// The corresponding libgit2 function is `git_graph_descendant_of`.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var a = commit.raw
        var b = ancestor.raw
        return try check("git_graph_descendant_of", git_graph_descendant_of(pointer, &a, &b)) == 1
    }

    /// The folders of the list that no other folder of it contains ("" contains everything).
    static func outermost(_ folders: [String]) -> [String] {
        if folders.contains("") { return [""] }
        let sorted = Set(folders).sorted()
        var kept: [String] = []
        for folder in sorted where !kept.contains(where: { folder.hasPrefix($0 + "/") }) {
            kept.append(folder)
        }
        return kept
    }
}
