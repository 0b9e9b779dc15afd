import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// `compare --base-dir DIR [--head-dir DIR]`: A/B runs on one machine, compared from folders with the
/// same configuration, policies and fingerprint rules as revisions.
struct FolderCompareTests {
    func folder(_ files: [String: String]) throws -> String {
        let root = try TemporaryFolder.make(prefix: "side")
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    func operation(_ repository: String, base: String?, head: String?) -> CompareOperation {
        var operation = CompareOperation(repositoryPath: repository, today: BaselineTests.today)
        operation.baseDirectory = base
        operation.headDirectory = head
        operation.thisMachine = { _ in BaselineTests.machine }
        return operation
    }

    @Test func aBaseFolderIsComparedWithTheWorkingTree() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 5 }))
        try fixture.commit("committed results, not the base")
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 1.2 }))
        let base = try folder(["bench/r.csv": BaselineTests.csv(BaselineTests.steady)])
        defer { try? FileManager.default.removeItem(atPath: base) }

        let comparison = try operation(fixture.path, base: base, head: nil).run()
        #expect(comparison.results.map(\.verdict) == [.regression])
        #expect(abs(comparison.results[0].relativeChange! - 0.2) < 1e-9)
        #expect(comparison.base == ComparisonSide(label: "folder \(base)", commit: nil))
        #expect(comparison.head.label == "working tree")
        #expect(comparison.exitCode == 1)
    }

    @Test func aWorktreeOfTheBaseCommitIsTheBaseSideWithItsIgnoresAndThisMachine() throws {
        let fixture = try FixtureRepository()
        try fixture.write(".gitignore", "bench/scratch/\n")
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 5 }))
        try fixture.commit("base")
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 6 }))
        try fixture.commit("head")
        let parent = try TemporaryFolder.make(prefix: "worktree")
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let base = parent + "/base"
        try fixture.git(["worktree", "add", "-q", "--detach", base, "HEAD~1"])
        // Both sides ran here: their results replace the committed ones; git ignores the scratch folder.
        try BaselineTests.csv(BaselineTests.steady).write(toFile: base + "/bench/r.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: base + "/bench/scratch", withIntermediateDirectories: true)
        try "case,latency_ms\nz,1\n".write(toFile: base + "/bench/scratch/ignored.csv", atomically: true, encoding: .utf8)
        try fixture.write("bench/r.csv", BaselineTests.csv(BaselineTests.steady.map { $0 * 1.2 }))

        let comparison = try operation(fixture.path, base: base, head: nil).run()
        #expect(comparison.results.map { "\($0.series) \($0.verdict)" } == ["bench/r.csv regression"])
        #expect(comparison.base.label == "folder \(base)")
        #expect(comparison.base.commit?.summary == "base")
        #expect(comparison.exitCode == 1)
    }

    @Test func twoFoldersNeedNoRepositoryAndReadTheHeadFoldersConfiguration() throws {
        let config = "version: 1\nartifacts:\n  - path: out/*.csv\n"
        let base = try folder(["out/r.csv": BaselineTests.csv(BaselineTests.steady), "regress.yml": config])
        let head = try folder(["out/r.csv": BaselineTests.csv(BaselineTests.steady.map { $0 * 0.999 }), "regress.yml": config])
        defer { for path in [base, head] { try? FileManager.default.removeItem(atPath: path) } }

        let comparison = try operation("/nonexistent-repository", base: base, head: head).run()
        #expect(comparison.results.map(\.verdict) == [.unchanged])
        #expect(comparison.results.map(\.series) == ["out/r.csv"])
        #expect(comparison.head.label == "folder \(head)")
        #expect(comparison.exitCode == 0)
    }

    @Test func bothFoldersAreThisMachineSoAnotherFingerprintBesideOneSideIsIncomparable() throws {
        let base = try folder(["bench/r.csv": BaselineTests.csv(BaselineTests.steady)])
        let head = try folder(["bench/r.csv": BaselineTests.csv(BaselineTests.steady),
                               "bench/fingerprint.json": BaselineTests.otherMachine.json])
        defer { for path in [base, head] { try? FileManager.default.removeItem(atPath: path) } }

        let same = try operation("/", base: base, head: base).run()
        #expect(same.results.map(\.verdict) == [.unchanged])
        let other = try operation("/", base: base, head: head).run()
        #expect(other.results.map(\.verdict) == [.incomparable])
        #expect(other.results.first?.note == "different machines: cpu.model differ")
    }

    @Test func aFolderThatDoesNotExistIsAnErrorNamingIt() throws {
        let head = try folder(["bench/r.csv": "case,ms\na,1\n"])
        defer { try? FileManager.default.removeItem(atPath: head) }
        #expect(throws: RegressError.notAFolder(path: "/no/such/base")) {
            try operation("/", base: "/no/such/base", head: head).run()
        }
        #expect(RegressError.notAFolder(path: "base").errorDescription ==
            "base is not a folder: name the folder the benchmarks wrote their results into (a checkout of that side)")
    }
}
