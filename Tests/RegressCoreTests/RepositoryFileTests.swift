import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// Files regress keeps in a repository (baselines, `policies/default.yml`, the demo's files): written
/// whole, inside the repository, and only over regular files.
struct RepositoryFileTests {
    static func folder() throws -> String { try TemporaryFolder.make(prefix: "repository-file") }

    @Test func aFileIsWrittenAndReplacedWholeWithNoTemporaryFileLeft() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try RepositoryFile.write(Data("old\n".utf8), to: "baselines/a.json", root: root)
        try RepositoryFile.write(Data("new\n".utf8), to: "baselines/a.json", root: root)
        #expect(try String(contentsOfFile: root + "/baselines/a.json", encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/baselines") == ["a.json"])
        #expect(throws: RegressError.cannotWriteOutput(path: "baselines/a.json", reason: "it already exists: edit it, or remove it first")) {
            try RepositoryFile.write(Data("again\n".utf8), to: "baselines/a.json", root: root, replacing: false)
        }
    }

    @Test func aWriteInterruptedBeforeTheRenameLeavesTheOldFile() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        struct Interrupted: Error {}
        try RepositoryFile.write(Data("old\n".utf8), to: "a.json", root: root)
        #expect(throws: Interrupted.self) {
            try RepositoryFile.write(Data("new\n".utf8), to: "a.json", root: root, beforeRename: { throw Interrupted() })
        }
        #expect(try String(contentsOfFile: root + "/a.json", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["a.json"])
    }

    @Test func aFIFOALinkOrAFolderAtTheTargetIsRefusedAndLeftAsItWas() throws {
        let root = try Self.folder()
        let outside = try Self.folder()
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try FileManager.default.createDirectory(atPath: root + "/baselines/folder.json", withIntermediateDirectories: true)
        #expect(mkfifo(root + "/baselines/pipe.json", 0o644) == 0)
        try Data("theirs\n".utf8).write(to: URL(fileURLWithPath: outside + "/target"))
        try FileManager.default.createSymbolicLink(atPath: root + "/baselines/link.json", withDestinationPath: outside + "/target")
        for (name, kind) in [("pipe.json", "a FIFO"), ("link.json", "a symbolic link"), ("folder.json", "a folder")] {
            #expect(throws: RegressError.cannotWriteOutput(path: "baselines/\(name)",
                                                           reason: "it is \(kind), not a regular file: regress replaces only regular files")) {
                try RepositoryFile.write(Data("mine\n".utf8), to: "baselines/\(name)", root: root)
            }
        }
        var status = stat()
        #expect(lstat(root + "/baselines/pipe.json", &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(try String(contentsOfFile: outside + "/target", encoding: .utf8) == "theirs\n")
    }

    @Test func aFolderThatLeadsOutsideTheRepositoryIsNotFollowed() throws {
        let root = try Self.folder()
        let outside = try Self.folder()
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/baselines", withDestinationPath: outside)
        #expect(throws: RegressError.cannotWriteOutput(path: "baselines/a.json",
                                                       reason: "baselines leads outside the repository (a symbolic link): not followed")) {
            try RepositoryFile.write(Data("mine\n".utf8), to: "baselines/a.json", root: root)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == [])
        for path in ["../a.json", "/etc/a.json", "baselines/../../a.json", "a//b.json"] {
            #expect(throws: RegressError.cannotWriteOutput(path: path,
                                                           reason: "name a path inside the repository, relative to its root, without `..`")) {
                try RepositoryFile.write(Data(), to: path, root: root)
            }
        }
    }

    @Test func aHeldLockNamesItsHolderAndIsFreedWhenReleased() throws {
        let gitFolder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: gitFolder) }
        var first: BaselineLock? = try BaselineLock(gitDirectory: gitFolder, command: "baseline record")
        // flock locks belong to the open file: a second open in this process contends as another process would.
        #expect(throws: RegressError.baselinesLocked(lock: gitFolder + "/regress-baselines.lock",
                                                     holder: "process \(getpid()) (regress baseline record)")) {
            try BaselineLock(gitDirectory: gitFolder, command: "baseline accept")
        }
        #expect(RegressError.baselinesLocked(lock: "/r/.git/regress-baselines.lock", holder: "process 42 (regress baseline record)").errorDescription
                == "the baselines are being written by process 42 (regress baseline record), which holds /r/.git/regress-baselines.lock: " +
                   "wait for it to finish, then run again")
        _ = first
        first = nil
        #expect(throws: Never.self) { _ = try BaselineLock(gitDirectory: gitFolder, command: "baseline accept") }
    }

    @Test func aWaitingLockTakesItsTurnWhenTheHolderLetsGo() async throws {
        let gitFolder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: gitFolder) }
        var first: BaselineLock? = try BaselineLock(gitDirectory: gitFolder, command: "REGRESS_RECORD")
        let started = ContinuousClock.now
        let waiter = Thread.detachNewWaiting(gitFolder)
        try await Task.sleep(for: .milliseconds(200))
        #expect(waiter.tookAt() == nil)
        _ = first
        first = nil
        let took = try #require(await waiter.wait())
        #expect(took - started >= .milliseconds(200))
    }

    @Test func hostileSeriesNamesMakeSafeBaselineFileNames() {
        let names = ["../../etc/passwd", "/absolute/path.json", "a\u{0}b\u{1B}[31m.json", String(repeating: "ü", count: 10_000), "..", ".hidden"]
        for name in names {
            let file = BaselineFile.fileName(series: name, fingerprintID: "0a1b2c3d4e5f")
            #expect(!file.contains("/") && !file.hasPrefix(".") && !file.contains(".."), "\(file)")
            #expect(file.unicodeScalars.allSatisfy { $0.isASCII && !ControlCharacters.isEscaped($0) }, "\(file)")
            #expect(file.utf8.count <= 110, "\(file)")
        }
        #expect(BaselineFile.fileName(series: "../../etc/passwd", fingerprintID: "../x").hasSuffix("@unknown.json"))
    }
}

extension RepositoryFileTests {
    @Test func temporaryFilesOfKilledWritersAreRemovedByTheNextWrite() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // pid_max is at most 2^22 on Linux: this process id is never running.
        let stale = root + "/.a.json.tmp-\(Int32(1 << 22) + 7)-123"
        try Data("torn".utf8).write(to: URL(fileURLWithPath: stale))
        let live = root + "/.a.json.tmp-\(getppid())-456"
        try Data("in progress".utf8).write(to: URL(fileURLWithPath: live))
        try RepositoryFile.write(Data("new\n".utf8), to: "a.json", root: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".a.json.tmp-\(getppid())-456", "a.json"])
    }
}

/// A thread that takes the baselines lock, waiting for it, and says when it got it.
final class LockWaiter: @unchecked Sendable {
    private let condition = NSCondition()
    private var took: ContinuousClock.Instant?

    func tookAt() -> ContinuousClock.Instant? {
        condition.lock()
        defer { condition.unlock() }
        return took
    }

    fileprivate func got() {
        condition.lock()
        took = .now
        condition.broadcast()
        condition.unlock()
    }

    /// The instant the lock was taken, waiting up to 10 s for it.
    func wait() async -> ContinuousClock.Instant? {
        for _ in 0..<1000 {
            if let took = tookAt() { return took }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}

extension Thread {
    static func detachNewWaiting(_ gitFolder: String) -> LockWaiter {
        let waiter = LockWaiter()
        Thread.detachNewThread {
            if let lock = try? BaselineLock(gitDirectory: gitFolder, command: "REGRESS_RECORD", waiting: true) {
                waiter.got()
                withExtendedLifetime(lock) {}
            }
        }
        return waiter
    }
}
