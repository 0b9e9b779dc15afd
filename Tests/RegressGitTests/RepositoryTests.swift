import Foundation
import RegressGit
import TestSupport
import Testing

struct RepositoryTests {
    @Test func storageOrderIsTheLastStoredObjectFirstThenTheUnpackedOnesAsGiven() throws {
        let fixture = try FixtureRepository()
        for index in 0..<6 {
            try fixture.write("bench/r\(index).json", #"{"run": \#(index), "times_ms": [\#(index), 2, 3, 4, 5, 6, 7, 8]}"#)
            try fixture.commit("run \(index)")
        }
        func blob(_ path: String) throws -> ObjectID {
            try #require(ObjectID(hex: try fixture.git(["rev-parse", "HEAD:" + path]).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let packed = try (0..<6).map { try blob("bench/r\($0).json") }
        let repository = try Repository(discoveringFrom: fixture.path)
        // Nothing packed yet: the order given.
        #expect(repository.storageOrder(of: packed.reversed()) == packed.reversed())
        try fixture.git(["repack", "-a", "-d", "-q"])
        try fixture.write("bench/loose.json", #"{"run": 6}"#)
        try fixture.commit("run 6")
        let loose = try blob("bench/loose.json")
        let absent = try #require(ObjectID(hex: "00000000000000000000000000000000000000aa"))
        // Where `git show-index` says the pack stores each object: "offset name (crc)" per line.
        let packFolder = fixture.path + "/.git/objects/pack"
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: packFolder).first { $0.hasSuffix(".idx") })
        let listing = try Shell.run("/bin/sh", ["-c", "git show-index < \(packFolder)/\(index)"], in: fixture.path)
        var offsets: [ObjectID: Int] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if let id = ObjectID(hex: String(fields[1])), let offset = Int(fields[0]) { offsets[id] = offset }
        }
        #expect(packed.allSatisfy { offsets[$0] != nil })
        let reopened = try Repository(discoveringFrom: fixture.path)
        let order = reopened.storageOrder(of: [loose, packed[2], absent, packed[0], packed[5], packed[3], packed[1], packed[4]])
        #expect(order == packed.sorted { offsets[$0]! > offsets[$1]! } + [loose, absent])
        #expect(reopened.storageOrder(of: [packed[3]]) == [packed[3]])
    }

    @Test func discoversTheRepositoryFromASubfolder() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/deep/x.csv", "a,b\n1,2\n")
        let head = try fixture.commit("first")
        let repository = try Repository(discoveringFrom: fixture.path + "/bench/deep")
        #expect(try repository.resolveCommit("HEAD").hex == head)
        #expect(repository.workingDirectory == URL(fileURLWithPath: fixture.path).resolvingSymlinksInPath().path
            || repository.workingDirectory == fixture.path)
        #expect(!repository.isBare)
    }

    @Test func aFolderOutsideAnyRepositoryIsNotARepository() throws {
        let folder = try TemporaryFolder.make(prefix: "plain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: GitError.notARepository(path: folder)) { try Repository(discoveringFrom: folder) }
    }

    @Test func readsABareRepository() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.json", #"{"latency_ms": 3}"#)
        try fixture.commit("first")
        let bare = try TemporaryFolder.make(prefix: "bare")
        defer { try? FileManager.default.removeItem(atPath: bare) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--bare", fixture.path, bare + "/r.git"], in: bare)
        let repository = try Repository(discoveringFrom: bare + "/r.git")
        #expect(repository.isBare)
        #expect(repository.workingDirectory == nil)
        let head = try repository.resolveCommit("HEAD")
        #expect(String(decoding: try repository.fileContents(at: head, path: "bench/r.json"), as: UTF8.self) == #"{"latency_ms": 3}"#)
    }

    @Test func readsABlobThatIsAbsentAtOneCommitAndPresentAtTheNext() throws {
        let fixture = try FixtureRepository()
        try fixture.write("README", "x")
        let first = try fixture.commit("first")
        try fixture.write("bench/new.csv", "name,ms\na,1\n")
        let second = try fixture.commit("second")
        let repository = try Repository(discoveringFrom: fixture.path)
        let firstID = try #require(ObjectID(hex: first))
        let secondID = try #require(ObjectID(hex: second))
        #expect(throws: GitError.pathNotFound(path: "bench/new.csv", commit: firstID)) {
            try repository.fileContents(at: firstID, path: "bench/new.csv")
        }
        #expect(try !repository.fileExists(at: firstID, path: "bench/new.csv"))
        #expect(try repository.fileContents(at: secondID, path: "bench/new.csv") == Array("name,ms\na,1\n".utf8))
        #expect(throws: GitError.notAFile(path: "bench", commit: secondID)) {
            try repository.fileContents(at: secondID, path: "bench")
        }
    }

    @Test func listsTheFilesOfACommitThatMatchGlobs() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.json", "{}")
        try fixture.write("bench/sub/b.json", "{}")
        try fixture.write("bench/sub/c.csv", "x\n")
        try fixture.write("docs/d.json", "{}")
        let head = try #require(ObjectID(hex: try fixture.commit("files")))
        let repository = try Repository(discoveringFrom: fixture.path)
        #expect(try repository.filePaths(at: head, matching: [Glob("bench/*.json")]) == ["bench/a.json"])
        #expect(try repository.filePaths(at: head, matching: [Glob("bench/**/*.json")]) == ["bench/a.json", "bench/sub/b.json"])
        #expect(try repository.filePaths(at: head, matching: [Glob("**/*.{json,csv}")])
            == ["bench/a.json", "bench/sub/b.json", "bench/sub/c.csv", "docs/d.json"])
    }

    @Test func anObjectIDIsItsTwentyBytesSpelledAndOrderedAsItsHexDigits() throws {
        let hello = try ObjectID.blob(of: Array("hello\n".utf8))
        #expect(hello.hex == "ce013625030ba8dba906f756967f9e9ca394464a")
        #expect(hello.short == "ce01362")
        #expect(ObjectID(hex: "CE013625030BA8DBA906F756967F9E9CA394464A") == hello)
        #expect(MemoryLayout<ObjectID>.size == 20)
        for bad in ["ce01362", "ce013625030ba8dba906f756967f9e9ca394464a0", "ce013625030ba8dba906f756967f9e9ca394464g", ""] {
            #expect(ObjectID(hex: bad) == nil)
        }
        // Ids that differ in their first, middle or last bytes only, and ids of many blobs.
        let edges = ["0000000000000000000000000000000000000001", "00000000000000000000000000000000000000f0",
                     "0000000000000000100000000000000000000000", "000000000000000f0000000000000000ffffffff",
                     "0f00000000000000000000000000000000000000", "f000000000000000000000000000000000000000"]
        let ids = try edges.map { try #require(ObjectID(hex: $0)) } + (0..<64).map { try ObjectID.blob(of: Array("run \($0)".utf8)) }
        #expect(ids.sorted().map(\.hex) == ids.map(\.hex).sorted())
        #expect(ids.map { ObjectID(hex: $0.hex) } == ids)
    }

    @Test func walksHistoryNewestFirstAndAlongFirstParents() throws {
        let fixture = try FixtureRepository()
        let a = try fixture.commit("a")
        try fixture.git(["checkout", "-q", "-b", "side"])
        let s = try fixture.commit("s")
        try fixture.git(["checkout", "-q", "main"])
        let b = try fixture.commit("b")
        try fixture.git(["merge", "-q", "--no-ff", "-m", "m", "side"], date: 9)
        let m = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try Repository(discoveringFrom: fixture.path)
        let head = try repository.resolveCommit("HEAD")
        #expect(try repository.history(from: head).ids.map(\.hex) == [m, b, s, a])
        #expect(try repository.history(from: head, firstParent: true).ids.map(\.hex) == [m, b, a])
        #expect(try repository.history(from: head, limit: 2).ids.map { try repository.commit($0).summary } == ["m", "b"])
        #expect(try repository.history(from: head).shallowAt == nil)
    }

    @Test func aShallowCloneSaysWhereHistoryEnds() throws {
        let fixture = try FixtureRepository()
        try fixture.commit("one")
        try fixture.commit("two")
        let three = try fixture.commit("three")
        let clones = try TemporaryFolder.make(prefix: "shallow")
        defer { try? FileManager.default.removeItem(atPath: clones) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + fixture.path, clones + "/c"], in: clones)
        let repository = try Repository(discoveringFrom: clones + "/c")
        let threeID = try #require(ObjectID(hex: three))
        #expect(repository.isShallow)
        #expect(try repository.resolveCommit("HEAD") == threeID)
        let error = #expect(throws: GitError.self) { try repository.resolveCommit("HEAD~1") }
        #expect(error == .shallowHistory(at: threeID))
        #expect(error?.errorDescription?.hasPrefix("history is shallow at \(three.prefix(7)): fetch with full depth") == true)
        let history = try repository.history(from: threeID)
        #expect(history.ids == [threeID])
        #expect(history.shallowAt == threeID)
    }
}
