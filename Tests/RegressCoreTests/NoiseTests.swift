import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

struct NoiseTests {
    static func run(_ series: String, _ measurements: [RegressCore.Measurement]) -> Run {
        Run(series: SeriesKey(value: series), path: series, format: .json, measurements: measurements)
    }

    static func measurement(_ samples: [Double], metric: String = "latency_ms") -> RegressCore.Measurement {
        Measurement(benchmark: "b", metric: metric, unit: "ms", direction: .lowerIsBetter, samples: samples)
    }

    @Test func twoSeparatedGroupsAreBimodalAndUniformNoiseIsNot() {
        #expect(NoiseAnalysis.isBimodal([10.0, 10.1, 9.9, 10.05, 9.95, 12.0, 12.1, 11.9, 12.05, 11.95]))
        #expect(!NoiseAnalysis.isBimodal((0..<20).map { 10 + Double($0) * 0.05 }))
        #expect(!NoiseAnalysis.isBimodal([1, 1, 5, 5]))
    }

    @Test func detectableChangeFollowsTheSamplesAndTheTest() {
        var policy = MetricPolicy()
        let few = NoiseAnalysis.detectableChange(n: 3, cv: 0.02, policy: policy)
        #expect(few.0 == nil)
        #expect(few.1 == "3 samples < min_samples 5: the tolerance alone decides")
        var fewer = policy
        fewer.minSamples = 4
        let four = NoiseAnalysis.detectableChange(n: 4, cv: 0.02, policy: fewer)
        #expect(four.0 == nil)
        #expect(four.1 == "no change is detectable: with 4 samples a side the smallest p-value is 0.0286, above alpha 0.01")
        let ten = NoiseAnalysis.detectableChange(n: 10, cv: 0.02, policy: policy)
        let expected = (2.5758293035489 + 0.8416212335729) * 2.0.squareRoot() * 0.02 / 10.0.squareRoot()
        #expect(abs(ten.0! - expected) < 1e-9)
        policy.test = .none
        #expect(NoiseAnalysis.detectableChange(n: 10, cv: 0.02, policy: policy).1 == "test: none: the tolerance alone decides")
    }

    @Test func aMetricNoisierThanItsToleranceGetsASuggestedTolerance() {
        let current = Self.run("s", [Self.measurement([10.0]), Self.measurement([5.0], metric: "steady_ms")])
        let older = [
            Self.run("s", [Self.measurement([11.0]), Self.measurement([5.01], metric: "steady_ms")]),
            Self.run("s", [Self.measurement([9.0]), Self.measurement([4.99], metric: "steady_ms")]),
        ]
        let metrics = NoiseAnalysis.analyze(current: [current], earlier: [SeriesKey(value: "s"): older], policies: .builtInDefault)
        let noisy = metrics[0], steady = metrics[1]
        #expect(noisy.runs == 3)
        #expect(abs(noisy.betweenRunCV! - 0.1) < 1e-12)
        #expect(abs(noisy.runToRunNoise! - 1.96 * 2.0.squareRoot() * 0.1) < 1e-12)
        #expect(!noisy.gateable)
        #expect(noisy.suggestedTolerance == 0.28)
        #expect(steady.gateable)
        #expect(steady.suggestedTolerance == nil)
    }

    @Test func lastCommitsAddBetweenRunFiguresAndUnchangedArtifactsCountOnce() throws {
        let fixture = try FixtureRepository()
        for (index, ms) in [10.0, 10.0, 12.0, 8.0].enumerated() {
            try fixture.write("bench/r.json", "{\"latency_ms\": \(ms)}")
            try fixture.commit("run \(index)")
        }
        try fixture.write("bench/r.json", "{\"latency_ms\": 10.5}")
        let report = try NoiseOperation(repositoryPath: fixture.path, last: 4).run()
        #expect(report.runsFrom == "the last 4 commits")
        let metric = try #require(report.metrics.first)
        #expect(metric.runs == 4)  // 10.5 now; 8, 12 and 10 (twice, the same artifact) before
        #expect(!metric.gateable)
        let text = NoiseReportFormat.markdown(report)
        #expect(text.hasPrefix("### ⚠️ regress noise: 1 of 1 metrics cannot be gated at their tolerance\n"))
        #expect(text.contains("\n- bench/r.json//latency\\_ms: tolerance 5.0%, suggested 46.0%\n"), "\(text)")
    }
}
