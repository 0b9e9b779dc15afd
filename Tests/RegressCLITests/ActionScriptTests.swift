import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// The `run:` steps of the GitHub action (ci/github/action.yml), run here by bash as the runner runs
/// them (`bash --noprofile --norc -eo pipefail`), with the environment its `env:` maps would give them
/// and a stand-in or the real `regress`.
struct ActionScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Step {
        let name: String
        let run: String
        let env: [String]
    }

    static func steps(_ file: String = "ci/github/action.yml") throws -> [Step] {
        let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        let document = try YAMLValue.parse(text, file: file)
        let runs = try #require(try document.mapping(allowed: nil).first { $0.0 == "runs" }?.1)
        let steps = try #require(try runs.mapping(allowed: nil).first { $0.0 == "steps" }?.1)
        return try steps.sequence().compactMap { step in
            let members = try step.mapping(allowed: nil)
            guard let run = try members.first(where: { $0.0 == "run" })?.1.string() else { return nil }
            let env = try members.first { $0.0 == "env" }?.1.mapping(allowed: nil).map(\.0) ?? []
            return Step(name: try members.first { $0.0 == "name" }!.1.string(), run: run, env: env)
        }
    }

    static func step(_ name: String) throws -> Step {
        try #require(try steps().first { $0.name == name })
    }

    /// Runs a step in `folder`; returns its output, exit status and what it wrote to GITHUB_OUTPUT.
    func run(_ step: Step, in folder: String, environment: [String: String]) throws -> (Shell.Output, [String: String]) {
        let scratch = try TemporaryFolder.make(prefix: "step")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let script = scratch + "/step.sh"
        try step.run.write(toFile: script, atomically: true, encoding: .utf8)
        try "".write(toFile: scratch + "/output", atomically: true, encoding: .utf8)
        var env = environment
        for name in step.env where env[name] == nil { env[name] = "" }
        env["GITHUB_OUTPUT"] = scratch + "/output"
        env["GITHUB_ENV"] = scratch + "/env"
        env["RUNNER_TEMP"] = env["RUNNER_TEMP"] ?? scratch
        let output = try Shell.capture("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", script], in: folder, environment: env)
        var values: [String: String] = [:]
        for line in try String(contentsOfFile: scratch + "/output", encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return (output, values)
    }

    /// A stand-in `regress` that logs its arguments, one invocation a line, and exits with `status`
    /// (the JSON run always 0, as regress exits with the same code both times).
    func fakeRegress(in folder: String, status: Int) throws -> (path: String, log: String) {
        let path = folder + "/fake-regress", log = folder + "/calls"
        try """
            #!/bin/bash
            printf '%s\\n' "$*" >> "\(log)"
            case "$*" in *--github*) echo "::error file=bench/r.csv::parse regressed"; exit \(status) ;; esac
            exit 0
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (path, log)
    }

    @Test func noRunStepWritesAnExpressionIntoItsScript() throws {
        for file in ["ci/github/action.yml", "ci/github/comment/action.yml"] {
            for step in try Self.steps(file) {
                #expect(!step.run.contains("${{"), "\(file): step '\(step.name)' must take values through env:")
            }
        }
    }

    @Test func checkRunsWithAnnotationsTheSizeCapAndAJSONReportAndRecordsTheExitCode() throws {
        let folder = try TemporaryFolder.make(prefix: "action")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let regress = try fakeRegress(in: folder, status: 1)
        let (output, values) = try run(try Self.step("Run regress"), in: folder, environment: [
            "REGRESS": regress.path, "MODE": "check", "BASELINES_REV": "origin/regress-baselines", "MAX_BYTES": "65000",
            "NUMBER": "17", "RUNNER_TEMP": folder,
        ])
        #expect(output.status == 0)
        #expect(output.stdout == "::error file=bench/r.csv::parse regressed\n")
        #expect(values == ["exit-code": "1", "folder": folder + "/regress", "report": folder + "/regress/report.md",
                           "json": folder + "/regress/report.json"])
        #expect(try String(contentsOfFile: regress.log, encoding: .utf8) == """
            check --baselines-rev origin/regress-baselines --github --max-bytes 65000 --output \(folder)/regress/report.md
            check --baselines-rev origin/regress-baselines --format json --output \(folder)/regress/report.json

            """)
        #expect(try String(contentsOfFile: folder + "/regress/pull-request.txt", encoding: .utf8) == "17\n")
    }

    @Test func checkReadsOriginsBaselinesBranchWhenItExists() throws {
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        let regress = try fakeRegress(in: fixture.path, status: 0)
        let environment = ["REGRESS": regress.path, "MODE": "check", "BASELINES_BRANCH": "regress-baselines", "MAX_BYTES": "65000",
                           "RUNNER_TEMP": fixture.path]
        _ = try run(try Self.step("Run regress"), in: fixture.path, environment: environment)
        try fixture.git(["update-ref", "refs/remotes/origin/regress-baselines", "HEAD"])
        _ = try run(try Self.step("Run regress"), in: fixture.path, environment: environment)
        let calls = try String(contentsOfFile: regress.log, encoding: .utf8).split(separator: "\n")
        #expect(calls[0] == "check --github --max-bytes 65000 --output \(fixture.path)/regress/report.md")
        #expect(calls[2] == "check --baselines-rev origin/regress-baselines --github --max-bytes 65000 --output \(fixture.path)/regress/report.md")
    }

    @Test func compareDefaultsToThePullRequestsMergeBaseAndPassesUntrustedValuesAsWords() throws {
        let folder = try TemporaryFolder.make(prefix: "action")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let regress = try fakeRegress(in: folder, status: 0)
        let (output, values) = try run(try Self.step("Run regress"), in: folder, environment: [
            "REGRESS": regress.path, "MODE": "compare", "BASE_REF": "main$(touch pwned)", "MAX_BYTES": "1000", "CONFIG": "ci/regress.yml", "RUNNER_TEMP": folder,
        ])
        #expect(output.status == 0)
        #expect(values["exit-code"] == "0")
        #expect(try String(contentsOfFile: regress.log, encoding: .utf8).split(separator: "\n").first ==
            "compare origin/main$(touch pwned)...HEAD --config ci/regress.yml --github --max-bytes 1000 --output \(folder)/regress/report.md")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"))
    }

    @Test func compareOfFoldersPassesBaseDirAndHeadDir() throws {
        let folder = try TemporaryFolder.make(prefix: "action")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let regress = try fakeRegress(in: folder, status: 1)
        let (_, values) = try run(try Self.step("Run regress"), in: folder, environment: [
            "REGRESS": regress.path, "MODE": "compare", "BASE_DIR": "/tmp/base", "HEAD_DIR": "/tmp/head", "BASE_REF": "main", "MAX_BYTES": "65000", "RUNNER_TEMP": folder,
        ])
        #expect(values["exit-code"] == "1")
        #expect(try String(contentsOfFile: regress.log, encoding: .utf8).split(separator: "\n").first ==
            "compare --base-dir /tmp/base --head-dir /tmp/head --github --max-bytes 65000 --output \(folder)/regress/report.md")
    }

    @Test func theBuildCacheKeyFollowsTheNamesAndContentsOfRegresssSources() throws {
        let checkout = try TemporaryFolder.make(prefix: "checkout")
        defer { try? FileManager.default.removeItem(atPath: checkout) }
        try FileManager.default.createDirectory(atPath: checkout + "/Sources/regress", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: checkout + "/ci/github", withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(toFile: checkout + "/Package.swift", atomically: true, encoding: .utf8)
        try "let a = 1\n".write(toFile: checkout + "/Sources/regress/A.swift", atomically: true, encoding: .utf8)
        let step = try Self.step("Key the build cache by regress's sources and the toolchain")
        func key() throws -> String {
            let (output, values) = try run(step, in: "/", environment: ["GITHUB_ACTION_PATH": checkout + "/ci/github",
                                                                         "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(values["root"] == checkout)
            #expect(values["key"]?.hasPrefix(values["prefix"] ?? "-") == true)
            return values["key"] ?? ""
        }
        let first = try key()
        #expect(first.hasPrefix("regress-build-Linux-X64-"))
        #expect(try key() == first)
        try "let a = 2\n".write(toFile: checkout + "/Sources/regress/A.swift", atomically: true, encoding: .utf8)
        let changed = try key()
        #expect(changed != first)
        try FileManager.default.moveItem(atPath: checkout + "/Sources/regress/A.swift", toPath: checkout + "/Sources/regress/B.swift")
        #expect(try key() != changed)
    }

    @Test func anUnknownModeIsAnErrorWithExitCodeTwo() throws {
        let folder = try TemporaryFolder.make(prefix: "action")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (output, values) = try run(try Self.step("Run regress"), in: folder, environment: ["REGRESS": "/bin/false", "MODE": "judge"])
        #expect(output.stdout == "::error title=regress::mode is check, compare or record, not 'judge'\n")
        #expect(values["exit-code"] == "2")
    }

    @Test func theLastStepFailsWithRegresssExitCode() throws {
        let step = try Self.step("Fail the job with regress's exit code")
        let expected: [(String, Int32, String)] = [
            ("0", 0, ""),
            ("1", 1, "::error title=regress::regress found a regression (exit 1): the report is in the job summary\n"),
            ("2", 2, "::error title=regress::regress stopped with an error (exit 2): its message is in the log of the step 'Run regress'\n"),
            ("", 2, "::error title=regress::regress did not run: an earlier step of this action failed\n"),
        ]
        for (code, status, stdout) in expected {
            let (output, _) = try run(step, in: "/", environment: ["CODE": code])
            #expect(output.status == status)
            #expect(output.stdout == stdout)
        }
    }

    @Test func recordCommitsTheBaselinesOntoTheirBranchAndPushesIt() throws {
        let origin = try FixtureRepository(bare: true)
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        try fixture.git(["remote", "add", "origin", origin.path])
        try fixture.git(["push", "-q", "origin", "main"])
        try fixture.write("bench/r.csv", "case,ms\na,10\na,10.1\na,9.9\n")
        let step = try Self.step("Run regress")
        let environment = ["REGRESS": CompareCommandTests.binary, "MODE": "record", "BASELINES_BRANCH": "regress-baselines"]

        let (first, values) = try run(step, in: fixture.path, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(values["exit-code"] == "0")
        #expect(try origin.git(["log", "--format=%cn <%ce>", "regress-baselines"]) ==
            "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n")

        // A second run starts from origin's tip (the local branch is gone, as in a fresh clone).
        try fixture.git(["branch", "-D", "regress-baselines"])
        try fixture.write("bench/r.csv", "case,ms\na,12\na,12.1\na,11.9\n")
        let (second, again) = try run(step, in: fixture.path, environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(again["exit-code"] == "0")
        #expect(try origin.git(["rev-list", "--count", "regress-baselines"]) == "2\n")
        #expect(try fixture.git(["status", "--porcelain"]) == "?? bench/\n")
        #expect(try fixture.git(["rev-parse", "--abbrev-ref", "HEAD"]) == "main\n")
    }
}

/// The merge-request job of ci/gitlab-ci.yml, run as GitLab's shell runs a script (`set -eo pipefail`).
struct GitLabTemplateTests {
    static func script(of job: String) throws -> String {
        let file = "ci/gitlab-ci.yml"
        let text = try String(contentsOfFile: ActionScriptTests.root + "/" + file, encoding: .utf8)
        let jobs = try YAMLValue.parse(text, file: file).mapping(allowed: nil)
        let found = try #require(jobs.first { $0.0 == job }?.1)
        let lines = try #require(try found.mapping(allowed: nil).first { $0.0 == "script" }?.1).sequence()
        return try lines.map { try $0.string() }.joined(separator: "\n")
    }

    @Test func theCheckJobPrintsTheReportWhenItCannotCommentAndFailsWithRegresssExitCode() throws {
        let origin = try FixtureRepository(bare: true)
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        try fixture.git(["remote", "add", "origin", origin.path])
        try fixture.write("run-benchmarks.sh", "#!/bin/sh\nmkdir -p bench && echo 'case,ms' > bench/r.csv\n")
        try fixture.write(".regress/ci/pr-comment", try String(contentsOfFile: ActionScriptTests.root + "/ci/pr-comment", encoding: .utf8))
        try fixture.write("fake-regress", """
            #!/bin/bash
            printf '%s\\n' "$*" >> calls
            while [ $# -gt 0 ]; do if [ "$1" = --output ]; then printf '### regress: 1 regression\\n' > "$2"; fi; shift; done
            exit 1
            """)
        for path in ["run-benchmarks.sh", ".regress/ci/pr-comment", "fake-regress"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.path + "/" + path)
        }
        let script = try Self.script(of: "regress:check")
        let output = try Shell.capture("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], in: fixture.path, environment: [
            "REGRESS": fixture.path + "/fake-regress", "REGRESS_BASELINES_BRANCH": "regress-baselines",
            "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "3", "GITLAB_CI": "true", "REGRESS_GITLAB_TOKEN": "",
        ])
        #expect(output.status == 1)
        #expect(output.stdout == "no branch regress-baselines yet: the default branch's regress:record job makes it\n### regress: 1 regression\n")
        #expect(output.stderr.contains("ci/pr-comment: could not comment on merge request !3 of project 1: no REGRESS_GITLAB_TOKEN"))
        #expect(try String(contentsOfFile: fixture.path + "/calls", encoding: .utf8) == """
            check --baselines-rev origin/regress-baselines --max-bytes 65000 --output regress-report.md
            check --baselines-rev origin/regress-baselines --format json --output regress-report.json

            """)
    }
}
