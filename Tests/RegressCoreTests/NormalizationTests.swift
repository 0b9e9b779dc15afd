@testable import RegressCore
import TestSupport
import Testing

/// `normalize: { by: METRIC }` on runs shaped like an LLM prompt suite: a generation time that grows
/// with the number of tokens generated.
struct NormalizationTests {
    static let policy = "version: 1\nrules:\n  - match: \"**/total_duration_s\"\n    normalize: { by: eval_count }\n"

    static func run(_ measurements: [Measurement], path: String = "bench/llm.csv") -> LoadedRuns {
        LoadedRuns(runs: [Run(series: SeriesKey(value: "bench/llm.csv"), path: path, format: .csv, measurements: measurements)],
                   notices: [])
    }

    static func m(_ metric: String, _ samples: [Double]) -> Measurement {
        let inferred = MetricInference.infer(metric)
        return Measurement(benchmark: "llama3, haiku", metric: metric, unit: inferred.unit, direction: inferred.direction, samples: samples)
    }

    static func compare(base: [Measurement], head: [Measurement], policy: String = policy) throws -> Comparison {
        Comparator(policies: try PolicySet.parse([("policies/llm.yml", policy)]), today: "2026-06-01").compare(
            base: run(base), head: run(head),
            baseSide: ComparisonSide(label: "base", commit: nil), headSide: ComparisonSide(label: "head", commit: nil))
    }

    /// The notices about normalisation (a run without a fingerprint has its own).
    static func notices(_ comparison: Comparison) -> [String] {
        comparison.notices.filter { $0.contains("compared as measured") }
    }

    static func result(_ comparison: Comparison, _ metric: String) throws -> MetricResult {
        try #require(comparison.results.first { $0.metric == metric })
    }

    @Test func aLongerAnswerAtTheSameSpeedPerTokenIsNotASlowdown() throws {
        let comparison = try Self.compare(
            base: [Self.m("total_duration_s", [2.0, 4.0, 3.0]), Self.m("eval_count", [100, 200, 150])],
            head: [Self.m("total_duration_s", [3.0, 6.3, 4.5]), Self.m("eval_count", [150, 300, 225])])
        let result = try Self.result(comparison, "total_duration_s")
        #expect(result.unit == "s/eval_count")
        #expect(result.base == 0.02)
        #expect(result.head == 0.02)
        #expect(result.verdict == .unchanged)
        #expect(Self.notices(comparison).isEmpty)
        // Without the rule the same runs are a 50% slowdown.
        let raw = try Self.result(try Self.compare(
            base: [Self.m("total_duration_s", [2.0, 4.0, 3.0]), Self.m("eval_count", [100, 200, 150])],
            head: [Self.m("total_duration_s", [3.0, 6.3, 4.5]), Self.m("eval_count", [150, 300, 225])],
            policy: "version: 1\n"), "total_duration_s")
        #expect(raw.verdict == .regression)
        #expect(raw.unit == "s")
    }

    @Test func aSlowerTokenRateIsStillARegressionPerToken() throws {
        let comparison = try Self.compare(
            base: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [100])],
            head: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [50])])
        let result = try Self.result(comparison, "total_duration_s")
        #expect(result.base == 0.02)
        #expect(result.head == 0.04)
        #expect(result.verdict == .regression)
    }

    @Test func aMissingByMetricLeavesBothSidesAsMeasuredAndSaysWhy() throws {
        let comparison = try Self.compare(
            base: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [100])],
            head: [Self.m("total_duration_s", [3.0])])
        let result = try Self.result(comparison, "total_duration_s")
        #expect(result.unit == "s")
        #expect(result.base == 2.0)
        #expect(result.head == 3.0)
        #expect(Self.notices(comparison) == [
            "head: bench/llm.csv: llama3, haiku total_duration_s compared as measured, not per eval_count: the benchmark has no metric eval_count",
        ])
    }

    @Test func aSampleCountThatDiffersOrAZeroCountIsANotice() throws {
        let differing = try Self.compare(
            base: [Self.m("total_duration_s", [2.0, 2.1]), Self.m("eval_count", [100])],
            head: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [100])])
        #expect(try Self.result(differing, "total_duration_s").unit == "s")
        #expect(Self.notices(differing) == [
            "base: bench/llm.csv: llama3, haiku total_duration_s compared as measured, not per eval_count: eval_count has 1 sample, total_duration_s 2 samples",
        ])
        let zero = try Self.compare(
            base: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [100])],
            head: [Self.m("total_duration_s", [0.1]), Self.m("eval_count", [0])])
        #expect(Self.notices(zero) == [
            "head: bench/llm.csv: llama3, haiku total_duration_s compared as measured, not per eval_count: eval_count is 0 in a sample",
        ])
    }

    @Test func byFindsAMetricByItsLastNameComponent() throws {
        let comparison = try Self.compare(
            base: [Self.m("response.total_duration_s", [2.0]), Self.m("response.eval_count", [100])],
            head: [Self.m("response.total_duration_s", [2.2]), Self.m("response.eval_count", [110])],
            policy: "version: 1\ndefaults:\n  normalize: { by: eval_count }\n")
        let result = try Self.result(comparison, "response.total_duration_s")
        #expect(result.unit == "s/eval_count")
        #expect(result.verdict == .unchanged)
        // The metric divided by is compared as it is.
        #expect(try Self.result(comparison, "response.eval_count").unit == "")
    }

    @Test func aBaseInAnotherUnitOfTheSameDimensionIsConvertedBeforeComparing() throws {
        var base = Self.m("total_duration_s", [2000])
        base.unit = "ms"
        let comparison = try Self.compare(base: [base, Self.m("eval_count", [100])],
                                          head: [Self.m("total_duration_s", [2.0]), Self.m("eval_count", [100])])
        let result = try Self.result(comparison, "total_duration_s")
        #expect(result.unit == "s/eval_count")
        #expect(result.base == 0.02)
        #expect(result.verdict == .unchanged)
    }

    @Test func aByNameThatFitsSeveralMetricsIsANotice() throws {
        let comparison = try Self.compare(
            base: [Self.m("total_duration_s", [2.0]), Self.m("prompt.eval_count", [10]), Self.m("response.eval_count", [100])],
            head: [Self.m("total_duration_s", [2.0]), Self.m("prompt.eval_count", [10]), Self.m("response.eval_count", [100])])
        #expect(try Self.result(comparison, "total_duration_s").unit == "s")
        #expect(Self.notices(comparison) == [
            "base: bench/llm.csv: llama3, haiku total_duration_s compared as measured, not per eval_count: 2 metrics are named eval_count: name one in full",
            "head: bench/llm.csv: llama3, haiku total_duration_s compared as measured, not per eval_count: 2 metrics are named eval_count: name one in full",
        ])
    }

    @Test func theHistoryAMetricIsJudgedAgainstIsNormalisedToo() throws {
        // Answers of very different lengths at a steady 20 ms per token, then a run 30% slower per token.
        let fixture = try FixtureRepository()
        try fixture.write("policies/llm.yml", Self.policy)
        let counts: [Double] = [100, 250, 60, 180, 300, 120, 90, 210, 150]
        let perToken: [Double] = [0.0200, 0.0202, 0.0199, 0.0201, 0.0200, 0.0198, 0.0201, 0.0200, 0.0260]
        for (index, (count, rate)) in zip(counts, perToken).enumerated() {
            try fixture.write("bench/llm.csv", "model,prompt,total_duration_s,eval_count\nllama3,haiku,\(count * rate),\(count)\n")
            try fixture.commit("run \(index)")
        }
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        let result = try Self.result(comparison, "total_duration_s")
        #expect(result.unit == "s/eval_count")
        #expect(result.verdict == .regression)
        #expect(result.noise?.runs == 8)
        #expect(result.note?.hasPrefix("noise from 7 earlier runs") == true)
    }
}
