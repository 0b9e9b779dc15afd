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
    /// The blob after the change; for a deletion, the blob it removed.
    public let blob: ObjectID
}

/// A file of a tree and the blob it holds.
public struct TreeFile: Hashable, Sendable {
    public let path: String
    public let blob: ObjectID
    /// True for a committed symbolic link (its blob is the link's target, not a file's bytes).
    public var isLink = false
}

extension Repository {
    /// The files `commit` added, changed or deleted below any of `prefixes` (folders relative to the
    /// root; "" or an empty list means everywhere), compared with `parent`, or with nothing when it is
    /// nil (a root commit, or the edge of a shallow clone). A moved file is a deletion and an addition
    /// of the same blob. A walk over many commits should keep one `TreeDiffer` instead, which reads
    /// each tree once.
    public func changes(in commit: ObjectID, since parent: ObjectID?, under prefixes: [String] = []) throws -> [FileChange] {
        try TreeDiffer(repository: self).changes(in: commit, since: parent, under: prefixes)
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
                collector.files.append(TreeFile(path: path, blob: ObjectID(git_tree_entry_id(entry).pointee),
                                                isLink: git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK))
                return 0
            }, payload)
            try check("git_tree_walk", result)
        }
        return collector.files
    }

    /// The blob of the file at `commit:path`; nil when there is no such file.
    public func blobID(at commit: ObjectID, path: String) throws -> ObjectID? {
        guard let found = try entry(at: commit, path: path), found.type == GIT_OBJECT_BLOB else { return nil }
        return found.id
    }

    /// The bytes of a blob, copied out of libgit2.
    /// The corresponding libgit2 function is `git_blob_lookup`.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        let result = git_blob_lookup(&blob, pointer, &oid)
        if result < 0, case .libgit2(_, _, let message) = lastError("git_blob_lookup", result) {
            throw GitError.missingObject(id: id, what: "a file's content", message: message)
        }
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
