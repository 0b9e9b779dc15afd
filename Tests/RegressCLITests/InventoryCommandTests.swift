import Foundation
import TestSupport
import Testing

/// `regress inventory` and `regress export` end to end.
struct InventoryCommandTests {
    func fixture() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.5\n")
        try fixture.commit("Add a run")
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.6\n")
        try fixture.write("notes/plan.md", "nothing measured\n")
        try fixture.commit("Run again")
        return fixture
    }

    @Test func inventoryOfARevisionBelowAFolderWritesJSON() throws {
        let fixture = try fixture()
        let output = try regress(["inventory", "HEAD~1", "bench", "--format", "json"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["samples"] as? Int == 1)
        #expect(json["paths"] as? [String] == ["bench"])
        let folders = try #require(json["folders"] as? [[String: Any]])
        #expect(folders.map { $0["path"] as? String } == ["bench"])
        let latest = try #require(folders[0]["latest_commit"] as? [String: Any])
        #expect(latest["subject"] as? String == "Add a run")
    }

    @Test func inventoryRefusesABadDepthAnUnknownFolderAndABadFormatWithExitTwo() throws {
        let fixture = try fixture()
        let depth = try regress(["inventory", "--depth", "0"], in: fixture.path)
        #expect(depth.status == 2)
        #expect(depth.stderr.contains("--depth takes a number of folder levels, 1 or more"))
        let unknown = try regress(["inventory", "nosuch"], in: fixture.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: nothing to read: no file at or below 'nosuch' in working tree: name a folder of the tree, or a revision first\n")
        let format = try regress(["inventory", "--format", "text"], in: fixture.path)
        #expect(format.status == 2)
        #expect(format.stderr.contains("--format is markdown or json"))
    }

    @Test func exportWritesEveryRunOfHistoryToTheOutputFile() throws {
        let fixture = try fixture()
        let folder = try TemporaryFolder.make(prefix: "export-cli")
        let output = try regress(["export", "--output", folder + "/runs.csv", "--quiet"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout == "")
        let text = try String(contentsOfFile: folder + "/runs.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains(",bench/llm.csv,bench/llm.csv,csv,m,ttft_s,s,lower,0,0.5,ok,,"))
        #expect(lines[2].contains(",bench/llm.csv,bench/llm.csv,csv,m,ttft_s,s,lower,0,0.6,ok,,"))
    }

    @Test func exportOfAnUnknownRevisionFailsWithExitTwoAndLeavesNoFile() throws {
        let fixture = try fixture()
        let folder = try TemporaryFolder.make(prefix: "export-cli")
        let output = try regress(["export", "nosuch..HEAD", "--output", folder + "/runs.csv"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: "))
        #expect(output.stderr.contains("nosuch"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let both = try regress(["export", "HEAD", "--working-tree"], in: fixture.path)
        #expect(both.status == 2)
        #expect(both.stderr.contains("RANGE and --working-tree exclude each other"))
    }
}
