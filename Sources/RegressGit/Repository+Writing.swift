import CLibGit2

/// Who made a commit and when; fixed values make commit ids reproducible.
public struct Signature: Sendable {
    public let name: String
    public let email: String
    /// Seconds since 1970.
    public let time: Int64

    public init(name: String, email: String, time: Int64) {
        self.name = name
        self.email = email
        self.time = time
    }
}

extension Repository {
    /// Stages every file of the working tree (additions, changes and deletions) and commits it on HEAD.
    /// The corresponding libgit2 functions are `git_index_add_all`, `git_index_write_tree` and `git_commit_create`.
    @discardableResult
    public func commitWorkingTree(message: String, signature: Signature) throws -> ObjectID {
        var index: OpaquePointer?
        try check("git_repository_index", git_repository_index(&index, pointer))
        defer { git_index_free(index) }
        try check("git_index_add_all", git_index_add_all(index, nil, 0, nil, nil))
        try check("git_index_update_all", git_index_update_all(index, nil, nil, nil))
        try check("git_index_write", git_index_write(index))
        var treeID = git_oid()
        try check("git_index_write_tree", git_index_write_tree(&treeID, index))
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, pointer, &treeID))
        defer { git_tree_free(tree) }

        var sig: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new", git_signature_new(&sig, signature.name, signature.email, git_time_t(signature.time), 0))
        defer { git_signature_free(sig) }

        var parents: [OpaquePointer?] = []
        var head: OpaquePointer?
        if git_revparse_single(&head, pointer, "HEAD^{commit}") == 0 {
            parents.append(head)
        }
        defer { if let head { git_object_free(head) } }
        var commitID = git_oid()
        let result = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, pointer, "HEAD", sig, sig, nil, message, tree, buffer.count, buffer.baseAddress)
        }
        try check("git_commit_create", result)
        return ObjectID(commitID)
    }
}
