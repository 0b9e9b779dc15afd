import CLibGit2
import Foundation

/// A commit made onto a branch without a checkout.
public struct BranchCommit: Equatable, Sendable {
    /// The new tip; the old one when nothing changed.
    public let id: ObjectID
    /// The commit it was made on; nil for the first commit of a new branch.
    public let parent: ObjectID?
    /// False when the files were already there as given: no commit was made and the branch did not move.
    public let changed: Bool
}

extension Repository {
    /// The commit a local branch points at; nil when there is no such branch.
    /// The corresponding libgit2 function is `git_reference_name_to_id`.
    public func branchTip(_ branch: String) throws -> ObjectID? {
        try tip(ofReference: "refs/heads/" + branch)
    }

    /// The commit a full reference name (`refs/remotes/origin/NAME`) points at, peeled; nil when it does not exist.
    /// The corresponding libgit2 function is `git_reference_name_to_id`.
    public func tip(ofReference name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue { return nil }
        try check("git_reference_name_to_id", result)
        return ObjectID(oid)
    }

    /// The user.name and user.email of git's configuration at `time`; nil when they are not set.
    /// The corresponding libgit2 function is `git_signature_default`.
    public func configuredSignature(time: Int64) -> Signature? {
        var sig: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&sig, pointer) == 0, let sig else { return nil }
        defer { git_signature_free(sig) }
        return Signature(name: String(cString: sig.pointee.name), email: String(cString: sig.pointee.email), time: time)
    }

    /// Commits `files` (paths relative to the root, and their bytes) onto `branch`: the tree of `parent`
    /// with these files added or replaced, as a commit whose only parent is `parent` (nil: a first,
    /// parentless commit). HEAD, the index and the working tree are not touched. The branch is moved
    /// only if it still points where it did (at `parent` when it exists, or nowhere), so two processes
    /// never lose each other's commit; files identical to the parent's make no commit.
    /// The corresponding libgit2 functions are `git_blob_create_from_buffer`, `git_index_read_tree`,
    /// `git_index_write_tree_to`, `git_commit_create` and `git_reference_create_matching`.
    public func commit(files: [(path: String, bytes: [UInt8])], onto branch: String, parent: ObjectID?, message: String,
                       signature: Signature) throws -> BranchCommit {
        let reference = "refs/heads/" + branch
        var valid: Int32 = 0
        guard git_reference_name_is_valid(&valid, reference) == 0, valid == 1, !branch.isEmpty else {
            throw GitError.invalidBranchName(branch)
        }
        if git_repository_head_detached(pointer) != 1 {
            var head: OpaquePointer?
            if git_reference_lookup(&head, pointer, "HEAD") == 0 {
                defer { git_reference_free(head) }
                if let target = git_reference_symbolic_target(head), String(cString: target) == reference {
                    throw GitError.branchCheckedOut(branch)
                }
            }
        }
        let existing = try branchTip(branch)

        // An index held in memory only: the repository's own index file is never read or written.
        var index: OpaquePointer?
        try check("git_index_new", git_index_new(&index))
        defer { git_index_free(index) }
        var parentTreeID: ObjectID?
        if let parent {
            let commit = try lookupCommit(parent)
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            try check("git_commit_tree", git_commit_tree(&tree, commit))
            defer { git_tree_free(tree) }
            parentTreeID = ObjectID(git_tree_id(tree).pointee)
            try check("git_index_read_tree", git_index_read_tree(index, tree))
        }
        for file in files {
            var blob = git_oid()
            try check("git_blob_create_from_buffer", file.bytes.withUnsafeBytes {
                git_blob_create_from_buffer(&blob, pointer, $0.baseAddress, $0.count)
            })
            var entry = git_index_entry()
            entry.mode = 0o100644
            entry.id = blob
            entry.file_size = UInt32(truncatingIfNeeded: file.bytes.count)
            try file.path.withCString { path in
                entry.path = path
                try check("git_index_add", git_index_add(index, &entry))
            }
        }
        var treeOID = git_oid()
        try check("git_index_write_tree_to", git_index_write_tree_to(&treeOID, index, pointer))
        if let parent, parentTreeID == ObjectID(treeOID), existing == parent {
            return BranchCommit(id: parent, parent: parent, changed: false)
        }
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, pointer, &treeOID))
        defer { git_tree_free(tree) }

        var sig: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new", git_signature_new(&sig, signature.name, signature.email, git_time_t(signature.time), 0))
        defer { git_signature_free(sig) }
        var parentHandle: OpaquePointer?
        if let parent { parentHandle = try lookupCommit(parent) }
        defer { if let parentHandle { git_commit_free(parentHandle) } }
        var parents: [OpaquePointer?] = parentHandle.map { [$0] } ?? []
        var commitID = git_oid()
        let created = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, pointer, nil, sig, sig, nil, message, tree, buffer.count, buffer.baseAddress)
        }
        try check("git_commit_create", created)

        // Compare-and-swap: the branch moves only from the tip this commit was made on.
        let summary = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
        var out: OpaquePointer?
        let result: Int32
        if let existing {
            guard existing == parent else { throw GitError.branchMoved(branch: branch) }
            var current = existing.raw
            result = git_reference_create_matching(&out, pointer, reference, &commitID, 1, &current, "commit: " + summary)
        } else {
            result = git_reference_create(&out, pointer, reference, &commitID, 0, "commit (initial): " + summary)
        }
        if result == GIT_EMODIFIED.rawValue || result == GIT_EEXISTS.rawValue { throw GitError.branchMoved(branch: branch) }
        try check("git_reference_create", result)
        git_reference_free(out)
        return BranchCommit(id: ObjectID(commitID), parent: parent, changed: true)
    }
}
