import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

struct BaselineTests {
    static let machine = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
    static let otherMachine: Fingerprint = {
        var fields = machine.fields
        fields["cpu.model"] = "AMD EPYC 7B13 64-Core Processor"
        return Fingerprint(fields: fields)
    }()
    static let today = "2026-11-29"

    static func csv(_ ms: [Double]) -> String {
        "case,latency_ms\n" + ms.map { "a,\($0)" }.joined(separator: "\n") + "\n"
    }

    static let steady = [10.0, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.03]

    @discardableResult
    func record(_ fixture: FixtureRepository) throws -> [String] {
        var operation = BaselineRecordOperation(repositoryPath: fixture.path, today: Self.today)
        operation.thisMachine = { _ in Self.machine }
        return try operation.run()
    }

    func check(_ fixture: FixtureRepository, baselinesRevision: String? = nil) throws -> Comparison {
        var operation = CheckOperation(repositoryPath: fixture.path, baselinesRevision: baselinesRevision, today: Self.today)
        operation.thisMachine = { _ in Self.machine }
        return try operation.run()
    }

    @Test func recordThenCheckPasses() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        let written = try record(fixture)
        let name = BaselineFile.fileName(series: "bench/r.csv", fingerprintID: Self.machine.id)
        #expect(written == ["wrote baselines/\(name): 1 metric of bench/r.csv"])
        let comparison = try check(fixture)
        #expect(comparison.results.map(\.verdict) == [.unchanged])
        #expect(comparison.exitCode == 0)
        #expect(comparison.base.label == "baselines/")
    }

    @Test func aTwentyPercentSlowdownThenCheckFails() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        try record(fixture)
        try fixture.write("bench/r.csv", Self.csv(Self.steady.map { $0 * 1.2 }))
        let comparison = try check(fixture)
        let result = try #require(comparison.results.first)
        #expect(result.verdict == .regression)
        #expect(abs(result.relativeChange! - 0.2) < 1e-9)
        #expect(result.test == .mannWhitney)
        #expect(comparison.exitCode == 1)
    }

    @Test func aSidecarFingerprintOfAnotherCPUIsIncomparable() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        try record(fixture)
        try fixture.write("bench/fingerprint.json", Self.otherMachine.json)
        let comparison = try check(fixture)
        #expect(comparison.results.map(\.verdict) == [.incomparable])
        #expect(comparison.results.first?.note == "different machines: cpu.model differ")
        #expect(comparison.exitCode == 1)
        let run = try #require(comparison.incomparableRuns.first)
        #expect(run.head.origin == "bench/fingerprint.json")
        #expect(ReportWording.fingerprintDiff(run) == [
            "- cpu.model: Intel(R) Xeon(R) Processor", "+ cpu.model: AMD EPYC 7B13 64-Core Processor",
        ])
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.contains("<details open><summary><b>Incomparable: 1 run from different machines</b></summary>"))
        #expect(markdown.contains("```diff\n- cpu.model: Intel(R) Xeon(R) Processor\n+ cpu.model: AMD EPYC 7B13 64-Core Processor\n```"))
    }

    @Test func aSeriesWithoutABaselineSaysHowToRecordOneUnderOnMissing() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        let comparison = try check(fixture)
        #expect(comparison.results.map(\.verdict) == [.new])
        #expect(comparison.results.first?.severity == .warn)
        #expect(comparison.results.first?.note == "no stored baseline for this machine")
        #expect(comparison.notices == ["no stored baseline of bench/r.csv for fingerprint \(Self.machine.id): record one on this machine with `regress baseline record`"])
        #expect(comparison.exitCode == 0)
    }

    @Test func baselinesAreReadFromARevisionWithoutACheckout() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        try record(fixture)
        try fixture.commit("baselines on main")
        try fixture.git(["checkout", "-q", "-b", "feature"])
        try FileManager.default.removeItem(atPath: fixture.path + "/baselines")
        try fixture.commit("the baselines folder gone on this branch")
        try fixture.write("bench/r.csv", Self.csv(Self.steady.map { $0 * 1.3 }))
        let comparison = try check(fixture, baselinesRevision: "main")
        #expect(comparison.results.map(\.verdict) == [.regression])
        #expect(comparison.base.label.hasPrefix("baselines/ at main ("))
        let withoutMain = try check(fixture)
        #expect(withoutMain.results.map(\.verdict) == [.new])
    }

    @Test func acceptTakesCurrentValuesAndRecordsTheReason() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv(Self.steady))
        try record(fixture)
        try fixture.write("bench/r.csv", Self.csv(Self.steady.map { $0 * 1.2 }))
        var accept = BaselineAcceptOperation(repositoryPath: fixture.path, pattern: "bench/r.csv/a/*", reason: "new allocator, slower but safer",
                                             today: Self.today)
        accept.thisMachine = { _ in Self.machine }
        let lines = try accept.run()
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix(": new allocator, slower but safer"))
        #expect(try check(fixture).results.map(\.verdict) == [.unchanged])
        let stored = try BaselineStore().load(from: WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path)))
        let acceptance = try #require(stored.first?.file.accepted.first)
        #expect(acceptance.metrics == ["bench/r.csv/a/latency_ms"])
        #expect(acceptance.reason == "new allocator, slower but safer")
        #expect(acceptance.date == Self.today)
        // Recording again keeps what was accepted.
        try record(fixture)
        let again = try BaselineStore().load(from: WorkingTreeSource(repository: Repository(discoveringFrom: fixture.path)))
        #expect(again.first?.file.accepted == [acceptance])
        var nothing = accept
        nothing.pattern = "no/such/*"
        #expect(throws: RegressError.nothingMatches(pattern: "no/such/*")) { try nothing.run() }
    }

    @Test func theFileIsDiffFriendlyAndRoundTrips() throws {
        let run = Run(series: SeriesKey(value: "bench/r.csv"), path: "bench/r.csv", format: .csv, measurements: [
            Measurement(benchmark: "b", metric: "t_ms", unit: "ms", direction: .lowerIsBetter, samples: [3, 1, 2]),
            Measurement(benchmark: "a", metric: "t_ms", unit: "ms", direction: .lowerIsBetter, samples: [5]),
        ])
        let file = BaselineFile(run: run, fingerprint: Self.machine, commit: "abc", date: Self.today)
        #expect(file.entries.map(\.benchmark) == ["a", "b"])
        let parsed = try BaselineFile.parse(Array(file.json.utf8), path: "baselines/x.json")
        #expect(parsed == file)
        #expect(file.json.contains("\"samples\": [3, 1, 2],\n"))
        #expect(file.json.contains("\"summary\": {\n"))
    }

    @Test func moreSamplesThanTheCapKeepEvenlySpacedOrderStatistics() {
        let samples = (0..<5000).map { Double($0) }
        let kept = BaselineFile.capped(samples.shuffled())
        #expect(kept.count == BaselineFile.sampleCap)
        #expect(kept.first == 0)
        #expect(kept.last == 4999)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "a/../../b", ".hidden", "x\u{0}y\n\u{7}", String(repeating: "long/", count: 100)])
    func aHostileSeriesNameCannotEscapeTheFolder(series: String) throws {
        let name = BaselineFile.fileName(series: series, fingerprintID: "a743a46ac90e")
        #expect(!name.contains("/"))
        #expect(!name.hasPrefix("."))
        #expect(!name.contains(".."))
        #expect(name.hasSuffix("@a743a46ac90e.json"))
        #expect(name.count < 120)
        #expect(!name.unicodeScalars.contains { $0.value < 0x20 })
        let root = try TemporaryFolder.make(prefix: "hostile")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = Run(series: SeriesKey(value: series), path: "x", format: .csv,
                      measurements: [Measurement(benchmark: "b", metric: "t_ms", unit: "ms", direction: .lowerIsBetter, samples: [1])])
        let path = try BaselineStore().write(BaselineFile(run: run, fingerprint: Self.machine, commit: nil, date: Self.today), root: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["baselines"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/baselines") == [String(path.dropFirst("baselines/".count))])
    }

    @Test func twoSeriesNeverShareAFile() {
        #expect(BaselineFile.fileName(series: "a/b.csv", fingerprintID: "x1") != BaselineFile.fileName(series: "a_b.csv", fingerprintID: "x1"))
    }

    @Test func anInterruptedWriteLeavesTheOldBaselineIntact() throws {
        struct Interrupted: Error {}
        let root = try TemporaryFolder.make(prefix: "atomic")
        defer { try? FileManager.default.removeItem(atPath: root) }
        func file(_ value: Double) -> BaselineFile {
            BaselineFile(run: Run(series: SeriesKey(value: "s.csv"), path: "s.csv", format: .csv, measurements: [
                Measurement(benchmark: "b", metric: "t_ms", unit: "ms", direction: .lowerIsBetter, samples: [value]),
            ]), fingerprint: Self.machine, commit: nil, date: Self.today)
        }
        let store = BaselineStore()
        let path = try store.write(file(1), root: root)
        let before = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        #expect(throws: Interrupted.self) { try store.write(file(2), root: root, beforeRename: { throw Interrupted() }) }
        #expect(try String(contentsOfFile: root + "/" + path, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/baselines").count == 1, "no temporary file is left behind")
    }

    @Test func compareFlagsCommitsWhoseSidecarsNameDifferentMachines() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", Self.csv([10]))
        try fixture.write("bench/fingerprint.json", Self.machine.json)
        try fixture.commit("on the Xeon")
        try fixture.write("bench/r.csv", Self.csv([8]))
        try fixture.write("bench/fingerprint.json", Self.otherMachine.json)
        try fixture.commit("on the EPYC")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: Self.today).run()
        #expect(comparison.results.map(\.verdict) == [.incomparable])
        var warnOnly = CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: Self.today)
        try fixture.write("policies/machines.yml", "version: 1\ndefaults:\n  fingerprint: { match: [os.name], on_mismatch: warn }\n")
        warnOnly.policyFiles = [fixture.path + "/policies/machines.yml"]
        let relaxed = try warnOnly.run()
        #expect(relaxed.results.map(\.verdict) == [.improvement])
    }
}
