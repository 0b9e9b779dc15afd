import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// `baseline record --branch`: baselines committed onto their own branch through libgit2, the
/// working tree, index and HEAD left as they were, and `check --baselines-rev` reading them back.
struct BaselineBranchTests {
    static let signature = Signature(name: "Recorder", email: "recorder@example.com", time: 1_767_225_600)
    static let fileName = BaselineFile.fileName(series: "bench/r.csv", fingerprintID: BaselineTests.machine.id)

    func record(_ fixture: FixtureRepository, branch: String = "regress-baselines") throws -> [String] {
        var operation = BaselineRecordOperation(repositoryPath: fixture.path, today: BaselineTests.today)
        operation.thisMachine = { _ in BaselineTests.machine }
        operation.branch = branch
        operation.signature = Self.signature
        return try operation.run()
    }

    func check(_ fixture: FixtureRepository, baselinesRevision: String) throws -> Comparison {
        var operation = CheckOperation(repositoryPath: fixture.path, baselinesRevision: baselinesRevision, today: BaselineTests.today)
        operation.thisMachine = { _ in BaselineTests.machine }
        return try operation.run()
    }

    /// HEAD, the index file's bytes and `git status`: what a record onto a branch must leave alone.
    func state(_ fixture: FixtureRepository) throws -> [String] {
        let index = try Data(contentsOf: URL(fileURLWithPath: fixture.path + "/.git/index"))
        return [try fixture.git(["rev-parse", "HEAD"]), try fixture.git(["symbolic-ref", "HEAD"]),
                try fixture.git(["status", "--porcelain", "--untracked-files=all"]), index.base64EncodedString()]
    }

    func line(_ fixture: FixtureRepository, _ revision: String) throws -> String {
        try fixture.git(["rev-parse", "--short=7", revision]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A repository with a committed run, then a new run on disk (produced here, so this machine's).
    func fixtureWithRun() throws -> (FixtureRepository, String) {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 3 }))
        let head = try fixture.commit("results")
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady))
        return (fixture, head)
    }

    @Test func recordingTwiceMakesTwoCommitsOnTheBranchAndLeavesTheWorkingTreeAlone() throws {
        let (fixture, head) = try fixtureWithRun()
        let before = try state(fixture)

        let first = try record(fixture)
        let tip1 = try line(fixture, "regress-baselines")
        #expect(first == [
            "recorded baselines/\(Self.fileName): 1 metric of bench/r.csv",
            "committed \(tip1) to branch regress-baselines as its first commit; the working tree is unchanged. " +
                "Publish with `git push origin regress-baselines`",
        ])
        #expect(try state(fixture) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/baselines"))

        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 1.2 }))
        let changed = try state(fixture)
        let second = try record(fixture)
        let tip2 = try line(fixture, "regress-baselines")
        #expect(second.last == "committed \(tip2) to branch regress-baselines on regress-baselines (\(tip1)); " +
                "the working tree is unchanged. Publish with `git push origin regress-baselines`")
        #expect(try state(fixture) == changed)

        #expect(try fixture.git(["rev-list", "--count", "regress-baselines"]) == "2\n")
        #expect(try fixture.git(["rev-parse", "regress-baselines^"]) == (try fixture.git(["rev-parse", tip1])))
        #expect(try fixture.git(["log", "--format=%an <%ae> %at", "-1", "regress-baselines"]) == "Recorder <recorder@example.com> 1767225600\n")
        #expect(try fixture.git(["log", "--format=%B", "-1", "regress-baselines"]) ==
            "Record 1 baseline of fingerprint \(BaselineTests.machine.id) from working tree at \(head.prefix(7))\n\n" +
            "baselines/\(Self.fileName): 1 metric of bench/r.csv\n\n")
        #expect(try fixture.git(["ls-tree", "-r", "--name-only", "regress-baselines"]) == "baselines/\(Self.fileName)\n")
        // The branch's reflog says what moved it.
        #expect(try fixture.git(["reflog", "--format=%gs", "regress-baselines"]) ==
            "commit: Record 1 baseline of fingerprint \(BaselineTests.machine.id) from working tree at \(head.prefix(7))\n" +
            "commit (initial): Record 1 baseline of fingerprint \(BaselineTests.machine.id) from working tree at \(head.prefix(7))\n")

        // check reads the baselines of any revision of the branch.
        let latest = try check(fixture, baselinesRevision: "regress-baselines")
        #expect(latest.results.map(\.verdict) == [.unchanged])
        #expect(latest.base.label == "baselines/ at regress-baselines (\(tip2))")
        let older = try check(fixture, baselinesRevision: "regress-baselines~1")
        #expect(older.results.map(\.verdict) == [.regression])
        #expect(older.exitCode == 1)
    }

    @Test func recordingTheSameBaselinesAgainMakesNoCommit() throws {
        let (fixture, _) = try fixtureWithRun()
        _ = try record(fixture)
        let tip = try line(fixture, "regress-baselines")
        let again = try record(fixture)
        #expect(again.last == "the baselines on regress-baselines (\(tip)) are already these: no commit made")
        #expect(try fixture.git(["rev-list", "--count", "regress-baselines"]) == "1\n")
    }

    @Test func aMissingLocalBranchStartsFromOriginsTipAndKeepsItsFiles() throws {
        let fixture = try FixtureRepository()
        try fixture.commit("empty")
        // A baseline of another series, already published as origin/regress-baselines (a fresh clone
        // has the remote-tracking branch only).
        try fixture.write("bench/old.csv", BaselineTests.csv(BaselineTests.steady))
        _ = try record(fixture)
        let published = try line(fixture, "regress-baselines")
        try fixture.git(["update-ref", "refs/remotes/origin/regress-baselines", "regress-baselines"])
        try fixture.git(["branch", "-D", "regress-baselines"])
        try fixture.remove("bench/old.csv")
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady))

        let lines = try record(fixture)
        let tip = try line(fixture, "regress-baselines")
        #expect(lines.last == "committed \(tip) to branch regress-baselines on origin/regress-baselines (\(published)); " +
                "the working tree is unchanged. Publish with `git push origin regress-baselines`")
        let old = BaselineFile.fileName(series: "bench/old.csv", fingerprintID: BaselineTests.machine.id)
        #expect(try fixture.git(["ls-tree", "-r", "--name-only", "regress-baselines"]) ==
            ["baselines/\(old)", "baselines/\(Self.fileName)"].sorted().joined(separator: "\n") + "\n")
    }

    @Test func theCheckedOutBranchIsRefusedAndNothingIsWritten() throws {
        let (fixture, _) = try fixtureWithRun()
        let before = try state(fixture)
        #expect(throws: GitError.branchCheckedOut("main")) { try record(fixture, branch: "main") }
        #expect(try state(fixture) == before)
        #expect(GitError.branchCheckedOut("main").errorDescription ==
            "the branch main is checked out here: name another branch, or record into the working tree without --branch")
    }

    @Test func anInvalidBranchNameIsRefused() throws {
        let (fixture, _) = try fixtureWithRun()
        #expect(throws: GitError.invalidBranchName("bad..name")) { try record(fixture, branch: "bad..name") }
        #expect(try fixture.git(["for-each-ref", "refs/heads"]).split(separator: "\n").count == 1)
    }

    @Test func aBranchThatMovedMeanwhileIsNotOverwritten() throws {
        let (fixture, _) = try fixtureWithRun()
        _ = try record(fixture)
        let repository = try Repository(discoveringFrom: fixture.path)
        let stale = try repository.resolveCommit("main")
        #expect(throws: GitError.branchMoved(branch: "regress-baselines")) {
            try repository.commit(files: [("baselines/x.json", Array("{}".utf8))], onto: "regress-baselines", parent: stale,
                                  message: "x", signature: Self.signature)
        }
        #expect(try fixture.git(["rev-list", "--count", "regress-baselines"]) == "1\n")
    }

    @Test func theCommitterComesFromTheEnvironmentThenGitsConfigurationThenRegress() throws {
        let fixture = try FixtureRepository()
        try fixture.git(["config", "user.name", "Configured"])
        try fixture.git(["config", "user.email", "configured@example.com"])
        let repository = try Repository(discoveringFrom: fixture.path)
        let fromEnvironment = BaselineBranch.signature(
            repository: repository, environment: ["GIT_COMMITTER_NAME": "github-actions[bot]",
                                                  "GIT_COMMITTER_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com"], time: 5)
        #expect([fromEnvironment.name, fromEnvironment.email] == ["github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com"])
        let configured = BaselineBranch.signature(repository: repository, environment: ["GIT_COMMITTER_NAME": "only a name"], time: 5)
        #expect([configured.name, configured.email] == ["Configured", "configured@example.com"])
        // Empty in the repository's configuration, which overrides any global one.
        try fixture.git(["config", "user.name", ""])
        try fixture.git(["config", "user.email", ""])
        let unset = BaselineBranch.signature(repository: try Repository(discoveringFrom: fixture.path), environment: [:], time: 5)
        #expect([unset.name, unset.email] == ["regress", "regress@localhost"])
    }
}
