import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// criterion.rs's files of every version: `Fixtures/formats/criterion/` (0.3 and later) and
/// `Fixtures/formats/criterion-0.2/.criterion/` (0.2 and earlier), written from criterion's source.
struct CriterionFileTests {
    @Test func samplesAreThePerIterationTimesSoTheTestsRunOnThem() throws {
        let result = try FormatAdapterTests.read("criterion/fib/20/new/estimates.json")
        #expect(result.contents.variant == "estimates of criterion 0.3 and later")
        // times[i] / iters[i]: 214000/10, 428600/20, 641700/30, 856800/40, 1069000/50.
        #expect(try FormatAdapterTests.measurement(result, "fib/20", "time").samples == [21400, 21430, 21390, 21420, 21380])
        #expect(result.contents.skipped.isEmpty)
    }

    @Test func estimatesOfCriterion02HaveCapitalisedKeysAndAnItersTimesPair() throws {
        let result = try FormatAdapterTests.read("criterion-0.2/.criterion/parse/json/new/estimates.json")
        #expect(result.format == .criterion)
        #expect(result.kind == .run)
        #expect(result.contents.variant == "estimates of criterion 0.2 and earlier")
        #expect(result.reason == "it has `Mean` and `Median` estimates with `point_estimate` (the estimates.json of criterion 0.2 and earlier)")
        // The samples are read; the estimates are criterion's statistics of them, not metrics of their own.
        #expect(result.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == [
            "parse/json time [1406.0, 1411.0, 1406.0, 1409.0]",
        ])
        let alone = try ArtifactReader.read(ReadRequest(
            bytes: try FolderSource(root: FormatAdapterTests.folder).read("criterion-0.2/.criterion/parse/json/new/estimates.json"),
            path: ".criterion/parse/json/new/estimates.json", sibling: { _ in nil }))
        #expect(alone.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == [
            "parse/json mean [1416.2]", "parse/json median [1405.3]", "parse/json median_abs_dev [19.6]",
            "parse/json slope [1409.4]", "parse/json std_dev [74.8]",
        ])
        #expect(Configuration.defaultGlobs.contains { $0.matches(".criterion/parse/json/new/estimates.json") })
        #expect(Configuration.defaults.isExcluded(".criterion/parse/json/change/estimates.json"))
        #expect(Configuration.defaults.isExcluded(".criterion/parse/json/new/sample.json"))
    }

    @Test func criterionsOwnComparisonAndItsMetadataAreNotRuns() throws {
        for path in ["criterion/fib/20/change/estimates.json", "criterion-0.2/.criterion/parse/json/change/estimates.json"] {
            let change = try FormatAdapterTests.read(path)
            #expect(change.kind == .metadata)
            #expect(change.contents.measurements.isEmpty)
            #expect(change.reason == "only `mean` and `median` estimates (criterion's change/estimates.json): criterion's own comparison " +
                    "of this run with its previous one, relative changes, not a run")
        }
        let benchmark = try FormatAdapterTests.read("criterion/fib/20/new/benchmark.json")
        #expect(benchmark.kind == .metadata)
        #expect(benchmark.reason == "`full_id` and `directory_name` (criterion's benchmark.json): the id of the benchmark whose estimates " +
                "are beside it, no measurements")
        let tukey = try FormatAdapterTests.read("criterion/fib/20/new/tukey.json")
        #expect(tukey.kind == .metadata)
        #expect(tukey.contents.measurements.isEmpty)
        // Configured as criterion, they are still what they are.
        #expect(try FormatAdapterTests.read("criterion/fib/20/change/estimates.json", format: .criterion).kind == .metadata)
        // Four numbers in a file of another name are plain JSON.
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array("[1, 2, 3, 4]".utf8), path: "bench/t.json")).format == .json)
    }

    @Test func aSampleFileReadAloneIsTheRunOfItsTimes() throws {
        let result = try FormatAdapterTests.read("criterion/fib/20/new/sample.json")
        #expect(result.kind == .run)
        #expect(result.contents.variant == "sample.json of criterion 0.3 and later")
        #expect(result.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == [
            "fib/20 time [21400.0, 21430.0, 21390.0, 21420.0, 21380.0]",
        ])
        let old = try FormatAdapterTests.read("criterion-0.2/.criterion/parse/json/new/sample.json")
        #expect(old.format == .criterion)
        #expect(old.contents.variant == "sample.json of criterion 0.2 and earlier")
        #expect(old.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == [
            "parse/json time [1406.0, 1411.0, 1406.0, 1409.0]",
        ])
        // The same pair under another name is plain JSON.
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array("[[1, 2], [3, 4]]".utf8), path: "bench/pairs.json")).format == .json)
    }

    @Test func aBrokenEstimateOrSampleIsSkippedWithItsPathAndTheRestIsRead() throws {
        let result = try FormatAdapterTests.read("criterion/truncated/new/estimates.json")
        #expect(result.contents.measurements.map { "\($0.metric) \($0.samples)" } == ["time [990.0, 1002.0]"])
        #expect(result.contents.skipped == [
            "sample.json.iters[3]: not a positive number, sample dropped": 1,
            "sample.json.times[1]: not a positive number, sample dropped": 1,
        ])
        // Without a sample the estimates stand for the run, as far as they are numbers.
        let estimatesOnly = try ArtifactReader.read(ReadRequest(
            bytes: try FolderSource(root: FormatAdapterTests.folder).read("criterion/truncated/new/estimates.json"),
            path: "target/criterion/truncated/new/estimates.json", sibling: { _ in nil }))
        #expect(estimatesOnly.contents.measurements.map { "\($0.metric) \($0.samples)" } == [
            "mean [995.0]", "median_abs_dev [12.6]", "std_dev [30.2]",
        ])
        #expect(estimatesOnly.contents.skipped == ["median.point_estimate: not a number, estimate not read": 1])
        let unparsable = try ArtifactReader.read(ReadRequest(
            bytes: try FolderSource(root: FormatAdapterTests.folder).read("criterion/fib/20/new/estimates.json"),
            path: "target/criterion/fib/20/new/estimates.json", sibling: { $0.hasSuffix("sample.json") ? Array("{\"iters\": [1,".utf8) : nil }))
        #expect(unparsable.contents.measurements.map(\.metric) == ["mean", "median", "median_abs_dev", "slope", "std_dev"])
        #expect(unparsable.contents.skipped == [
            "sample.json does not parse (target/criterion/fib/20/new/sample.json: line 1, column 14: the document ends where a value was expected): " +
                "no samples, the estimates are read": 1,
        ])
    }
}

struct CriterionComparisonTests {
    /// criterion's folder of one benchmark: its id, estimates, and a sample of 10 iteration counts
    /// whose per-iteration times are `perIteration` (ns).
    static func write(_ fixture: FixtureRepository, perIteration: [Double]) throws {
        let folder = "target/criterion/parse/new"
        try fixture.write("target/criterion/parse/benchmark.json",
                          #"{"group_id":"parse","function_id":null,"value_str":null,"throughput":null,"full_id":"parse","directory_name":"parse","title":"parse"}"#)
        let iters = perIteration.indices.map { Double(($0 + 1) * 10) }
        let times = zip(iters, perIteration).map { $0 * $1 }
        try fixture.write("\(folder)/sample.json", #"{"sampling_mode":"Linear","iters":\#(iters),"times":\#(times)}"#)
        let mean = perIteration.reduce(0, +) / Double(perIteration.count)
        let estimate = #"{"confidence_interval":{"confidence_level":0.95,"lower_bound":\#(mean),"upper_bound":\#(mean)},"point_estimate":\#(mean),"standard_error":1.0}"#
        try fixture.write("\(folder)/estimates.json",
                          #"{"mean":\#(estimate),"median":\#(estimate),"median_abs_dev":\#(estimate),"slope":null,"std_dev":\#(estimate)}"#)
    }

    @Test func theSamplesOfTwoRunsAreComparedWithAStatisticalTest() throws {
        let fixture = try FixtureRepository()
        let quiet: [Double] = [1000, 1004, 998, 1003, 997, 1001, 999, 1002, 1005, 996]
        try Self.write(fixture, perIteration: quiet)
        try fixture.commit("base")
        try Self.write(fixture, perIteration: quiet.map { $0 * 1.08 })
        try fixture.commit("slower parse")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        let time = try #require(comparison.results.first { $0.benchmark == "parse" && $0.metric == "time" })
        #expect(time.samplesBase == 10)
        #expect(time.samplesHead == 10)
        #expect(time.verdict == .regression)
        #expect(time.test == .mannWhitney)
        // Every head sample is above every base sample (U = 0): SciPy's `mannwhitneyu` of the same two
        // samples gives p = 0.00018267179110955.
        #expect(abs(try #require(time.pValue) - 0.00018267179110955) < 1e-12)
        #expect(abs(try #require(time.relativeChange) - 0.08) < 1e-9)
    }
}
