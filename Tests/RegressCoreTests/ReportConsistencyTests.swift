@testable import RegressCore
import TestSupport
import Testing

/// What a report says agrees with itself and with the exit code.
struct ReportConsistencyTests {
    static func comparison(head: [Measurement], failure: RunFailure? = nil, policy: String? = nil) throws -> Comparison {
        let base = [ComparatorTests.measurement("ttft_s", [0.5])]
        let policies = try policy.map { try PolicySet.parse([("p.yml", $0)]) } ?? .builtInDefault
        let headRuns = LoadedRuns(runs: [Run(series: SeriesKey(value: "s"), path: "s", format: .csv, measurements: head, failure: failure)],
                                  notices: [])
        return Comparator(policies: policies, today: ComparatorTests.today).compare(
            base: ComparatorTests.runs(base), head: headRuns,
            baseSide: ComparisonSide(label: "base", commit: nil), headSide: ComparisonSide(label: "head", commit: nil))
    }

    @Test func jsonCountsCountEveryResultListedAndSayWhichReportsLeaveOut() throws {
        let comparison = try Self.comparison(head: [ComparatorTests.measurement("ttft_s", [0.5]), ComparatorTests.measurement("tokens_s", [40])])
        #expect(comparison.results.map(\.verdict) == [.unchanged, .new])
        let document = JSONReport.document(comparison)
        #expect(document["counts"]?["new"] == .number(1))
        #expect(document["counts"]?["unchanged"] == .number(1))
        #expect(document["ignored"]?["new"] == .number(1), "on_new is ignore by default")
        #expect(document["ignored"]?["unchanged"] == .number(0))
        #expect(MarkdownReport.render(comparison).hasPrefix("### ✅ regress: passed — 1 unchanged in 1 metric of 1 run\n"))
    }

    @Test func aSpreadIsShownBesideItsMetricOrAloneWhenItHasNone() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.json", #"{"conv": {"mean_time_ms": 10, "std_time_ms": 1}, "gemm": {"std_ms": 1}}"#)
        try fixture.commit("first")
        try fixture.write("bench/r.json", #"{"conv": {"mean_time_ms": 10.1, "std_time_ms": 2}, "gemm": {"std_ms": 2}}"#)
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        let text = TextReport.render(comparison)
        #expect(text.hasPrefix("regress: passed — 1 inconclusive, 1 unchanged in 2 metrics of 1 run\n"))
        #expect(text.contains("inconclusive bench/r.json – gemm.std_ms: 1 ms → 2 ms (+100.0%)"))
        #expect(!text.contains("conv.std_time_ms:"))
        #expect(ReportWording.spreads(beside: comparison.results.first { $0.metric == "conv.mean_time_ms" }!, in: comparison)
            == "conv.std_time_ms 1 ms → 2 ms (+100.0%)")
    }

    @Test func aHeadArtifactThatNoLongerParsesIsAFailedRunUnderOnFailedRun() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "conv", "time_ms": 10}]}"#)
        try fixture.commit("first")
        try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "conv", "time_ms": 1"#)
        let warned = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        #expect(warned.results.map { "\($0.metric) \($0.verdict.rawValue) \($0.severity.rawValue)" } == ["time_ms failed warn"])
        #expect(warned.exitCode == 0)
        #expect(TextReport.render(warned).contains("failed run   bench/r.json does not parse: line 1, column 46: the document ends inside an object\n"))
        try fixture.write("policies/p.yml", "version: 1\ndefaults:\n  on_failed_run: fail\n")
        let failed = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        #expect(failed.exitCode == 1)
        #expect(failed.results.allSatisfy { $0.verdict != .regression && $0.verdict != .missing })
    }

    @Test func theHeadlineNamesWhatDecidedTheExitCode() throws {
        let failure = RunFailure(failedRecords: 1, totalRecords: 1, firstError: "server down")
        let failed = [ComparatorTests.measurement("ttft_s", [], failed: 1)]
        let warned = try Self.comparison(head: failed, failure: failure)
        #expect(warned.exitCode == 0)
        #expect(warned.outcome == "passed")
        #expect(JSONReport.document(warned)["outcome"] == .string("passed"))
        #expect(MarkdownReport.render(warned).hasPrefix("### ✅ regress: passed — 1 metric of 1 run; 1 failed run (1 metric, warn)\n"))
        #expect(TextReport.render(warned).hasPrefix("regress: passed — 1 metric of 1 run; 1 failed run (1 metric, warn)\n"))
        let failing = try Self.comparison(head: failed, failure: failure, policy: "version: 1\ndefaults:\n  on_failed_run: fail\n")
        #expect(failing.exitCode == 1)
        #expect(MarkdownReport.render(failing).hasPrefix("### ❌ regress: failed — 1 metric of 1 run; 1 failed run (1 metric)\n"))
        let slower = try Self.comparison(head: [ComparatorTests.measurement("ttft_s", [0.6])],
                                         policy: "version: 1\ndefaults:\n  severity: warn\n")
        #expect(slower.exitCode == 0)
        #expect(MarkdownReport.render(slower).hasPrefix("### ✅ regress: passed — 1 regression (warn) in 1 metric of 1 run\n"))
    }
}
