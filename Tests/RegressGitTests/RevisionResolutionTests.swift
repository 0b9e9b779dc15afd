import Foundation
import RegressGit
import TestSupport
import Testing

/// History used below:
///
///     c1 ── c2 ── c3 ─────── m (main, HEAD)
///             \             /
///              f1 ── f2 ──── (feature)
struct RevisionResolutionTests {
    let fixture: FixtureRepository
    let c1: String, c2: String, c3: String, f1: String, f2: String, merge: String

    init() throws {
        fixture = try FixtureRepository()
        try fixture.write("bench/a.json", #"{"t_ms": 1}"#)
        c1 = try fixture.commit("c1")
        try fixture.write("bench/a.json", #"{"t_ms": 2}"#)
        c2 = try fixture.commit("c2")
        try fixture.git(["checkout", "-q", "-b", "feature"])
        try fixture.write("bench/f.json", #"{"t_ms": 3}"#)
        f1 = try fixture.commit("f1")
        try fixture.write("bench/f.json", #"{"t_ms": 4}"#)
        f2 = try fixture.commit("f2")
        try fixture.git(["checkout", "-q", "main"])
        try fixture.write("bench/b.json", #"{"t_ms": 5}"#)
        c3 = try fixture.commit("c3")
        try fixture.git(["merge", "-q", "--no-ff", "-m", "merge feature", "feature"], date: 10)
        merge = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.git(["tag", "light", c2])
        try fixture.git(["tag", "-a", "annotated", "-m", "release", c1], date: 11)
        try fixture.git(["update-ref", "refs/remotes/origin/main", c3])
    }

    func resolve(_ revision: String) throws -> String {
        try Repository(discoveringFrom: fixture.path).resolveCommit(revision).hex
    }

    @Test func anAbbreviatedHashNamesItsCommitAndNothingElseDoes() throws {
        let repository = try Repository(discoveringFrom: fixture.path)
        #expect(repository.commit(abbreviated: String(c2.prefix(8))) == .commit(try #require(ObjectID(hex: c2))))
        #expect(repository.commit(abbreviated: c3) == .commit(try #require(ObjectID(hex: c3))))
        let blob = try repository.blobID(at: try repository.resolveCommit(c1), path: "bench/a.json")
        #expect(repository.commit(abbreviated: String(try #require(blob).hex.prefix(8))) == .none)
        #expect(repository.commit(abbreviated: "0000000000") == .none)
        #expect(repository.commit(abbreviated: "not-hex") == .none)
        #expect(repository.commit(abbreviated: "abc") == .none)
    }

    @Test func positionsInHistoryCountBackFromTheStartNewestFirstAndLeaveOutCommitsNotReached() throws {
        let repository = try Repository(discoveringFrom: fixture.path)
        let ids = try [merge, c3, f2, c1].map { try #require(ObjectID(hex: $0)) }
        let positions = try repository.positions(of: Set(ids), from: try repository.resolveCommit("HEAD"))
        let order = try repository.history(from: try repository.resolveCommit("HEAD")).ids
        #expect(positions == Dictionary(uniqueKeysWithValues: ids.map { ($0, order.firstIndex(of: $0)!) }))
        #expect(positions[ids[0]] == 0)
        let fromC3 = try repository.positions(of: Set(ids), from: ids[1])
        #expect(fromC3 == [ids[1]: 0, ids[3]: 2])
    }

    @Test func resolvesHeadAndAncestors() throws {
        #expect(try resolve("HEAD") == merge)
        #expect(try resolve("HEAD~1") == c3)
        #expect(try resolve("HEAD~2") == c2)
        #expect(try resolve("HEAD^2") == f2)
        #expect(try resolve("HEAD^2~1") == f1)
        #expect(try resolve("HEAD^") == c3)
    }

    @Test func resolvesHashesBranchesAndRemoteBranches() throws {
        #expect(try resolve(c2) == c2)
        #expect(try resolve(String(c2.prefix(7))) == c2)
        #expect(try resolve("feature") == f2)
        #expect(try resolve("main") == merge)
        #expect(try resolve("origin/main") == c3)
    }

    @Test func peelsLightweightAndAnnotatedTagsToTheirCommit() throws {
        #expect(try resolve("light") == c2)
        #expect(try resolve("annotated") == c1)
        #expect(try resolve("annotated~0") == c1)
    }

    @Test func threeDotsNamesTheMergeBase() throws {
        #expect(try resolve("origin/main...feature") == c2)
        #expect(try resolve("feature...") == f2)
        #expect(throws: GitError.unknownRevision("no-such")) { try resolve("no-such...HEAD") }
    }

    @Test func unknownRevisionIsATypedError() throws {
        #expect(throws: GitError.unknownRevision("no-such-branch")) { try resolve("no-such-branch") }
        #expect(throws: GitError.unknownRevision("HEAD^3")) { try resolve("HEAD^3") }
    }

    @Test func walkingPastTheRootSaysSo() throws {
        let error = #expect(throws: GitError.self) { try resolve("HEAD~9") }
        #expect(error == .pastRoot(revision: "HEAD~9", root: ObjectID(hex: c1)!))
        #expect(error?.errorDescription == "revision 'HEAD~9' goes past the first commit \(c1.prefix(7)): the history has fewer commits than that")
    }

    @Test func aBlobIsNotACommit() throws {
        #expect(throws: GitError.notACommit("HEAD:bench/a.json")) { try resolve("HEAD:bench/a.json") }
    }

    @Test func ambiguousShortHashIsATypedError() throws {
        // Write blobs until two objects share their first four hex digits.
        let folder = fixture.path + "/blobs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [String] = []
        for index in 0..<700 {
            let name = "blobs/\(index).txt"
            try Data("blob \(index)\n".utf8).write(to: URL(fileURLWithPath: fixture.path + "/" + name))
            files.append(name)
        }
        let ids = try fixture.git(["hash-object", "-w"] + files).split(separator: "\n").map(String.init)
        var byPrefix: [Substring: Int] = [:]
        for id in ids + [c1, c2, c3, f1, f2, merge] { byPrefix[id.prefix(4), default: 0] += 1 }
        let prefix = try #require(byPrefix.first { $0.value > 1 }?.key)
        #expect(throws: GitError.ambiguousRevision(String(prefix))) { try resolve(String(prefix)) }
    }
}
