import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// package-benchmark's baselines as its releases wrote them, and its static threshold files:
/// `Fixtures/formats/package-benchmark/` (see the fixtures' README for how each was made).
struct PackageBenchmarkVersionTests {
    static let baselines = "package-benchmark/.benchmarkBaselines/Fib"

    static func summary(_ result: ReadResult) -> [String] {
        result.contents.measurements.map { m in
            "\(m.metric) \(m.unit.isEmpty ? "-" : m.unit) \(m.direction.rawValue) \(m.samples.count) median \(NumberFormat.value(m.median ?? .nan))"
        }
    }

    @Test func timeUnitsAsNamesAsInLaterReleases() throws {
        let result = try FormatAdapterTests.read("package-benchmark-results.json")
        #expect(result.contents.variant == "`timeUnits` as names")
        #expect(Self.summary(result) == [
            "wallClock us lower 50 median 34.77", "throughput ops/s higher 50 median 28760", "mallocCountTotal - lower 50 median 0",
        ])
    }

    @Test func timeUnitsAsNumbersAsInEarlierReleasesReadTheSame() throws {
        let numeric = try FormatAdapterTests.read("\(Self.baselines)/numeric/results.json")
        let named = try FormatAdapterTests.read("package-benchmark-results.json")
        #expect(numeric.format == .packageBenchmark)
        #expect(numeric.contents.variant == "`timeUnits` as numbers")
        #expect(numeric.contents.measurements == named.contents.measurements)
        // A result whose histogram was cut short is skipped with its JSON path; the others are read.
        #expect(numeric.contents.skipped == ["results[1][3].statistics.histogram.counts: missing, result not read": 1])
    }

    @Test func metricIdentifiersAsNamesOrObjects() throws {
        let names = try FormatAdapterTests.read("\(Self.baselines)/named/results.json")
        let objects = try FormatAdapterTests.read("package-benchmark-results.json")
        #expect(names.contents.measurements == objects.contents.measurements)
        #expect(try PackageBenchmarkAdapter.metricName(JSONCursor(.string("throughput"), file: "r.json")) == ("throughput", true))
        let custom = try JSONParser.parse(Array(#"{"custom": {"_0": "cache hits", "polarity": {"prefersLarger": {}}, "useScalingFactor": true}}"#.utf8))
        #expect(try PackageBenchmarkAdapter.metricName(JSONCursor(custom, file: "r.json")) == ("cache hits", true))
    }

    @Test func theFirstReleasesKeptPercentilesAndTheirMedianIsTheSample() throws {
        let result = try FormatAdapterTests.read("\(Self.baselines)/percentiles/results.json")
        #expect(result.contents.variant == "`percentiles` without a histogram (the first releases); `timeUnits` as numbers")
        #expect(Self.summary(result) == [
            "wallClock us lower 1 median 36", "mallocCountTotal - lower 1 median 0", "cache hits - higher 1 median 97",
        ])
    }

    @Test func staticThresholdFilesAreExpectationsNotRuns() throws {
        let thresholds = try FormatAdapterTests.read("package-benchmark/Thresholds/Fib.Fib 20.p90.json")
        #expect(thresholds.format == .packageBenchmark)
        #expect(thresholds.kind == .thresholds)
        #expect(thresholds.contents.measurements.isEmpty)
        #expect(thresholds.reason == "metric names with p90 values (mallocCountTotal 0, wallClock 70000): package-benchmark's static " +
                "thresholds of `Fib.Fib 20`, expectations a run is checked against, not a run")
        // By content alone, whatever the file is called.
        let renamed = try ArtifactReader.read(ReadRequest(bytes: Array(#"{"wallClock": 1200, "throughput": 900}"#.utf8), path: "bench/limits.json"))
        #expect(renamed.kind == .thresholds)
        // Words any JSON may use are not enough, nor JSON with other keys: plain JSON.
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array(#"{"throughput": 900, "instructions": 12}"#.utf8), path: "bench/r.json")).kind == .run)
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array(#"{"wallClock": 1200, "tokens_s": 9}"#.utf8), path: "bench/r.json")).kind == .run)
    }

    @Test func thresholdFilesFoundByTheDefaultGlobsAreNamedInANotice() throws {
        let fixture = try FixtureRepository()
        try fixture.write("Benchmarks/Thresholds/Fib.Fib 20.p90.json", #"{"wallClock": 70000}"#)
        try fixture.write(".benchmarkBaselines/Fib/ci/host1.results.json",
                          String(decoding: try FolderSource(root: FormatAdapterTests.folder).read("package-benchmark-results.json"), as: UTF8.self))
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: .init(discoveringFrom: fixture.path)), configuration: .defaults)
        #expect(loaded.runs.map(\.path) == [".benchmarkBaselines/Fib/ci/host1.results.json"])
        #expect(loaded.notices == [
            "Benchmarks/Thresholds/Fib.Fib 20.p90.json: metric names with p90 values (wallClock 70000): package-benchmark's static " +
                "thresholds of `Fib.Fib 20`, expectations a run is checked against, not a run",
        ])
    }
}
