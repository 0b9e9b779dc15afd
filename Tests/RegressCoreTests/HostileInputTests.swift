import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// Broken and hostile artifacts (`Tests/Fixtures/hostile/`): each is read, or skipped with a notice
/// naming the file and the problem; none crashes, hangs, or is silently dropped.
struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/hostile").path

    /// Every fixture copied into `bench/` of a fresh repository's working tree.
    static func repositoryWithEveryFixture() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        try FileManager.default.createDirectory(atPath: fixture.path + "/bench", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name != "README.md" {
            try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: fixture.path + "/bench/" + name)
        }
        return fixture
    }

    static func workingTree(_ fixture: FixtureRepository, configuration: Configuration = .defaults) throws -> LoadedRuns {
        try RunLoader.load(try WorkingTreeSource(repository: try Repository(discoveringFrom: fixture.path)), configuration: configuration)
    }

    static func summary(_ runs: [Run]) -> [String] {
        runs.map { run in
            "\(run.path): " + run.measurements.map { "\($0.benchmark)/\($0.metric)=\($0.samples)" }.joined(separator: "; ")
                + (run.skipped.isEmpty ? "" : " (skipped \(run.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")))")
        }
    }

    @Test func everyBrokenFileIsReadOrSkippedWithANoticeNamingItsProblem() throws {
        let fixture = try Self.repositoryWithEveryFixture()
        let loaded = try Self.workingTree(fixture)
        #expect(loaded.notices == [
            "skipped bench/binary.json: binary content (a NUL byte at byte offset 8): not a text format regress reads",
            "skipped bench/duplicate-columns.csv: line 1: the column 'ms' appears twice (columns 2 and 3): rename one",
            "skipped bench/duplicate-keys.json: line 1, column 46: the key \"ms\" appears twice in one object: which value counts would be a guess",
            "skipped bench/empty.csv: an empty file (0 bytes), not an artifact",
            "skipped bench/empty.json: an empty file (0 bytes), not an artifact",
            "skipped bench/fuzz-lone-surrogates.json: binary content (a NUL byte at byte offset 15): not a text format regress reads",
            "bench/header-only.csv: a CSV header (2 columns) and no rows, not an artifact",
            "skipped bench/invalid-utf8.json: line 1, column 26: a string that is not valid UTF-8",
            "skipped bench/lfs-pointer.json: a Git LFS pointer: the content is not in the repository; fetch it with `git lfs pull` (with actions/checkout: `lfs: true`)",
            "skipped bench/nul-byte.json: binary content (a NUL byte at byte offset 31): not a text format regress reads",
            "skipped bench/only-line-breaks.csv: only line breaks and spaces (4 bytes), not an artifact",
            "skipped bench/ragged.csv: line 3: the row has 3 fields, the header has 2",
            "skipped bench/trailing-garbage.json: line 2, column 1: unexpected text after the JSON value",
            "skipped bench/truncated.json: line 1, column 67: expected ':' after key \"ms\"",
            "skipped bench/unterminated-quote.csv: line 2: a quoted field opened here is never closed",
        ])
        #expect(Self.summary(loaded.runs) == [
            "bench/beyond-double.json: emit/ms=[2.5] (skipped 1 infinite)",
            "bench/cr-only.csv: parse/ms=[1.5]; lex/ms=[0.5]",
            "bench/hostile-names.json: \u{1B}[31mred\u{1B}[0m \u{9B}2J/ms=[1.5]; ../../etc/passwd | <b>x</b> @team/ms=[2.5]",
            "bench/nan-infinity.json: emit/ms=[2.5] (skipped 1 NaN, 1 infinite)",
            "bench/utf16.csv: parse/ms=[1.5]; lex/ms=[0.5]",
            "bench/utf32.csv: parse/ms=[1.5]; lex/ms=[0.5]",
        ])
    }

    @Test func aConfiguredBrokenFileStopsTheCheckWithItsProblem() throws {
        let fixture = try Self.repositoryWithEveryFixture()
        let configuration = try Configuration.parse("version: 1\nartifacts:\n  - path: bench/duplicate-keys.json\n", file: "regress.yml")
        #expect(throws: ConfiguredArtifactError(.malformed(path: "bench/duplicate-keys.json", location: "line 1, column 46",
                                                           reason: "the key \"ms\" appears twice in one object: which value counts would be a guess"))) {
            try Self.workingTree(fixture, configuration: configuration)
        }
    }

    // MARK: Links, FIFOs and sizes

    @Test func aLinkLeadingOutsideTheRepositoryIsNotFollowed() throws {
        let fixture = try FixtureRepository()
        let outside = try TemporaryFolder.make(prefix: "outside")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data(#"{"benchmarks": [{"name": "secret", "ms": 999}]}"#.utf8).write(to: URL(fileURLWithPath: outside + "/secret.json"))
        try fixture.write("bench/a.json", #"{"benchmarks": [{"name": "a", "ms": 1}]}"#)
        try fixture.write("bench/inside/b.json", #"{"benchmarks": [{"name": "b", "ms": 2}]}"#)
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/leak.json", withDestinationPath: outside + "/secret.json")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/climb.json", withDestinationPath: "../../" +
            (outside as NSString).lastPathComponent + "/secret.json")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/git.json", withDestinationPath: "../.git/HEAD")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/environ.json", withDestinationPath: "/proc/self/environ")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/dangling.json", withDestinationPath: "nowhere.json")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/same.json", withDestinationPath: "inside/b.json")
        let loaded = try Self.workingTree(fixture)
        #expect(loaded.notices == [
            "skipped bench/climb.json: a symbolic link to ../../\((outside as NSString).lastPathComponent)/secret.json, outside the repository: not followed",
            "skipped bench/environ.json: a symbolic link to /proc/self/environ, outside the repository: not followed",
            "skipped bench/git.json: a symbolic link to ../.git/HEAD, outside the repository: not followed",
            "skipped bench/leak.json: a symbolic link to \(outside)/secret.json, outside the repository: not followed",
        ])
        // A link inside the tree is read; a dangling one is not listed at all (there is no file).
        #expect(Self.summary(loaded.runs) == ["bench/a.json: a/ms=[1.0]", "bench/inside/b.json: b/ms=[2.0]", "bench/same.json: b/ms=[2.0]"])
    }

    @Test func aFIFOInTheWorkingTreeIsSkippedWithoutBlocking() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.json", #"{"benchmarks": [{"name": "a", "ms": 1}]}"#)
        #expect(mkfifo(fixture.path + "/bench/pipe.json", 0o644) == 0)
        let loaded = try Self.workingTree(fixture)
        #expect(loaded.notices == ["skipped bench/pipe.json: a FIFO, not a regular file: not read"])
        #expect(loaded.runs.map(\.path) == ["bench/a.json"])
    }

    @Test func aCommittedLinkIsALinkNotItsTarget() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/a.json", #"{"benchmarks": [{"name": "a", "ms": 1}]}"#)
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/bench/passwd.json", withDestinationPath: "/etc/passwd")
        try fixture.commit("a link")
        let repository = try Repository(discoveringFrom: fixture.path)
        let loaded = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(loaded.notices == ["skipped bench/passwd.json: a symbolic link to /etc/passwd, committed as a link: not followed"])
        #expect(loaded.runs.map(\.path) == ["bench/a.json"])
    }

    @Test func aFileAboveTheSizeLimitIsSkippedUnreadOnEverySide() throws {
        let fixture = try FixtureRepository()
        try fixture.write("regress.yml", "version: 1\nmax_artifact_bytes: 64\n")
        try fixture.write("bench/small.json", #"{"benchmarks": [{"name": "a", "ms": 1}]}"#)
        try fixture.write("bench/large.json", #"{"benchmarks": [{"name": "a", "ms": 1}, {"name": "b", "ms": 2}, {"name": "c", "ms": 3}]}"#)
        try fixture.commit("two runs")
        let repository = try Repository(discoveringFrom: fixture.path)
        let configuration = try Configuration.load(from: try WorkingTreeSource(repository: repository))
        #expect(configuration.maxArtifactBytes == 64)
        for source in [try WorkingTreeSource(repository: repository) as ArtifactSource, try CommitSource(repository: repository, revision: "HEAD")] {
            let loaded = try RunLoader.load(source, configuration: configuration)
            #expect(loaded.notices == ["skipped bench/large.json: 88 bytes, above max_artifact_bytes (64): not read"])
            #expect(loaded.runs.map(\.path) == ["bench/small.json"])
        }
    }

    @Test func aSubmoduleAndAFileThatBecameAFolderAreNotErrors() throws {
        let library = try FixtureRepository()
        try library.write("bench/lib.json", #"{"benchmarks": [{"name": "lib", "ms": 1}]}"#)
        try library.commit("library")
        let fixture = try FixtureRepository()
        try fixture.write("bench/results", "name,ms\nx,1\n")
        try fixture.write("bench/a.csv", "name,ms\nx,1\n")
        try fixture.commit("a file")
        try fixture.remove("bench/results")
        try fixture.write("bench/results/a.csv", "name,ms\ny,2\n")
        try fixture.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", library.path, "bench/vendored"])
        try fixture.commit("a folder and a submodule")
        let repository = try Repository(discoveringFrom: fixture.path)
        let head = try RunLoader.load(try CommitSource(repository: repository, revision: "HEAD"), configuration: .defaults)
        #expect(head.notices == [])
        #expect(Self.summary(head.runs) == ["bench/a.csv: x/ms=[1.0]", "bench/results/a.csv: y/ms=[2.0]"])
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        #expect(comparison.exitCode == 0)
    }

    // MARK: Sizes and depths a reader must survive

    @Test func aHundredThousandLevelsOfNestingIsAnErrorNotACrash() throws {
        let bytes = Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8)
        #expect(throws: ArtifactError.malformed(path: "bench/deep.json", location: "line 1, column 513", reason: "nested deeper than 512 levels")) {
            try ArtifactReader.read(bytes, path: "bench/deep.json")
        }
    }

    /// A hundred thousand rows here (a million, with the release build, in `ci/hostile`).
    @Test func manyRowsAndAOneMebibyteFieldAreRead() throws {
        var csv = Array("name,ms\n".utf8)
        csv.reserveCapacity(600_008)
        for row in 0..<100_000 { csv += [UInt8(ascii: "b"), 0x30 + UInt8(row % 10), UInt8(ascii: ","), 0x30 + UInt8(row % 7), 0x0A] }
        let clock = ContinuousClock()
        var contents = ArtifactContents()
        let elapsed = try clock.measure {
            contents = try ArtifactReader.read(csv, path: "bench/million.csv").1
        }
        #expect(contents.measurements.count == 10)
        #expect(contents.measurements.map(\.samples.count).reduce(0, +) == 100_000)
        #expect(elapsed < .seconds(30))
        let field = String(repeating: "x", count: 1 << 20)
        let wide = try ArtifactReader.read(Array("name,note,ms\nparse,\"\(field)\",1.5\n".utf8), path: "bench/wide.csv").1
        #expect(wide.measurements.map { "\($0.benchmark.count) \($0.metric)=\($0.samples)" } == ["\((1 << 20) + 7) ms=[1.5]"])
    }
}

extension HostileInputTests {
    @Test func aConfigurationOrPolicyLinkedOutOfTheRepositoryStopsTheCheck() throws {
        let fixture = try FixtureRepository()
        let outside = try TemporaryFolder.make(prefix: "outside")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data("version: 1\n".utf8).write(to: URL(fileURLWithPath: outside + "/regress.yml"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/regress.yml", withDestinationPath: outside + "/regress.yml")
        try FileManager.default.createDirectory(atPath: fixture.path + "/policies", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/policies/strict.yml", withDestinationPath: outside + "/regress.yml")
        let source = try WorkingTreeSource(repository: try Repository(discoveringFrom: fixture.path))
        #expect(throws: ArtifactError.notRead(path: "regress.yml", reason: "a symbolic link to \(outside)/regress.yml, outside the repository: not followed")) {
            try Configuration.load(from: source)
        }
        #expect(throws: ArtifactError.notRead(path: "policies/strict.yml",
                                              reason: "a symbolic link to \(outside)/regress.yml, outside the repository: not followed")) {
            try PolicySet.load(explicitFiles: [], source: source)
        }
    }
}

extension HostileInputTests {
    /// Found by `ci/fuzz` (kept as `fuzz-lone-surrogates.json`): a high surrogate escape followed by
    /// another high surrogate overflowed while the pair was combined.
    @Test func aHighSurrogateNotFollowedByALowOneIsAReplacementCharacter() throws {
        let value = try JSONParser.parse(Array(#"{"a": "\uDafe\uDafe", "b": "\uD83D\uDE00", "c": "\uDafex\uDC00"}"#.utf8))
        #expect(value["a"] == .string("\u{FFFD}\u{FFFD}"))
        #expect(value["b"] == .string("😀"))
        #expect(value["c"] == .string("\u{FFFD}x\u{FFFD}"))
        let found = Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/fuzz-lone-surrogates.json")))
        #expect(throws: JSONParser.SyntaxError(line: 1, column: 83, reason: "a string runs past the end of its line")) {
            try JSONParser.parse(found)
        }
    }
}
