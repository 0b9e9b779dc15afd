import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// `regress history` on fixture histories: where runs come from, and where their level changed.
struct HistoryTests {
    /// Twenty runs of noise around 100 (about ±2%), no change.
    static let quiet: [Double] = [100, 101.2, 99.1, 100.4, 98.6, 100.9, 99.5, 101.8, 99.8, 100.2,
                                  98.9, 100.7, 99.3, 101.4, 100.1, 98.4, 100.6, 99.7, 101.1, 100.3]

    /// A repository whose `bench/results.json` holds one Google-Benchmark-like value per commit.
    static func repository(_ values: [Double], name: String = "conv") throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        for (index, value) in values.enumerated() {
            try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "\#(name)", "time_ms": \#(value)}]}"#)
            try fixture.commit("run \(index)")
        }
        return fixture
    }

    static func history(_ fixture: FixtureRepository, range: String? = nil, configure: (inout HistoryOperation) -> Void = { _ in })
        throws -> HistoryReport
    {
        var operation = HistoryOperation(repositoryPath: fixture.path, range: range)
        configure(&operation)
        return try operation.run()
    }

    @Test func aStepIsFoundAtTheCommitThatMadeIt() throws {
        let fixture = try Self.repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 1.3 })
        let report = try Self.history(fixture)
        #expect(report.commitsRead == 30)
        #expect(report.series.map(\.id) == ["bench/results.json/conv/time_ms"])
        let series = try #require(report.series.first)
        #expect(series.points.count == 30)
        #expect(series.points.map(\.commit.summary).prefix(2) == ["run 0", "run 1"])
        #expect(series.changes.map(\.index) == [20])
        #expect(series.changes.first?.commit.summary == "run 20")
        #expect(series.changes.first?.verdict == .regression)
        #expect(report.exitCode == 1)
        let json = HistoryReportFormat.json(report)
        #expect(json.contains(#""id": "bench/results.json/conv/time_ms""#))
        #expect(json.contains(#""direction": "regression""#))
        #expect(json.contains(#""commit": "\#(series.changes[0].commit.id.hex)""#))
    }

    @Test func anImprovementDoesNotFailTheRange() throws {
        let fixture = try Self.repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 0.7 })
        let report = try Self.history(fixture)
        #expect(report.series[0].changes.map(\.verdict) == [.improvement])
        #expect(report.exitCode == 0)
    }

    @Test func oneSlowRunIsNotAChange() throws {
        var values = Self.quiet + Self.quiet
        values[25] *= 1.5
        let report = try Self.history(try Self.repository(values))
        #expect(report.series[0].changes.isEmpty)
        #expect(report.exitCode == 0)
        #expect(HistoryReportFormat.markdown(report).hasPrefix("### ✅ regress history: no change point in 1 metric\n"))
    }

    @Test func aRangeJudgesOnlyTheChangesOfItsOwnCommits() throws {
        let fixture = try Self.repository(Self.quiet + Self.quiet.map { $0 * 1.3 })
        let before = try Self.history(fixture, range: "HEAD~5..HEAD")
        #expect(before.series[0].changes.map(\.index) == [20])
        #expect(before.series[0].changesInRange.isEmpty)
        #expect(before.exitCode == 0)
        #expect(before.series[0].points.filter(\.inRange).count == 5)
        let within = try Self.history(fixture, range: "HEAD~25..HEAD")
        #expect(within.series[0].changesInRange.map(\.commit.summary) == ["run 20"])
        #expect(within.exitCode == 1)
    }

    @Test func limitReadsTheNewestCommits() throws {
        let fixture = try Self.repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 1.3 })
        let report = try Self.history(fixture) { $0.limit = 12 }
        #expect(report.commitsRead == 12)
        #expect(report.series[0].points.first?.commit.summary == "run 18")
    }

    @Test func theFirstParentLineSeesAMergeAsOneRun() throws {
        let fixture = try Self.repository(Array(Self.quiet.prefix(6)))
        try fixture.git(["checkout", "-q", "-b", "topic"])
        for (index, value) in [130.0, 131, 129].enumerated() {
            try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(value)}]}"#)
            try fixture.commit("topic \(index)")
        }
        try fixture.git(["checkout", "-q", "main"])
        try fixture.write("notes.txt", "unrelated")
        try fixture.commit("main moves on")
        try fixture.git(["merge", "-q", "--no-ff", "-m", "merge topic", "topic"], date: 59)
        let firstParent = try Self.history(fixture)
        #expect(firstParent.series[0].points.map(\.commit.summary) == ["run 0", "run 1", "run 2", "run 3", "run 4", "run 5", "merge topic"])
        #expect(firstParent.series[0].points.last?.value == 129)
        let all = try Self.history(fixture) { $0.firstParent = false }
        #expect(all.series[0].points.map(\.commit.summary).suffix(3) == ["topic 0", "topic 1", "topic 2"])
        #expect(all.series[0].points.count == 9)
    }

    @Test func aShallowCloneEndsTheWalkWithANotice() throws {
        let fixture = try Self.repository(Self.quiet)
        let clones = try TemporaryFolder.make(prefix: "shallow-history")
        defer { try? FileManager.default.removeItem(atPath: clones) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "5", "file://" + fixture.path, clones + "/c"], in: clones)
        let report = try HistoryOperation(repositoryPath: clones + "/c").run()
        #expect(report.commitsRead == 5)
        #expect(report.series[0].points.count == 5)
        #expect(report.notices.count == 1)
        #expect(report.notices.first?.hasPrefix("history is shallow at ") == true)
    }

    @Test func anArtifactThatDisappearsAndComesBackKeepsItsSeries() throws {
        let fixture = try Self.repository(Array(Self.quiet.prefix(4)))
        try fixture.remove("bench/results.json")
        try fixture.commit("drop the results")
        try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": 99.0}]}"#)
        try fixture.commit("results again")
        let report = try Self.history(fixture)
        #expect(report.series.count == 1)
        #expect(report.series[0].points.map(\.commit.summary) == ["run 0", "run 1", "run 2", "run 3", "results again"])
    }

    @Test func aBlobIsParsedOnceButARunOfTheSameValuesIsARun() throws {
        // Integer or rounded results repeat by chance: a commit that writes them again ran again.
        let fixture = try FixtureRepository()
        for (index, value) in [100, 101, 100].enumerated() {
            try fixture.write("bench/20250101/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(value)}]}"#)
            try fixture.commit("run \(index)")
        }
        // The same series in a folder of another date: a move, not a run.
        try fixture.git(["mv", "bench/20250101", "bench/20250102"])
        try fixture.commit("moved")
        let repository = try Repository(discoveringFrom: fixture.path)
        let runs = try HistoryReader(repository: repository, configuration: .defaults)
            .read(HistoryRange.parse(nil, in: repository), firstParent: true)
        #expect(runs.blobsRead == 2)
        #expect(runs.runs.map(\.commit.summary) == ["run 0", "run 1", "run 2"])
    }

    @Test func timestampedRunsAddedTogetherArePointsInTheirTimeOrder() throws {
        let fixture = try FixtureRepository()
        for (stamp, value) in [("20250103-090000", 12.0), ("20250101-090000", 10.0), ("20250102-090000", 11.0)] {
            try fixture.write("bench/conv_\(stamp).json", #"{"eager": {"mean_time_ms": \#(value)}, "jit": {"mean_time_ms": 1.0}}"#)
        }
        try fixture.commit("three runs at once")
        try fixture.write("bench/conv_20250104-090000.json", #"{"eager": {"mean_time_ms": 13.0}, "jit": {"mean_time_ms": 1.0}}"#)
        try fixture.commit("a fourth")
        let report = try Self.history(fixture) { $0.metrics = ["**/eager/**"] }
        #expect(report.series.map(\.id) == ["bench/conv_{timestamp}.json/eager/mean_time_ms"])
        #expect(report.series[0].points.map(\.value) == [10, 11, 12, 13])
    }

    @Test func aCommitNamedRunWhosePrefixIsAllDigitsJoinsItsSiblings() throws {
        let fixture = try FixtureRepository()
        for (index, prefix) in ["3f2a1c0b", "06264258", "a91c4e02"].enumerated() {
            try fixture.write("bench/results/\(prefix)-linux.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(10 + index)}]}"#)
            try fixture.commit("run \(index)")
        }
        let report = try Self.history(fixture)
        #expect(report.series.map(\.id) == ["bench/results/{commit}-linux.json/conv/time_ms"])
        #expect(report.series.first?.points.map(\.value) == [10, 11, 12])
    }

    @Test func aMetricComparedPerUnitIsASeriesOfQuotients() throws {
        let fixture = try FixtureRepository()
        for (index, (seconds, tokens)) in [(2.0, 100.0), (4.0, 200.0), (3.0, 150.0)].enumerated() {
            try fixture.write("bench/llm.csv", "model,eval_s,eval_count\nm,\(seconds),\(tokens)\n")
            try fixture.commit("run \(index)")
        }
        try fixture.write("policies/p.yml", "version: 1\nrules:\n  - match: \"**/eval_s\"\n    normalize: { by: eval_count }\n")
        try fixture.commit("per token")
        let report = try Self.history(fixture) { $0.metrics = ["**/eval_s"] }
        #expect(report.series.first?.points.map(\.value) == [0.02, 0.02, 0.02])
        #expect(report.series.first?.unit == "s/eval_count")
    }

    @Test func aBlobAboveMaxArtifactBytesIsSkippedUnread() throws {
        let fixture = try FixtureRepository()
        try fixture.write("regress.yml", "version: 1\nmax_artifact_bytes: 80\n")
        try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": 10}]}"#)
        try fixture.commit("small")
        try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": 11, "note": "\#(String(repeating: "x", count: 100))"}]}"#)
        let big = try fixture.commit("big")
        let report = try Self.history(fixture)
        #expect(report.series.first?.points.count == 1)
        #expect(report.notices == ["\(big.prefix(7)): skipped bench/results.json: 161 bytes, above max_artifact_bytes (80): not read"])
    }

    @Test func aMetricGlobThatMatchesNothingSaysSo() throws {
        let report = try Self.history(try Self.repository([1, 2])) { $0.metrics = ["**/nothing"] }
        #expect(report.series.isEmpty)
        #expect(report.notices == ["no metric matches **/nothing: the ids are series/benchmark/metric, as `--format json` lists them"])
    }

    @Test func historyNoneInAPolicyFindsNoChangePoints() throws {
        let fixture = try Self.repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 1.3 })
        try fixture.write("policies/history.yml", "version: 1\nrules:\n  - match: \"**/conv/**\"\n    history: none\n")
        try fixture.commit("no history for conv")
        let report = try Self.history(fixture)
        #expect(report.series[0].changes.isEmpty)
    }

    @Test func theMarkdownReportNamesTheCulpritAndDrawsTheSeries() throws {
        let fixture = try Self.repository(Array(Self.quiet.prefix(10)) + Self.quiet.prefix(10).map { $0 * 1.3 })
        let report = try Self.history(fixture)
        let markdown = HistoryReportFormat.markdown(report)
        let culprit = report.series[0].changes[0].commit.id.short
        #expect(markdown.hasPrefix("### ❌ regress history: 1 regression in 1 of 1 metric\n"))
        #expect(markdown.contains("| **regression** | `\(culprit)` | run 10 — Fixture, 2025-01-01 | "))
        #expect(markdown.contains("```mermaid\nxychart-beta\n    title \"time_ms (ms)\"\n    x-axis \"run\" 1 --> 20\n"))
        let text = HistoryReportFormat.text(report)
        #expect(text.contains("bench/results.json/conv/time_ms  "))
        #expect(text.contains("20 runs; regression +"))
    }
}

/// The gate of `compare`: a single run per commit is judged against the noise of its earlier runs.
struct HistoryGateTests {
    static func compare(_ fixture: FixtureRepository, at back: Int) throws -> MetricResult {
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~\(back + 1)", head: "HEAD~\(back)").run()
        return try #require(comparison.results.first)
    }

    @Test func ordinaryNoiseBeyondTheToleranceIsNotARegression() throws {
        // ±6% noise: a 5% tolerance alone calls many commits regressions.
        let noisy = HistoryTests.quiet.map { 100 + ($0 - 100) * 3 }
        let fixture = try HistoryTests.repository(noisy + [noisy[0] * 1.08])
        let result = try Self.compare(fixture, at: 0)
        #expect(result.relativeChange! > 0.05)
        #expect(result.verdict == .inconclusive)
        #expect(result.noise?.runs == 20)
        #expect(result.note?.hasPrefix("within the noise from 19 earlier runs: σ ") == true)
    }

    @Test func aRealStepFailsWithTheNoiseThatDecided() throws {
        let fixture = try HistoryTests.repository(HistoryTests.quiet + [125])
        let result = try Self.compare(fixture, at: 0)
        #expect(result.verdict == .regression)
        #expect(result.note == "noise from 19 earlier runs: σ 0.9%")
        #expect(result.pValue! < 1e-4)
    }

    @Test func tooLittleHistoryFallsBackToTheTolerance() throws {
        let fixture = try HistoryTests.repository([100, 101, 108])
        let result = try Self.compare(fixture, at: 0)
        #expect(result.verdict == .regression)
        #expect(result.note == "too little history: 2 runs, min_runs 5; the tolerance alone decides")
    }

    @Test func historyNoneLeavesTheToleranceAlone() throws {
        let noisy = HistoryTests.quiet.map { 100 + ($0 - 100) * 3 }
        let fixture = try HistoryTests.repository(noisy + [noisy[0] * 1.08])
        try fixture.write("policies/p.yml", "version: 1\ndefaults:\n  history: none\n")
        try fixture.commit("policy")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~2", head: "HEAD~1",
                                              policyFiles: [fixture.path + "/policies/p.yml"]).run()
        #expect(comparison.results.first?.verdict == .regression)
        #expect(comparison.results.first?.noise == nil)
    }

    @Test func rightAfterAChangeTheNoiseBeforeItIsCarriedToTheNewLevel() throws {
        // Four runs at the new level are too few to learn its noise: the relative noise of the runs
        // before the change is used, around the new level.
        let fixture = try HistoryTests.repository(HistoryTests.quiet + HistoryTests.quiet.prefix(4).map { $0 * 1.3 } + [128])
        let result = try Self.compare(fixture, at: 0)
        #expect(result.noise?.runs == 4)
        #expect(result.noise?.noiseRuns == 17)  // the window of 20 earlier runs holds 17 before the change
        #expect(result.verdict == .unchanged)
    }

    @Test func checkLearnsTheNoiseFromTheCommittedRunsToo() throws {
        let noisy = HistoryTests.quiet.map { 100 + ($0 - 100) * 3 }
        let fixture = try FixtureRepository()
        for (index, value) in noisy.enumerated() {
            try fixture.write("bench/r.csv", BaselineTests.csv([value]))
            try fixture.commit("run \(index)")
        }
        try fixture.write("bench/r.csv", BaselineTests.csv([101]))
        var record = BaselineRecordOperation(repositoryPath: fixture.path, today: BaselineTests.today)
        record.thisMachine = { _ in BaselineTests.machine }
        _ = try record.run()
        try fixture.commit("record the baseline")
        func check(_ value: Double) throws -> MetricResult {
            try fixture.write("bench/r.csv", BaselineTests.csv([value]))
            var operation = CheckOperation(repositoryPath: fixture.path, today: BaselineTests.today)
            operation.thisMachine = { _ in BaselineTests.machine }
            return try #require(try operation.run().results.first)
        }
        let noise = try check(108)
        #expect(noise.verdict == .inconclusive)
        #expect(noise.note?.hasPrefix("within the noise from 19 earlier runs: σ ") == true)
        let step = try check(140)
        #expect(step.verdict == .regression)
        #expect(step.noise?.runs == 20)
    }

    @Test func theNoiseIsLearnedSinceTheLatestChangePoint() throws {
        // A quiet level at 100, then a quiet level at 130: the base's noise is that of the new level.
        let fixture = try HistoryTests.repository(HistoryTests.quiet + HistoryTests.quiet.prefix(12).map { $0 * 1.3 } + [131])
        let result = try Self.compare(fixture, at: 0)
        #expect(result.verdict == .unchanged)
        #expect(result.noise?.runs == 12)
        #expect(result.noise?.beforeChange == 9)
    }
}

/// History files: every entry of a github-action-benchmark data.js is a point at the commit it names.
struct HistoryFileEntryTests {
    @Test func dataJSEntriesArePointsAtTheCommitsTheyName() throws {
        let fixture = try FixtureRepository()
        var commits: [String] = []
        for index in 0..<24 {
            try fixture.write("src/engine.txt", "version \(index)")
            commits.append(try fixture.commit(index == 16 ? "slow path" : "change \(index)"))
        }
        // The benchmark action's history, as it would have appended one entry per commit; one entry
        // names a commit this repository does not have, and sits by its date.
        var entries: [String] = []
        for (index, commit) in commits.enumerated() {
            let value = HistoryTests.quiet[index % 20] * (index >= 16 ? 1.4 : 1)
            entries.append(#"{"commit": {"id": "\#(commit)", "message": "m", "timestamp": "2025-01-01T00:00:00Z"}, "date": \#(1_735_689_600_000 + (index + 1) * 60_000), "tool": "cargo", "benches": [{"name": "bench_parse", "value": \#(value), "unit": "ns/iter", "range": "± 3"}]}"#)
            if index == 5 {
                entries.append(#"{"commit": {"id": "\#(String(repeating: "ab", count: 20))", "message": "elsewhere"}, "date": \#(1_735_689_600_000 + (index + 1) * 60_000 + 30_000), "tool": "cargo", "benches": [{"name": "bench_parse", "value": 100.5, "unit": "ns/iter"}]}"#)
            }
        }
        try fixture.write("dev/bench/data.js", "window.BENCHMARK_DATA = {\"lastUpdate\": 1, \"repoUrl\": \"x\", \"entries\": {\"Rust\": [" +
                          entries.joined(separator: ",\n") + "]}}\n")
        try fixture.commit("benchmark history")
        let report = try HistoryOperation(repositoryPath: fixture.path).run()
        #expect(report.series.map(\.id) == ["dev/bench/data.js/Rust › bench_parse/value"])
        let series = try #require(report.series.first)
        #expect(series.points.count == 25)
        #expect(series.points[6].commit.summary == "(a commit this repository does not have)")
        #expect(series.points[5].commit.summary == "change 5")
        #expect(series.points[7].commit.summary == "change 6")
        #expect(series.changes.map(\.commit.summary) == ["slow path"])
        #expect(series.changes.first?.verdict == .regression)
    }

    @Test func asvResultsReadByTheWalkTakeTheMachineAndUnitsTheTipHas() throws {
        // Results published apart from the code: one commit per run, each naming a commit of another repository.
        let fixture = try FixtureRepository()
        func machine(_ cpu: String) -> String {
            #"{"machine": "box", "cpu": "\#(cpu)", "num_cpu": "4", "os": "Linux", "ram": "8000000", "version": 1}"#
        }
        try fixture.write("results/box/machine.json", machine("Old CPU"))
        try fixture.commit("machine")
        let hashes = ["a1b2c3d4", "b1b2c3d4", "c1b2c3d4"].map { $0 + String(repeating: "e", count: 32) }
        for (index, hash) in hashes.enumerated() {
            try fixture.write("results/box/\(hash.prefix(8))-py3.json", """
                {"commit_hash": "\(hash)", "env_name": "py3", "date": \(1_759_000_000 + index * 60)000, "params": {"machine": "box"},
                 "result_columns": ["result"], "results": {"benchmarks.track_rss": [[\(100 + index)]]}, "version": 2}
                """)
            try fixture.commit("run \(index)")
        }
        func read() throws -> [String] {
            let repository = try Repository(discoveringFrom: fixture.path)
            let walked = try HistoryReader(repository: repository, configuration: .defaults)
                .read(HistoryRange.parse("HEAD", in: repository), firstParent: true)
            return walked.runs.map { point in
                let measurement = point.run.measurements[0]
                return "\(point.commit.id.hex.prefix(10)) \(point.commit.time) \(point.run.series.value) \(measurement.samples) " +
                    "\(measurement.unit) \(point.run.fingerprint?.fingerprint.fields["cpu.model"] ?? "-")"
            }
        }
        #expect(try read() == [
            "a1b2c3d4ee 1759000000 results/box/{commit}-py3.json [100.0]  Old CPU",
            "b1b2c3d4ee 1759000060 results/box/{commit}-py3.json [101.0]  Old CPU",
            "c1b2c3d4ee 1759000120 results/box/{commit}-py3.json [102.0]  Old CPU",
        ])
        // The machine changes and the units are declared after the runs: every entry is read with what the tip has.
        try fixture.write("results/box/machine.json", machine("New CPU"))
        try fixture.write("results/benchmarks.json",
                          #"{"benchmarks.track_rss": {"name": "benchmarks.track_rss", "type": "track", "unit": "bytes"}, "version": 2}"#)
        try fixture.commit("new machine, declared units")
        #expect(try read() == [
            "a1b2c3d4ee 1759000000 results/box/{commit}-py3.json [100.0] B New CPU",
            "b1b2c3d4ee 1759000060 results/box/{commit}-py3.json [101.0] B New CPU",
            "c1b2c3d4ee 1759000120 results/box/{commit}-py3.json [102.0] B New CPU",
        ])
    }

    @Test func theNoiseWindowKeepsTheNewestEarlierRunsThatHaveTheMetric() throws {
        let fixture = try FixtureRepository()
        // Runs 0 to 5; runs 3 and 5 lack `io_ms`.
        for index in 0..<6 {
            let io = index == 3 || index == 5 ? "" : #", "io_ms": \#(10 + index)"#
            try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(100 + index)\#(io)}]}"#)
            try fixture.commit("run \(index)")
        }
        try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": 110, "io_ms": 20}]}"#)
        try fixture.commit("base")
        let repository = try Repository(discoveringFrom: fixture.path)
        let source = try CommitSource(repository: repository, revision: "HEAD")
        let runs = try RunLoader.load(source, configuration: .defaults).runs
        let policies = try PolicySet.parse([("p.yml", "version: 1\ndefaults:\n  history: { window: 3 }\n")])
        let values = try EarlierRuns.values(for: runs, at: try repository.resolveCommit("HEAD"), source: source, repository: repository,
                                            configuration: .defaults, policies: policies)
        #expect(values == ["bench/results.json/conv/time_ms": [103, 104, 105], "bench/results.json/conv/io_ms": [11, 12, 14]])
    }

    @Test func theBaseAsvResultFileIsNotAmongItsOwnEarlierRuns() throws {
        // Each commit adds the results of the commit before it, as asv results committed beside their code.
        let fixture = try FixtureRepository()
        try fixture.write(".asv/results/box/machine.json", #"{"machine": "box", "cpu": "Example CPU", "num_cpu": "4", "os": "Linux", "ram": "8000000", "version": 1}"#)
        var measured = try fixture.commit("code 0")
        for index in 0..<6 {
            try fixture.write(".asv/results/box/\(measured.prefix(8))-py3.json", """
                {"commit_hash": "\(measured)", "env_name": "py3", "date": \(1_735_689_600_000 + index * 60_000), "params": {"machine": "box"},
                 "result_columns": ["result"], "results": {"benchmarks.time_keys": [[\(100 + index)]]}, "version": 2}
                """)
            measured = try fixture.commit("results of the code before, run \(index)")
        }
        let repository = try Repository(discoveringFrom: fixture.path)
        let source = try CommitSource(repository: repository, revision: "HEAD")
        let runs = try RunLoader.load(source, configuration: .defaults).runs
        #expect(runs.map { $0.measurements.map(\.samples) } == [[[105]]])
        let values = try EarlierRuns.values(for: runs, at: try repository.resolveCommit("HEAD"), source: source, repository: repository,
                                            configuration: .defaults, policies: PolicySet.builtInDefault)
        #expect(values == [".asv/results/box/{commit}-py3.json/benchmarks.time_keys/result": [100, 101, 102, 103, 104]])
    }

    @Test func asvResultFilesArePointsAtTheCodeCommitsTheyName() throws {
        let fixture = try FixtureRepository()
        var commits: [(id: String, time: Int)] = []
        for index in 0..<14 {
            try fixture.write("src/lib.txt", "version \(index)")
            let id = try fixture.commit(index == 8 ? "slow keys" : "code \(index)")
            commits.append((id, 1_735_689_600 + (index + 1) * 60))
        }
        // The results of every commit, committed afterwards in one go, as `asv run ALL` then a commit.
        try fixture.write(".asv/results/box/machine.json", #"{"machine": "box", "cpu": "Example CPU", "num_cpu": "4", "os": "Linux", "ram": "8000000", "version": 1}"#)
        for (index, commit) in commits.enumerated() {
            let value = HistoryTests.quiet[index] / 100_000 * (index >= 8 ? 1.5 : 1)
            try fixture.write(".asv/results/box/\(commit.id.prefix(8))-py3.json", """
                {"commit_hash": "\(commit.id)", "env_name": "py3", "date": \(commit.time * 1000), "params": {"machine": "box", "python": "3"},
                 "result_columns": ["result", "params", "version", "started_at", "duration"],
                 "results": {"benchmarks.TimeSuite.time_keys": [[\(value)], [], "v1", \(commit.time * 1000), 1.0]}, "version": 2}
                """)
        }
        try fixture.commit("results of every commit")
        let report = try HistoryOperation(repositoryPath: fixture.path).run()
        let series = try #require(report.series.first)
        #expect(report.series.map(\.id) == [".asv/results/box/{commit}-py3.json/benchmarks.TimeSuite.time_keys/result"])
        #expect(series.points.map(\.commit.summary) == commits.indices.map { $0 == 8 ? "slow keys" : "code \($0)" })
        #expect(series.changes.map(\.commit.summary) == ["slow keys"])
        #expect(series.changes.first?.verdict == .regression)
    }

}

/// `regress blame` and `regress policy suggest`, from the same history.
struct CulpritAndSuggestionTests {
    @Test func blameRanksTheCommitsThatRegressedFirst() throws {
        let fixture = try FixtureRepository()
        let quiet = HistoryTests.quiet
        for index in 0..<40 {
            let conv = quiet[index % 20] * (index >= 12 ? 1.4 : 1)
            let gemm = quiet[(index + 7) % 20] / 10 * (index >= 28 ? 0.6 : 1)
            try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(conv)}, {"name": "gemm", "time_ms": \#(gemm)}]}"#)
            try fixture.commit(index == 12 ? "slow conv" : index == 28 ? "fast gemm" : "run \(index)")
        }
        let report = try HistoryOperation(repositoryPath: fixture.path).run()
        let culprits = Culprit.rank(report.series)
        #expect(culprits.map(\.commit.summary) == ["slow conv", "fast gemm"])
        #expect(culprits[0].changes.map(\.metric.id) == ["bench/results.json/conv/time_ms"])
        let text = BlameReportFormat.render(report, metrics: ["**"], as: .text)
        #expect(text.hasPrefix("regress blame: 2 commits changed metrics matching ** in HEAD\n\(culprits[0].commit.id.short) 2025-01-01 Fixture: slow conv — regression +"))
        #expect(text.contains("bench/results.json/conv/time_ms (1 regression)\n"))
        #expect(text.contains("fast gemm — improvement -"))
    }

    @Test func aSuggestedPolicyParsesAndWidensOnlyTheNoisyMetrics() throws {
        let fixture = try FixtureRepository()
        let quiet = HistoryTests.quiet
        for index in 0..<20 {
            // The conv runs vary by about ±6%, the gemm runs by about ±0.2%.
            let conv = 100 + (quiet[index] - 100) * 3, gemm = 10 + (quiet[index] - 100) / 100
            try fixture.write("bench/conv_2025010\(index % 9 + 1)-1200\(String(format: "%02d", index)).json",
                              #"{"benchmarks": [{"name": "conv", "time_ms": \#(conv)}, {"name": "gemm", "time_ms": \#(gemm)}]}"#)
            try fixture.commit("run \(index)")
        }
        let report = try HistoryOperation(repositoryPath: fixture.path).run()
        let suggestion = PolicySuggestion(report: report, policies: .builtInDefault)
        #expect(suggestion.entries.map(\.id) == ["bench/conv_{timestamp}.json/conv/time_ms"])
        #expect(suggestion.fine == 1)
        let policies = try PolicySet.parse([("policies/suggested.yml", suggestion.yaml)])
        let widened = policies.resolve("bench/conv_{timestamp}.json/conv/time_ms")
        #expect(widened.relativeTolerance == suggestion.entries[0].suggested)
        #expect(widened.relativeTolerance! > 0.05)
        #expect(policies.resolve("bench/conv_{timestamp}.json/gemm/time_ms").relativeTolerance == 0.05)
        #expect(suggestion.yaml.contains("  - match: \"bench/conv_*.json/conv/time_ms\"\n"))
    }

    @Test func aGlobForAnIDMatchesItDespiteCharactersGlobsUse() throws {
        let id = "bench/run_{timestamp}.json/BM_sort/8[threads],x*/real_time"
        let glob = try Glob(PolicySuggestion.glob(for: id))
        #expect(glob.matches(id))
        #expect(glob.pattern == "bench/run_*.json/BM_sort/8?threads??x?/real_time")
    }
}
