@testable import RegressCore
import Testing

struct ComparatorTests {
    let comparator = Comparator(tolerance: 0.05)

    func measurement(_ metric: String, _ samples: [Double], failed: Int = 0) -> Measurement {
        let inferred = MetricInference.infer(metric)
        return Measurement(benchmark: "b", metric: metric, unit: inferred.unit, direction: inferred.direction,
                           samples: samples, failedSamples: failed)
    }

    func verdict(_ metric: String, base: [Double]?, head: [Double]?, headFailed: Int = 0) -> MetricResult {
        comparator.decide(series: "s", base: base.map { measurement(metric, $0) },
                          head: head.map { measurement(metric, $0, failed: headFailed) }, headRun: nil)
    }

    @Test func slowerBeyondToleranceIsARegression() {
        let result = verdict("latency_ms", base: [10, 10, 10], head: [11, 12, 11])
        #expect(result.verdict == .regression)
        #expect(result.base == 10)
        #expect(result.head == 11)
        #expect(result.relativeChange == 0.1)
    }

    @Test func lowerThroughputIsARegressionAndHigherAnImprovement() {
        #expect(verdict("tokens_s", base: [100], head: [90]).verdict == .regression)
        #expect(verdict("tokens_s", base: [100], head: [110]).verdict == .improvement)
        #expect(verdict("ttft_s", base: [1.0], head: [0.8]).verdict == .improvement)
    }

    @Test func aChangeWithinToleranceIsUnchanged() {
        #expect(verdict("latency_ms", base: [100], head: [105]).verdict == .unchanged)
        #expect(verdict("latency_ms", base: [100], head: [95]).verdict == .unchanged)
    }

    @Test func aChangeOfUnknownDirectionIsReportedNeverFailed() {
        let result = verdict("eval_count", base: [100], head: [150])
        #expect(result.verdict == .inconclusive)
        #expect(result.note == "direction unknown: set `direction:` for this metric")
    }

    @Test func aFailedHeadIsFailedNotAHundredPercentRegression() {
        let result = verdict("tokens_s", base: [77], head: [], headFailed: 5)
        #expect(result.verdict == .failed)
        #expect(result.head == nil)
        #expect(result.relativeChange == nil)
    }

    @Test func newMissingAndAFailedBaseAreNamedSo() {
        #expect(verdict("t_ms", base: nil, head: [1]).verdict == .new)
        #expect(verdict("t_ms", base: [1], head: nil).verdict == .missing)
        let failedBase = comparator.decide(series: "s", base: measurement("t_ms", [], failed: 3), head: measurement("t_ms", [1]), headRun: nil)
        #expect(failedBase.verdict == .new)
        #expect(failedBase.note == "the baseline run failed")
    }

    @Test func aZeroBaselineHasNoRelativeChange() {
        #expect(verdict("errors", base: [0], head: [0]).verdict == .unchanged)
        let result = verdict("errors", base: [0], head: [2])
        #expect(result.verdict == .inconclusive)
        #expect(result.relativeChange == nil)
    }

    @Test func theMedianSummarisesSamples() {
        #expect(verdict("t_ms", base: [1, 100, 2], head: [2, 2, 2]).relativeChange == 0)
    }

    @Test func runsPairBySeriesBenchmarkAndMetric() {
        func run(_ series: String, _ measurements: [Measurement], failure: RunFailure? = nil) -> Run {
            Run(series: SeriesKey(value: series), path: series, format: .csv, measurements: measurements, failure: failure)
        }
        let base = LoadedRuns(runs: [run("a.csv", [measurement("t_ms", [10])]), run("gone.csv", [measurement("t_ms", [1])])], notices: [])
        let failure = RunFailure(failedRecords: 1, totalRecords: 1, firstError: "down")
        let head = LoadedRuns(runs: [
            run("a.csv", [measurement("t_ms", [20])]),
            run("llm.csv", [measurement("tokens_s", [], failed: 1)], failure: failure),
        ], notices: ["x.json: no numeric values, not an artifact"])
        let comparison = comparator.compare(base: base, head: head, baseSide: ComparisonSide(label: "HEAD~1", commit: nil),
                                            headSide: ComparisonSide(label: "working tree", commit: nil))
        #expect(comparison.results.map { "\($0.id)=\($0.verdict.rawValue)" } == [
            "a.csv/b/t_ms=regression", "gone.csv/b/t_ms=missing", "llm.csv/b/tokens_s=failed",
        ])
        #expect(comparison.failedRuns == [FailedRun(series: "llm.csv", path: "llm.csv", failure: failure)])
        #expect(comparison.verdict == .regression)
        #expect(comparison.exitCode == 1)
        #expect(comparison.notices == ["head: x.json: no numeric values, not an artifact"])
    }
}
