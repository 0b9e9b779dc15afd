import CLibGit2

/// A file that a commit moved or renamed: the same content (or nearly, by git's similarity) at a new path.
public struct Rename: Equatable, Sendable {
    public let from: String
    public let to: String
    /// git's similarity of the two blobs, 0 to 100 (100: the same content).
    public let similarity: Int

    public init(from: String, to: String, similarity: Int) {
        self.from = from
        self.to = to
        self.similarity = similarity
    }
}

extension Repository {
    /// The files renamed between two commits' trees, as git's rename detection finds them (exact
    /// renames and those at least 50% similar), in the diff's order.
    /// The corresponding libgit2 functions are `git_diff_tree_to_tree` and `git_diff_find_similar`.
    public func renames(from old: ObjectID, to new: ObjectID) throws -> [Rename] {
        let oldTree = try lookupTree(of: old)
        defer { git_tree_free(oldTree) }
        let newTree = try lookupTree(of: new)
        defer { git_tree_free(newTree) }
        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        var diff: OpaquePointer?
        try check("git_diff_tree_to_tree", git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options))
        defer { git_diff_free(diff) }
        var find = git_diff_find_options()
        try check("git_diff_find_options_init", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try check("git_diff_find_similar", git_diff_find_similar(diff, &find))
        var renames: [Rename] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index), delta.pointee.status == GIT_DELTA_RENAMED,
                  let from = delta.pointee.old_file.path, let to = delta.pointee.new_file.path else { continue }
            renames.append(Rename(from: String(cString: from), to: String(cString: to), similarity: Int(delta.pointee.similarity)))
        }
        return renames
    }

    /// The paths git tracks in the index (staged or committed), sorted.
    /// The corresponding libgit2 functions are `git_repository_index` and `git_index_get_byindex`.
    public func trackedPaths() throws -> [String] {
        var index: OpaquePointer?
        try check("git_repository_index", git_repository_index(&index, pointer))
        defer { git_index_free(index) }
        var paths: [String] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), let path = entry.pointee.path else { continue }
            paths.append(String(cString: path))
        }
        return paths.sorted()
    }
}
