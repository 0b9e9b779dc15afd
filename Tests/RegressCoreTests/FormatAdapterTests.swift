import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// Each harness format on real output (or, where the tool cannot run here, files written from its
/// documentation): see `Fixtures/formats/README.md`.
struct FormatAdapterTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/formats").path

    static func read(_ path: String, format: ArtifactFormat? = nil, direction: Direction? = nil) throws -> ReadResult {
        let source = FolderSource(root: folder)
        return try ArtifactReader.read(ReadRequest(bytes: try source.read(path), path: path, format: format, direction: direction,
                                                   sibling: { try? source.read($0) }))
    }

    static func measurement(_ result: ReadResult, _ benchmark: String, _ metric: String) throws -> RegressCore.Measurement {
        try #require(result.contents.measurements.first { $0.benchmark == benchmark && $0.metric == metric })
    }

    @Test func googleBenchmarkRepetitionsAreSamplesAndAggregatesAreNotCountedAgain() throws {
        let result = try Self.read("google-benchmark.json")
        #expect(result.format == .googleBenchmark)
        let copy = try Self.measurement(result, "BM_StringCopy/64", "real_time")
        #expect(copy.samples.count == 3)
        #expect(copy.unit == "ns")
        #expect(copy.direction == .lowerIsBetter)
        let bytes = try Self.measurement(result, "BM_StringCopy/64", "bytes_per_second")
        #expect(bytes.direction == .higherIsBetter)
        #expect(bytes.unit == "B/s")
        let sum = try Self.measurement(result, "BM_VectorSum", "real_time")
        #expect(sum.unit == "us")
        #expect(try Self.measurement(result, "BM_VectorSum", "items_per_second").direction == .higherIsBetter)
        #expect(try Self.measurement(result, "BM_VectorSum", "elements").samples == [1000, 1000, 1000])
        #expect(result.contents.skipped == ["aggregate not counted again as samples": 12])
        let failed = try Self.measurement(result, "BM_Fails", "real_time")
        #expect(failed.isFailed)
        #expect(result.contents.failure == RunFailure(failedRecords: 3, totalRecords: 12, firstError: "fixture could not be opened"))
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "2")
        #expect(result.contents.fingerprint?.fields["cpu.cache.l1d"] == "49152")
    }

    @Test func googleBenchmarkReadRecordByRecordIsWhatTheWholeDocumentReads() throws {
        let bytes = try FolderSource(root: Self.folder).read("google-benchmark.json")
        #expect(JSONParser.firstKey(bytes) == "context")
        let streamed = try #require(try GoogleBenchmarkAdapter.stream(bytes, path: "gb.json"))
        let whole = try GoogleBenchmarkAdapter.read(JSONCursor(try JSONParser.parse(bytes), file: "gb.json"), request: ReadRequest(bytes: bytes, path: "gb.json"))
        #expect(streamed.measurements == whole.measurements)
        #expect(streamed.skipped == whole.skipped)
        #expect(streamed.failure == whole.failure)
        #expect(streamed.fingerprint == whole.fingerprint)
    }

    @Test func googleBenchmarkAggregatesOnlyAreReadFromTheMedian() throws {
        let result = try Self.read("google-benchmark-aggregates-only.json")
        #expect(result.format == .googleBenchmark)
        // `--benchmark_report_aggregates_only`: each run's median aggregate is its one value, under the repetitions' metric names.
        #expect(result.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == [
            "BM_Sum/64 real_time [23.691355283529457]", "BM_Sum/64 cpu_time [23.692507868925258]",
            "BM_Sum/64 items_per_second [2701275878.1834764]",
            "BM_Sum/4096 real_time [1447.7737844020094]", "BM_Sum/4096 cpu_time [1447.8238195912606]",
            "BM_Sum/4096 items_per_second [2829073499.534186]",
            "BM_Fail real_time []", "BM_Fail cpu_time []",
        ])
        #expect(result.contents.failure == RunFailure(failedRecords: 3, totalRecords: 5, firstError: "no device"))
        #expect(result.contents.skipped == ["aggregate of a run reported without its repetitions, other than its median or mean: not read": 4])
        let bytes = try FolderSource(root: Self.folder).read("google-benchmark-aggregates-only.json")
        let streamed = try #require(try GoogleBenchmarkAdapter.stream(bytes, path: "gb.json"))
        #expect(streamed.measurements == result.contents.measurements)
        #expect(streamed.skipped == result.contents.skipped)
    }

    @Test func googleBenchmarkAggregatesWithoutAMedianAreReadFromTheMean() throws {
        // Custom statistics without a median: the mean stands for the run, at the end of the document too.
        let document = #"""
            {"context": {"num_cpus": 2}, "benchmarks": [
              {"name": "BM_A_mean", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 10, "cpu_time": 9, "time_unit": "ns"},
              {"name": "BM_A_max", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "max", "real_time": 12, "cpu_time": 11, "time_unit": "ns"},
              {"name": "BM_B", "run_name": "BM_B", "run_type": "iteration", "real_time": 5, "cpu_time": 5, "time_unit": "ns"},
              {"name": "BM_B_mean", "run_name": "BM_B", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 5, "cpu_time": 5, "time_unit": "ns"},
              {"name": "BM_C_mean", "run_name": "BM_C", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 7, "cpu_time": 6, "time_unit": "us"}]}
            """#
        for contents in [try ArtifactReader.read(ReadRequest(bytes: Array(document.utf8), path: "gb.json")).contents,
                         try #require(try GoogleBenchmarkAdapter.stream(Array(document.utf8), path: "gb.json"))] {
            #expect(contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples) \($0.unit)" } == [
                "BM_A real_time [10.0] ns", "BM_A cpu_time [9.0] ns", "BM_B real_time [5.0] ns", "BM_B cpu_time [5.0] ns",
                "BM_C real_time [7.0] us", "BM_C cpu_time [6.0] us",
            ])
            #expect(contents.skipped == ["aggregate not counted again as samples": 1,
                                         "aggregate of a run reported without its repetitions, other than its median or mean: not read": 1])
        }
    }

    @Test func aDocumentThatStartsWithContextButIsNoGoogleBenchmarkRunIsReadAsWhatItIs() throws {
        // A record of the wrong shape after one that breaks the schema: not this format, so no error.
        let generic = #"{"context": {}, "benchmarks": [{"name": "a", "real_time": "fast"}, {"name": "b", "t_ms": 4}]}"#
        let read = try ArtifactReader.read(ReadRequest(bytes: Array(generic.utf8), path: "r.json"))
        #expect(read.format == .json)
        #expect(read.contents.measurements.map { "\($0.benchmark) \($0.metric) \($0.samples)" } == ["b t_ms [4.0]"])
        #expect(try GoogleBenchmarkAdapter.stream(Array(#"{"context": {}, "benchmarks": {}}"#.utf8), path: "r.json") == nil)
        #expect(try GoogleBenchmarkAdapter.stream(Array(#"{"context": [], "benchmarks": []}"#.utf8), path: "r.json") == nil)
        let empty = try #require(try GoogleBenchmarkAdapter.stream(Array(#"{"context": {"num_cpus": 4}, "benchmarks": []}"#.utf8), path: "r.json"))
        #expect(empty.measurements.isEmpty)
        #expect(empty.fingerprint?.fields == ["cpu.logical_cores": "4"])
        // A syntax error is the file's, with its line and column.
        #expect(throws: ArtifactError.malformed(path: "r.json", location: "line 2, column 19", reason: "expected ',' or ']' in an array")) {
            try ArtifactReader.read(ReadRequest(bytes: Array("{\"context\": {},\n\"benchmarks\": [{} {}]}".utf8), path: "r.json"))
        }
        #expect(throws: ArtifactError.malformed(path: "r.json", location: "benchmarks[0].run_name", reason: "expected text")) {
            try ArtifactReader.read(ReadRequest(bytes: Array(#"{"context": {}, "benchmarks": [{"name": "a", "run_name": 1, "real_time": 1}]}"#.utf8), path: "r.json"))
        }
    }

    @Test func pytestBenchmarkReadRecordByRecordIsWhatTheWholeDocumentReads() throws {
        let bytes = try FolderSource(root: Self.folder).read("pytest-benchmark.json")
        #expect(JSONParser.firstKey(bytes) == "machine_info")
        let streamed = try #require(try PytestBenchmarkAdapter.stream(bytes, path: "p.json"))
        let whole = try PytestBenchmarkAdapter.read(JSONCursor(try JSONParser.parse(bytes), file: "p.json"), request: ReadRequest(bytes: bytes, path: "p.json"))
        #expect(!streamed.measurements.isEmpty)
        #expect(streamed.measurements == whole.measurements)
        #expect(streamed.skipped == whole.skipped)
        #expect(streamed.fingerprint == whole.fingerprint)
        // Not this format, or one detection tries first: read the usual way.
        #expect(try PytestBenchmarkAdapter.stream(Array(#"{"machine_info": {}, "benchmarks": [{"name": "a"}]}"#.utf8), path: "p.json") == nil)
        #expect(try PytestBenchmarkAdapter.stream(Array(#"{"machine_info": {}, "context": {}, "benchmarks": []}"#.utf8), path: "p.json") == nil)
        #expect(try PytestBenchmarkAdapter.stream(Array(#"{"machine_info": {}}"#.utf8), path: "p.json") == nil)
        // Read record by record, a value that is not a number is skipped with its JSON path too.
        let partial = try ArtifactReader.read(ReadRequest(bytes: Array(#"{"machine_info": {}, "benchmarks": [{"name": "a", "stats": {"max": 2}}, {"name": "b", "stats": {"min": "x"}}]}"#.utf8), path: "p.json"))
        #expect(partial.contents.measurements.map { "\($0.benchmark)/\($0.metric)" } == ["a/max"])
        #expect(partial.contents.dropped == ["benchmarks[1].stats.min: not a number, not read"])
        #expect(throws: ArtifactError.malformed(path: "p.json", location: "benchmarks[1].name", reason: "missing")) {
            try ArtifactReader.read(ReadRequest(bytes: Array(#"{"machine_info": {}, "benchmarks": [{"name": "a", "stats": {}}, {"stats": {"min": 1}}]}"#.utf8), path: "p.json"))
        }
    }

    @Test func pytestBenchmarkRawDataIsTheTimeAndMachineInfoTheFingerprint() throws {
        let result = try Self.read("pytest-benchmark.json")
        #expect(result.format == .pytestBenchmark)
        let fib = "test_bench.py::test_fib_10"
        #expect(try Self.measurement(result, fib, "time").samples.count == 10)
        #expect(try Self.measurement(result, fib, "time").unit == "s")
        // `min`, `max`, `mean`... are pytest-benchmark's statistics of those samples: not read again.
        #expect(Set(result.contents.measurements.map(\.metric)) == ["time"])
        #expect(result.contents.fingerprint?.fields["cpu.model"] == "Intel(R) Xeon(R) Processor")
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "2")
    }

    @Test func pytestBenchmarkWithoutRawDataReadsTheSummaryStatistics() throws {
        let document = #"""
            {"machine_info": {"node": "ci"}, "benchmarks": [
              {"name": "test_a", "fullname": "t.py::test_a", "stats": {"min": 1e-05, "max": 2e-05, "mean": 1.2e-05, "stddev": 1e-06,
               "median": 1.1e-05, "iqr": 5e-07, "ops": 83333.3, "rounds": 40, "data": []}},
              {"name": "test_b", "stats": {"min": 3.0, "ops": "fast", "rounds": 1}}]}
            """#
        let result = try ArtifactReader.read(ReadRequest(bytes: Array(document.utf8), path: ".benchmarks/0001.json"))
        #expect(result.format == .pytestBenchmark)
        let directions = result.contents.measurements.filter { $0.benchmark == "t.py::test_a" }.map { "\($0.metric) \($0.direction.rawValue)" }
        #expect(directions.sorted() == ["iqr unknown", "max lower", "mean lower", "median lower", "min lower", "ops higher",
                                        "rounds unknown", "stddev unknown"])
        #expect(try Self.measurement(result, "t.py::test_a", "median").unit == "s")
        #expect(try Self.measurement(result, "t.py::test_a", "rounds").samples == [40])
        #expect(result.contents.measurements.filter { $0.benchmark == "test_b" }.map(\.metric) == ["min", "rounds"])
        #expect(result.contents.skipped == ["benchmarks[1].stats.ops: not a number, not read": 1])
    }

    @Test func pytestBenchmarkSamplesThatAreNotNumbersAreDroppedAndTheSummaryIsRead() throws {
        let result = try Self.read("pytest-benchmark-truncated.json")
        #expect(result.format == .pytestBenchmark)
        let fib = "test_bench.py::test_fib_10"
        #expect(result.contents.measurements.filter { $0.benchmark == fib }.map(\.metric)
            == ["min", "max", "mean", "stddev", "median", "iqr", "ops", "rounds"])
        #expect(try Self.measurement(result, fib, "median").samples == [1.0449499995957012e-05])
        #expect(try Self.measurement(result, fib, "rounds").samples == [10])
        // The other benchmark keeps its samples, and with them no summary statistic is read.
        #expect(try Self.measurement(result, "test_bench.py::test_sorted_list", "time").samples.count == 18)
        #expect(result.contents.measurements.contains { $0.benchmark == "test_bench.py::test_sorted_list" && $0.metric == "ops" } == false)
        #expect(result.contents.skipped == [
            "benchmarks[0].stats.data[4]: not a number, so benchmarks[0].stats.data (5 values) is dropped; the summary statistics are read": 1,
        ])
        #expect(result.contents.failure == nil)
    }

    @Test func aConfiguredArtifactOfWhichNothingCanBeReadStopsTheCheck() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/partial.json", #"{"machine_info": {}, "benchmarks": [{"name": "a", "stats": {"data": [1, "x"], "min": 1}}]}"#)
        try fixture.write("bench/nothing.json", #"{"machine_info": {}, "benchmarks": [{"name": "a", "stats": {"data": ["x"], "min": "?"}}]}"#)
        let source = try WorkingTreeSource(repository: .init(discoveringFrom: fixture.path))
        let partial = try Configuration.parse("version: 1\nartifacts:\n  - path: bench/partial.json\n", file: "regress.yml")
        #expect(try RunLoader.load(source, configuration: partial).runs.map { $0.measurements.map(\.metric) } == [["min"]])
        let nothing = try Configuration.parse("version: 1\nartifacts:\n  - path: bench/nothing.json\n", file: "regress.yml")
        let reason = "nothing could be read: benchmarks[0].stats.data[0]: not a number, so benchmarks[0].stats.data (1 value) is dropped; " +
            "the summary statistics are read; benchmarks[0].stats.min: not a number, not read"
        #expect(throws: ConfiguredArtifactError(.notRead(path: "bench/nothing.json", reason: reason))) {
            try RunLoader.load(source, configuration: nothing)
        }
        // Found by the default globs instead, it is passed over with a notice saying the same; what the
        // partly read file left out is a notice too.
        #expect(try RunLoader.load(source, configuration: .defaults).notices == [
            "bench/nothing.json: \(reason)",
            "bench/partial.json: read in part, skipped benchmarks[0].stats.data[1]: not a number, so benchmarks[0].stats.data " +
                "(2 values) is dropped; the summary statistics are read",
        ])
    }

    @Test func hyperfineTimesAreSamplesAndANonZeroExitCodeFails() throws {
        let result = try Self.read("hyperfine.json")
        #expect(result.format == .hyperfine)
        let sleep = try Self.measurement(result, "sleep 0.01", "time")
        #expect(sleep.samples.count == 5)
        #expect(sleep.unit == "s")
        #expect(try Self.measurement(result, "sleep 0.02", "user").samples.count == 1)
        // `mean`, `stddev`, `median`, `min` and `max` summarise `times`; `user` and `system` are measured beside it.
        #expect(result.contents.measurements.filter { $0.benchmark == "sleep 0.01" }.map(\.metric) == ["time", "user", "system"])
        let summaryOnly = try ArtifactReader.read(ReadRequest(bytes: Array(#"""
            {"results": [{"command": "ls", "mean": 0.002, "stddev": 0.0001, "median": 0.002, "user": 0.001, "system": 0.0005,
                          "min": 0.0018, "max": 0.0025}]}
            """#.utf8), path: "bench/ls.json"))
        #expect(summaryOnly.contents.measurements.map(\.metric) == ["mean", "stddev", "median", "min", "max", "user", "system"])
        #expect(try Self.measurement(summaryOnly, "ls", "stddev").direction == .unknown)
        #expect(try Self.measurement(summaryOnly, "ls", "mean").direction == .lowerIsBetter)
        let failing = try Self.measurement(result, "sh -c \"exit 3\"", "time")
        #expect(failing.isFailed)
        #expect(failing.failedSamples == 5)
        #expect(result.contents.failure?.firstError == "exit code 3 in 5 of 5 runs")
    }

    @Test func criterionReadsEstimatesSamplesAndTheBenchmarkId() throws {
        let result = try Self.read("criterion/fib/20/new/estimates.json")
        #expect(result.format == .criterion)
        #expect(try Self.measurement(result, "fib/20", "time").samples == [21400, 21430, 21390, 21420, 21380])
        #expect(result.contents.measurements.map(\.metric) == ["time"])
        let estimates = try ArtifactReader.read(ReadRequest(
            bytes: try FolderSource(root: Self.folder).read("criterion/fib/20/new/estimates.json"),
            path: "target/criterion/fib/20/new/estimates.json", sibling: { _ in nil }))
        #expect(try Self.measurement(estimates, "fib/20", "mean").samples == [21420.5])
        #expect(try Self.measurement(estimates, "fib/20", "slope").unit == "ns")
        #expect(try Self.measurement(estimates, "fib/20", "mean").direction == .lowerIsBetter)
        #expect(try Self.measurement(estimates, "fib/20", "std_dev").direction == .unknown)
        #expect(try Self.measurement(estimates, "fib/20", "median_abs_dev").direction == .unknown)
        #expect(Configuration.defaults.isExcluded("target/criterion/fib/20/base/estimates.json"))
        #expect(Configuration.defaults.isExcluded("target/criterion/fib/20/new/sample.json"))
        #expect(Configuration.defaultGlobs.contains { $0.matches("target/criterion/fib/20/new/estimates.json") })
    }

    @Test func goBenchLinesWithRepetitionsUnitsAndHeader() throws {
        let result = try Self.read("go-bench.txt")
        #expect(result.format == .goBench)
        #expect(try Self.measurement(result, "BenchmarkFib10", "ns/op").samples == [312.7, 363.3, 303.5])
        #expect(try Self.measurement(result, "BenchmarkSort", "MB/s").direction == .higherIsBetter)
        #expect(try Self.measurement(result, "BenchmarkSort", "B/op").samples == [8216, 8216, 8216])
        #expect(try Self.measurement(result, "BenchmarkSort", "allocs/op").direction == .lowerIsBetter)
        #expect(try Self.measurement(result, "BenchmarkCustom", "tokens/op").direction == .unknown)
        #expect(result.contents.fingerprint?.fields == ["cpu.model": "Intel(R) Xeon(R) Processor", "go.os": "linux",
                                                        "go.arch": "amd64", "go.maxprocs": "2"])
    }

    @Test func goBenchFailuresAndSeveralPackages() throws {
        let text = """
            pkg: example.com/a
            BenchmarkX-4   100   10 ns/op
            --- FAIL: BenchmarkY-4
            pkg: example.com/b
            BenchmarkX-4   100   20 ns/op
            """
        let contents = try GoBenchAdapter.read(Array(text.utf8), path: "bench.txt")
        #expect(contents.measurements.map(\.benchmark) == ["example.com/a.BenchmarkY", "example.com/a.BenchmarkX", "example.com/b.BenchmarkX"])
        #expect(contents.measurements[0].isFailed)
    }

    @Test func packageBenchmarkHistogramsDecodeToTheirRecordedValues() throws {
        let result = try Self.read("package-benchmark-results.json")
        #expect(result.format == .packageBenchmark)
        let wall = try Self.measurement(result, "Fib/Fib 20", "wallClock")
        #expect(wall.samples.count == 50)
        #expect(wall.unit == "us")
        #expect(wall.direction == .lowerIsBetter)
        // The histogram keeps 3 significant digits: values within 0.1% of the recorded 34739 ns and 64101 ns.
        #expect(abs(wall.samples.min()! - 34.739) / 34.739 < 0.001)
        #expect(abs(wall.samples.max()! - 64.101) / 64.101 < 0.001)
        #expect(try Self.measurement(result, "Fib/Fib 20", "throughput").direction == .higherIsBetter)
        let mallocs = try Self.measurement(result, "Fib/Fib 20", "mallocCountTotal")
        #expect(mallocs.direction == .lowerIsBetter)
        #expect(InspectOperation.Report.directionReason(mallocs) == "stated by the format")
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "2")
    }

    @Test func packageBenchmarkExportsReadAsCustomJSONAndJMH() throws {
        let export = try Self.read("package-benchmark-export.json", direction: .lowerIsBetter)
        #expect(export.format == .customBenchmark)
        #expect(try Self.measurement(export, "Fib 20 - Time (wall clock)", "value").samples == [70])
        #expect(try Self.measurement(export, "Fib 20 - Time (wall clock)", "value").unit == "μs")
        let jmh = try Self.read("jmh-from-package-benchmark.json")
        #expect(jmh.format == .jmh)
        #expect(try Self.measurement(jmh, "package.benchmark.Fib.Fib_20", "Time (wall clock)").samples.count == 50)
    }

    @Test func asvResultsWithParametersSamplesAndMachine() throws {
        let result = try Self.read("asv/results/mybox/3f2a1c0b-virtualenv-py3.11.json")
        #expect(result.format == .asv)
        #expect(try Self.measurement(result, "benchmarks.TimeSuite.time_keys", "result").samples.count == 5)
        #expect(try Self.measurement(result, "benchmarks.Sort.time_sort(1000)", "result").samples == [0.0031])
        #expect(result.contents.measurements.contains { $0.benchmark == "benchmarks.Sort.time_sort(10000)" } == false)
        #expect(result.contents.skipped == ["benchmarks.Sort.time_sort(10000): null result (failed in asv)": 1])
        #expect(result.contents.failure == nil)
        #expect(try Self.measurement(result, "benchmarks.Mem.peakmem_list", "result").unit == "B")
        #expect(try Self.measurement(result, "benchmarks.Track.track_accuracy", "result").direction == .unknown)
        #expect(result.contents.fingerprint?.fields["cpu.model"] == "AMD EPYC 7B13 64-Core Processor")
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "16")
        #expect(SeriesKey(path: "results/mybox/3f2a1c0b-virtualenv-py3.11.json").value == "results/mybox/{commit}-virtualenv-py3.11.json")
    }

    @Test func jmhRawDataModesAndSecondaryMetrics() throws {
        let result = try Self.read("jmh.json")
        #expect(result.format == .jmh)
        let decode = try Self.measurement(result, "org.example.Codec.decode(size=1024)", "score")
        #expect(decode.samples == [150.1, 151.9, 153.0, 152.2, 154.0, 152.6])
        #expect(decode.direction == .lowerIsBetter)
        #expect(decode.unit == "ns/op")
        #expect(try Self.measurement(result, "org.example.Codec.encode(size=1024)", "score").direction == .higherIsBetter)
        #expect(try Self.measurement(result, "org.example.Codec.decode(size=1024)", "·gc.alloc.rate.norm").direction == .lowerIsBetter)
    }

    @Test func customJSONTakesItsDirectionFromTheConfiguration() throws {
        let inferred = try Self.read("custom-benchmark.json")
        #expect(try Self.measurement(inferred, "tokenizer encode", "value").direction == .lowerIsBetter)
        #expect(try Self.measurement(inferred, "generation throughput", "value").direction == .higherIsBetter)
        let configured = try Self.read("custom-benchmark.json", direction: .higherIsBetter)
        #expect(try Self.measurement(configured, "tokenizer encode", "value").direction == .higherIsBetter)
    }

    @Test func aKnownFormatThatBreaksItsSchemaNamesTheJSONPath() {
        let broken = #"{"context": {}, "benchmarks": [{"name": "a", "real_time": 1}, {"name": "b", "real_time": "fast"}]}"#
        #expect(throws: ArtifactError.malformed(path: "gb.json", location: "benchmarks[1].real_time", reason: "expected a number")) {
            try ArtifactReader.read(Array(broken.utf8), path: "gb.json")
        }
        let noName = #"{"machine_info": {}, "benchmarks": [{"stats": {"data": [1, 2]}}]}"#
        #expect(throws: ArtifactError.malformed(path: "p.json", location: "benchmarks[0].name", reason: "missing")) {
            try ArtifactReader.read(Array(noName.utf8), path: "p.json")
        }
    }

    @Test func anUnknownFormatIsSkippedWithANoticeNeverACrash() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/notes.txt", "just words\n")
        try fixture.write("bench/r.json", #"{"t_ms": 1}"#)
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: .init(discoveringFrom: fixture.path)), configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["bench/r.json"])
        #expect(loaded.notices == ["skipped bench/notes.txt: not a format regress reads (JSON, CSV, Markdown tables, or the output of Catch2, `go test -bench`, `cargo bench`, benchmark.js, iai or `time`); set `format:` for it in regress.yml or exclude it"])
    }

    @Test func unitsOfOneDimensionConvert() throws {
        #expect(UnitConversion.factor(from: "us", to: "ns") == 1000)
        #expect(UnitConversion.factor(from: "ms", to: "s") == 0.001)
        #expect(UnitConversion.factor(from: "MiB", to: "KiB") == 1024)
        #expect(UnitConversion.factor(from: "ms", to: "MB") == nil)
        let base = RegressCore.Measurement(benchmark: "b", metric: "real_time", unit: "us", direction: .lowerIsBetter, samples: [1.0])
        let head = RegressCore.Measurement(benchmark: "b", metric: "real_time", unit: "ns", direction: .lowerIsBetter, samples: [1100])
        let comparison = try ComparatorTests.compare([base], [head])
        #expect(comparison.results.first?.base == 1000)
        #expect(comparison.results.first?.verdict == .regression)
    }
}

struct TimeUnitDisplayTests {
    @Test func timesAreShownInTheUnitAskedForAndOtherMetricsAsTheyWere() throws {
        let comparison = try ComparatorTests.compare(
            [RegressCore.Measurement(benchmark: "b", metric: "t", unit: "ms", direction: .lowerIsBetter, samples: [2]),
             RegressCore.Measurement(benchmark: "b", metric: "tokens_s", unit: "tokens/s", direction: .higherIsBetter, samples: [100])],
            [RegressCore.Measurement(benchmark: "b", metric: "t", unit: "ms", direction: .lowerIsBetter, samples: [3]),
             RegressCore.Measurement(benchmark: "b", metric: "tokens_s", unit: "tokens/s", direction: .higherIsBetter, samples: [100])])
        let shown = comparison.showingTimes(in: "us")
        #expect(shown.results.map(\.unit) == ["us", "tokens/s"])
        #expect(shown.results.map(\.base) == [2000, 100])
        #expect(shown.results.map(\.head) == [3000, 100])
        #expect(shown.results.map(\.relativeChange) == comparison.results.map(\.relativeChange))
    }
}
