import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// Which configuration reads which side, and which files the defaults take for artifacts.
struct ConfigurationSourceTests {
    static let today = "2026-11-29"
    static let outConfig = "version: 1\nartifacts:\n  - path: \"out/**/*.csv\"\n"

    @Test func withoutConfigTheHeadsRegressYmlReadsBothSidesAndTheReportSaysSo() throws {
        let fixture = try FixtureRepository()
        try fixture.write("out/llm.csv", "model,ttft_s\nm,0.50\n")
        try fixture.commit("results before regress was set up")
        try fixture.write("regress.yml", Self.outConfig)
        try fixture.write("out/llm.csv", "model,ttft_s\nm,0.60\n")
        try fixture.commit("set up regress")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: Self.today).run()
        #expect(comparison.results.map(\.verdict) == [.regression])
        #expect(comparison.notices.first ==
            "the base was read with the head's regress.yml: it has no regress.yml; `--config FILE` names the file to read both sides with")
    }

    @Test func configReadsRevisionsThatHaveNoRegressYmlWithTodaysGlobs() throws {
        let fixture = try FixtureRepository()
        try fixture.write("out/llm.csv", "model,ttft_s\nm,0.50\n")
        try fixture.commit("first")
        try fixture.write("out/llm.csv", "model,ttft_s\nm,0.60\n")
        try fixture.commit("second")
        let folder = try TemporaryFolder.make(prefix: "config")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.outConfig.write(toFile: folder + "/today.yml", atomically: true, encoding: .utf8)
        var compare = CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: Self.today)
        #expect(throws: RegressError.noArtifacts(base: "HEAD~1 (\(try fixture.git(["rev-parse", "--short=7", "HEAD~1"]).trimmingCharacters(in: .whitespacesAndNewlines)))",
                                                 head: "HEAD (\(try fixture.git(["rev-parse", "--short=7", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))",
                                                 configuration: "defaults")) { try compare.run() }
        compare.configurationFile = folder + "/today.yml"
        let comparison = try compare.run()
        #expect(comparison.results.map(\.verdict) == [.regression])
        #expect(!comparison.notices.contains { $0.hasPrefix("the base was read") }, "--config reads both sides: nothing to say")
        var noise = NoiseOperation(repositoryPath: fixture.path, source: "HEAD", last: 1)
        noise.configurationFile = folder + "/today.yml"
        #expect(try noise.run().metrics.count == 1)
        var inspect = InspectOperation(target: "HEAD~1:out/llm.csv", repositoryPath: fixture.path)
        inspect.configurationFile = folder + "/today.yml"
        #expect(try inspect.run().series.value == "out/llm.csv")
        var record = BaselineRecordOperation(repositoryPath: fixture.path, revision: "HEAD", fingerprintFile: nil, today: Self.today)
        record.configurationFile = folder + "/missing.yml"
        #expect(throws: RegressError.unreadableFile(path: folder + "/missing.yml")) { try record.run() }
    }

    @Test func trackedFilesAreArtifactsEvenWhenIgnoredAndUntrackedIgnoredOnesAreNot() throws {
        let fixture = try FixtureRepository()
        try fixture.write(".gitignore", "bench/results/\n")
        try fixture.write("bench/results/ci.csv", "name,ms\nx,1\n")
        try fixture.git(["add", "-f", "bench/results/ci.csv"])
        try fixture.commit("CI commits its results into an ignored folder")
        try fixture.write("bench/results/local.csv", "name,ms\nx,2\n")
        let source = try WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path))
        #expect(try RunLoader.load(source, configuration: .defaults).runs.map(\.path) == ["bench/results/ci.csv"])
    }

    @Test func theDefaultGlobsSkipFixtureDataAndDependencyFolders() throws {
        let fixture = try FixtureRepository()
        let data = #"{"rows": 120, "width": 3.5}"#
        for folder in ["fixtures", "testdata", "test_data", "data", "node_modules/pkg", ".venv/lib", "vendor/x"] {
            try fixture.write("benchmarks/\(folder)/input.json", data)
        }
        try fixture.write("benchmarks/results/run.json", #"{"time_ms": 12}"#)
        try fixture.commit("benchmarks with their inputs")
        let source = try CommitSource(repository: Repository(discoveringFrom: fixture.path), revision: "HEAD")
        #expect(try RunLoader.load(source, configuration: .defaults).runs.map(\.path) == ["benchmarks/results/run.json"])
        let configured = try Configuration.parse("version: 1\nartifacts:\n  - path: \"benchmarks/fixtures/*.json\"\n", file: "regress.yml")
        #expect(try RunLoader.load(source, configuration: configured).runs.map(\.path) == ["benchmarks/fixtures/input.json"],
                "an entry that names the folder reads it")
    }

    @Test func theDefaultGlobsReadWhatTheReadmeSays() throws {
        let fixture = try FixtureRepository()
        let json = #"{"time_ms": 12}"#
        let read = ["bench/a.json", "Benchmarks/b.csv", "perf/c.txt", "x/results/d.out", "reports/e.json", "deep/benchmarks_v2/f/g.json",
                    "target/criterion/sort/new/estimates.json", ".benchmarkBaselines/t/default/results.json"]
        let notRead = ["src/a.json", "bench/fingerprint.json", "bench/r.fingerprint.json", "baselines/s@x.json", "bench/package.json",
                       "bench/package-lock.json", "bench/tsconfig.json", "bench/composer.json", "bench/machine.json", "bench/notes.md",
                       "target/criterion/sort/change/estimates.json", "target/criterion/sort/new/benchmark.json",
                       "target/criterion/sort/new/tukey.json", "target/criterion/sort/base/estimates.json", "target/criterion/sort/new/sample.json",
                       ".asv/results/benchmarks.json", ".asv/results/m/machine.json"]
        for path in read + notRead { try fixture.write(path, path.hasSuffix(".txt") || path.hasSuffix(".out") ? "BenchmarkX-8 10 12 ns/op\n" : json) }
        try fixture.commit("every kind of file")
        let repository = try Repository(discoveringFrom: fixture.path)
        let paths = try repository.filePaths(at: repository.resolveCommit("HEAD"), matching: Configuration.defaultGlobs)
            .filter { !Configuration.defaults.isExcluded($0) }
        #expect(paths == read.sorted())
    }
}
