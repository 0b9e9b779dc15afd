import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

struct CompareOperationTests {
    @Test func todayIsWrittenAsYearMonthDay() {
        #expect(CompareOperation.civilDate(daysSince1970: 0) == "1970-01-01")
        #expect(CompareOperation.civilDate(daysSince1970: 20_422) == "2025-11-30")
        #expect(CompareOperation.civilDate(daysSince1970: -719_468) == "0000-03-01")
        #expect(CompareOperation.civilDate(daysSince1970: 2_932_897) == "10000-01-01")
    }

    @Test func numbersArePaddedWithZerosAsPrintfDoes() {
        for (value, width) in [(7, 2), (12, 2), (123, 2), (5, 4), (-5, 4), (-12345, 4), (0, 1), (0, 0)] {
            #expect(CompareOperation.zeroPadded(value, width) == String(format: "%0\(width)ld", value))
        }
    }

    @Test func comparesTheWorkingTreeWithThePreviousCommit() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm.csv", "model,ttft_s,tokens_s\nm,0.50,80\n")
        try fixture.commit("first")
        try fixture.write("bench/llm.csv", "model,ttft_s,tokens_s\nm,0.51,80\n")
        try fixture.commit("second")
        try fixture.write("bench/llm.csv", "model,ttft_s,tokens_s\nm,0.70,60\n")
        let comparison = try CompareOperation(repositoryPath: fixture.path).run()
        #expect(comparison.results.map { "\($0.metric)=\($0.verdict.rawValue)" } == ["ttft_s=regression", "tokens_s=regression"])
        #expect(comparison.base.commit?.summary == "first")
        #expect(comparison.head.label == "working tree")
        let committed = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        #expect(committed.results.map(\.verdict) == [.unchanged, .unchanged])
        #expect(committed.exitCode == 0)
    }

    @Test func configurationIsReadFromTheHeadSide() throws {
        let fixture = try FixtureRepository()
        try fixture.write("data/run.csv", "case,ms\na,10\n")
        try fixture.commit("first")
        try fixture.write("data/run.csv", "case,ms\na,20\n")
        try fixture.write("regress.yml", "version: 1\nartifacts:\n  - path: data/*.csv\n")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        #expect(comparison.results.map(\.verdict) == [.regression])
    }

    @Test func nothingToCompareIsAnErrorThatSaysWhatToDo() throws {
        let fixture = try FixtureRepository()
        try fixture.write("README.md", "x")
        try fixture.commit("first")
        try fixture.commit("second")
        let error = #expect(throws: RegressError.self) { try CompareOperation(repositoryPath: fixture.path).run() }
        #expect(error?.errorDescription?.hasSuffix("add an `artifacts:` entry with a `path:` glob to regress.yml") == true)
    }

    @Test func aBareRepositoryNeedsAHeadRevision() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", "case,ms\na,10\n")
        try fixture.commit("first")
        try fixture.write("bench/r.csv", "case,ms\na,30\n")
        try fixture.commit("second")
        let folder = try TemporaryFolder.make(prefix: "bare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--bare", fixture.path, folder + "/r.git"], in: folder)
        #expect(throws: GitError.self) { try CompareOperation(repositoryPath: folder + "/r.git").run() }
        let comparison = try CompareOperation(repositoryPath: folder + "/r.git", base: "HEAD~1", head: "HEAD").run()
        #expect(comparison.exitCode == 1)
    }

    @Test func aBackendThatFailedInTheNewRunIsFailedNotAHundredPercentImprovement() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/compile/conv_bench_2026-05-04_T10-00-00.json", #"""
            {"backends": {"eager": {"success": true, "mean_time_ms": 4.0, "std_time_ms": 0.2},
                          "tensorrt": {"success": true, "mean_time_ms": 1.5, "std_time_ms": 0.1}}}
            """#)
        try fixture.commit("base run")
        try fixture.write("bench/compile/conv_bench_2026-05-05_T23-11-58.json", #"""
            {"backends": {"eager": {"success": true, "mean_time_ms": 4.1, "std_time_ms": 0.4},
                          "tensorrt": {"success": false, "error": "tensorrt not installed", "mean_time_ms": 0, "std_time_ms": 0}}}
            """#)
        try fixture.commit("head run")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        #expect(comparison.results.map { "\($0.series) \($0.benchmark) \($0.metric) \($0.verdict.rawValue)" } == [
            "bench/compile/conv_bench_{timestamp}.json eager mean_time_ms unchanged",
            "bench/compile/conv_bench_{timestamp}.json eager std_time_ms inconclusive",
            "bench/compile/conv_bench_{timestamp}.json tensorrt mean_time_ms failed",
            "bench/compile/conv_bench_{timestamp}.json tensorrt std_time_ms failed",
        ])
        #expect(comparison.failedRuns.map(\.failure) == [RunFailure(failedRecords: 1, totalRecords: 2, firstError: "tensorrt not installed")])
        #expect(comparison.exitCode == 0)
    }
}
