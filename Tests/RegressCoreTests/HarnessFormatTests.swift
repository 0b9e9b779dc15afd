import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// Catch2, BenchmarkDotNet, Julia BenchmarkTools, benchmark.js, Go with custom metrics, `time` and
/// iai: each on its fixture (see `Fixtures/formats/README.md`), exact values, and what a broken part does.
struct HarnessFormatTests {
    static func read(_ path: String, format: ArtifactFormat? = nil) throws -> ReadResult {
        try FormatAdapterTests.read(path, format: format)
    }

    static func measurement(_ result: ReadResult, _ benchmark: String, _ metric: String) throws -> RegressCore.Measurement {
        try FormatAdapterTests.measurement(result, benchmark, metric)
    }

    /// `benchmark metric unit direction samples` for every measurement, in the order read.
    static func summary(_ contents: ArtifactContents) -> [String] {
        contents.measurements.map { m in
            let samples = m.isFailed ? "failed" : m.samples.map { JSONWriter.format($0) }.joined(separator: ",")
            return "\(m.benchmark) | \(m.metric) | \(m.unit) | \(m.direction.rawValue) | \(samples)"
        }
    }

    static func read(text: String, path: String = "bench/out.txt", format: ArtifactFormat? = nil) throws -> ReadResult {
        try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: path, format: format))
    }

    // MARK: Catch2

    @Test func catch2ConsoleV2TablesReadInNanosecondsWithWrappedNamesAndAFailure() throws {
        let result = try Self.read("catch2/console-v2.txt")
        #expect(result.format == .catch2)
        #expect(result.reason == "it has a Catch2 console benchmark table (`benchmark name  samples  iterations`)")
        #expect(result.contents.measurements.map(\.benchmark).uniqued()
            == ["fib 20", "fib 25", "vector push_back 1000", "string concat with a long name that wraps the column", "throws", "sleep 2 ms"])
        #expect(Self.summary(result.contents).filter { $0.hasPrefix("fib 20 ") } == [
            "fib 20 | mean | ns | lower | \(JSONWriter.format(9.72098 * 1000))",
            "fib 20 | low_mean | ns | lower | \(JSONWriter.format(9.65888 * 1000))",
            "fib 20 | high_mean | ns | lower | \(JSONWriter.format(9.9527 * 1000))",
            "fib 20 | std_dev | ns | unknown | 249.336",
            "fib 20 | samples |  | unknown | 20",
            "fib 20 | iterations |  | unknown | 3",
        ])
        #expect(try Self.measurement(result, "fib 25", "high_mean").samples == [1.14323 * 1_000_000])
        #expect(try Self.measurement(result, "string concat with a long name that wraps the column", "mean").samples == [71.064])
        #expect(try Self.measurement(result, "sleep 2 ms", "mean").samples == [2.0965 * 1_000_000])
        #expect(try Self.measurement(result, "throws", "mean").isFailed)
        #expect(result.contents.failure == RunFailure(failedRecords: 1, totalRecords: 6, firstError: "fixture missing"))
        #expect(result.contents.skipped.isEmpty)
    }

    @Test func catch2ConsoleV3PrefixesANameTwoTestCasesShare() throws {
        let result = try Self.read("catch2/console-v3.txt")
        #expect(result.format == .catch2)
        #expect(result.contents.variant == "Catch2 v3.4.0, console")
        #expect(result.contents.measurements.map(\.benchmark).uniqued() == ["Parsing › parse json", "parse csv", "Writing › parse json", "write file"])
        #expect(try Self.measurement(result, "Parsing › parse json", "mean").samples == [874.215])
        #expect(try Self.measurement(result, "Writing › parse json", "mean").samples == [119.502 * 1_000])
        #expect(try Self.measurement(result, "write file", "std_dev").samples == [146.702 * 1_000])
        #expect(try Self.measurement(result, "parse csv", "iterations").samples == [3])
        #expect(result.contents.failure == nil)
    }

    @Test func catch2XMLV2ReadsMeanBoundsAndTheFailedBenchmark() throws {
        let result = try Self.read("catch2/report-v2.xml")
        #expect(result.format == .catch2)
        #expect(result.reason == "it has `<BenchmarkResults>` elements of Catch2's XML reporter")
        #expect(Self.summary(result.contents).filter { $0.hasPrefix("fib 25 ") } == [
            "fib 25 | mean | ns | lower | 420985", "fib 25 | low_mean | ns | lower | 127021",
            "fib 25 | high_mean | ns | lower | 1596400", "fib 25 | std_dev | ns | unknown | 1280680",
            "fib 25 | samples |  | unknown | 20", "fib 25 | iterations |  | unknown | 1",
        ])
        #expect(try Self.measurement(result, "throws", "mean").isFailed)
        #expect(result.contents.failure?.firstError == "fixture missing")
        #expect(result.contents.measurements.map(\.benchmark).uniqued().count == 6)
    }

    @Test func catch2XMLV3UnescapesNamesAndSkipsAMeanThatIsNotANumber() throws {
        let result = try Self.read("catch2/report-v3.xml")
        #expect(result.reason == "it has `<BenchmarkResults>` elements of Catch2's XML reporter")
        #expect(try Self.measurement(result, "parse \"json\" & check", "mean").samples == [874.215])
        #expect(result.contents.measurements.contains { $0.benchmark == "parse csv" } == false)
        #expect(result.contents.skipped == ["line 13: `<mean>` of `parse csv`: `value`, `lowerBound` or `upperBound` is not a number": 1])
        #expect(result.contents.failure == RunFailure(failedRecords: 1, totalRecords: 3, firstError: "unexpected end of input"))
    }

    @Test func catch2WithoutAnalysisReadsOnlyTheMean() throws {
        let console = try Self.read("catch2/console-v2-no-analysis.txt")
        #expect(console.format == .catch2)
        #expect(Self.summary(console.contents).filter { $0.hasPrefix("fib 20 ") || $0.hasPrefix("string concat") } == [
            "fib 20 | mean | ns | lower | \(JSONWriter.format(9.9726 * 1000))", "fib 20 | samples |  | unknown | 5",
            "fib 20 | iterations |  | unknown | 3", "string concat with a long name that wraps the column | mean | ns | lower | 93.5575",
            "string concat with a long name that wraps the column | samples |  | unknown | 5",
            "string concat with a long name that wraps the column | iterations |  | unknown | 160",
        ])
        #expect(try Self.measurement(console, "throws", "mean").isFailed)
        let xml = try Self.read("catch2/report-v2-no-analysis.xml")
        #expect(Self.summary(xml.contents).filter { $0.hasPrefix("fib 20 ") } == [
            "fib 20 | mean | ns | lower | 9911.9", "fib 20 | samples |  | unknown | 5", "fib 20 | iterations |  | unknown | 2",
        ])
    }

    @Test func catch2TableWithoutAnyReadableRowIsAnErrorNamingTheLine() throws {
        let text = """
            benchmark name                       samples       iterations    estimated
                                                 mean          low mean      high mean
            -------------------------------------------------------------------------------
            fib 20                                          20             3     soon
                                                    9.72098 us    9.65888 us     9.9527 us
            """
        #expect(throws: ArtifactError.malformed(path: "bench/out.txt", location: "line 4",
                                                reason: "not a benchmark row: fib 20                                          20             3     soon")) {
            try Self.read(text: text)
        }
    }

    // MARK: BenchmarkDotNet

    @Test func benchmarkDotNetFullExportReadsResultMeasurementsStatisticsMemoryAndHost() throws {
        let result = try Self.read("benchmark-dotnet/Bench.FibBenchmarks-report-full.json")
        #expect(result.format == .benchmarkDotNet)
        #expect(result.reason == "it has `HostEnvironmentInfo` and `Benchmarks[]` (a BenchmarkDotNet JSON export)")
        let fib = "Bench.FibBenchmarks.Fib(N: 10)"
        #expect(try Self.measurement(result, fib, "time").samples == [215377050.4 / 1048576, 217998540.8 / 1048576, 216110131.2 / 1048576])
        #expect(Self.summary(result.contents).filter { $0.hasPrefix(fib) && !$0.contains("| time |") } == [
            "\(fib) | mean | ns | lower | 206.46666666666667", "\(fib) | median | ns | lower | 206.1", "\(fib) | min | ns | lower | 205.4",
            "\(fib) | max | ns | lower | 207.9", "\(fib) | stddev | ns | unknown | 1.2897", "\(fib) | stderr | ns | unknown | 0.7446",
            "\(fib) | n |  | unknown | 3", "\(fib) | CompletedWorkItemCount | Count | lower | 0.0002",
            "\(fib) | allocated | B | lower | 0", "\(fib) | gen0 |  | lower | 0",
            "\(fib) | gen1 |  | lower | 0", "\(fib) | gen2 |  | lower | 0",
        ])
        let concat = "Bench.FibBenchmarks.Concat"
        #expect(try Self.measurement(result, concat, "time").samples == [51.2, 52.8])
        #expect(try Self.measurement(result, concat, "allocated").samples == [96])
        #expect(try Self.measurement(result, "Bench.FibBenchmarks.Throws", "mean").isFailed)
        #expect(result.contents.failure == RunFailure(failedRecords: 1, totalRecords: 3, firstError: "`Statistics` is null: the benchmark did not run"))
        #expect(result.contents.skipped == [
            "Benchmarks[0].Metrics[2].Value: not a number": 1,
            "Benchmarks[1].Measurements[1]: `Operations` or `Nanoseconds` is not a positive number": 1,
        ])
        #expect(result.contents.fingerprint?.fields == [
            "cpu.model": "AMD EPYC 7763", "cpu.logical_cores": "2", "cpu.physical_cores": "1", "os.name": "Debian GNU/Linux 12 (bookworm)",
            "dotnet.runtime": ".NET 8.0.1 (8.0.123.58001)", "dotnet.architecture": "X64", "benchmark.version": "0.13.12",
            "benchmark.build_type": "RELEASE",
        ])
    }

    @Test func benchmarkDotNetOldExportNamesByTypeMethodAndParameters() throws {
        let result = try Self.read("benchmark-dotnet/Intro-report-brief.json")
        #expect(result.format == .benchmarkDotNet)
        #expect(try Self.measurement(result, "IntroSleep.Sleep(Ms=10)", "time").samples == [10265993.72, 10360382.69, 10436008.32])
        #expect(try Self.measurement(result, "IntroSleep.Sleep(Ms=10)", "mean").samples == [10362283.08])
        #expect(result.contents.skipped == ["Benchmarks[1]: no `FullName`, `Type` or `Method`": 1])
        #expect(result.contents.fingerprint?.fields["cpu.model"] == "Intel(R) Core(TM) i7-4702MQ CPU 2.20GHz")
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "8")
        #expect(result.contents.fingerprint?.fields["dotnet.runtime"] == "MS.NET 4.0.30319.42000")
    }

    @Test func benchmarkDotNetJobsOfOneBenchmarkAreTold() throws {
        let text = """
            {"HostEnvironmentInfo": {}, "Benchmarks": [
              {"DisplayInfo": "T.M: Job-ABC(Runtime=.NET 6.0)", "FullName": "N.T.M", "Statistics": {"Mean": 10}},
              {"DisplayInfo": "T.M: Job-DEF(Runtime=.NET 8.0)", "FullName": "N.T.M", "Statistics": {"Mean": 8}}]}
            """
        let result = try Self.read(text: text, path: "bench/x.json")
        #expect(Self.summary(result.contents) == [
            "N.T.M [Job-ABC(Runtime=.NET 6.0)] | mean | ns | lower | 10", "N.T.M [Job-DEF(Runtime=.NET 8.0)] | mean | ns | lower | 8",
        ])
    }

    // MARK: Julia BenchmarkTools

    @Test func juliaBenchmarkToolsReadsTrialsAndEstimatesOfNestedGroups() throws {
        let result = try Self.read("julia/benchmarktools.json")
        #expect(result.format == .juliaBenchmarkTools)
        #expect(result.reason == "it has a `{\"Julia\", \"BenchmarkTools\"}` versions object and saved values (BenchmarkTools JSON)")
        #expect(Self.summary(result.contents) == [
            "fib/20 | time | ns | lower | 27011,26870,27305,26954", "fib/20 | gctime | ns | lower | 0,0,0,0",
            "fib/20 | memory | B | lower | 0", "fib/20 | allocs |  | lower | 0",
            "fib/(1, 2) | time | ns | lower | 412,405", "fib/(1, 2) | gctime | ns | lower | 0,0,1210",
            "fib/(1, 2) | memory | B | lower | 160", "fib/(1, 2) | allocs |  | lower | 2",
            "sum | time | ns | lower | 1523.5", "sum | gctime | ns | lower | 0", "sum | memory | B | lower | 8016", "sum | allocs |  | lower | 1",
        ])
        #expect(result.contents.skipped == [
            "[1][0][1].data.fib[1].data.(1, 2)[1].times[2]: not a number": 1,
            "[1][0][1].data.judged[0]: `TrialJudgement` holds no measurements": 1,
        ])
        #expect(result.contents.fingerprint?.fields == ["julia.version": "1.10.4", "benchmark.version": "1.5.0"])
    }

    @Test func juliaTrialSavedAloneIsNamedAfterTheFile() throws {
        let text = #"[{"Julia":"1.6.7","BenchmarkTools":"0.7.0"},[["Trial",{"allocs":0,"gctimes":[0],"memory":0,"times":[5,6]}]]]"#
        let result = try Self.read(text: text, path: "bench/sort_trial.json")
        #expect(try Self.measurement(result, "sort_trial", "time").samples == [5, 6])
    }

    // MARK: benchmark.js

    @Test func benchmarkJSReadsOpsPerSecondHigherIsBetterAndSkipsBrokenLines() throws {
        let result = try Self.read("benchmark-js.txt")
        #expect(result.format == .benchmarkJS)
        #expect(Self.summary(result.contents) == [
            "RegExp#test | ops/sec | ops/sec | higher | 43123456", "RegExp#test | rme | % | unknown | 0.62", "RegExp#test | runs |  | unknown | 93",
            "String#indexOf | ops/sec | ops/sec | higher | 812345678", "String#indexOf | rme | % | unknown | 1.05",
            "String#indexOf | runs |  | unknown | 90",
            "String#match | ops/sec | ops/sec | higher | 19.57", "String#match | rme | % | unknown | 12.4", "String#match | runs |  | unknown | 38",
            "Array#sort (1,000 items) | ops/sec | ops/sec | higher | 5432", "Array#sort (1,000 items) | rme | % | unknown | 2.1",
            "Array#sort (1,000 items) | runs |  | unknown | 1",
        ])
        #expect(result.contents.skipped == [
            "line 9: `Array#concat`: `1,2,3 ops/sec` is not a number": 1,
            "line 10: not a benchmark.js result: Array#flat x lots ops/sec": 1,
        ])
    }

    @Test func benchmarkJSWithNoReadableLineIsAnErrorNamingTheFirst() throws {
        #expect(throws: ArtifactError.malformed(path: "bench/js.txt", location: "line 1", reason: "`a`: `1,2 ops/sec` is not a number")) {
            try Self.read(text: "a x 1,2 ops/sec ±1.00% (5 runs sampled)\n", path: "bench/js.txt")
        }
    }

    // MARK: Go

    @Test func goBenchCustomMetricsSplitLinesAndABrokenLine() throws {
        let result = try Self.read("go-bench-custom.txt")
        #expect(result.format == .goBench)
        #expect(Self.summary(result.contents) == [
            "BenchmarkEncode/small | ns/op | ns | lower | 1450,1431,1467", "BenchmarkEncode/small | MB/s | MB/s | higher | 88.28,89.45,87.25",
            "BenchmarkEncode/small | B/op | B | lower | 256,256,256", "BenchmarkEncode/small | allocs/op |  | lower | 3,3,3",
            "BenchmarkEncode/small | widgets/op | widgets/op | unknown | 42,42,41.5",
            "BenchmarkDecode | ns/op | ns | lower | 23405,23811,23597", "BenchmarkDecode | hit-ratio | hit-ratio | unknown | 0.982,0.979,0.9811",
        ])
        #expect(result.contents.skipped == ["line 12: not a `go test -bench` result (`name N value unit …`): BenchmarkStream-4               \t   10000\t    fast ns/op": 1])
        #expect(result.contents.fingerprint?.fields == ["go.os": "linux", "go.arch": "arm64", "cpu.model": "Neoverse-N1", "go.maxprocs": "4"])
    }

    @Test func goBenchWithOnlyBrokenLinesIsAnError() throws {
        #expect(throws: ArtifactError.malformed(path: "bench/go.txt", location: "line 2",
                                                reason: "not a `go test -bench` result (`name N value unit …`): BenchmarkX-8 100 abc ns/op")) {
            try GoBenchAdapter.read(Array("pkg: a\nBenchmarkX-8 100 abc ns/op\n".utf8), path: "bench/go.txt")
        }
    }

    @Test func goTestJSONEventsAreReadAsTheTextTheyMake() throws {
        let result = try Self.read("go-test-json.txt")
        #expect(result.format == .goBench)
        #expect(result.reason == "it has `go test -json` events (`Action`, `Output`)")
        #expect(Self.summary(result.contents) == [
            "BenchmarkEncode | ns/op | ns | lower | 1450,1431", "BenchmarkEncode | B/op | B | lower | 256,256",
            "BenchmarkEncode | allocs/op |  | lower | 3,3",
        ])
        #expect(result.contents.skipped == ["line 13: not a `go test -bench` result (`name N value unit …`): BenchmarkEncode-2   \t  800000\t      oops ns/op": 1])
        #expect(result.contents.fingerprint?.fields["cpu.model"] == "AMD EPYC 7763 64-Core Processor")
        let configured = try Self.read("go-test-json.txt", format: .goBench)
        #expect(configured.contents.measurements == result.contents.measurements)
    }

    // MARK: time

    @Test func gnuTimeVerboseRepetitionsAreSamplesOfTheCommandAndAFailedExitFails() throws {
        let result = try Self.read("time/gnu-verbose.txt")
        #expect(result.format == .time)
        #expect(result.reason == "it has `Command being timed:` blocks of GNU `time -v`")
        let python = "python3 -c sum(range(3*10**6))"
        #expect(result.contents.measurements.filter { $0.benchmark == python }.map(\.metric)
            == ["user", "sys", "real", "max_rss", "major_faults", "minor_faults", "voluntary_switches", "involuntary_switches"])
        #expect(try Self.measurement(result, python, "real").samples == [1.19, 2.01, 1.93])
        #expect(try Self.measurement(result, python, "user").samples == [0.15, 0.15, 0.16])
        #expect(try Self.measurement(result, python, "max_rss").samples == [13416, 13448, 13404])
        #expect(try Self.measurement(result, python, "max_rss").unit == "KiB")
        #expect(try Self.measurement(result, "sh -c exit 3", "real").isFailed)
        #expect(result.contents.failure == RunFailure(failedRecords: 1, totalRecords: 4, firstError: "Command exited with non-zero status 3"))
    }

    @Test func gnuTimeDefaultFormatIsNamedAfterTheFile() throws {
        let result = try Self.read("time/gnu-default.txt")
        #expect(result.reason == "it has `…user …system …elapsed` lines of GNU `time`")
        #expect(Self.summary(result.contents) == [
            "gnu-default | real | s | lower | 2.02,1.74,1.53", "gnu-default | user | s | lower | 0.16,0.14,0.15",
            "gnu-default | sys | s | lower | 0.01,0.02,0.01", "gnu-default | max_rss | KiB | lower | 13456,13428,13488",
            "gnu-default | major_faults |  | lower | 0,0,0", "gnu-default | minor_faults |  | lower | 9384,9386,9392",
        ])
    }

    @Test func shellTimeOfBashPosixAndZsh() throws {
        let bash = try Self.read("time/bash-time.txt")
        #expect(bash.reason == "it has `real`, `user`, `sys` lines of a shell's `time`")
        #expect(Self.summary(bash.contents) == [
            "bash-time | real | s | lower | 1.952,1.472,1.709", "bash-time | user | s | lower | 0.154,0.158,0.163",
            "bash-time | sys | s | lower | 0.017,0.014,0.011",
        ])
        let posix = try Self.read("time/posix-time.txt")
        #expect(try Self.measurement(posix, "posix-time", "real").samples == [2.44, 2.38])
        let zsh = try Self.read("time/zsh-time.txt")
        #expect(zsh.reason == "it has `… user … system … cpu … total` lines of zsh's `time`")
        #expect(Self.summary(zsh.contents) == [
            "make -j2 | real | s | lower | 2.203,2.141", "make -j2 | user | s | lower | 3.51,3.48", "make -j2 | sys | s | lower | 0.62,0.6",
        ])
    }

    @Test func bsdTimeLinesAreRepetitions() throws {
        let text = "        1.52 real         1.20 user         0.11 sys\n        1.48 real         1.18 user         0.12 sys\n" +
            "        1..4 real         1.18 user         0.12 sys\n"
        let result = try Self.read(text: text, path: "bench/macos-build.txt")
        #expect(result.reason == "it has `… real … user … sys` lines of BSD `time`")
        #expect(Self.summary(result.contents) == [
            "macos-build | real | s | lower | 1.52,1.48", "macos-build | user | s | lower | 1.2,1.18", "macos-build | sys | s | lower | 0.11,0.12",
        ])
        #expect(result.contents.skipped == ["line 3: BSD `time` values that are not numbers: 1..4 real         1.18 user         0.12 sys": 1])
    }

    @Test func timeLinesThatDoNotReadAreSkippedOrAnError() throws {
        let partly = try Self.read(text: "real\t0m1.5s\nuser\t0m1.0s\nsys\tsoon\n", path: "bench/t.txt")
        #expect(Self.summary(partly.contents) == ["t | real | s | lower | 1.5", "t | user | s | lower | 1"])
        #expect(partly.contents.skipped == ["line 3: `sys`: `soon` is not a time": 1])
        #expect(throws: ArtifactError.malformed(path: "bench/t.txt", location: "line 1", reason: "`real`: `later` is not a time")) {
            try Self.read(text: "real later\n", path: "bench/t.txt", format: .time)
        }
        #expect(TimeOutputAdapter.seconds("1:02:03.5") == 3723.5)
        #expect(TimeOutputAdapter.seconds("1h2m3s") == 3723)
        #expect(TimeOutputAdapter.seconds("soon") == nil)
    }

    // MARK: iai

    @Test func iaiSummariesReadEveryCountLowerIsBetter() throws {
        let result = try Self.read("iai/iai.txt")
        #expect(result.format == .iai)
        #expect(result.reason == "it has `Instructions`, `L1 Accesses` and `Estimated Cycles` lines of iai")
        #expect(Self.summary(result.contents).filter { $0.hasPrefix("iai_fibonacci_short") } == [
            "iai_fibonacci_short | Instructions |  | lower | 1735", "iai_fibonacci_short | L1 Accesses |  | lower | 2364",
            "iai_fibonacci_short | L2 Accesses |  | lower | 1", "iai_fibonacci_short | RAM Accesses |  | lower | 1",
            "iai_fibonacci_short | Estimated Cycles |  | lower | 2404",
        ])
        #expect(try Self.measurement(result, "iai_fibonacci_long", "Estimated Cycles").samples == [35638661])
    }

    @Test func iaiCallgrindReadsTheNewValueNotComparisonsAndSkipsOneThatIsNotANumber() throws {
        let result = try Self.read("iai/iai-callgrind.txt")
        #expect(result.reason == "it has `Instructions`, `L1 Hits` and `Estimated Cycles` lines of iai-callgrind")
        let small = "codec_bench::encode_group::bench_encode small:16", large = "codec_bench::encode_group::bench_encode large:4096"
        #expect(Self.summary(result.contents) == [
            "\(small) | Instructions |  | lower | 4127", "\(small) | L1 Hits |  | lower | 5602", "\(small) | L2 Hits |  | lower | 2",
            "\(small) | RAM Hits |  | lower | 11", "\(small) | Total read+write |  | lower | 5615", "\(small) | Estimated Cycles |  | lower | 5997",
            "\(large) | Instructions |  | lower | 918344", "\(large) | L1 Hits |  | lower | 1240017", "\(large) | L2 Hits |  | lower | 35",
            "\(large) | RAM Hits |  | lower | 20", "\(large) | Total read+write |  | lower | 1240072",
            "\(large) | Estimated Cycles |  | lower | 1240892",
        ])
        #expect(result.contents.skipped == ["line 25: `codec_bench::encode_group::bench_encode broken:0` Instructions: `n/a` is not a number": 1])
    }

    // MARK: through compare

    @Test func compareGatesEachFormatInItsDirection() throws {
        let fixture = try FixtureRepository()
        let xml = try String(contentsOfFile: FormatAdapterTests.folder + "/catch2/report-v2.xml", encoding: .utf8)
        try fixture.write("bench/catch2.xml", xml)
        try fixture.write("bench/js.txt", "parse x 1,000,000 ops/sec ±0.50% (90 runs sampled)\n")
        try fixture.write("bench/build-time.txt", "real 10.0\nuser 9.0\nsys 1.0\n")
        try fixture.commit("base")
        try fixture.write("bench/catch2.xml", xml.replacingOccurrences(of: #"<mean value="9569.47""#, with: #"<mean value="19569.47""#))
        try fixture.write("bench/js.txt", "parse x 500,000 ops/sec ±0.50% (90 runs sampled)\n")
        try fixture.write("bench/build-time.txt", "real 5.0\nuser 9.0\nsys 1.0\n")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        let changed = comparison.results.filter { $0.verdict != .unchanged }.map { "\($0.benchmark) \($0.metric)=\($0.verdict.rawValue)" }
        #expect(changed == ["build-time real=improvement", "fib 20 mean=regression", "throws mean=failed", "parse ops/sec=regression"])
        #expect(comparison.exitCode == 1)
    }

    @Test func terminalColourCodesAreNotPartOfTheText() throws {
        let text = "\u{1B}[1;32mbench_fib\u{1B}[0m\n  Instructions:     \u{1B}[1m1734\u{1B}[0m|1760  (\u{1B}[32m-1.47%\u{1B}[0m)\n" +
            "  Estimated Cycles: \u{1B}[1m2464\u{1B}[0m|2496\n"
        let result = try Self.read(text: text)
        #expect(result.format == .iai)
        #expect(Self.summary(result.contents) == ["bench_fib | Instructions |  | lower | 1734", "bench_fib | Estimated Cycles |  | lower | 2464"])
    }

    // MARK: detection

    @Test func eachFormatIsTakenByContentAndConfiguredFormatsReadTheSame() throws {
        let detected: [(String, ArtifactFormat)] = [
            ("catch2/console-v2.txt", .catch2), ("catch2/report-v2.xml", .catch2), ("benchmark-js.txt", .benchmarkJS),
            ("go-bench-custom.txt", .goBench), ("time/gnu-verbose.txt", .time), ("iai/iai-callgrind.txt", .iai),
            ("julia/benchmarktools.json", .juliaBenchmarkTools), ("benchmark-dotnet/Intro-report-brief.json", .benchmarkDotNet),
        ]
        for (path, format) in detected {
            let found = try Self.read(path)
            #expect(found.format == format, "\(path)")
            let configured = try Self.read(path, format: format)
            #expect(configured.reason == "configured in regress.yml")
            #expect(configured.contents.measurements == found.contents.measurements, "\(path)")
        }
        #expect(Configuration.defaultGlobs.contains { $0.matches("bench/results/report.xml") })
        #expect(Configuration.defaults.isExcluded("benchmarks/pom.xml"))
    }

    @Test func eachReadSaysTheVariantItFound() throws {
        let variants: [(String, String?)] = [
            ("catch2/console-v2.txt", "Catch2 v2.13.10, console"), ("catch2/report-v2.xml", "XML reporter"),
            ("catch2/report-v3.xml", "Catch2 v3.4.0, XML reporter"),
            ("benchmark-dotnet/Bench.FibBenchmarks-report-full.json", "BenchmarkDotNet 0.13.12, with measurements"),
            ("julia/benchmarktools.json", "BenchmarkTools 1.5.0"), ("benchmark-js.txt", nil),
            ("go-bench-custom.txt", nil), ("go-test-json.txt", "go test -json"),
            ("time/gnu-verbose.txt", "GNU time -v"), ("time/bash-time.txt", "shell time"), ("time/zsh-time.txt", "zsh time"),
            ("iai/iai.txt", "iai"), ("iai/iai-callgrind.txt", "iai-callgrind"),
        ]
        for (path, variant) in variants {
            #expect(try Self.read(path).contents.variant == variant, "\(path)")
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
