import Foundation
import TestSupport
import Testing

/// Where and how `compare` and `check` write their report: `--output -`, `--github`, `--max-bytes`,
/// the format and colour chosen for a terminal, and shell completion.
struct ReportOptionTests {
    func regressed() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.50\n")
        try fixture.commit("run 1")
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.60\n")
        try fixture.commit("run 2")
        return fixture
    }

    @Test func outputDashIsStandardOutputNotAFileNamedDash() throws {
        let fixture = try regressed()
        let output = try regress(["compare", "--output", "-"], in: fixture.path)
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("### ❌ regress: regression — 1 regression in 1 metric of 1 run\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/-"))
    }

    @Test func aMissingOutputFolderIsNamedInRegresssOwnWords() throws {
        let fixture = try regressed()
        let output = try regress(["compare", "--output", "reports/pr.md"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr == "error: cannot write reports/pr.md: the folder reports does not exist; create it first\n")
    }

    @Test func githubAnnotationsFollowOnStandardOutputWhileTheReportGoesToItsFile() throws {
        let fixture = try regressed()
        let output = try regress(["compare", "--github", "--max-bytes", "65000", "--output", "report.md"], in: fixture.path)
        #expect(output.status == 1)
        #expect(output.stdout == "::error file=bench/llm.csv,title=Regression +20.0%25%3A m ttft_s::bench/llm.csv: 0.5 s → 0.6 s (+20.0%25)\n")
        let report = try String(contentsOfFile: fixture.path + "/report.md", encoding: .utf8)
        #expect(report.hasPrefix("### ❌ regress: regression — 1 regression in 1 metric of 1 run\n"))
    }

    @Test func maxBytesLimitsOnlyMarkdownAndNotBelowAThousand() throws {
        let fixture = try regressed()
        let json = try regress(["compare", "--format", "json", "--max-bytes", "5000"], in: fixture.path)
        #expect(json.status == 2)
        #expect(json.stderr.contains("--max-bytes limits the Markdown report, not --format json"))
        let tiny = try regress(["compare", "--max-bytes", "200"], in: fixture.path)
        #expect(tiny.status == 2)
        #expect(tiny.stderr.contains("--max-bytes is at least 1000"))
    }

    /// `script` runs regress with a terminal as its standard output.
    func inTerminal(_ command: String, in folder: String, environment: [String: String] = [:]) throws -> String {
        try Shell.capture("/usr/bin/script", ["-qec", command, "/dev/null"], in: folder, environment: environment).stdout
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalGetsColouredTextUnlessNoColorIsSet() throws {
        let fixture = try regressed()
        let binary = CompareCommandTests.binary
        let coloured = try inTerminal("\(binary) compare", in: fixture.path, environment: ["NO_COLOR": ""])
        #expect(coloured.hasPrefix("\u{1B}[31mregress: regression — 1 regression in 1 metric of 1 run\u{1B}[0m\r\n"))
        #expect(coloured.contains("\u{1B}[31mregression  \u{1B}[0m bench/llm.csv m ttft_s: 0.5 s → 0.6 s (+20.0%)"))
        let plain = try inTerminal("\(binary) compare", in: fixture.path, environment: ["NO_COLOR": "1"])
        #expect(plain.hasPrefix("regress: regression — 1 regression in 1 metric of 1 run\r\n"))
        #expect(!plain.contains("\u{1B}["))
        let markdown = try inTerminal("\(binary) compare --format markdown", in: fixture.path)
        #expect(markdown.hasPrefix("### ❌ regress:"))
    }

    @Test func shellCompletionOffersFormatsAndCompletesFilesAndFolders() throws {
        let folder = try TemporaryFolder.make(prefix: "completion")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bash = try regress(["--generate-completion-script", "bash"], in: folder).stdout
        #expect(bash.contains("    '--format')\n        __regress_add_completions -W 'markdown'$'\\n''json'$'\\n''text'\n"))
        #expect(bash.contains("    '--output')\n        __regress_add_completions -f\n"))
        #expect(bash.contains("    '--repo')\n        __regress_add_completions -d\n"))
        let zsh = try regress(["--generate-completion-script", "zsh"], in: folder).stdout
        #expect(zsh.contains(":policy:_files -g '\\''*.yml *.yaml'\\'''"))
    }
}
