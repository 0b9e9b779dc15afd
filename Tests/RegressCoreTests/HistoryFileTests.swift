import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// github-action-benchmark's data.js / data.json and asv results folders: files that hold many runs.
/// Fixtures: `Fixtures/formats/benchmark-action/` and `Fixtures/formats/asv/results/` (see the README there).
struct BenchmarkActionHistoryTests {
    static let folder = FormatAdapterTests.folder
    static let commits = ["686780cab026a3d61fc1ba4c33dd7a1ff49274e7", "0f98b1f7eda33a4e9cfaab09506aa8094044085f",
                          "78b3ba12002f9cab5cbb57fac87d8c703702a196", "512572f7a6f150f3e8d2734f94ee4b49ae4f67ee",
                          "1bcfb39c7785c36d680bf0f930b4884f9ee8629a"]

    static func bytes(_ path: String) throws -> [UInt8] {
        try FolderSource(root: folder).read(path)
    }

    static func summary(_ measurements: [RegressCore.Measurement]) -> [String] {
        measurements.map { "\($0.benchmark)/\($0.metric) \($0.unit) \($0.direction.rawValue) \($0.samples)" }
    }

    @Test func dataJSIsReadAsTheLatestEntryOfEachSuiteWithOddBenchesSkipped() throws {
        let result = try FormatAdapterTests.read("benchmark-action/data.js")
        #expect(result.format == .benchmarkActionHistory)
        #expect(result.kind == .history)
        #expect(result.reason == "it sets `window.BENCHMARK_DATA` (github-action-benchmark's data.js)")
        #expect(Self.summary(result.contents.measurements) == [
            "Rust Benchmark › bench_fib_10/value ns/iter lower [240.0]",
            "Rust Benchmark › bench_fib_20/value ns/iter lower [29100.0]",
            "JS Benchmark › String#indexOf/value ops/sec higher [1534411.0]",
            "JS Benchmark › RegExp#test/value ops/sec higher [92002.6]",
        ])
        #expect(result.contents.skipped == [
            "entries.JS Benchmark[4].benches[2]: `value` is not a number": 1,
            "entries.Rust Benchmark[2]: no `benches` list": 1,
        ])
        #expect(result.history?.suites.map { "\($0.name): \($0.entries) \($0.tool ?? "-") \($0.latestCommit ?? "-")" } == [
            "Rust Benchmark: 4 cargo \(Self.commits[4])", "JS Benchmark: 5 benchmarkjs \(Self.commits[4])",
        ])
        #expect(result.history?.suites[0].ranges == ["Rust Benchmark › bench_fib_10": "± 20", "Rust Benchmark › bench_fib_20": "± 1,900"])
    }

    @Test func dataJSONIsRecognisedByItsContent() throws {
        let script = try FormatAdapterTests.read("benchmark-action/data.js")
        let json = try FormatAdapterTests.read("benchmark-action/data.json")
        #expect(json.format == .benchmarkActionHistory)
        #expect(json.reason == "it has `entries` of suites with `benches` (github-action-benchmark's history, as in data.js)")
        #expect(json.contents.measurements == script.contents.measurements)
        #expect(json.history == script.history)
    }

    @Test func everyEntryIsAHistoryPointOldestFirstAtTheCommitItNames() throws {
        let entries = try #require(try HistoryArtifact.entries(dataJS: Self.bytes("benchmark-action/data.js"), path: "dev/bench/data.js"))
        // Suites interleave by date; the Rust entry without benches is left out.
        #expect(entries.map { "\($0.commit!.prefix(7)) \($0.run.measurements[0].benchmark)" } == [
            "686780c Rust Benchmark › bench_fib_10", "686780c JS Benchmark › String#indexOf",
            "0f98b1f Rust Benchmark › bench_fib_10", "0f98b1f JS Benchmark › String#indexOf",
            "78b3ba1 JS Benchmark › String#indexOf",
            "512572f Rust Benchmark › bench_fib_10", "512572f JS Benchmark › String#indexOf",
            "1bcfb39 Rust Benchmark › bench_fib_10", "1bcfb39 JS Benchmark › String#indexOf",
        ])
        // `date` is in milliseconds: 2024-05-01T08:05:00.123Z.
        #expect(entries[0].time == 1_714_550_700.123)
        #expect(entries[1].time == 1_714_550_820.456)
        #expect(entries.map(\.run.series.value) == Array(repeating: "dev/bench/data.js", count: 9))
        #expect(entries.map { $0.run.measurements[0].samples[0] } == [254, 1_523_104.2, 251, 1_518_733.9, 1_530_021.7, 252, 1_526_840.3, 240, 1_534_411])
        #expect(entries[8].run.skipped == ["entries.JS Benchmark[4].benches[2]: `value` is not a number": 1])
        #expect(entries[8].run.format == .benchmarkActionHistory)
    }

    @Test func anEntryWithoutADateTakesTheCommitTimestamp() throws {
        let text = #"{"entries": {"S": [{"commit": {"id": "abc1234", "timestamp": "2024-05-01T10:00:00+02:00"}, "tool": "go", "#
            + #""benches": [{"name": "BenchmarkX", "value": 12, "unit": "ns/op"}]}]}}"#
        let entries = try #require(try HistoryArtifact.entries(dataJS: Array(text.utf8), path: "data.json"))
        #expect(entries.map(\.commit) == ["abc1234"])
        #expect(entries.map(\.time) == [1_714_550_400])
        #expect(ISOTimestamp.seconds("2024-05-01T08:00:00.5Z") == 1_714_550_400.5)
        #expect(ISOTimestamp.seconds("2024-05-01T03:30:00-04:30") == 1_714_550_400)
        #expect(ISOTimestamp.seconds("yesterday") == nil)
    }

    @Test func filesThatAreNotHistoriesGiveNilAndABrokenDataJSNamesItsLine() throws {
        #expect(try HistoryArtifact.entries(dataJS: Array(#"{"benchmarks": []}"#.utf8), path: "r.json") == nil)
        #expect(try HistoryArtifact.entries(dataJS: Array("model,ms\n".utf8), path: "r.csv") == nil)
        let broken = "window.BENCHMARK_DATA = {\n  \"entries\": {\"S\": [}\n}"
        #expect(throws: ArtifactError.malformed(path: "dev/bench/data.js", location: "line 2, column 21", reason: "unexpected character '}'")) {
            try HistoryArtifact.entries(dataJS: Array(broken.utf8), path: "dev/bench/data.js")
        }
    }

    @Test func directionComesFromTheToolThenTheUnitThenWhatTheActionAssumes() throws {
        let text = #"""
            window.BENCHMARK_DATA = {"entries": {
              "bigger": [{"tool": "customBiggerIsBetter", "benches": [{"name": "hit ratio", "value": 0.9, "unit": "ms"}]}],
              "smaller": [{"tool": "customSmallerIsBetter", "benches": [{"name": "score", "value": "31", "unit": "Percent"}]}],
              "jmh": [{"tool": "jmh", "benches": [{"name": "encode", "value": 5, "unit": "ops/s"}, {"name": "decode", "value": 2, "unit": "us/op"}]}],
              "pytest": [{"tool": "pytest", "benches": [{"name": "t", "value": 4, "unit": "rounds"}]}],
              "go": [{"tool": "go", "benches": [{"name": "BenchmarkY", "value": 7}]}],
              "odd": [{"tool": "go", "benches": [{"value": 1}, {"name": "n", "value": null}, 3]}, "not an entry"]
            }};
            """#
        let result = try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: "perf/data.js"))
        #expect(Self.summary(result.contents.measurements) == [
            "bigger › hit ratio/value ms higher [0.9]",
            "smaller › score/value Percent lower [31.0]",
            "jmh › encode/value ops/s higher [5.0]",
            "jmh › decode/value us/op lower [2.0]",
            "pytest › t/value rounds higher [4.0]",
            "go › BenchmarkY/value  lower [7.0]",
        ])
        #expect(result.contents.skipped == [
            "entries.odd[0].benches[0]: no `name`": 1, "entries.odd[0].benches[1]: `value` is not a number": 1,
            "entries.odd[0].benches[2]: no `name`": 1, "entries.odd[1]: not an object": 1,
        ])
        let configured = try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: "perf/data.js", direction: .higherIsBetter))
        #expect(Set(configured.contents.measurements.map(\.direction)) == [.higherIsBetter])
    }

    @Test func inspectNamesTheSuitesTheirEntriesAndTheLatestBenchmarks() throws {
        let fixture = try FixtureRepository()
        try fixture.write("dev/bench/data.js", String(decoding: try Self.bytes("benchmark-action/data.js"), as: UTF8.self))
        try fixture.commit("Add benchmark data")
        let report = try InspectOperation(target: "HEAD:dev/bench/data.js", repositoryPath: fixture.path).run()
        #expect(report.text == """
            dev/bench/data.js
            format       benchmark-action-history: it sets `window.BENCHMARK_DATA` (github-action-benchmark's data.js)
            what         a history of 9 entries in 2 suites; the latest entry of each suite is the run
            series       dev/bench/data.js
            fingerprint  none
            suites       2
              Rust Benchmark  4 entries, tool cargo, latest 1bcfb39 at 2024-05-05T08:05:00Z
              JS Benchmark    5 entries, tool benchmarkjs, latest 1bcfb39 at 2024-05-05T08:07:00Z
            benchmarks   4, metrics 4
              Rust Benchmark › bench_fib_10
                value  ns/iter   lower    1 sample, median 240 ns/iter, range ± 20  (unit 'ns/iter')
              Rust Benchmark › bench_fib_20
                value  ns/iter   lower    1 sample, median 29100 ns/iter, range ± 1,900  (unit 'ns/iter')
              JS Benchmark › String#indexOf
                value  ops/sec   higher   1 sample, median 1534411 ops/sec, range ±0.38%  (unit 'ops/sec')
              JS Benchmark › RegExp#test
                value  ops/sec   higher   1 sample, median 92003 ops/sec, range ±0.73%  (unit 'ops/sec')
            skipped
              entries.JS Benchmark[4].benches[2]: `value` is not a number: 1
              entries.Rust Benchmark[2]: no `benches` list: 1

            """)
        #expect(report.json.contains("\"kind\": \"history\""))
        #expect(report.json.contains("\"latest_commit\": \"\(Self.commits[4])\""))
    }

    /// A data.js as the action writes it, one entry per (commit, fib_10 ns/iter, indexOf ops/sec).
    static func dataJS(_ runs: [(String, Double, Double)]) -> String {
        func entries(_ tool: String, _ name: String, _ unit: String, _ values: [Double]) -> String {
            zip(runs, values).enumerated().map { index, item in
                #"{"commit": {"id": "\#(item.0.0)", "timestamp": "2024-05-0\#(index + 1)T10:00:00+02:00"}, "date": \#(1_714_550_400_000 + index * 86_400_000), "#
                    + #""tool": "\#(tool)", "benches": [{"name": "\#(name)", "value": \#(item.1), "unit": "\#(unit)", "range": "± 1"}]}"#
            }.joined(separator: ",\n")
        }
        return "window.BENCHMARK_DATA = {\"lastUpdate\": 0, \"repoUrl\": \"\", \"entries\": {\n"
            + "\"Rust\": [\n\(entries("cargo", "fib_10", "ns/iter", runs.map(\.1)))],\n"
            + "\"JS\": [\n\(entries("benchmarkjs", "indexOf", "ops/sec", runs.map(\.2)))]\n}}"
    }

    @Test func compareReadsTheLatestEntryOfEachSuiteOnBothSides() throws {
        let fixture = try FixtureRepository()
        let runs: [(String, Double, Double)] = [("aaaaaaa", 250, 1_500_000), ("bbbbbbb", 251, 1_510_000), ("ccccccc", 249, 1_505_000)]
        try fixture.write("dev/bench/data.js", Self.dataJS(runs))
        try fixture.commit("add benchmark result for ccccccc")
        try fixture.write("dev/bench/data.js", Self.dataJS(runs + [("ddddddd", 330, 1_800_000)]))
        try fixture.commit("add benchmark result for ddddddd")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        #expect(comparison.results.map { "\($0.id) \($0.base!) \($0.head!) \($0.verdict.rawValue)" } == [
            "dev/bench/data.js/Rust › fib_10/value 249.0 330.0 regression",
            "dev/bench/data.js/JS › indexOf/value 1505000.0 1800000.0 improvement",
        ])
        #expect(comparison.exitCode == 1)
    }

    @Test func historyEntriesNameTheirMetricsAsCompareDoes() throws {
        let fixture = try FixtureRepository()
        let text = Self.dataJS([("aaaaaaa", 250, 1_500_000), ("bbbbbbb", 260, 1_400_000)])
        try fixture.write("dev/bench/data.js", text)
        try fixture.commit("data")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        let compared = loaded.runs.flatMap { run in run.measurements.map { "\(run.series.value)/\($0.benchmark)/\($0.metric)" } }
        let entries = try #require(try HistoryArtifact.entries(dataJS: Array(text.utf8), path: "dev/bench/data.js"))
        let latest = entries.suffix(2).flatMap { entry in entry.run.measurements.map { "\(entry.run.series.value)/\($0.benchmark)/\($0.metric)" } }
        #expect(compared == ["dev/bench/data.js/Rust › fib_10/value", "dev/bench/data.js/JS › indexOf/value"])
        #expect(latest == compared)
        #expect(entries.map(\.commit) == ["aaaaaaa", "aaaaaaa", "bbbbbbb", "bbbbbbb"])
    }
}

struct ASVHistoryTests {
    static let results = "asv/results"

    static func summary(_ result: ReadResult) -> [String] {
        result.contents.measurements.map { "\($0.benchmark) \($0.unit) \($0.direction.rawValue) \($0.samples.count)" }
    }

    @Test func eachBenchmarksFileDeclaresItsOwnUnitsWhenReadOneAfterAnother() {
        func described(_ unit: String) -> [UInt8] {
            Array(#"{"b.track_x": {"name": "b.track_x", "type": "track", "unit": "\#(unit)"}, "version": 2}"#.utf8)
        }
        #expect(["bytes", "seconds", "seconds", "bytes"].map { ASVAdapter.declaredKinds(described($0))["b.track_x"]?.0 } == ["B", "s", "s", "B"])
        #expect(ASVAdapter.declaredKinds([]).isEmpty)
    }

    @Test func aResultFileWithFailedAndSkippedBenchmarksReadsTheRest() throws {
        // Written by asv 0.6.4 (`asv run --record-samples --quick`) of `Fixtures/formats/asv/benchmarks.py.txt`.
        let result = try FormatAdapterTests.read("\(Self.results)/fixturebox/e2b39d83-existing-py_tmp_asvenv_bin_python.json")
        #expect(result.format == .asv)
        #expect(result.kind == .run)
        #expect(result.contents.variant == "results version 2 (rows of `result_columns`)")
        #expect(Self.summary(result) == [
            "benchmarks.Fails.time_sometimes(1) s lower 1",
            "benchmarks.Fails.time_sometimes(3) s lower 1",
            "benchmarks.Sort.time_sort(100, 'list') s lower 1",
            "benchmarks.Sort.time_sort(100, 'tuple') s lower 1",
            "benchmarks.Sort.time_sort(1000, 'list') s lower 1",
            "benchmarks.TimeSuite.time_keys s lower 1",
            "benchmarks.peakmem_list B lower 1",
            "benchmarks.track_items items unknown 1",
        ])
        #expect(result.contents.skipped == [
            "benchmarks.Fails.time_sometimes(2): null result (failed in asv)": 1,
            "benchmarks.Sort.time_sort(1000, 'tuple'): NaN result (skipped in asv)": 1,
            "benchmarks.TimeSuite.time_broken: null result (failed in asv)": 1,
        ])
        #expect(result.contents.failure == nil)
        #expect(try FormatAdapterTests.measurement(result, "benchmarks.TimeSuite.time_keys", "result").samples == [6.794999990233919e-06])
        #expect(result.contents.fingerprint?.fields == [
            "cpu.model": "Example CPU", "host.name": "fixturebox", "memory.ram": "8000000", "os.name": "Linux 6.1", "python.version": "3.11",
        ])
    }

    @Test func versionOneFilesWithResultObjectsAndFlatSamples() throws {
        let result = try FormatAdapterTests.read("\(Self.results)/oldbox/5d8f2e1a-conda-py3.6-numpy.json")
        #expect(result.contents.variant == "results version 1 (`{\"result\", \"params\", \"stats\"}` objects)")
        #expect(Self.summary(result) == [
            "benchmarks.Param.time_param(10) s lower 1", "benchmarks.mem_list B lower 1", "benchmarks.time_range s lower 3",
        ])
        #expect(try FormatAdapterTests.measurement(result, "benchmarks.time_range", "result").samples == [0.000212, 0.000214, 0.000219])
        #expect(result.contents.skipped == [
            "benchmarks.Param.time_param(100): null result (failed in asv)": 1,
            "benchmarks.Param.time_param(1000): NaN result (skipped in asv)": 1,
            "benchmarks.time_failing: null result (failed in asv)": 1,
        ])
        #expect(result.contents.fingerprint?.fields["cpu.logical_cores"] == "8")
    }

    @Test func theOldestFilesHoldTheNumbersThemselves() throws {
        let result = try FormatAdapterTests.read("\(Self.results)/oldbox/0c4b7a92-py2.7.json")
        #expect(result.contents.variant == "results version 1 (bare numbers)")
        #expect(Self.summary(result) == ["benchmarks.mem_list B lower 1", "benchmarks.time_range s lower 1"])
        #expect(try FormatAdapterTests.measurement(result, "benchmarks.time_range", "result").samples == [0.000231])
        #expect(result.contents.skipped == ["benchmarks.time_failing: null result (failed in asv)": 1])
    }

    @Test func rowsThatAreNotResultsAreSkippedNeverAnError() throws {
        let text = #"{"commit_hash": "abc", "results": {"a.time_x": "fast", "a.time_y": [[1, "x"], [["1", "2"]]], "a.time_z": [], "a.time_w": [[2.0], [], "v", 0, 0, null, null, null, null, null, null, [[1.0, "bad"]]]}, "version": 2}"#
        let result = try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: "results/m/abc12345-py.json"))
        #expect(result.contents.measurements.map { "\($0.benchmark) \($0.samples)" } == ["a.time_y(1) [1.0]", "a.time_w [1.0]"])
        #expect(result.contents.skipped == [
            "a.time_x: not a result": 1, "a.time_y(2): result is not a number": 1, "a.time_z: no result": 1,
            "a.time_w: a sample is not a number": 1,
        ])
    }

    @Test func machineJSONIsAFingerprintAndBenchmarksJSONIsMetadata() throws {
        let machine = try FormatAdapterTests.read("\(Self.results)/oldbox/machine.json")
        #expect(machine.format == .asv)
        #expect(machine.kind == .fingerprint)
        #expect(machine.contents.measurements.isEmpty)
        #expect(machine.contents.fingerprint?.fields["cpu.model"] == "Intel(R) Core(TM) i7-7700 CPU @ 3.60GHz")
        let benchmarks = try FormatAdapterTests.read("\(Self.results)/benchmarks.json")
        #expect(benchmarks.kind == .metadata)
        #expect(benchmarks.contents.measurements.isEmpty)
        #expect(benchmarks.reason == "it describes 6 benchmarks by `name`, `type` and `unit` (asv's benchmarks.json): metadata, no measurements")
        #expect(Configuration.defaults.isExcluded(".asv/results/benchmarks.json"))
        #expect(Configuration.defaults.isExcluded("bench/asv/results/benchmarks.json"))
        #expect(Configuration.defaults.isExcluded(".asv/results/box/machine.json"))
        #expect(Configuration.defaultGlobs.contains { $0.matches("dev/bench/data.js") })
        #expect(!Configuration.defaultGlobs.contains { $0.matches("src/data.js") })
        // A configured `format: asv` reads them as what they are too.
        #expect(try FormatAdapterTests.read("\(Self.results)/benchmarks.json", format: .asv).kind == .metadata)
        // Plain JSON that happens to name a machine is not taken for one.
        let plain = try ArtifactReader.read(ReadRequest(bytes: Array(#"{"machine": "a", "cpu": "x", "os": "linux", "tokens_s": 40}"#.utf8), path: "bench/r.json"))
        #expect(plain.format == .json)
        #expect(plain.kind == .run)
    }

    @Test func aMachineFileBesideResultsIsTheirFingerprintNotARun() throws {
        let fixture = try FixtureRepository()
        try fixture.write("perf/asv-out/box/machine.json", #"{"machine": "box", "cpu": "Example CPU", "num_cpu": "4", "version": 1}"#)
        try fixture.write("perf/asv-out/box/abcd1234-py3.12.json", #"{"commit_hash": "abcd1234ef", "results": {"b.time_x": [[0.5], []]}, "version": 2}"#)
        let loaded = try RunLoader.load(try WorkingTreeSource(repository: .init(discoveringFrom: fixture.path)), configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["perf/asv-out/box/abcd1234-py3.12.json"])
        #expect(loaded.runs[0].fingerprint?.fingerprint.fields["cpu.logical_cores"] == "4")
        // machine.json is never an artifact: the default globs pass over it without a word.
        #expect(loaded.notices == [])
    }

    @Test func inspectSaysWhatMachineAndBenchmarksFilesAre() throws {
        let fixture = try FixtureRepository()
        let source = FolderSource(root: FormatAdapterTests.folder)
        for path in ["fixturebox/machine.json", "benchmarks.json"] {
            try fixture.write(".asv/results/\(path)", String(decoding: try source.read("\(Self.results)/\(path)"), as: UTF8.self))
        }
        try fixture.commit("results")
        let machine = try InspectOperation(target: "HEAD:.asv/results/fixturebox/machine.json", repositoryPath: fixture.path).run()
        #expect(machine.text == """
            .asv/results/fixturebox/machine.json
            format       asv: it has `machine` and `cpu`, `os`, `ram` (asv's machine.json): the fingerprint of the results beside it, not a run
            what         a fingerprint, not a run
            series       .asv/results/fixturebox/machine.json
            fingerprint  32cd92d03a2b from .asv/results/fixturebox/machine.json: cpu.model=Example CPU, host.name=fixturebox, memory.ram=8000000, os.name=Linux 6.1

            """)
        let benchmarks = try InspectOperation(target: "HEAD:.asv/results/benchmarks.json", repositoryPath: fixture.path).run()
        #expect(benchmarks.text.components(separatedBy: "\n").prefix(3) == [
            ".asv/results/benchmarks.json",
            "format       asv: it describes 6 benchmarks by `name`, `type` and `unit` (asv's benchmarks.json): metadata, no measurements",
            "what         metadata, not a run",
        ])
    }

    @Test func aResultsFolderIsOneEntryPerResultFileOldestFirst() throws {
        let source = FolderSource(root: FormatAdapterTests.folder)
        let paths = try source.files(matching: [try Glob("asv/results/**/*.json")])
        let read = try HistoryArtifact.read(asvResults: paths + ["asv/results/notes.json"]) { path in
            path.hasSuffix("notes.json") ? Array(#"{"note": 1}"#.utf8) : try source.read(path)
        }
        #expect(read.entries.map { "\($0.commit!.prefix(8)) \($0.run.series.value)" } == [
            "0c4b7a92 asv/results/oldbox/{commit}-py2.7.json",
            "5d8f2e1a asv/results/oldbox/{commit}-conda-py3.6-numpy.json",
            "3f2a1c0b asv/results/mybox/{commit}-virtualenv-py3.11.json",
            "e2b39d83 asv/results/fixturebox/{commit}-existing-py_tmp_asvenv_bin_python.json",
            "c8b64b54 asv/results/fixturebox/{commit}-existing-py_tmp_asvenv_bin_python.json",
        ])
        #expect(read.entries.map(\.time) == [1_420_070_400, 1_546_300_800, 1_759_395_600, 1_795_998_469, 1_795_998_476])
        #expect(read.notices == ["skipped asv/results/notes.json: not an asv results file (no `results` with `commit_hash`)"])
        // Units from benchmarks.json and the fingerprint from machine.json, as when the file is read alone.
        let latest = read.entries[4].run
        #expect(latest.measurements.first { $0.benchmark == "benchmarks.track_items" }?.unit == "items")
        #expect(latest.fingerprint?.fingerprint.fields["host.name"] == "fixturebox")
        let alone = try FormatAdapterTests.read("asv/results/fixturebox/c8b64b54-existing-py_tmp_asvenv_bin_python.json")
        #expect(latest.measurements == alone.contents.measurements)
        #expect(try HistoryArtifact.entries(asvResults: paths, read: source.read).count == 5)
    }
}
