import CLibGit2

/// Commits reached by walking back from a revision, newest first: their ids only, 20 bytes a commit
/// however long the history; `Repository.commit(_:)` reads the rest of one when it is needed.
public struct History: Sendable {
    public let ids: [ObjectID]
    /// Set when a shallow clone cut the walk short: the oldest commit whose parents were never fetched.
    public let shallowAt: ObjectID?

    /// What to tell the user when the walk was cut short.
    public var shallowNotice: String? {
        shallowAt.map { GitError.shallowHistory(at: $0).errorDescription ?? "" }
    }
}

extension Repository {
    /// Walks history back from `start`, newest first (by committer time, ties by id), at most `limit`
    /// commits. With `firstParent`, only the first parent of each merge is followed, as
    /// `git log --first-parent` does. A shallow boundary ends the walk and is reported in the result.
    public func history(from start: ObjectID, firstParent: Bool = false, limit: Int? = nil) throws -> History {
        var result: [ObjectID] = []
        let shallowAt = try walk(from: start, firstParent: firstParent) { id in
            if let limit, result.count >= limit { return false }
            result.append(id)
            return true
        }
        return History(ids: result, shallowAt: shallowAt)
    }

    /// Where each of `ids` stands in the history of `start` (0 for `start`, then older, in the order of
    /// `history(from:)`), walking back only until all are found; ids the walk never reaches are left out.
    public func positions(of ids: Set<ObjectID>, from start: ObjectID) throws -> [ObjectID: Int] {
        var positions: [ObjectID: Int] = [:]
        var index = 0
        _ = try walk(from: start, firstParent: false) { id in
            guard positions.count < ids.count else { return false }
            if ids.contains(id) { positions[id] = index }
            index += 1
            return true
        }
        return positions
    }

    /// Visits the history of `start` newest first (by committer time, ties by id) until `visit` says
    /// stop; returns the commit at which a shallow boundary cut the walk, if any. Only the commits
    /// waiting to be visited (one per open branch) are held with their parents and time.
    private func walk(from start: ObjectID, firstParent: Bool, visit: (ObjectID) -> Bool) throws -> ObjectID? {
        var shallowAt: ObjectID?
        // A first-parent line reaches each commit once; following every parent, merges meet again.
        var seen: Set<ObjectID> = firstParent ? [] : [start]
        var pending: [WalkStep] = [try walkStep(start)]
        let boundaries = shallowBoundaries
        while !pending.isEmpty {
            let index = pending.indices.max { a, b in
                (pending[a].time, pending[b].id) < (pending[b].time, pending[a].id)
            }!
            guard visit(pending[index].id) else { break }
            let current = pending.remove(at: index)
            if boundaries.contains(current.id) {
                if !current.parents.isEmpty, shallowAt == nil { shallowAt = current.id }
                continue
            }
            let parents = firstParent ? Array(current.parents.prefix(1)) : current.parents
            for parent in parents where firstParent || seen.insert(parent).inserted {
                do {
                    pending.append(try walkStep(parent))
                } catch let error as GitError where error.isNotFound && isShallow {
                    if shallowAt == nil { shallowAt = current.id }
                }
            }
        }
        return shallowAt
    }

    /// What the walk orders a commit by and goes on to.
    private struct WalkStep {
        let id: ObjectID
        let parents: [ObjectID]
        let time: Int64
    }

    private func walkStep(_ id: ObjectID) throws -> WalkStep {
        let handle = try lookupCommit(id)
        defer { git_commit_free(handle) }
        return WalkStep(id: id, parents: Repository.parentIDs(handle), time: Int64(git_commit_time(handle)))
    }
}
