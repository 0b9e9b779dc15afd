import Foundation
import RegressGit
import TestSupport
import Testing

/// The raw-bytes tree comparison must say exactly what `git diff-tree -r` says, commit after commit.
struct TreeDifferTests {
    /// What git says commit `id` changed against `parent`: "A path blob", "M path blob", "D path".
    static func gitChanges(_ fixture: FixtureRepository, _ parent: String?, _ id: String) throws -> [String] {
        let arguments = parent.map { ["diff-tree", "-r", "--no-renames", "--raw", "--no-abbrev", $0, id] }
            ?? ["diff-tree", "-r", "--root", "--no-renames", "--raw", "--no-abbrev", id]
        return try fixture.git(arguments).split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let fields = parts[0].split(separator: " ")
            let newMode = fields[1], blob = fields[3], status = fields[4]
            // Links and submodules are not files.
            guard newMode == "100644" || newMode == "100755" || status == "D" else { return nil }
            if status == "D" {
                guard fields[0] == ":100644" || fields[0] == ":100755" else { return nil }
                return "D \(parts[1])"
            }
            let kind = status == "A" || fields[0] == ":120000" || fields[0] == ":160000" ? "A" : "M"
            return "\(kind) \(parts[1]) \(blob)"
        }.sorted()
    }

    static func describe(_ changes: [FileChange]) -> [String] {
        changes.map { change in
            switch change.kind {
            case .added: return "A \(change.path) \(change.blob.hex)"
            case .modified: return "M \(change.path) \(change.blob.hex)"
            case .deleted: return "D \(change.path)"
            }
        }.sorted()
    }

    @Test func agreesWithGitOnAHistoryOfEveryKindOfChange() throws {
        let fixture = try FixtureRepository()
        // A fixed script of operations: files added to a growing folder, edits, deletions, nested
        // folders, a file that becomes a folder and back, names that sort around `/`, identical blobs.
        var state = UInt64(12345)
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var present: [String] = []
        for step in 0..<60 {
            switch step % 6 {
            case 0, 1:
                let path = "bench/runs/run_\(String(format: "%03d", next(500))).json"
                try fixture.write(path, "{\"v\": \(next(3))}")
                present.append(path)
            case 2 where !present.isEmpty:
                let path = present[next(present.count)]
                try fixture.write(path, "{\"v\": \(step)}")
            case 3 where present.count > 3:
                let path = present.remove(at: next(present.count))
                if FileManager.default.fileExists(atPath: fixture.path + "/" + path) { try fixture.remove(path) }
            case 4:
                try fixture.write(["a-b/x.json", "a/x.json", "a.b", "a0/y.csv", "deep/\(next(3))/\(next(3))/z.json"][next(5)], "\(step)")
            default:
                // A file that becomes a folder, and a folder that becomes a file.
                if FileManager.default.fileExists(atPath: fixture.path + "/swap/inner.json") {
                    try fixture.remove("swap")
                    try fixture.write("swap", "file \(step)")
                } else {
                    if FileManager.default.fileExists(atPath: fixture.path + "/swap") { try fixture.remove("swap") }
                    try fixture.write("swap/inner.json", "folder \(step)")
                }
            }
            try fixture.commit("step \(step)")
        }
        let ids = try fixture.git(["rev-list", "--reverse", "HEAD"]).split(separator: "\n").map(String.init)
        let repository = try Repository(discoveringFrom: fixture.path)
        let differ = try TreeDiffer(repository: repository)
        var parent: String?
        for id in ids {
            let ours = try differ.changes(in: ObjectID(hex: id)!, since: parent.flatMap { ObjectID(hex: $0) })
            #expect(Self.describe(ours) == (try Self.gitChanges(fixture, parent, id)), "at \(id)")
            // One commit alone, with nothing kept from the walk, says the same.
            let alone = try repository.changes(in: ObjectID(hex: id)!, since: parent.flatMap { ObjectID(hex: $0) })
            #expect(Self.describe(alone) == Self.describe(ours))
            parent = id
        }
        // Below a folder: only what changed there.
        let last = try differ.changes(in: ObjectID(hex: ids[ids.count - 1])!, since: ObjectID(hex: ids[0])!, under: ["bench/runs"])
        #expect(last.allSatisfy { $0.path.hasPrefix("bench/runs/") })
        #expect(!last.isEmpty)
    }

    @Test func aGrowingFolderOfThousandsOfEntriesGivesOneAdditionPerCommit() throws {
        let fixture = try FixtureRepository()
        for index in 0..<600 { try fixture.write(String(format: "bench/runs/r%05d.json", index * 2), "{\"v\": \(index)}") }
        try fixture.commit("many")
        try fixture.write("bench/runs/r00001.json", "{\"v\": 1}")
        try fixture.commit("one in front")
        try fixture.write("bench/runs/r01199.json", "{\"v\": 2}")
        try fixture.write("bench/runs/r01200.json", "{\"v\": 2}")
        try fixture.commit("one in the middle, one at the end")
        let ids = try fixture.git(["rev-list", "--reverse", "HEAD"]).split(separator: "\n").map(String.init)
        let differ = try TreeDiffer(repository: try Repository(discoveringFrom: fixture.path))
        #expect(try differ.changes(in: ObjectID(hex: ids[0])!, since: nil).count == 600)
        #expect(Self.describe(try differ.changes(in: ObjectID(hex: ids[1])!, since: ObjectID(hex: ids[0])!)) == (try Self.gitChanges(fixture, ids[0], ids[1])))
        let both = try differ.changes(in: ObjectID(hex: ids[2])!, since: ObjectID(hex: ids[1])!)
        #expect(both.map(\.path).sorted() == ["bench/runs/r01199.json", "bench/runs/r01200.json"])
    }
}
