import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// `regress inventory` and `regress export` on small repositories made here.
struct InventoryTests {
    /// Two runs of one series from different machines, a CSV whose every row failed, a JSON with a
    /// null, a Markdown report whose numbers do not match its artifact, a file no reader understands,
    /// and a policy that requires `dtype`.
    func fixture() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm/run_20250101-000000.json", #"{"model": "m", "dtype": "fp16", "ttft_s": 0.5, "tokens_s": 80, "note": null}"#)
        try fixture.write("bench/llm/run_20250101-000000.fingerprint.json", #"{"cpu": {"model": "A"}, "os": {"name": "Linux"}}"#)
        try fixture.commit("Add the first LLM run")
        try fixture.write("bench/llm/run_20250102-000000.json", #"{"model": "m", "ttft_s": 0.7, "tokens_s": 60}"#)
        try fixture.write("bench/llm/run_20250102-000000.fingerprint.json", #"{"cpu": {"model": "B"}, "os": {"name": "Linux"}}"#)
        try fixture.commit("Add the second LLM run")
        try fixture.write("bench/conv/conv.json", #"{"backends": [{"name": "eager", "mean_ms": 3.81214}, {"name": "jit", "mean_ms": 3.78}]}"#)
        try fixture.write("bench/conv/conv.md", "| name | mean_ms |\n|---|---|\n| eager | 3.812 |\n| jit | 4.1 |\n")
        try fixture.write("bench/conv/failed.csv", "model,tokens_s,error\nm,0,server down\nn,0,server down\n")
        try fixture.write("bench/conv/log.txt", "nothing to read\n")
        try fixture.write("policies/meta.yml", "version: 1\nrules:\n  - match: \"bench/llm/**\"\n    required_metadata: [model, dtype]\n")
        try fixture.commit("Add the conv results")
        try fixture.write("docs/notes.md", "prose only\n")
        try fixture.commit("Write notes")
        return fixture
    }

    @Test func countsFilesRunsAndSamplesAndListsEachGapWithItsFiles() throws {
        let fixture = try fixture()
        let inventory = try InventoryOperation(repositoryPath: fixture.path, revision: "HEAD").run()
        let totals = inventory.totals
        #expect(totals.files[.json] == 5 && totals.files[.csv] == 1 && totals.files[.markdown] == 2 && totals.files[.other] == 2)
        #expect(totals.artifactsRead == 5)
        #expect(totals.runs == 5)
        #expect(totals.failedRuns == 1)
        #expect(totals.series == 4)
        #expect(totals.seriesWithOneRun == 3)
        // ttft_s and tokens_s of two runs, mean_ms of two backends, two numbers in the report.
        #expect(totals.samples == 8)
        #expect(totals.failedSamples == 2)
        let gaps = Dictionary(uniqueKeysWithValues: inventory.gaps.map { ($0.kind, $0.files) })
        #expect(gaps[.noFingerprint]?.map(\.path) == ["bench/conv/conv.json", "bench/conv/conv.md", "bench/conv/failed.csv"])
        #expect(gaps[.mixedMachines]?.map(\.path) == ["bench/llm/run_20250101-000000.json", "bench/llm/run_20250102-000000.json"])
        #expect(gaps[.missingMetadata] == [.init(path: "bench/llm/run_20250102-000000.json", detail: "lacks dtype")])
        // `model` and `dtype` are labels, not values that failed to be numbers; `note` is null.
        #expect(gaps[.invalidValues] == [.init(path: "bench/llm/run_20250101-000000.json", detail: "1 null")])
        #expect(gaps[.failedRuns] == [.init(path: "bench/conv/failed.csv", detail: "failed run (2 of 2 records): server down")])
        #expect(gaps[.unreadable]?.map(\.path) == ["bench/conv/log.txt", "docs/notes.md"])
        #expect(gaps[.singleRun]?.map(\.path) == ["bench/conv/conv.json", "bench/conv/conv.md", "bench/conv/failed.csv"])
        #expect(gaps[.reportMismatch] == [.init(path: "bench/conv/conv.md", detail: "1 number disagrees with bench/conv/conv.json: jit mean_ms 4.1")])
    }

    @Test func theLatestCommitOfAFolderIsTheLastOneThatChangedIt() throws {
        let fixture = try fixture()
        let head = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let inventory = try InventoryOperation(repositoryPath: fixture.path, revision: "HEAD").run()
        let latest = Dictionary(uniqueKeysWithValues: inventory.folders.map { ($0.path, $0.latest?.summary ?? "none") })
        #expect(latest == ["bench/llm": "Add the second LLM run", "bench/conv": "Add the conv results",
                           "policies": "Add the conv results", "docs": "Write notes"])
        #expect(inventory.folders.first { $0.path == "docs" }?.latest?.id.hex == head)
        #expect(inventory.folders.first { $0.path == "bench/conv" }?.formats == ["csv", "json", "markdown"])
    }

    @Test func aMergeThatTookAFolderFromOneSideDidNotChangeIt() throws {
        let fixture = try FixtureRepository()
        try fixture.write("a/x.csv", "k,v\n1,2\n")
        try fixture.write("b/y.csv", "k,v\n1,2\n")
        try fixture.commit("Start")
        try fixture.git(["checkout", "-q", "-b", "side"])
        try fixture.write("a/x.csv", "k,v\n1,3\n")
        try fixture.commit("Change a on the side")
        try fixture.git(["checkout", "-q", "main"])
        try fixture.write("b/y.csv", "k,v\n1,4\n")
        try fixture.commit("Change b on main")
        try fixture.git(["merge", "-q", "--no-ff", "-m", "Merge side", "side"], date: 10)
        let repository = try Repository(discoveringFrom: fixture.path)
        let found = try repository.lastCommits(touching: ["a", "b", "", "missing"], from: try repository.resolveCommit("HEAD"))
        #expect(found["a"]?.summary == "Change a on the side")
        #expect(found["b"]?.summary == "Change b on main")
        #expect(found[""]?.summary == "Merge side")
        #expect(found["missing"] == nil)
    }

    @Test func aCommittedSymbolicLinkIsNotFollowed() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/real.csv", "model,ttft_s\nm,0.5\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/link.csv", withDestinationPath: "real.csv")
        try fixture.commit("Add a run and a link to it")
        let inventory = try InventoryOperation(repositoryPath: fixture.path, revision: "HEAD").run()
        #expect(inventory.totals.runs == 1)
        let unreadable = inventory.gaps.first { $0.kind == .unreadable }?.files
        #expect(unreadable?.map(\.path) == ["bench/link.csv"])
        #expect(unreadable?.first?.detail.contains("a symbolic link to real.csv, committed as a link: not followed") == true)
    }

    @Test func theMarkdownReportIsTheSnapshot() throws {
        let fixture = try fixture()
        let inventory = try InventoryOperation(repositoryPath: fixture.path, revision: "HEAD").run()
        let markdown = InventoryReportFormat.render(inventory, as: .markdown)
        #expect(Snapshot.mismatch(markdown, named: "inventory.md") == nil)
        let json = InventoryReportFormat.render(inventory, as: .json)
        #expect(Snapshot.mismatch(json, named: "inventory.json") == nil)
    }

    @Test(arguments: [([1, 1, 1], ["33.4%", "33.3%", "33.3%"]), ([0, 0], ["0.0%", "0.0%"]), ([2, 1, 0], ["66.7%", "33.3%", "0.0%"]),
                      ([47, 28, 29, 8], ["42.0%", "25.0%", "25.9%", "7.1%"])])
    func sharesAddUpToAHundred(counts: [Int], shares: [String]) {
        #expect(InventoryReportFormat.percentages(counts) == shares)
    }

    @Test func aPathOutsideTheRepositoryIsRefused() throws {
        let fixture = try fixture()
        let outside = try TemporaryFolder.make(prefix: "outside")
        let error = #expect(throws: RegressError.self) { try InventoryOperation.split(["HEAD", outside], repositoryPath: fixture.path) }
        #expect(error?.errorDescription?.hasPrefix("\(outside) is outside the repository") == true)
        let split = try InventoryOperation.split(["HEAD~1", "bench"], repositoryPath: fixture.path)
        #expect(split.revision == "HEAD~1" && split.paths == ["bench"])
    }

    @Test func exportWritesOneRowPerValueWithQuotedFieldsAndFailedValuesEmpty() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/q.csv", "name,ttft_s,error\n\"a, \"\"quoted\"\"\",0.5,\nb,0,\"boom, twice\"\n")
        let first = try fixture.commit("Add q")
        var csv = ""
        let summary = try ExportOperation(repositoryPath: fixture.path).run(format: .csv) { csv += $0 }
        #expect(summary == ExportOperation.Summary(rows: 2, runs: 1, commits: 1, notices: []))
        #expect(csv == #"""
            commit,commit_time,series,path,format,benchmark,metric,unit,direction,sample_index,value,run_status,error,fingerprint_id,\#
            fingerprint_cpu_model,fingerprint_cpu_logical_cores,fingerprint_memory_total_gb,fingerprint_gpu_models,fingerprint_os_name
            \#(first),2025-01-01T00:01:00Z,bench/q.csv,bench/q.csv,csv,"a, ""quoted""",ttft_s,s,lower,0,0.5,failed,"boom, twice",,,,,,
            \#(first),2025-01-01T00:01:00Z,bench/q.csv,bench/q.csv,csv,b,ttft_s,s,lower,0,,failed,"boom, twice",,,,,,

            """#)
        var jsonl = ""
        _ = try ExportOperation(repositoryPath: fixture.path).run(format: .jsonl) { jsonl += $0 }
        let lines = jsonl.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"commit":"\#(first)","commit_time":"2025-01-01T00:01:00Z","series":"bench/q.csv","path":"bench/q.csv","format":"csv","benchmark":"a, \"quoted\"","metric":"ttft_s","unit":"s","direction":"lower","sample_index":0,"value":0.5,"run_status":"failed","error":"boom, twice","fingerprint_id":"","fingerprint_cpu_model":"","fingerprint_cpu_logical_cores":"","fingerprint_memory_total_gb":"","fingerprint_gpu_models":"","fingerprint_os_name":""}"#)
        #expect(lines[1].contains(#""value":null"#))
    }

    @Test func exportOfARangeHasTheRunsEachCommitAddedWithTheirCommitsFingerprint() throws {
        let fixture = try fixture()
        var csv = ""
        let summary = try ExportOperation(repositoryPath: fixture.path, range: "HEAD~3..HEAD~2").run(format: .csv) { csv += $0 }
        #expect(summary.commits == 1)
        let records = try CSVParser.parse(Array(csv.utf8))
        #expect(records.count == 3)
        let fingerprint = Fingerprint(fields: ["cpu.model": "B", "os.name": "Linux"])
        #expect(records[1].fields[3] == "bench/llm/run_20250102-000000.json")
        #expect(records[1].fields[2] == "bench/llm/run_{timestamp}.json")
        #expect(records[1].fields[13] == fingerprint.id)
        #expect(records[1].fields[14] == "B")
        #expect(Set(records.dropFirst().map { $0.fields[6] + "=" + $0.fields[10] }) == ["ttft_s=0.7", "tokens_s=60"])
    }

    @Test func exportOfAsvResultsNamingCommitsTheRepositoryDoesNotHaveGivesThoseCommits() throws {
        // Results published apart from their code: each file names the commit it measured, which is not here.
        let fixture = try FixtureRepository()
        let source = FolderSource(root: FormatAdapterTests.folder)
        for path in try source.files(matching: [try Glob("asv/results/{benchmarks.json,fixturebox/*.json}")]) {
            try fixture.write("." + path, String(decoding: try source.read(path), as: UTF8.self))
        }
        try fixture.commit("results")
        var csv = ""
        let summary = try ExportOperation(repositoryPath: fixture.path).run(format: .csv) { csv += $0 }
        #expect(summary.runs == 2)
        let records = try CSVParser.parse(Array(csv.utf8)).dropFirst()
        #expect(Set(records.map { String($0.fields[0].prefix(8)) }) == ["e2b39d83", "c8b64b54"])
        #expect(Set(records.map { $0.fields[14] }) == ["Example CPU"])
    }

    @Test func exportWritesItsFileOnlyWhenDone() throws {
        let fixture = try fixture()
        let folder = try TemporaryFolder.make(prefix: "export")
        let target = folder + "/rows.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let stream = try OutputFile.Stream(to: target)
        _ = try ExportOperation(repositoryPath: fixture.path).run(format: .csv, to: stream)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self) == "old")
        try stream.finish()
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self)
        #expect(written.hasPrefix("commit,commit_time,"))
        // A header and ten values: eight valid, two of the failed run.
        #expect(try CSVParser.parse(Array(written.utf8)).count == 11)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["rows.csv"])
    }
}
