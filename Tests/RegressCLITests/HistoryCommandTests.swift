import Foundation
import TestSupport
import Testing

/// `regress history`, `blame` and `policy suggest` end to end.
struct HistoryCommandTests {
    static let quiet: [Double] = [100, 101.2, 99.1, 100.4, 98.6, 100.9, 99.5, 101.8, 99.8, 100.2,
                                  98.9, 100.7, 99.3, 101.4, 100.1, 98.4, 100.6, 99.7, 101.1, 100.3]

    func repository(_ values: [Double]) throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        for (index, value) in values.enumerated() {
            try fixture.write("bench/results.json", #"{"benchmarks": [{"name": "conv", "time_ms": \#(value)}]}"#)
            try fixture.commit(index == 20 ? "slower conv" : "run \(index)")
        }
        return fixture
    }

    @Test func aRegressionInTheRangeExitsOneAndJSONNamesItsCommit() throws {
        let fixture = try repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 1.3 })
        let output = try regress(["history", "--format", "json", "--quiet"], in: fixture.path)
        #expect(output.status == 1)
        #expect(output.stderr == "")
        let culprit = try fixture.git(["rev-parse", "HEAD~9"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(output.stdout.contains(#""commit": "\#(culprit)""#))
        #expect(output.stdout.contains(#""direction": "regression""#))
        let before = try regress(["history", "HEAD~5..HEAD", "--format", "text"], in: fixture.path)
        #expect(before.status == 0)
        #expect(before.stdout.hasPrefix("regress history: no change point in 1 metric (HEAD~5..HEAD, 30 commits read)\n"))
    }

    @Test func blameNamesTheCommitAndExitsZero() throws {
        let fixture = try repository(Self.quiet + Self.quiet.prefix(10).map { $0 * 1.3 })
        let output = try regress(["blame", "**/time_ms", "--quiet"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains(": slower conv — regression +"))
    }

    @Test func anUnknownRangeOrAMisspelledOptionExitsTwoAndSaysWhatToDo() throws {
        let fixture = try repository([1, 2])
        let unknown = try regress(["history", "nope..HEAD"], in: fixture.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: unknown revision 'nope'"))
        let both = try regress(["history", "--first-parent", "--all-parents"], in: fixture.path)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--first-parent and --all-parents exclude each other"))
    }

    @Test func policySuggestWritesAPolicyFile() throws {
        let fixture = try repository(Self.quiet.map { 100 + ($0 - 100) * 3 })
        let missing = try regress(["policy", "suggest", "--quiet", "--output", fixture.path + "/policies/suggested.yml"], in: fixture.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasSuffix("/policies does not exist; create it first\n"))
        try FileManager.default.createDirectory(atPath: fixture.path + "/policies", withIntermediateDirectories: true)
        let output = try regress(["policy", "suggest", "--quiet", "--output", fixture.path + "/policies/suggested.yml"], in: fixture.path)
        #expect(output.status == 0)
        let written = try String(contentsOfFile: fixture.path + "/policies/suggested.yml", encoding: .utf8)
        #expect(written.contains("  - match: \"bench/results.json/conv/time_ms\"\n    tolerance: { relative: "))
        let explained = try regress(["policy", "explain", "bench/results.json/conv/time_ms"], in: fixture.path)
        #expect(explained.stdout.contains("policies/suggested.yml rules[0]"))
    }
}
