import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

struct RunLoaderTests {
    @Test func theNewestRunOfASeriesIsTheRunAndTheOthersItsHistory() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/conv_bench_20251002-170837.json", #"{"mean_time_ms": 4}"#)
        try fixture.write("bench/conv_bench_20251003-091500.json", #"{"mean_time_ms": 5}"#)
        try fixture.write("bench/conv_bench_20251001-120000.json", #"{"mean_time_ms": 3}"#)
        try fixture.commit("three runs")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.runs.count == 1)
        let run = try #require(loaded.runs.first)
        #expect(run.series.value == "bench/conv_bench_{timestamp}.json")
        #expect(run.path == "bench/conv_bench_20251003-091500.json")
        #expect(run.earlierPaths == ["bench/conv_bench_20251002-170837.json", "bench/conv_bench_20251001-120000.json"])
        #expect(run.measurements.first?.samples == [5])
    }

    @Test func theWorkingTreeIncludesUncommittedFilesAndSkipsIgnoredFolders() throws {
        let fixture = try FixtureRepository()
        try fixture.write(".gitignore", "bench/tmp/\n")
        try fixture.write("bench/a.csv", "name,ms\nx,1\n")
        try fixture.commit("a")
        try fixture.write("bench/b.csv", "name,ms\nx,2\n")
        try fixture.write("bench/tmp/c.csv", "name,ms\nx,3\n")
        try fixture.write("src/not-a-bench.json", #"{"ms": 4}"#)
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: repository), configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["bench/a.csv", "bench/b.csv"])
    }

    @Test func linksToFoldersAreNotFollowed() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.csv", "name,ms\nx,1\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/loop", withDestinationPath: fixture.path + "/bench")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: repository), configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["bench/a.csv"])
    }

    @Test func aConfiguredGlobReachesIntoAnIgnoredFolder() throws {
        let fixture = try FixtureRepository()
        try fixture.write(".gitignore", "target/\n")
        try fixture.write("regress.yml", "version: 1\nartifacts:\n  - path: \"target/criterion/**/estimates.json\"\n")
        try fixture.write("target/criterion/fib/new/estimates.json", #"{"mean": {"point_estimate": 12.5}}"#)
        let repository = try Repository(discoveringFrom: fixture.path)
        let source = try WorkingTreeSource(repository: repository)
        let loaded = try RunLoader.load(source, configuration: try Configuration.load(from: source))
        #expect(loaded.runs.map(\.path) == ["target/criterion/fib/new/estimates.json"])
    }

    @Test func aBrokenFileFoundByDefaultIsANoticeButAConfiguredOneIsAnError() throws {
        let fixture = try FixtureRepository()
        try fixture.write("results/broken.json", "{\"a\": ")
        try fixture.write("results/good.json", #"{"t_ms": 1}"#)
        try fixture.write("results/empty.json", #"{"name": "only text"}"#)
        let repository = try Repository(discoveringFrom: fixture.path)
        let source = try WorkingTreeSource(repository: repository)
        let loaded = try RunLoader.load(source, configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["results/good.json"])
        #expect(loaded.notices == [
            "skipped results/broken.json: line 1, column 7: the document ends where a value was expected",
            "results/empty.json: no numeric values, not an artifact",
        ])
        let configured = try Configuration.parse("version: 1\nartifacts:\n  - path: \"results/*.json\"\n", file: "regress.yml")
        #expect(throws: ConfiguredArtifactError(ArtifactError.malformed(path: "results/broken.json", location: "line 1, column 7",
                                                reason: "the document ends where a value was expected"))) {
            try RunLoader.load(source, configuration: configured)
        }
    }

    @Test func runsNamedWithDifferentTimestampSpellingsAreOneSeriesOrderedByTheirMoment() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm_2026-05-05_T23-11-58.json", #"{"load_ms": 1}"#)
        try fixture.write("bench/llm_20260506T003000+0200.json", #"{"load_ms": 2}"#)
        try fixture.write("bench/llm_1778022000000.json", #"{"load_ms": 3}"#)
        try fixture.write("bench/llm_2026-05-04 08:00:00.json", #"{"load_ms": 4}"#)
        try fixture.commit("four runs")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        let run = try #require(loaded.runs.first)
        #expect(loaded.runs.count == 1)
        #expect(run.series.value == "bench/llm_{timestamp}.json")
        // 2026-05-05 at 23:11:58 UTC, then 23:00 UTC (the epoch), then 22:30 UTC (00:30 the next day at +02:00).
        #expect(run.path == "bench/llm_2026-05-05_T23-11-58.json")
        #expect(run.earlierPaths == ["bench/llm_1778022000000.json", "bench/llm_20260506T003000+0200.json",
                                     "bench/llm_2026-05-04 08:00:00.json"])
    }

    @Test func anAllDigitCommitPrefixJoinsTheSeriesOfItsHexSiblings() throws {
        let fixture = try FixtureRepository()
        try fixture.write("results/box/3f2a1c0b-py3.11.json", #"{"date": 1759000000000, "t_ms": 1}"#)
        try fixture.write("results/box/06264258-py3.11.json", #"{"date": 1759100000000, "t_ms": 2}"#)
        try fixture.commit("two commits' results")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.runs.map(\.series.value) == ["results/box/{commit}-py3.11.json"])
        #expect(loaded.runs.first?.path == "results/box/06264258-py3.11.json")
        #expect(loaded.runs.first?.earlierPaths == ["results/box/3f2a1c0b-py3.11.json"])
    }

    @Test func commitNamedResultsAreOrderedByWhereTheirCommitsStandInHistoryNotByTheDateInside() throws {
        let fixture = try FixtureRepository()
        try fixture.write("src/code.txt", "one")
        let older = String(try fixture.commit("code one").prefix(8))
        try fixture.write("src/code.txt", "two")
        let newer = String(try fixture.commit("code two").prefix(8))
        // The dates inside say the opposite of history, and the older file is not even JSON: it is not read.
        try fixture.write("results/box/\(older)-py3.11.json", #"{"date": 1759100000000, "t_ms": 1"#)
        try fixture.write("results/box/\(newer)-py3.11.json", #"{"date": 1759000000000, "t_ms": 2}"#)
        try fixture.commit("results of both")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.runs.map(\.series.value) == ["results/box/{commit}-py3.11.json"])
        #expect(loaded.runs.first?.path == "results/box/\(newer)-py3.11.json")
        #expect(loaded.runs.first?.earlierPaths == ["results/box/\(older)-py3.11.json"])
        #expect(loaded.notices.isEmpty)
    }

    @Test func commitNamedResultsGoByTheDateInsideWhenOneCommitIsNotInTheHistory() throws {
        let fixture = try FixtureRepository()
        try fixture.write("src/code.txt", "one")
        let known = String(try fixture.commit("code one").prefix(8))
        try fixture.write("results/box/\(known)-py3.11.json", #"{"date": 1759000000000, "t_ms": 1}"#)
        try fixture.write("results/box/3f2a1c0b-py3.11.json", #"{"date": 1759100000000, "t_ms": 2}"#)
        try fixture.commit("results")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.runs.first?.path == "results/box/3f2a1c0b-py3.11.json")
        #expect(loaded.runs.first?.earlierPaths == ["results/box/\(known)-py3.11.json"])
    }

    /// Results named by commits of another repository, of every kind the dates inside can be: equal
    /// dates (the later path first), `started_at` without `date`, seconds or milliseconds, no date, not
    /// JSON, the same bytes under two names, a committed symbolic link (never read).
    static func resultsOutsideTheHistory(_ fixture: FixtureRepository) throws {
        try fixture.write("results/box/a1b2c3d4-py3.json", #"{"date": 1759000000000, "t_ms": 1}"#)
        try fixture.write("results/box/b1b2c3d4-py3.json", #"{"date": 1759000000000, "t_ms": 2}"#)
        try fixture.write("results/box/f1b2c3d4-py3.json", #"{"date": 1759000000000, "t_ms": 1}"#)
        try fixture.write("results/box/c1b2c3d4-py3.json", #"{"started_at": 1759050000, "t_ms": 3}"#)
        try fixture.write("results/box/9a1b2c3d-py3.json", #"{"t_ms": 4, "date": 1758900000}"#)
        try fixture.write("results/box/d1b2c3d4-py3.json", #"{"t_ms": 5}"#)
        try fixture.write("results/box/e1b2c3d4-py3.json", #"{"date": "#)
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/results/box/0a1b2c3d-py3.json",
                                                   withDestinationPath: "a1b2c3d4-py3.json")
    }

    @Test func resultsNamedByCommitsOutsideTheHistoryGoByTheirDatesThenByPathUndatedOnesOldest() throws {
        let fixture = try FixtureRepository()
        try Self.resultsOutsideTheHistory(fixture)
        try fixture.commit("results of another repository's commits")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.runs.map(\.series.value) == ["results/box/{commit}-py3.json"])
        let run = try #require(loaded.runs.first)
        #expect(run.path == "results/box/c1b2c3d4-py3.json")
        #expect(run.earlierPaths == ["f1b2c3d4", "b1b2c3d4", "a1b2c3d4", "9a1b2c3d", "e1b2c3d4", "d1b2c3d4", "0a1b2c3d"]
            .map { "results/box/\($0)-py3.json" })
    }

    @Test func theWorkingTreeOrdersResultsByTheirDatesAsACommitDoes() throws {
        let fixture = try FixtureRepository()
        try Self.resultsOutsideTheHistory(fixture)
        try fixture.remove("results/box/0a1b2c3d-py3.json")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: repository), configuration: .defaults)
        #expect(loaded.runs.first?.path == "results/box/c1b2c3d4-py3.json")
        #expect(loaded.runs.first?.earlierPaths == ["f1b2c3d4", "b1b2c3d4", "a1b2c3d4", "9a1b2c3d", "e1b2c3d4", "d1b2c3d4"]
            .map { "results/box/\($0)-py3.json" })
    }

    @Test func bothSidesOfAComparisonOrderTheRunsTheyShareAlike() throws {
        let fixture = try FixtureRepository()
        try Self.resultsOutsideTheHistory(fixture)
        try fixture.commit("results")
        try fixture.write("results/box/7e1b2c3d-py3.json", #"{"date": 1759000000000, "t_ms": 6}"#)
        try fixture.commit("one more, dated as three others")
        let repository = try Repository(discoveringFrom: fixture.path)
        let head = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        let base = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD~1"), configuration: .defaults)
        #expect(base.runs.first?.earlierPaths == ["f1b2c3d4", "b1b2c3d4", "a1b2c3d4", "9a1b2c3d", "e1b2c3d4", "d1b2c3d4", "0a1b2c3d"]
            .map { "results/box/\($0)-py3.json" })
        #expect(head.runs.first?.earlierPaths == ["f1b2c3d4", "b1b2c3d4", "a1b2c3d4", "7e1b2c3d", "9a1b2c3d", "e1b2c3d4", "d1b2c3d4", "0a1b2c3d"]
            .map { "results/box/\($0)-py3.json" })
    }

    @Test func anAbbreviationThatNamesTwoObjectsOrdersTheSeriesByTheDatesInside() throws {
        let fixture = try FixtureRepository()
        try fixture.write("src/code.txt", "one")
        let older = try fixture.commit("code one")
        try fixture.write("src/code.txt", "two")
        let newer = try fixture.commit("code two")
        // History says `newer` is the later run; the dates inside say the opposite.
        try fixture.write("results/box/\(older.prefix(8))-py3.json", #"{"date": 1759100000000, "t_ms": 1}"#)
        try fixture.write("results/box/\(newer.prefix(8))-py3.json", #"{"date": 1759000000000, "t_ms": 2}"#)
        try fixture.commit("results of both")
        let repository = try Repository(discoveringFrom: fixture.path)
        let source = try CommitSource(repository: repository, revision: "HEAD")
        #expect(try RunLoader.load(source, configuration: .defaults).runs.first?.path == "results/box/\(newer.prefix(8))-py3.json")
        // A second loose object whose name starts with the same digits: the abbreviation names two objects.
        let objects = fixture.path + "/.git/objects/" + newer.prefix(2) + "/"
        let twin = String(newer.dropFirst(2).dropLast()) + (newer.hasSuffix("0") ? "1" : "0")
        try FileManager.default.copyItem(atPath: objects + newer.dropFirst(2), toPath: objects + twin)
        #expect(try Repository(discoveringFrom: fixture.path).commit(abbreviated: String(newer.prefix(8))) == .ambiguous)
        let reopened = try CommitSource(repository: try Repository(discoveringFrom: fixture.path), revision: "HEAD")
        let loaded = try RunLoader.load(reopened, configuration: .defaults)
        #expect(loaded.runs.first?.path == "results/box/\(older.prefix(8))-py3.json")
        #expect(loaded.runs.first?.earlierPaths == ["results/box/\(newer.prefix(8))-py3.json"])
    }

    @Test func inspectNamesTheSeriesOfAnAllDigitCommitPrefixByItsSiblings() throws {
        let folder = try TemporaryFolder.make(prefix: "inspect")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/box", withIntermediateDirectories: true)
        try Data(#"{"t_ms": 1}"#.utf8).write(to: URL(fileURLWithPath: folder + "/box/3f2a1c0b-py3.11.json"))
        try Data(#"{"t_ms": 2}"#.utf8).write(to: URL(fileURLWithPath: folder + "/box/06264258-py3.11.json"))
        try Data(#"{"t_ms": 3}"#.utf8).write(to: URL(fileURLWithPath: folder + "/alone-06264258.json"))
        let source = FolderSource(root: folder)
        let digits = try InspectOperation(target: "").inspect("box/06264258-py3.11.json", in: source, configuration: .defaults)
        #expect(digits.series.value == "box/{commit}-py3.11.json")
        let alone = try InspectOperation(target: "").inspect("alone-06264258.json", in: source, configuration: .defaults)
        #expect(alone.series.value == "alone-06264258.json")
    }
}
