import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// The commits a history walk covers and in which order, before any artifact is read: oldest first,
/// along first parents or every parent, each marked in or out of the range.
struct HistoryWalkTests {
    /// a ← b ← c ← m on main, with s1 ← s2 branched from b and merged at m; one result file per commit.
    final class MergedHistory {
        let fixture: FixtureRepository
        let ids: [String: ObjectID]

        init() throws {
            let fixture = try FixtureRepository()
            var hexes: [String: String] = [:]
            func commit(_ name: String, _ value: Int) throws {
                try fixture.write("bench/\(name).json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(value)}]}"#)
                hexes[name] = try fixture.commit(name)
            }
            try commit("a", 1)
            try commit("b", 2)
            try fixture.git(["checkout", "-q", "-b", "side"])
            try commit("s1", 3)
            try commit("s2", 4)
            try fixture.git(["checkout", "-q", "main"])
            try commit("c", 5)
            try fixture.git(["merge", "-q", "--no-ff", "-m", "m", "side"], date: 6)
            hexes["m"] = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
            self.fixture = fixture
            ids = try hexes.mapValues { try #require(ObjectID(hex: $0)) }
        }

        /// The walk of HEAD's history (`since`: of the range from that commit to HEAD) as "name" (in
        /// range) or "(name)" (context before it), oldest first.
        func walk(since: String? = nil, firstParent: Bool, limit: Int? = nil, context: Int = 0) throws -> [String] {
            let repository = try Repository(discoveringFrom: fixture.path)
            let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
            let walked = try HistoryReader(repository: repository, configuration: .defaults)
                .commits(HistoryRange.parse(since.map { ids[$0]!.hex + "..HEAD" }, in: repository), firstParent: firstParent, limit: limit, context: context)
            #expect(walked.shallowAt == nil)
            return walked.commits.map { $0.inRange ? names[$0.id]! : "(\(names[$0.id]!))" }
        }
    }

    @Test func theWholeHistoryIsWalkedOldestFirstByCommitTime() throws {
        let history = try MergedHistory()
        #expect(try history.walk(firstParent: false) == ["a", "b", "s1", "s2", "c", "m"])
        #expect(try history.walk(firstParent: true) == ["a", "b", "c", "m"])
    }

    @Test func aLimitKeepsTheNewestCommitsOfTheWalk() throws {
        let history = try MergedHistory()
        #expect(try history.walk(firstParent: false, limit: 3) == ["s2", "c", "m"])
        #expect(try history.walk(firstParent: true, limit: 3) == ["b", "c", "m"])
        #expect(try history.walk(firstParent: false, limit: 0) == [])
    }

    @Test func aRangeKeepsTheCommitsItsLeftSideCannotReach() throws {
        let history = try MergedHistory()
        #expect(try history.walk(since: "c", firstParent: false) == ["s1", "s2", "m"])
        #expect(try history.walk(since: "c", firstParent: true) == ["m"])
        #expect(try history.walk(since: "c", firstParent: false, limit: 2) == ["s2", "m"])
        #expect(try history.walk(since: "s2", firstParent: false) == ["c", "m"])
    }

    @Test func contextAddsTheNewestCommitsBeforeTheRangeMarkedOutOfIt() throws {
        let history = try MergedHistory()
        #expect(try history.walk(since: "c", firstParent: false, context: 1) == ["s1", "s2", "(c)", "m"])
        #expect(try history.walk(since: "c", firstParent: true, context: 2) == ["(b)", "(c)", "m"])
        #expect(try history.walk(since: "c", firstParent: true, context: 9) == ["(a)", "(b)", "(c)", "m"])
    }

    @Test func eachRunComesWithItsCommitReadWhenTheWalkReachesIt() throws {
        let history = try MergedHistory()
        let repository = try Repository(discoveringFrom: history.fixture.path)
        let names = Dictionary(uniqueKeysWithValues: history.ids.map { ($0.value, $0.key) })
        var seen: [String] = []
        var observed: [String] = []
        let walked = try HistoryReader(repository: repository, configuration: .defaults).stream(
            HistoryRange.parse(nil, in: repository), firstParent: false,
            observe: { commit, parent, _ in observed.append(commit.summary + " after " + (parent.map { names[$0]! } ?? "nothing")) }
        ) { found in
            let commit = found.commit
            seen.append("\(commit.summary) \(commit.authorName) \(commit.time - 1_735_689_600) \(commit.parents.count) \(found.run.path)")
        }
        #expect(walked.commits == 6)
        #expect(walked.notices == [])
        #expect(seen == ["a Fixture 60 0 bench/a.json", "b Fixture 120 1 bench/b.json", "s1 Fixture 180 1 bench/s1.json",
                         "s2 Fixture 240 1 bench/s2.json", "c Fixture 300 1 bench/c.json"])
        #expect(observed == ["a after nothing", "b after a", "s1 after b", "s2 after s1", "c after b", "m after c"])
    }
}
