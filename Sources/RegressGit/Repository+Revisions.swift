import CLibGit2

extension Repository {
    /// Resolves a revision to a commit: `HEAD`, `HEAD~3`, `HEAD^2`, full and short hashes, branches,
    /// remote branches, lightweight and annotated tags (peeled to their commit), and `A...B`, which
    /// names the merge base of A and B (an empty side means `HEAD`).
    /// The corresponding libgit2 functions are `git_revparse_single`, `git_object_peel` and `git_merge_base`.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        if let range = revision.range(of: "...") {
            let left = String(revision[..<range.lowerBound])
            let right = String(revision[range.upperBound...])
            let a = try resolveSingle(left.isEmpty ? "HEAD" : left)
            let b = try resolveSingle(right.isEmpty ? "HEAD" : right)
            var out = git_oid()
            var rawA = a.raw
            var rawB = b.raw
            let result = git_merge_base(&out, pointer, &rawA, &rawB)
            if result == GIT_ENOTFOUND.rawValue { throw GitError.noMergeBase(revision) }
            try check("git_merge_base", result)
            return ObjectID(out)
        }
        return try resolveSingle(revision)
    }

    private func resolveSingle(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        let result = git_revparse_single(&object, pointer, revision)
        if result == GIT_EAMBIGUOUS.rawValue {
            throw GitError.ambiguousRevision(revision)
        }
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue {
            throw diagnoseUnresolved(revision)
        }
        try check("git_revparse_single", result)
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peel = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        if peel < 0 {
            throw GitError.notACommit(revision)
        }
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled).pointee)
    }

    /// Says why a revision such as `HEAD~9` did not resolve: an unknown name, a walk past the first
    /// commit, or a walk into the missing part of a shallow clone.
    private func diagnoseUnresolved(_ revision: String) -> GitError {
        if git_repository_head_unborn(pointer) == 1, revision.hasPrefix("HEAD") || revision.hasPrefix("@") {
            var reference: OpaquePointer?
            var branch = "HEAD"
            if git_reference_lookup(&reference, pointer, "HEAD") == 0 {
                if let target = git_reference_symbolic_target(reference) {
                    branch = String(cString: target).replacingOccurrences(of: "refs/heads/", with: "")
                }
                git_reference_free(reference)
            }
            return .unbornHead(branch: branch)
        }
        guard let (base, steps) = RevisionSuffix.split(revision), !steps.isEmpty,
              let start = try? resolveSingle(base)
        else {
            return .unknownRevision(revision)
        }
        var current = start
        for step in steps {
            let (count, parentIndex): (Int, Int)
            switch step {
            case .ancestor(let n): (count, parentIndex) = (n, 0)
            case .parent(let n): (count, parentIndex) = (n == 0 ? 0 : 1, max(n - 1, 0))
            }
            for _ in 0..<count {
                guard let next = try? parent(of: current, index: parentIndex) else {
                    return walkFailure(at: current, parentIndex: parentIndex, revision: revision)
                }
                current = next
            }
        }
        return .unknownRevision(revision)
    }

    private func parent(of id: ObjectID, index: Int) throws -> ObjectID {
        let commit = try commit(id)
        guard index < commit.parents.count else { throw GitError.unknownRevision(id.hex) }
        _ = try self.commit(commit.parents[index])
        return commit.parents[index]
    }

    private func walkFailure(at id: ObjectID, parentIndex: Int, revision: String) -> GitError {
        if shallowBoundaries.contains(id) { return .shallowHistory(at: id) }
        guard let commit = try? commit(id) else { return .unknownRevision(revision) }
        if parentIndex < commit.parents.count {
            do {
                _ = try self.commit(commit.parents[parentIndex])
            } catch GitError.missingObject(let id, let what, let message) {
                return .missingObject(id: id, what: "\(what), parent of \(commit.id.short) on the way to \(revision)", message: message)
            } catch {}
        }
        if commit.parents.isEmpty { return .pastRoot(revision: revision, root: id) }
        if parentIndex < commit.parents.count, isShallow { return .shallowHistory(at: id) }
        return .unknownRevision(revision)
    }
}

/// The `~N` and `^N` steps at the end of a revision, split from the name they start at.
enum RevisionSuffix: Equatable {
    case ancestor(Int)
    case parent(Int)

    static func split(_ revision: String) -> (base: String, steps: [RevisionSuffix])? {
        let bytes = Array(revision.utf8)
        // The suffix starts at the earliest index from which only `~`, `^` and digits follow.
        var start = bytes.count
        while start > 0, bytes[start - 1] == UInt8(ascii: "~") || bytes[start - 1] == UInt8(ascii: "^")
                || (48...57).contains(bytes[start - 1]) {
            start -= 1
        }
        // Digits right after the base belong to the base (`v1.2` or a hash), not to a step.
        while start < bytes.count, (48...57).contains(bytes[start]) { start += 1 }
        guard start > 0 else { return nil }
        var steps: [RevisionSuffix] = []
        var index = start
        while index < bytes.count {
            let op = bytes[index]
            index += 1
            var digits = 0
            var value = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 48)
                digits += 1
                index += 1
            }
            let count = digits == 0 ? 1 : value
            steps.append(op == UInt8(ascii: "~") ? .ancestor(count) : .parent(count))
        }
        return (String(decoding: bytes[..<start], as: UTF8.self), steps)
    }
}

/// What an abbreviated object id names in a repository.
public enum PrefixMatch: Equatable, Sendable {
    case commit(ObjectID)
    /// More than one object starts with these digits.
    case ambiguous
    /// No object, or one that is not a commit.
    case none
}

extension Repository {
    /// The commit that `prefix` (4 to 40 hex digits) abbreviates, as `git rev-parse` reads a short hash,
    /// without reading refs or walking history.
    /// The corresponding libgit2 function is `git_object_lookup_prefix`.
    public func commit(abbreviated prefix: String) -> PrefixMatch {
        guard (4...40).contains(prefix.utf8.count) else { return .none }
        var oid = git_oid()
        guard prefix.withCString({ git_oid_fromstrn(&oid, $0, prefix.utf8.count) }) == 0 else { return .none }
        var object: OpaquePointer?
        let result = git_object_lookup_prefix(&object, pointer, &oid, prefix.utf8.count, GIT_OBJECT_ANY)
        if result == GIT_EAMBIGUOUS.rawValue { return .ambiguous }
        guard result == 0, let object else { return .none }
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_COMMIT else { return .none }
        return .commit(ObjectID(git_object_id(object).pointee))
    }
}
