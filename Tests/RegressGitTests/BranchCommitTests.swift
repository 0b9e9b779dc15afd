import Foundation
@testable import RegressGit
import TestSupport
import Testing

/// `Repository.commit(files:onto:parent:)`: commits made onto a branch without an index or a checkout.
struct BranchCommitTests {
    static let signature = Signature(name: "Recorder", email: "recorder@example.com", time: 1_767_225_600)

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func commitsIntoABareRepositoryAddingAndReplacingFilesOnTheParentsTree() throws {
        let bare = try FixtureRepository(bare: true)
        let repository = try Repository(discoveringFrom: bare.path)
        #expect(try repository.branchTip("data") == nil)

        let first = try repository.commit(files: [("a/one.json", bytes("1")), ("a/b/two.json", bytes("2"))], onto: "data",
                                          parent: nil, message: "first\n\nbody\n", signature: Self.signature)
        #expect(first.parent == nil && first.changed)
        #expect(try repository.branchTip("data") == first.id)
        #expect(try bare.git(["ls-tree", "-r", "--format=%(path) %(objectsize)", "data"]) == "a/b/two.json 1\na/one.json 1\n")

        let second = try repository.commit(files: [("a/one.json", bytes("11")), ("c.json", bytes("3"))], onto: "data",
                                           parent: first.id, message: "second", signature: Self.signature)
        #expect(second == BranchCommit(id: second.id, parent: first.id, changed: true))
        #expect(try bare.git(["ls-tree", "-r", "--format=%(path) %(objectsize)", "data"]) == "a/b/two.json 1\na/one.json 2\nc.json 1\n")
        #expect(try bare.git(["show", "data:a/one.json"]) == "11")
        #expect(try bare.git(["log", "--format=%s|%an|%cn|%at", "data"]) ==
            "second|Recorder|Recorder|1767225600\nfirst|Recorder|Recorder|1767225600\n")
        #expect(try bare.git(["rev-parse", "data^"]) == first.id.hex + "\n")
    }

    @Test func theSameFilesAgainMakeNoCommit() throws {
        let bare = try FixtureRepository(bare: true)
        let repository = try Repository(discoveringFrom: bare.path)
        let first = try repository.commit(files: [("x.json", bytes("1"))], onto: "data", parent: nil, message: "m", signature: Self.signature)
        let again = try repository.commit(files: [("x.json", bytes("1"))], onto: "data", parent: first.id, message: "m", signature: Self.signature)
        #expect(again == BranchCommit(id: first.id, parent: first.id, changed: false))
        #expect(try bare.git(["rev-list", "--count", "data"]) == "1\n")
    }

    @Test func aNewBranchThatAppearedMeanwhileIsNotOverwritten() throws {
        let bare = try FixtureRepository(bare: true)
        let repository = try Repository(discoveringFrom: bare.path)
        let other = try repository.commit(files: [("x.json", bytes("1"))], onto: "other", parent: nil, message: "m", signature: Self.signature)
        try bare.git(["update-ref", "refs/heads/data", other.id.hex])
        // Made as a first commit, as if "data" did not exist: it does now, so nothing moves.
        #expect(throws: GitError.branchMoved(branch: "data")) {
            try repository.commit(files: [("y.json", bytes("2"))], onto: "data", parent: nil, message: "m", signature: Self.signature)
        }
        #expect(try repository.branchTip("data") == other.id)
        #expect(GitError.branchMoved(branch: "data").errorDescription ==
            "the branch data moved while the commit was made (another process updated it): nothing was changed; run again")
    }

    @Test func aRemoteTrackingBranchIsReadByItsFullName() throws {
        let bare = try FixtureRepository(bare: true)
        let repository = try Repository(discoveringFrom: bare.path)
        let made = try repository.commit(files: [("x.json", bytes("1"))], onto: "data", parent: nil, message: "m", signature: Self.signature)
        try bare.git(["update-ref", "refs/remotes/origin/data", made.id.hex])
        #expect(try repository.tip(ofReference: "refs/remotes/origin/data") == made.id)
        #expect(try repository.tip(ofReference: "refs/remotes/origin/none") == nil)
    }
}
