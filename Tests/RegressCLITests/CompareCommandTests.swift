import Foundation
import TestSupport
import Testing

/// Runs the built `regress` in a folder and returns its exit code, stdout and stderr.
func regress(_ arguments: [String], in folder: String) throws -> Shell.Output {
    try Shell.capture(CompareCommandTests.binary, arguments, in: folder)
}

/// `regress` end to end: the built binary, its stdout, stderr and exit code.
struct CompareCommandTests {
    /// The `regress` executable built next to this test bundle.
    static var binary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let path = folder.appendingPathComponent("regress").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "regress"
    }


    func history(_ csvs: [String]) throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        for (index, csv) in csvs.enumerated() {
            try fixture.write("bench/llm.csv", csv)
            try fixture.commit("run \(index + 1)")
        }
        return fixture
    }

    @Test func exitsZeroWhenNothingRegressed() throws {
        let fixture = try history(["model,ttft_s\nm,0.50\n", "model,ttft_s\nm,0.49\n"])
        let output = try regress(["compare"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("### ✅ regress: passed — 1 unchanged in 1 metric of 1 run\n"))
        #expect(output.stderr == "")
    }

    @Test func exitsOneWithAMarkdownReportWhenAMetricRegressed() throws {
        let fixture = try history(["model,ttft_s\nm,0.50\n", "model,ttft_s\nm,0.60\n"])
        let output = try regress(["compare", "HEAD~1"], in: fixture.path + "/bench")
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("### ❌ regress: regression — 1 regression in 1 metric of 1 run\n"))
        #expect(output.stdout.contains("\n@@ bench/llm.csv @@\n- m ttft_s: 0.5 s → 0.6 s (+20.0%)\n"))
    }

    @Test func writesJSONToAFile() throws {
        let fixture = try history(["model,tokens_s\nm,100\n", "model,tokens_s\nm,80\n"])
        let output = try regress(["compare", "--head", "HEAD", "--format", "json", "--output", "report.json"], in: fixture.path)
        #expect(output.status == 1)
        #expect(output.stdout == "")
        let report = try String(contentsOfFile: fixture.path + "/report.json", encoding: .utf8)
        #expect(report.contains("\"verdict\": \"regression\""))
        #expect(report.contains("\"relative_change\": -0.2"))
    }

    @Test func exitsTwoOnAnUnknownRevisionAndSaysWhatToDo() throws {
        let fixture = try history(["model,ttft_s\nm,0.50\n"])
        let output = try regress(["compare", "v9.9"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == "error: unknown revision 'v9.9': name a commit, branch, tag or HEAD~N that exists (`git log --oneline` lists them)\n")
    }

    @Test func exitsTwoOutsideARepository() throws {
        let folder = try TemporaryFolder.make(prefix: "norepo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try regress(["compare"], in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: . is not inside a git repository"))
    }

    @Test func exitsTwoOnABadConfigurationNamingFileLineAndKey() throws {
        let fixture = try history(["model,ttft_s\nm,0.50\n", "model,ttft_s\nm,0.50\n"])
        try fixture.write("regress.yml", "version: 1\nartifacts:\n  - path: bench/*.csv\n    keyz: [model]\n")
        let output = try regress(["compare"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr == "error: regress.yml:4: artifacts[0].keyz: unknown key; expected one of: path, format, keys, direction\n")
    }

    @Test func theDemoPrintsItsReportAndExitsZero() throws {
        let folder = try TemporaryFolder.make(prefix: "democli")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try regress(["demo", "--path", folder + "/repo"], in: folder)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("### ❌ regress: regression — 4 regressions, 19 unchanged in 63 metrics of 2 runs; 1 failed run (40 metrics, warn)\n"))
        #expect(output.stderr == "regress demo: `regress compare HEAD~1` would exit 1; the repository is kept in \(folder)/repo\n")
        let again = try regress(["compare", "HEAD~1", "--format", "text"], in: folder + "/repo")
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("regress: regression — 4 regressions, 19 unchanged in 63 metrics of 2 runs; 1 failed run (40 metrics, warn)\n"))
    }
}

/// `compare --base-dir` and `--head-dir` end to end.
struct FolderCompareCommandTests {
    func sides(base: String, head: String) throws -> String {
        let root = try TemporaryFolder.make(prefix: "ab")
        for (side, csv) in [("base", base), ("head", head)] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(side)/bench", withIntermediateDirectories: true)
            try Data(csv.utf8).write(to: URL(fileURLWithPath: "\(root)/\(side)/bench/r.csv"))
        }
        return root
    }

    @Test func comparesTwoFoldersOutsideAnyRepository() throws {
        let root = try sides(base: "case,ms\na,10\n", head: "case,ms\na,13\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try regress(["compare", "--base-dir", "base", "--head-dir", "head", "--format", "json"], in: root)
        #expect(output.status == 1)
        #expect(output.stdout.contains("\"label\": \"folder base\""))
        #expect(output.stdout.contains("\"label\": \"folder head\""))
        #expect(output.stdout.contains("\"verdict\": \"regression\""))
        #expect(output.stderr == "")
    }

    @Test func aRevisionAndABaseFolderTogetherAreRefused() throws {
        let root = try sides(base: "case,ms\na,10\n", head: "case,ms\na,10\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try regress(["compare", "HEAD~2", "--base-dir", "base"], in: root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("name the base side once: the revision HEAD~2 or --base-dir, not both"))
        let heads = try regress(["compare", "--head", "HEAD", "--head-dir", "head", "--base-dir", "base"], in: root)
        #expect(heads.status == 2)
        #expect(heads.stderr.contains("name the head side once: --head HEAD or --head-dir, not both"))
    }

    @Test func aMissingFolderExitsTwoNamingIt() throws {
        let root = try sides(base: "case,ms\na,10\n", head: "case,ms\na,10\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try regress(["compare", "--base-dir", "nope", "--head-dir", "head"], in: root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("nope is not a folder"))
        #expect(output.stdout == "")
    }
}

/// `baseline record --branch` and `check --baselines-rev` end to end.
struct BaselineBranchCommandTests {
    @Test func recordsOntoABranchThatCheckThenReads() throws {
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        try fixture.write("bench/r.csv", "case,ms\na,10\na,10.1\na,9.9\n")
        let recorded = try regress(["baseline", "record", "--branch", "regress-baselines"], in: fixture.path)
        #expect(recorded.status == 0)
        let tip = try fixture.git(["rev-parse", "--short=7", "regress-baselines"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(recorded.stdout.hasSuffix("committed \(tip) to branch regress-baselines as its first commit; the working tree is unchanged. " +
                                          "Publish with `git push origin regress-baselines`\n"))
        #expect(try fixture.git(["status", "--porcelain"]) == "?? bench/\n")
        let checked = try regress(["check", "--baselines-rev", "regress-baselines", "--format", "json"], in: fixture.path)
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("\"label\": \"baselines/ at regress-baselines (\(tip))\""))
    }

    @Test func theCheckedOutBranchIsRefusedWithExitTwo() throws {
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        try fixture.write("bench/r.csv", "case,ms\na,10\n")
        let output = try regress(["baseline", "record", "--branch", "main"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == "error: the branch main is checked out here: name another branch, or record into the working tree " +
                "without --branch\n")
        #expect(try fixture.git(["rev-list", "--count", "main"]) == "1\n")
    }
}
