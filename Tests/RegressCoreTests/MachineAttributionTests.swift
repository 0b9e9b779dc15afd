import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// Runs are attributed to the machine they ran on: this machine only for what was produced here, an
/// artifact's own fingerprint kept whole, and no fingerprint made up for the rest.
struct MachineAttributionTests {
    static let machine = BaselineTests.machine
    static let today = "2026-11-29"

    /// Google Benchmark output whose `context` names 8 logical cores and nothing of the CPU model.
    static func googleBenchmark(_ nanoseconds: Double) -> String {
        """
        {"context": {"date": "2026-01-05T10:00:00+01:00", "host_name": "desk", "num_cpus": 8, "mhz_per_cpu": 3600,
                     "cpu_scaling_enabled": false, "library_build_type": "release"},
         "benchmarks": [{"name": "BM_Sort", "run_name": "BM_Sort", "run_type": "iteration", "iterations": 1000,
                         "real_time": \(nanoseconds), "cpu_time": \(nanoseconds), "time_unit": "ns"}]}
        """
    }

    /// What the `context` above says of its machine.
    static let desktop = Fingerprint(fields: ["cpu.logical_cores": "8", "cpu.mhz": "3600", "cpu.scaling": "false",
                                              "benchmark.build_type": "release"])

    func record(_ fixture: FixtureRepository, revision: String? = nil) throws -> [String] {
        var operation = BaselineRecordOperation(repositoryPath: fixture.path, revision: revision, today: Self.today)
        operation.thisMachine = { _ in Self.machine }
        return try operation.run()
    }

    @Test func baselineRecordLeavesCommittedRunsOfUnknownMachinesOutInsteadOfStampingThisOne() throws {
        let fixture = try FixtureRepository()
        for name in ["a", "b", "c", "d"] { try fixture.write("bench/\(name).csv", BaselineTests.csv([1, 2, 3])) }
        try fixture.write("bench/gb/sort.json", Self.googleBenchmark(120))
        try fixture.commit("results from the desktop")
        try fixture.write("bench/fresh.csv", BaselineTests.csv([4, 5, 6]))
        let lines = try record(fixture)
        let own = Self.desktop
        #expect(lines == [
            "wrote baselines/\(BaselineFile.fileName(series: "bench/fresh.csv", fingerprintID: Self.machine.id)): 1 metric of bench/fresh.csv",
            "wrote baselines/\(BaselineFile.fileName(series: "bench/gb/sort.json", fingerprintID: own.id)): 2 metrics of bench/gb/sort.json",
            "left out 4 runs (bench/a.csv, bench/b.csv, bench/c.csv, …) with no fingerprint: they name no machine and were not produced here",
        ])
        let stored = try BaselineStore().load(from: WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path)))
        let sort = try #require(stored.first { $0.file.series == "bench/gb/sort.json" })
        #expect(sort.file.fingerprint == own, "the artifact's own fingerprint, with nothing of this machine")
        #expect(sort.file.fingerprint.fields["cpu.model"] == nil)
    }

    @Test func recordingOnlyRunsThatNameNoMachineStopsAndSaysWhich() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.csv", BaselineTests.csv([1, 2, 3]))
        try fixture.write("bench/b.csv", BaselineTests.csv([1, 2, 3]))
        try fixture.commit("results from elsewhere")
        #expect(throws: RegressError.noFingerprint(path: "2 runs (bench/a.csv, bench/b.csv)", revision: "working tree")) {
            try record(fixture)
        }
        #expect(RegressError.noFingerprint(path: "bench/a.csv", revision: "HEAD (abc1234)").errorDescription ==
            "no fingerprint for bench/a.csv at HEAD (abc1234): no artifact or sidecar names a machine, and none was produced here; " +
            "pass --fingerprint FILE, write a fingerprint.json beside the results, or record right after running the benchmarks")
    }

    @Test func compareKeepsAnArtifactsOwnFingerprintWholeSoARunProducedHereStaysComparable() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/gb/sort.json", Self.googleBenchmark(120))
        try fixture.commit("committed on the desktop")
        try fixture.write("bench/gb/sort.json", Self.googleBenchmark(150))
        var operation = CompareOperation(repositoryPath: fixture.path, base: "HEAD", today: Self.today)
        operation.thisMachine = { _ in Self.machine }
        let comparison = try operation.run()
        #expect(comparison.results.map(\.verdict) == [.regression, .regression])
        #expect(comparison.incomparableRuns.isEmpty)
        #expect(comparison.exitCode == 1)
    }

    @Test func theLocatorAddsThisMachineOnlyToRunsProducedHereThatNameNone() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/committed.csv", BaselineTests.csv([1]))
        try fixture.write("bench/gb/sort.json", Self.googleBenchmark(120))
        try fixture.commit("committed")
        try fixture.write("bench/fresh.csv", BaselineTests.csv([2]))
        try fixture.write("bench/gb/sort.json", Self.googleBenchmark(130))
        let source = try WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path))
        let loaded = try RunLoader.load(source, configuration: .defaults)
        let runs = try FingerprintLocator(thisMachine: { Self.machine }).attach(to: loaded.runs, from: source)
        let origins = Dictionary(uniqueKeysWithValues: runs.map { ($0.path, $0.fingerprint?.origin ?? "none") })
        #expect(origins == ["bench/committed.csv": "none", "bench/fresh.csv": "this machine", "bench/gb/sort.json": "bench/gb/sort.json"])
        let sort = try #require(runs.first { $0.path == "bench/gb/sort.json" })
        #expect(sort.fingerprint?.fingerprint.fields["cpu.model"] == nil)
        // A `--fingerprint` file names the machine of runs that name none, and of none other.
        let explicit = RunFingerprint(fingerprint: BaselineTests.otherMachine, origin: "--fingerprint ci/machine.json")
        let withFile = try FingerprintLocator(explicit: explicit, thisMachine: { Self.machine }).attach(to: loaded.runs, from: source)
        #expect(withFile.map { $0.fingerprint?.origin ?? "none" } == ["--fingerprint ci/machine.json", "--fingerprint ci/machine.json", "bench/gb/sort.json"])
    }

    @Test func asvMachineJSONIsTheFingerprintOfTheResultsBesideIt() throws {
        let fixture = try FixtureRepository()
        try fixture.write(".asv/results/desk/machine.json",
                          #"{"arch": "AMD64", "cpu": "AMD Ryzen 9 7950X", "machine": "desk", "num_cpu": "32", "os": "Windows 11", "ram": "67108864", "version": 1}"#)
        try fixture.write(".asv/results/benchmarks.json", #"{"time_sort": {"unit": "seconds"}, "version": 2}"#)
        func result(_ commit: String, _ seconds: Double) -> String {
            #"{"commit_hash": "\#(commit)", "env_name": "py3.12", "date": 1700000000000, "params": {"python": "3.12"}, "#
                + #""result_columns": ["result"], "results": {"time_sort": [\#(seconds)]}, "version": 2}"#
        }
        try fixture.write(".asv/results/desk/3f2a1c0b-py3.12.json", result("3f2a1c0b", 0.5))
        try fixture.commit("asv results from the desktop")
        try fixture.write(".asv/results/desk/9e8d7c6b-py3.12.json", result("9e8d7c6b", 0.5))
        let source = try WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path))
        let loaded = try RunLoader.load(source, configuration: .defaults)
        #expect(loaded.runs.map(\.path) == [".asv/results/desk/9e8d7c6b-py3.12.json"], "machine.json and benchmarks.json are not artifacts")
        let runs = try FingerprintLocator(thisMachine: { Self.machine }).attach(to: loaded.runs, from: source)
        #expect(runs.first?.fingerprint?.fingerprint.fields == [
            "cpu.architecture": "AMD64", "cpu.model": "AMD Ryzen 9 7950X", "cpu.logical_cores": "32", "host.name": "desk",
            "memory.ram": "67108864", "os.name": "Windows 11", "python.version": "3.12",
        ])
    }

    @Test func runsWithoutAFingerprintAreSaidOnceWithACountAndAFewNames() throws {
        let runs = (1...40).map { index in
            Run(series: SeriesKey(value: "bench/r\(index).csv"), path: "bench/r\(index).csv", format: .csv,
                measurements: [Measurement(benchmark: "a", metric: "ms", unit: "ms", direction: .lowerIsBetter, samples: [1])])
        }
        let comparison = Comparator(today: Self.today).compare(
            base: LoadedRuns(runs: runs, notices: []), head: LoadedRuns(runs: runs, notices: []),
            baseSide: ComparisonSide(label: "base", commit: nil), headSide: ComparisonSide(label: "head", commit: nil))
        let advice = "machines cannot be checked; write one with `regress fingerprint --format json > fingerprint.json` where the benchmarks run"
        #expect(comparison.notices == [
            "no fingerprint for the base run of 40 series (bench/r1.csv, bench/r10.csv, bench/r11.csv, …): " + advice,
            "no fingerprint for the head run of 40 series (bench/r1.csv, bench/r10.csv, bench/r11.csv, …): " + advice,
        ])
    }

    @Test func checkSaysOnceWhichRunsNameNoMachine() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/fresh.csv", BaselineTests.csv(BaselineTests.steady))
        var record = BaselineRecordOperation(repositoryPath: fixture.path, today: Self.today)
        record.thisMachine = { _ in Self.machine }
        _ = try record.run()
        for name in ["a", "b", "c", "d", "e"] { try fixture.write("bench/old/\(name).csv", BaselineTests.csv([1, 2])) }
        try fixture.commit("old results of unknown machines")
        try fixture.write("bench/fresh.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 1.01 }))
        var check = CheckOperation(repositoryPath: fixture.path, today: Self.today)
        check.thisMachine = { _ in Self.machine }
        let comparison = try check.run()
        #expect(comparison.notices == [
            "no fingerprint for 5 runs (bench/old/a.csv, bench/old/b.csv, bench/old/c.csv, …): they name no machine and were not produced here, " +
                "so no stored baseline applies; pass --fingerprint FILE or write a fingerprint.json beside them",
        ])
        #expect(comparison.results.filter { $0.series == "bench/fresh.csv" }.map(\.verdict) == [.unchanged])
        #expect(Set(comparison.results.filter { $0.series != "bench/fresh.csv" }.map(\.note)) == ["no fingerprint, so no stored baseline applies"])
    }
}

extension MachineAttributionTests {
    @Test func aMachineJSONBesideResultsOfAnyFormatNamesTheirMachine() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/desk/machine.json", #"{"cpu": "AMD Ryzen 9 7950X", "num_cpu": "32", "os": "Windows 11", "machine": "desk"}"#)
        try fixture.write("bench/desk/llm.csv", "model,ttft_s\nm,0.5\n")
        try fixture.commit("results and the machine they ran on")
        let source = try CommitSource(repository: Repository(discoveringFrom: fixture.path), revision: "HEAD")
        let loaded = try RunLoader.load(source, configuration: .defaults)
        #expect(loaded.runs.map(\.path) == ["bench/desk/llm.csv"], "machine.json is not an artifact")
        #expect(loaded.notices.isEmpty, "nor a file passed over")
        let run = try #require(try FingerprintLocator(thisMachine: { Self.machine }).attach(to: loaded.runs, from: source).first)
        #expect(run.fingerprint == RunFingerprint(fingerprint: Fingerprint(fields: [
            "cpu.model": "AMD Ryzen 9 7950X", "cpu.logical_cores": "32", "os.name": "Windows 11", "host.name": "desk",
        ]), origin: "bench/desk/machine.json"))
    }
}

extension MachineAttributionTests {
    @Test func theFingerprintComesFromTheNearestDescriptionInTheDocumentedOrder() throws {
        func fingerprint(_ model: String) -> String { Fingerprint(fields: ["cpu.model": model]).json }
        let fixture = try FixtureRepository()
        try fixture.write("bench/fingerprint.json", fingerprint("parent folder"))
        try fixture.write("bench/a/fingerprint.json", fingerprint("a's folder"))
        try fixture.write("bench/d/fingerprint.json", fingerprint("own folder"))
        try fixture.write("bench/a/machine.json", #"{"cpu": "machine.json"}"#)
        try fixture.write("bench/a/r.fingerprint.json", fingerprint("sidecar"))
        for name in ["bench/a/r.csv", "bench/a/s.csv", "bench/b/t.csv", "bench/d/w.csv", "bench/u.csv"] { try fixture.write(name, BaselineTests.csv([1])) }
        try fixture.write("bench/c/g.json", Self.googleBenchmark(1))
        try fixture.write("bench/c/g.fingerprint.json", Fingerprint(fields: ["cpu.model": "sidecar of g", "cpu.logical_cores": "2"]).json)
        try fixture.write("perf/v.csv", BaselineTests.csv([1]))
        try fixture.commit("results and descriptions of their machines")
        let source = try CommitSource(repository: Repository(discoveringFrom: fixture.path), revision: "HEAD")
        let loaded = try RunLoader.load(source, configuration: .defaults)
        let explicit = RunFingerprint(fingerprint: Fingerprint(fields: ["cpu.model": "option"]), origin: "--fingerprint f.json")
        let runs = try FingerprintLocator(explicit: explicit, thisMachine: { Self.machine }).attach(to: loaded.runs, from: source)
        let found = runs.map { "\($0.path): \($0.fingerprint?.fingerprint.fields["cpu.model"] ?? "-") from \($0.fingerprint?.origin ?? "-")" }
        #expect(found == [
            "bench/a/r.csv: sidecar from bench/a/r.fingerprint.json",
            "bench/a/s.csv: machine.json from bench/a/machine.json",
            "bench/b/t.csv: parent folder from bench/fingerprint.json",
            "bench/c/g.json: sidecar of g from bench/c/g.json and bench/c/g.fingerprint.json",
            "bench/d/w.csv: own folder from bench/d/fingerprint.json",
            "bench/u.csv: parent folder from bench/fingerprint.json",
            "perf/v.csv: option from --fingerprint f.json",
        ])
        let g = try #require(runs.first { $0.path == "bench/c/g.json" })
        #expect(g.fingerprint?.fingerprint.fields["cpu.logical_cores"] == "8", "what the artifact says wins over its sidecar")
    }
}
