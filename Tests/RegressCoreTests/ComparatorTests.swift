@testable import RegressCore
import Testing

struct ComparatorTests {
    static let today = "2026-06-01"

    static func measurement(_ metric: String, _ samples: [Double], failed: Int = 0, benchmark: String = "b") -> Measurement {
        let inferred = MetricInference.infer(metric)
        return Measurement(benchmark: benchmark, metric: metric, unit: inferred.unit, direction: inferred.direction,
                           samples: samples, failedSamples: failed)
    }

    static func runs(_ measurements: [Measurement], failure: RunFailure? = nil) -> LoadedRuns {
        LoadedRuns(runs: [Run(series: SeriesKey(value: "s"), path: "s", format: .csv, measurements: measurements, failure: failure)],
                   notices: [])
    }

    static func compare(_ base: [Measurement], _ head: [Measurement], policy: String? = nil) throws -> Comparison {
        let policies = try policy.map { try PolicySet.parse([("p.yml", $0)]) } ?? .builtInDefault
        return Comparator(policies: policies, today: today).compare(
            base: runs(base), head: runs(head),
            baseSide: ComparisonSide(label: "base", commit: nil), headSide: ComparisonSide(label: "head", commit: nil))
    }

    /// One metric compared under a policy.
    static func result(_ metric: String, base: [Double]?, head: [Double]?, headFailed: Int = 0, policy: String? = nil) throws -> MetricResult {
        let comparison = try compare(base.map { [measurement(metric, $0)] } ?? [],
                                     head.map { [measurement(metric, $0, failed: headFailed)] } ?? [], policy: policy)
        return try #require(comparison.results.first)
    }

    @Test func slowerBeyondToleranceIsARegression() throws {
        let result = try Self.result("latency_ms", base: [10, 10, 10], head: [11, 12, 11])
        #expect(result.verdict == .regression)
        #expect(result.base == 10)
        #expect(result.head == 11)
        #expect(result.relativeChange == 0.1)
        #expect(result.test == nil)
        #expect(result.rule == RuleOrigin(file: "built-in default policy", rule: "defaults"))
    }

    @Test func lowerThroughputIsARegressionAndHigherAnImprovement() throws {
        #expect(try Self.result("tokens_s", base: [100], head: [90]).verdict == .regression)
        #expect(try Self.result("tokens_s", base: [100], head: [110]).verdict == .improvement)
        #expect(try Self.result("ttft_s", base: [1.0], head: [0.8]).verdict == .improvement)
    }

    @Test func aChangeWithinToleranceIsUnchanged() throws {
        #expect(try Self.result("latency_ms", base: [100], head: [105]).verdict == .unchanged)
        #expect(try Self.result("latency_ms", base: [100], head: [95]).verdict == .unchanged)
    }

    @Test func aChangeOfUnknownDirectionIsReportedNeverFailed() throws {
        let result = try Self.result("temperature", base: [100], head: [150])
        #expect(result.verdict == .inconclusive)
        #expect(result.note == "direction unknown: set `direction:` for this metric")
        #expect(!result.fails)
        let counter = try Self.result("eval_count", base: [100], head: [150])
        #expect(counter.verdict == .inconclusive)
        #expect(counter.note == "counter 'eval_count': set `direction:` to gate on it")
        #expect(!counter.fails)
    }

    @Test func aGrowingSpreadIsReportedBesideItsMetricNeverAsARegression() throws {
        let comparison = try Self.compare([Self.measurement("mean_time_ms", [4.0]), Self.measurement("std_time_ms", [0.3])],
                                          [Self.measurement("mean_time_ms", [4.1]), Self.measurement("std_time_ms", [0.6])])
        let verdicts = comparison.results.map { "\($0.metric) \($0.verdict.rawValue) \($0.note ?? "-") \($0.fails)" }
        #expect(verdicts == ["mean_time_ms unchanged - false",
                             "std_time_ms inconclusive spread statistic 'std': set `direction:` to gate on it false"])
        let gated = try Self.result("std_time_ms", base: [0.3], head: [0.6],
                                    policy: "version: 1\nrules:\n  - match: \"**/std_time_ms\"\n    direction: lower\n")
        #expect(gated.verdict == .regression)
        #expect(gated.fails)
    }

    @Test func aFailedHeadIsFailedNotAHundredPercentRegression() throws {
        let result = try Self.result("tokens_s", base: [77], head: [], headFailed: 5)
        #expect(result.verdict == .failed)
        #expect(result.head == nil)
        #expect(result.relativeChange == nil)
        #expect(result.severity == .warn)
        #expect(!result.fails)
        let gated = try Self.result("tokens_s", base: [77], head: [], headFailed: 5, policy: "version: 1\ndefaults:\n  on_failed_run: fail\n")
        #expect(gated.fails)
    }

    @Test func newMissingAndAFailedBaseAreNamedSo() throws {
        #expect(try Self.result("t_ms", base: nil, head: [1]).verdict == .new)
        let missing = try Self.result("t_ms", base: [1], head: nil)
        #expect(missing.verdict == .missing)
        #expect(missing.severity == .warn)
        let comparison = try Self.compare([Self.measurement("t_ms", [], failed: 3)], [Self.measurement("t_ms", [1])])
        #expect(comparison.results.first?.verdict == .new)
        #expect(comparison.results.first?.note == "the baseline run failed")
    }

    @Test func aZeroBaselineHasNoRelativeChange() throws {
        #expect(try Self.result("errors", base: [0], head: [0]).verdict == .unchanged)
        let result = try Self.result("errors", base: [0], head: [2])
        #expect(result.verdict == .inconclusive)
        #expect(result.relativeChange == nil)
        let absolute = try Self.result("errors", base: [0], head: [2],
                                       policy: "version: 1\ndefaults:\n  tolerance: { relative: none, absolute: 1 }\n")
        #expect(absolute.verdict == .regression)
    }

    @Test func theAggregateSummarisesSamples() throws {
        #expect(try Self.result("t_ms", base: [1, 100, 2], head: [2, 2, 2]).relativeChange == 0)
        let mean = try Self.result("t_ms", base: [1, 2, 3], head: [2, 2, 2], policy: "version: 1\ndefaults:\n  aggregate: mean\n")
        #expect(mean.base == 2)
        #expect(mean.aggregate == .mean)
    }

    @Test func beyondToleranceButNotSignificantIsInconclusive() throws {
        // Medians differ by 10%, but the samples overlap: Mann-Whitney cannot tell them apart.
        let result = try Self.result("latency_ms", base: [10, 8, 12, 9, 11, 10], head: [11, 9, 13, 8, 12, 11])
        #expect(result.test == .mannWhitney)
        #expect(result.verdict == .inconclusive)
        let p = try #require(result.pValueAdjusted)
        #expect(p >= 0.01)
        #expect(result.note?.hasPrefix("beyond tolerance but not significant: adjusted p ") == true)
        #expect(result.ciLow != nil && result.ciHigh != nil)
    }

    @Test func significantButWithinToleranceIsUnchanged() throws {
        let base = [100.0, 100.1, 100.2, 100.1, 100.0, 100.2, 100.1, 100.0]
        let head = base.map { $0 * 1.02 }
        let result = try Self.result("latency_ms", base: base, head: head)
        #expect(try #require(result.pValue) < 0.01)
        #expect(result.verdict == .unchanged)
    }

    @Test func significantAndBeyondToleranceIsARegressionWithItsInterval() throws {
        let base = [10.0, 10.1, 9.9, 10.05, 9.95, 10.0, 10.1, 9.9]
        let head = base.map { $0 * 1.2 }
        for test in ["mann-whitney", "welch", "bootstrap"] {
            let result = try Self.result("latency_ms", base: base, head: head, policy: "version: 1\ndefaults:\n  test: \(test)\n")
            #expect(result.verdict == .regression, "\(test)")
            #expect(result.test?.rawValue == test)
            #expect(try #require(result.ciLow) > 0.15 && (try #require(result.ciHigh)) < 0.25, "\(test)")
        }
    }

    @Test func onlyAChangeBeyondTheToleranceGetsAnInterval() throws {
        let base = [10.0, 10.1, 9.9, 10.05, 9.95, 10.0, 10.1, 9.9]
        for test in ["mann-whitney", "welch", "bootstrap"] {
            let comparison = try Self.compare(
                [Self.measurement("latency_ms", base, benchmark: "within"), Self.measurement("latency_ms", base, benchmark: "beyond")],
                [Self.measurement("latency_ms", base.map { $0 * 1.02 }, benchmark: "within"),
                 Self.measurement("latency_ms", base.map { $0 * 1.2 }, benchmark: "beyond")],
                policy: "version: 1\ndefaults:\n  test: \(test)\n")
            let within = try #require(comparison.results.first { $0.benchmark == "within" })
            let beyond = try #require(comparison.results.first { $0.benchmark == "beyond" })
            #expect(within.verdict == .unchanged, "\(test)")
            #expect(within.pValue != nil, "\(test)")
            #expect(within.ciLow == nil && within.ciHigh == nil, "\(test)")
            let interval = try #require(Bootstrap(base: base, head: base.map { $0 * 1.2 }, aggregate: .median,
                                                  seed: Bootstrap.seed(for: "s/beyond/latency_ms")))
            #expect(beyond.verdict == .regression, "\(test)")
            #expect(beyond.ciLow == interval.low && beyond.ciHigh == interval.high, "\(test)")
        }
    }

    @Test func aTooNoisyChangeBeyondTheToleranceKeepsItsInterval() throws {
        let base = [10.0, 14, 6, 12, 8, 10]
        let result = try Self.result("latency_ms", base: base, head: base.map { $0 * 1.5 },
                                     policy: "version: 1\ndefaults:\n  noise:\n    max_cv: 10%\n")
        #expect(result.verdict == .inconclusive)
        #expect(result.note?.hasPrefix("too noisy: CV ") == true)
        #expect(result.ciLow != nil && result.ciHigh != nil)
    }

    @Test func pValuesAreAdjustedAcrossAllMetricsOfTheComparison() throws {
        // Eight samples a side: five could not reach alpha 0.01 once adjusted across three metrics.
        let base = [10.0, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.07]
        let clear = base.map { $0 * 1.3 }
        let comparison = try Self.compare(
            [Self.measurement("a_ms", base, benchmark: "a"), Self.measurement("b_ms", base, benchmark: "b"),
             Self.measurement("c_ms", base, benchmark: "c")],
            [Self.measurement("a_ms", clear, benchmark: "a"), Self.measurement("b_ms", base, benchmark: "b"),
             Self.measurement("c_ms", base.map { $0 * 1.01 }, benchmark: "c")])
        let raw = comparison.results.compactMap(\.pValue)
        #expect(comparison.results.compactMap(\.pValueAdjusted) == BenjaminiHochberg.adjust(raw))
        #expect(comparison.results.map(\.verdict) == [.regression, .unchanged, .unchanged])
    }

    @Test func tooNoisyASideIsInconclusiveWithItsCV() throws {
        let result = try Self.result("latency_ms", base: [10, 10, 10], head: [5, 20, 15],
                                     policy: "version: 1\ndefaults:\n  noise: { max_cv: 10% }\n")
        #expect(result.verdict == .inconclusive)
        #expect(result.note == "too noisy: CV 57.3% above max_cv 10.0%")
    }

    @Test func aWarnSeverityReportsWithoutFailingAndIgnoreHides() throws {
        let policy = """
            version: 1
            rules:
              - match: "s/b/latency_ms"
                severity: warn
              - match: "s/b/other_ms"
                severity: ignore
            """
        let comparison = try Self.compare([Self.measurement("latency_ms", [10]), Self.measurement("other_ms", [10])],
                                          [Self.measurement("latency_ms", [20]), Self.measurement("other_ms", [20])], policy: policy)
        #expect(comparison.results.map(\.verdict) == [.regression, .regression])
        #expect(comparison.results.map(\.severity) == [.warn, .ignore])
        #expect(comparison.exitCode == 0)
        #expect(comparison.counts == [.regression: 1])
        #expect(ReportWording.listed(comparison).map(\.metric) == ["latency_ms"])
    }

    @Test func anExpiredRuleStillAppliesAndIsReported() throws {
        let policy = """
            version: 1
            rules:
              - name: waiver
                match: "**/latency_ms"
                tolerance: { relative: 50% }
                reason: known slow path
                expires: 2026-01-31
            """
        let comparison = try Self.compare([Self.measurement("latency_ms", [10])], [Self.measurement("latency_ms", [12])], policy: policy)
        #expect(comparison.results.first?.verdict == .unchanged)
        #expect(comparison.results.first?.expired == "2026-01-31")
        #expect(comparison.expiredRules.map(\.rule) == [RuleOrigin(file: "p.yml", rule: "rules[0] (waiver)")])
        #expect(MarkdownReport.render(comparison).contains("- p.yml rules\\[0\\] (waiver) expired on 2026-01-31 and still applies: renew it with a reason, or remove it\n"))
    }

    @Test func aPartlyFailedRunNamesItsFailedBenchmarks() throws {
        let failure = RunFailure(failedRecords: 1, totalRecords: 2, firstError: "timed out")
        let base = LoadedRuns(runs: [Run(series: SeriesKey(value: "s"), path: "s", format: .csv, measurements: [
            Self.measurement("t_ms", [1], benchmark: "a"), Self.measurement("t_ms", [1], benchmark: "b"),
        ])], notices: [])
        let head = LoadedRuns(runs: [Run(series: SeriesKey(value: "s"), path: "s", format: .csv, measurements: [
            Self.measurement("t_ms", [1], benchmark: "a"), Self.measurement("t_ms", [], failed: 1, benchmark: "b"),
        ], failure: failure)], notices: [])
        let comparison = Comparator(today: Self.today).compare(base: base, head: head, baseSide: ComparisonSide(label: "b", commit: nil),
                                                              headSide: ComparisonSide(label: "h", commit: nil))
        #expect(ReportWording.failureLine(comparison.failedRuns[0], in: comparison) == "s: 1 of 2 records failed (b): timed out")
    }

    @Test func runsPairBySeriesBenchmarkAndMetric() throws {
        func run(_ series: String, _ measurements: [Measurement], failure: RunFailure? = nil) -> Run {
            Run(series: SeriesKey(value: series), path: series, format: .csv, measurements: measurements, failure: failure)
        }
        let base = LoadedRuns(runs: [run("a.csv", [Self.measurement("t_ms", [10])]), run("gone.csv", [Self.measurement("t_ms", [1])])], notices: [])
        let failure = RunFailure(failedRecords: 1, totalRecords: 1, firstError: "down")
        let head = LoadedRuns(runs: [
            run("a.csv", [Self.measurement("t_ms", [20])]),
            run("llm.csv", [Self.measurement("tokens_s", [], failed: 1)], failure: failure),
        ], notices: ["x.json: no numeric values, not an artifact"])
        let comparison = Comparator(today: Self.today).compare(base: base, head: head, baseSide: ComparisonSide(label: "HEAD~1", commit: nil),
                                                              headSide: ComparisonSide(label: "working tree", commit: nil))
        #expect(comparison.results.map { "\($0.id)=\($0.verdict.rawValue)" } == [
            "a.csv/b/t_ms=regression", "gone.csv/b/t_ms=missing", "llm.csv/b/tokens_s=failed",
        ])
        #expect(comparison.failedRuns == [FailedRun(series: "llm.csv", path: "llm.csv", failure: failure)])
        #expect(comparison.verdict == .regression)
        #expect(comparison.exitCode == 1)
        #expect(comparison.notices == [
            "head: x.json: no numeric values, not an artifact",
            "no fingerprint for the base run of a.csv: machines cannot be checked; write one with `regress fingerprint --format json > fingerprint.json` where the benchmarks run",
            "no fingerprint for the head run of a.csv: machines cannot be checked; write one with `regress fingerprint --format json > fingerprint.json` where the benchmarks run",
        ])
    }
}
