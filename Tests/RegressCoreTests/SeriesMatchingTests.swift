import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// Series line up across a move, the report says which file of a series was compared, and an old
/// failure is not news.
struct SeriesMatchingTests {
    static let today = "2026-11-29"

    /// A results file of several lines, as harnesses write them, so that git can tell a similar file.
    static func json(_ sortMs: Double, _ parseMs: Double) -> String {
        let steady = ["hash", "encode", "decode", "scan", "render", "index"].enumerated().map { index, name in
            "    {\"name\": \"\(name)\", \"time_ms\": \(index + 1)},"
        }
        return (["{\"benchmarks\": ["] + steady + ["    {\"name\": \"sort\", \"time_ms\": \(sortMs)},",
                                                "    {\"name\": \"parse\", \"time_ms\": \(parseMs)}", "]}"]).joined(separator: "\n") + "\n"
    }

    /// The verdicts of a series' metrics other than unchanged, by benchmark.
    static func changed(_ comparison: Comparison, _ series: String) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: comparison.results.filter { $0.series == series && $0.verdict != .unchanged }.map { ($0.benchmark, $0.verdict) })
    }

    func compare(_ fixture: FixtureRepository, base: String = "HEAD~1", head: String? = "HEAD") throws -> Comparison {
        try CompareOperation(repositoryPath: fixture.path, base: base, head: head, today: Self.today).run()
    }

    @Test func anArtifactRenamedInGitIsComparedAcrossTheMoveAndTheMoveIsSaidOnce() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.json", Self.json(10, 20))
        try fixture.write("bench/b.json", Self.json(1, 2))
        try fixture.commit("results in bench/")
        try fixture.remove("bench/a.json")
        try fixture.write("results/a.json", Self.json(13, 20))
        try fixture.commit("results move to results/")
        let comparison = try compare(fixture)
        #expect(comparison.moves == [SeriesMove(from: "bench/a.json", to: "results/a.json", evidence: .rename)])
        #expect(Self.changed(comparison, "results/a.json") == ["sort": .regression])
        #expect(comparison.results.filter { $0.series == "results/a.json" }.count == 8)
        #expect(!comparison.results.contains { $0.verdict == .missing || $0.verdict == .new })
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.contains("<details><summary><b>Moved (1): compared across the move</b></summary>\n\n- bench/a.json → results/a.json (renamed in git)\n"))
        #expect(markdown.components(separatedBy: "bench/a.json").count == 2, "the old path is named once")
        #expect(JSONReport.document(comparison)["moves"] == .array([.object([
            ("from", .string("bench/a.json")), ("to", .string("results/a.json")), ("evidence", .string("rename")),
        ])]))
    }

    @Test func aMoveNotYetCommittedIsMatchedByItsBenchmarksAndMetrics() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm/run.json", Self.json(10, 20))
        try fixture.commit("results")
        try fixture.remove("bench/llm/run.json")
        try fixture.write("benchmarks/llm/run.json", Self.json(10, 30))
        let comparison = try compare(fixture, base: "HEAD", head: nil)
        #expect(comparison.moves == [SeriesMove(from: "bench/llm/run.json", to: "benchmarks/llm/run.json", evidence: .content)])
        #expect(Self.changed(comparison, "benchmarks/llm/run.json") == ["parse": .regression])
        #expect(comparison.results.count == 8)
        #expect(TextReport.render(comparison).contains(
            "moved        bench/llm/run.json → benchmarks/llm/run.json (the same benchmarks and metrics)\n"))
    }

    @Test func twoMovedCandidatesOfTheSameShapeAreNotGuessedBetween() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/x/run.json", Self.json(10, 20))
        try fixture.write("bench/y/run.json", Self.json(11, 21))
        try fixture.commit("two runs of one shape")
        try fixture.remove("bench/x")
        try fixture.remove("bench/y")
        try fixture.write("perf/p/run.json", Self.json(30, 40))
        try fixture.write("perf/q/run.json", Self.json(31, 41))
        let comparison = try compare(fixture, base: "HEAD", head: nil)
        #expect(comparison.moves.isEmpty)
        #expect(Set(comparison.results.map(\.verdict)) == [.missing, .new])
    }

    @Test func aFileOfTheSameShapeUnderAnotherNameIsNotAMove() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llama3.csv", "prompt,ttft_s\nhello,0.50\n")
        try fixture.commit("llama3")
        try fixture.remove("bench/llama3.csv")
        try fixture.write("bench/gemma3.csv", "prompt,ttft_s\nhello,0.90\n")
        let comparison = try compare(fixture, base: "HEAD", head: nil)
        #expect(comparison.moves.isEmpty)
        #expect(comparison.results.map { "\($0.series) \($0.verdict)" } == ["bench/gemma3.csv new", "bench/llama3.csv missing"])
    }

    @Test func identicalContentPairsEvenWhenShapesRepeat() {
        func run(_ path: String, _ value: Double) -> Run {
            Run(series: SeriesKey(path: path), path: path, format: .json,
                measurements: [Measurement(benchmark: "b", metric: "ms", unit: "ms", direction: .lowerIsBetter, samples: [value])])
        }
        var base = LoadedRuns(runs: [run("old/x.json", 1), run("old/y.json", 2), run("old/w.json", 4)], notices: [])
        let head = LoadedRuns(runs: [run("new/x.json", 1), run("new/z.json", 3), run("new/v.json", 5)], notices: [])
        let moves = RenameMatching.follow(base: &base, head: head, renames: { [] })
        #expect(moves == [SeriesMove(from: "old/x.json", to: "new/x.json", evidence: .content)])
        #expect(base.runs.map(\.series.value) == ["new/x.json", "old/y.json", "old/w.json"])
        #expect(base.runs.map(\.path) == ["old/x.json", "old/y.json", "old/w.json"], "the base run keeps its own path")
    }

    @Test func theReportSaysWhichOfSeveralRunsInATreeWasCompared() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/conv_20251001-120000.json", #"{"mean_ms": 4}"#)
        try fixture.commit("one run")
        try fixture.write("bench/conv_20251002-120000.json", #"{"mean_ms": 4.1}"#)
        try fixture.write("bench/conv_20251003-120000.json", #"{"mean_ms": 4}"#)
        try fixture.commit("two more runs")
        let comparison = try compare(fixture)
        #expect(comparison.comparedFiles == [ComparedFiles(series: "bench/conv_{timestamp}.json",
                                                           basePath: "bench/conv_20251001-120000.json", baseRuns: 1,
                                                           headPath: "bench/conv_20251003-120000.json", headRuns: 3)])
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.contains("""
            <details><summary><b>Files compared (1 series with several runs in one tree: the newest is compared)</b></summary>

            - bench/conv\\_{timestamp}.json: base bench/conv\\_20251001-120000.json · head bench/conv\\_20251003-120000.json (newest of 3)

            </details>
            """))
        #expect(JSONReport.document(comparison)["files"] == .array([.object([
            ("series", .string("bench/conv_{timestamp}.json")),
            ("base_path", .string("bench/conv_20251001-120000.json")), ("base_runs", .number(1)),
            ("head_path", .string("bench/conv_20251003-120000.json")), ("head_runs", .number(3)),
        ])]))
    }

    @Test func aFailedRunCommittedLongAgoIsSaidOnceApartAndDoesNotDecideTheVerdict() throws {
        let fixture = try FixtureRepository()
        let failed = "model,ttft_s,error\nm,0,backend not installed\n"
        try fixture.write("bench/compile.csv", failed)
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.50\n")
        try fixture.commit("a failed compile run, long ago")
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.60\n")
        try fixture.commit("slower")
        let comparison = try compare(fixture)
        #expect(comparison.failedRuns.map(\.unchangedSinceBase) == [true])
        let failedResult = try #require(comparison.results.first { $0.series == "bench/compile.csv" })
        #expect(failedResult.verdict == .failed)
        #expect(failedResult.severity == .ignore)
        #expect(failedResult.note == "failed the same way in the base")
        #expect(comparison.outcome == "regression")
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.hasPrefix("### ❌ regress: regression — 1 regression in 1 metric of 2 runs; 1 failed run unchanged since the base\n"))
        #expect(!markdown.contains("failed run</b>"))
        #expect(markdown.contains("""
            <details><summary><b>Failed runs unchanged since the base (1): the same file failed there, not news</b></summary>

            - bench/compile.csv: all 1 records failed, the run produced no measurement: backend not installed

            </details>
            """))
    }

    @Test func aFailedRunThatChangedIsNewsUnderItsOwnHeading() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/compile.csv", "model,ttft_s,error\nm,0,backend not installed\n")
        try fixture.commit("failed")
        try fixture.write("bench/compile.csv", "model,ttft_s,error\nm,0,backend crashed\n")
        try fixture.commit("failed differently")
        let comparison = try compare(fixture)
        #expect(comparison.failedRuns.map(\.unchangedSinceBase) == [false])
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.hasPrefix("### ✅ regress: passed — 1 metric of 1 run; 1 failed run (1 metric, warn)\n"))
        #expect(markdown.contains("""
            <details><summary><b>1 failed run (warn)</b></summary>

            Their values are not measurements and are not compared.

            - bench/compile.csv: all 1 records failed, the run produced no measurement: backend crashed
            """))
    }
}

extension SeriesMatchingTests {
    @Test func checkMatchesAMovedSeriesWithTheBaselineRecordedUnderItsOldName() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady))
        var record = BaselineRecordOperation(repositoryPath: fixture.path, today: Self.today)
        record.thisMachine = { _ in BaselineTests.machine }
        _ = try record.run()
        try fixture.remove("bench/r.csv")
        try fixture.write("results/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 1.2 }))
        var check = CheckOperation(repositoryPath: fixture.path, today: Self.today)
        check.thisMachine = { _ in BaselineTests.machine }
        let comparison = try check.run()
        #expect(comparison.moves == [SeriesMove(from: "bench/r.csv", to: "results/r.csv", evidence: .content)])
        #expect(comparison.results.map(\.verdict) == [.regression])
        #expect(comparison.notices.isEmpty)
    }
}

extension SeriesMatchingTests {
    @Test func seriesThatMovedWithTheirFolderAreSaidOnce() {
        let moves = [
            SeriesMove(from: "outputs/reports/a.csv", to: "bench/reports/a.csv", evidence: .rename),
            SeriesMove(from: "outputs/reports/x/{timestamp}/b.csv", to: "bench/reports/x/{timestamp}/b.csv", evidence: .rename),
            SeriesMove(from: "bench/old.json", to: "bench/new.json", evidence: .content),
            SeriesMove(from: "perf/c.json", to: "results/c.json", evidence: .content),
        ]
        #expect(ReportWording.moveLines(moves) == [
            "outputs/ → bench/ (2 series, renamed in git)",
            "bench/old.json → bench/new.json (the same benchmarks and metrics)",
            "perf/c.json → results/c.json (the same benchmarks and metrics)",
        ])
    }
}

extension SeriesMatchingTests {
    /// A history of the shape real repositories have: results moved to a new folder, several timestamped
    /// runs of one benchmark, a failure committed long ago, a new one, no fingerprints, and a regress.yml
    /// that only the head has.
    @Test func aReportOnARepositoryOfTheRealShapeMatchesItsSnapshot() throws {
        let fixture = try FixtureRepository()
        try fixture.write("outputs/reports/compile/conv_bench_20251001-120000.json", Self.json(10, 20))
        try fixture.write("outputs/reports/ollama/20251001-090000/runs.csv", "prompt,ttft_s,error\nhello,0,server down\n")
        try fixture.write("outputs/reports/llm/summary.csv", "model,tokens_s\nm,40\n")
        try fixture.commit("results of the first week")
        try fixture.git(["mv", "outputs", "bench"])
        try fixture.write("regress.yml", "version: 1\nartifacts:\n  - path: \"{outputs,bench}/reports/**/*.{json,csv}\"\n")
        try fixture.write("bench/reports/compile/conv_bench_20251002-120000.json", Self.json(10.1, 20))
        try fixture.write("bench/reports/compile/conv_bench_20251003-120000.json", Self.json(13, 20))
        try fixture.write("bench/reports/llm/summary.csv", "model,tokens_s,error\nm,0,model not installed\n")
        try fixture.commit("move results to bench/, two more compile runs, a failed summary")
        let comparison = try compare(fixture)
        if let mismatch = Snapshot.mismatch(MarkdownReport.render(comparison), named: "real-shape.md") { Issue.record("\(mismatch)") }
    }
}

extension SeriesMatchingTests {
    @Test func theFilesComparedAreListedUpToTheRowLimit() {
        let files = (1...60).map { index in
            ComparedFiles(series: "s\(index)/{timestamp}.json", basePath: nil, baseRuns: 0, headPath: "s\(index)/2025-01-01.json", headRuns: 2)
        }
        var comparison = Comparison(base: ComparisonSide(label: "base", commit: nil), head: ComparisonSide(label: "head", commit: nil),
                                    policyFiles: [], results: [], failedRuns: [], notices: [])
        comparison.comparedFiles = files
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.contains("<details><summary><b>Files compared (60 series with several runs in one tree: the newest is compared)</b></summary>"))
        #expect(markdown.contains("- s50/{timestamp}.json: head s50/2025-01-01.json (newest of 2)\n- … and 10 more; `--format json` lists every file compared.\n"))
        #expect(!markdown.contains("s51/"))
    }
}
