import CLibGit2
import Foundation

/// A file that one commit added, changed, deleted or moved, compared with its first parent.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case added, modified, deleted, renamed
    }

    public let kind: Kind
    /// The path after the change (the old path for a deletion).
    public let path: String
    /// The path before, for a rename.
    public let oldPath: String?
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
    /// nil (a root commit, or the edge of a shallow clone). Unchanged subtrees are skipped by their ids,
    /// so the cost follows what changed, not the size of the tree. Renames are not looked for: a moved
    /// file is a deletion and an addition of the same blob.
    /// The corresponding libgit2 function is `git_diff_tree_to_tree`.
    public func changes(in commit: ObjectID, since parent: ObjectID?, under prefixes: [String] = []) throws -> [FileChange] {
        let newTree = try lookupTree(of: commit)
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let parent {
            oldTree = try lookupTree(of: parent)
        }
        defer { if let oldTree { git_tree_free(oldTree) } }

        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        options.flags = GIT_DIFF_SKIP_BINARY_CHECK.rawValue
        let specs = prefixes.contains("") ? [] : prefixes
        var cStrings = specs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var diff: OpaquePointer?
        let result = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options)
        }
        try check("git_diff_tree_to_tree", result)
        defer { git_diff_free(diff) }

        var changes: [FileChange] = []
        let count = git_diff_num_deltas(diff)
        changes.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? ""
            let oldPath = delta.old_file.path.map { String(cString: $0) } ?? newPath
            let isBlob = { (mode: UInt16) in mode == UInt16(GIT_FILEMODE_BLOB.rawValue) || mode == UInt16(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue) }
            switch delta.status {
            case GIT_DELTA_ADDED where isBlob(delta.new_file.mode):
                changes.append(FileChange(kind: .added, path: newPath, oldPath: nil, blob: ObjectID(delta.new_file.id)))
            case GIT_DELTA_MODIFIED where isBlob(delta.new_file.mode), GIT_DELTA_TYPECHANGE where isBlob(delta.new_file.mode):
                changes.append(FileChange(kind: .modified, path: newPath, oldPath: nil, blob: ObjectID(delta.new_file.id)))
            case GIT_DELTA_RENAMED where isBlob(delta.new_file.mode):
                changes.append(FileChange(kind: .renamed, path: newPath, oldPath: oldPath, blob: ObjectID(delta.new_file.id)))
            case GIT_DELTA_DELETED, GIT_DELTA_TYPECHANGE:
                changes.append(FileChange(kind: .deleted, path: oldPath, oldPath: nil, blob: nil))
            default:
                break
            }
        }
        return changes
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
