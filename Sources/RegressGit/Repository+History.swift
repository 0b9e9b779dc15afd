import CLibGit2

/// Commits reached by walking back from a revision, newest first.
public struct History: Sendable {
    public let commits: [Commit]
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
        var result: [Commit] = []
        let shallowAt = try walk(from: start, firstParent: firstParent) { commit in
            if let limit, result.count >= limit { return false }
            result.append(commit)
            return true
        }
        return History(commits: result, shallowAt: shallowAt)
    }

    /// Where each of `ids` stands in the history of `start` (0 for `start`, then older, in the order of
    /// `history(from:)`), walking back only until all are found; ids the walk never reaches are left out.
    public func positions(of ids: Set<ObjectID>, from start: ObjectID) throws -> [ObjectID: Int] {
        var positions: [ObjectID: Int] = [:]
        var index = 0
        _ = try walk(from: start, firstParent: false) { commit in
            guard positions.count < ids.count else { return false }
            if ids.contains(commit.id) { positions[commit.id] = index }
            index += 1
            return true
        }
        return positions
    }

    /// Visits the history of `start` newest first (by committer time, ties by id) until `visit` says
    /// stop; returns the commit at which a shallow boundary cut the walk, if any.
    private func walk(from start: ObjectID, firstParent: Bool, visit: (Commit) -> Bool) throws -> ObjectID? {
        var shallowAt: ObjectID?
        var seen: Set<ObjectID> = [start]
        var pending: [Commit] = [try commit(start)]
        let boundaries = shallowBoundaries
        while !pending.isEmpty {
            // Newest pending commit next; pending stays small (one entry per open branch).
            let index = pending.indices.max { a, b in
                (pending[a].time, pending[b].id) < (pending[b].time, pending[a].id)
            }!
            guard visit(pending[index]) else { break }
            let current = pending.remove(at: index)
            if boundaries.contains(current.id) {
                if !current.parents.isEmpty, shallowAt == nil { shallowAt = current.id }
                continue
            }
            let parents = firstParent ? Array(current.parents.prefix(1)) : current.parents
            for parent in parents where !seen.contains(parent) {
                seen.insert(parent)
                do {
                    pending.append(try commit(parent))
                } catch let error as GitError where error.isNotFound && isShallow {
                    if shallowAt == nil { shallowAt = current.id }
                }
            }
        }
        return shallowAt
    }
}
