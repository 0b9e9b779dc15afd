import Foundation
import RegressCore
import RegressTesting
import Testing
import TestSupport

@Suite struct ArtifactGateTests {
    @Test func committedArtifactsAreCheckedAgainstTheBaselineOfTheMachineTheyName() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let artifact = { (samples: [Double]) in MeasurementsFile.json(GateFixture.timing(samples, name: "sort"), fingerprint: GateFixture.machineA) }
        try GateFixture.write(root, "bench/results.json", artifact(GateFixture.base))
        // This machine is B: the artifact names A, and its baseline is A's.
        let recorded = try GateFixture.gate(root, machine: GateFixture.machineB, recording: true).checkArtifacts()
        let baseline = "baselines/" + BaselineFile.fileName(series: "bench/results.json", fingerprintID: GateFixture.machineA.id)
        #expect(recorded.notes == ["recorded 1 metric of bench/results.json for fingerprint \(GateFixture.machineA.id) in \(root)/\(baseline)"])
        #expect(recorded.written == [baseline])

        // Measurements of tests are theirs to check: the artifact check neither reads nor misses them.
        try GateFixture.gate(root, machine: GateFixture.machineB, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        try GateFixture.write(root, "bench/results.json", artifact(GateFixture.noise))
        let passed = try GateFixture.gate(root, machine: GateFixture.machineB).checkArtifacts()
        #expect(!passed.failed)
        #expect(passed.comparison?.results.map(\.id) == ["bench/results.json/sort/time"])
        #expect(passed.notes.isEmpty)

        try GateFixture.write(root, "bench/results.json", artifact(GateFixture.base.map { $0 * 1.3 }))
        let failed = try GateFixture.gate(root, machine: GateFixture.machineB).checkArtifacts()
        #expect(failed.failed)
        #expect(failed.report == """
            regress: regression — 1 regression in 1 metric of 1 run
            base: baselines/
            head: working tree
            policy: built-in default policy, built-in default for tests: a machine without its own baseline warns
            regression   bench/results.json sort time: 0.01 s → 0.013 s (+30.0%) p=1.69e-04

            """)
    }

    @Test func aPackageInsideARepositoryIsCheckedOnItsOwn() throws {
        let repository = try FixtureRepository()
        let artifact = { (samples: [Double]) in MeasurementsFile.json(GateFixture.timing(samples, name: "sort"), fingerprint: nil) }
        try repository.write("pkg/Package.swift", "// swift-tools-version:6.0\n")
        try repository.write("pkg/bench/results.json", artifact(GateFixture.base))
        try repository.write("bench/elsewhere.json", artifact(GateFixture.base))
        try repository.commit("results")
        let root = repository.path + "/pkg"

        // Committed as it is, the artifact names no machine and was not produced here.
        let unattributed = try GateFixture.gate(root).checkArtifacts()
        #expect(!unattributed.failed)
        #expect(unattributed.comparison?.decidingVerdict == nil)
        #expect(unattributed.notes.count == 1)
        #expect(unattributed.notes[0].contains("notice: no fingerprint for bench/results.json: they name no machine and were not produced here"))

        // Changed in the working tree, it was produced on this machine.
        try repository.write("pkg/bench/results.json", artifact(GateFixture.noise))
        let recorded = try GateFixture.gate(root, recording: true).checkArtifacts()
        let baseline = "baselines/" + BaselineFile.fileName(series: "bench/results.json", fingerprintID: GateFixture.machineA.id)
        #expect(recorded.written == [baseline])
        #expect(FileManager.default.fileExists(atPath: root + "/" + baseline))
        let stored = try BaselineFile.parse(Array(try GateFixture.read(root, baseline).utf8), path: baseline)
        #expect(stored.sourceCommit == (try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try GateFixture.gate(root).checkArtifacts().comparison?.verdict == .unchanged)
    }

    @Test func aSingleValueIsJudgedAgainstTheNoiseOfItsCommittedHistory() throws {
        let repository = try FixtureRepository()
        try repository.write("Package.swift", "// swift-tools-version:6.0\n")
        try repository.write("bench/fingerprint.json", GateFixture.machineA.json)
        for (index, value) in [100.0, 112, 95, 108, 90, 104, 97, 110].enumerated() {
            try repository.write("bench/run.csv", "benchmark,time_ms\nsort,\(value)\n")
            try repository.commit("run \(index)")
        }
        try GateFixture.gate(repository.path, recording: true).checkArtifacts()
        // 12% above the recorded 110 is beyond the 5% tolerance, and within the noise of the runs before.
        try repository.write("bench/run.csv", "benchmark,time_ms\nsort,123.2\n")
        let outcome = try GateFixture.gate(repository.path).checkArtifacts()
        #expect(!outcome.failed)
        #expect(outcome.comparison?.results.first?.noise != nil)
        #expect(outcome.report.contains("noise from 7 earlier runs"), "\(outcome.report)")
    }

    @Test func aBrokenPolicyStopsTheGateWithRegresssMessage() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.write(root, "policies/gate.yml", "version: 1\ndefaults:\n  tolerence: 5%\n")
        let error = #expect(throws: GateError.self) { try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base), name: "parse") }
        #expect(error?.description.hasPrefix("regress: policies/gate.yml:3: ") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("tolerence") == true)
    }

    @Test func aPackageWithoutArtifactsIsAnError() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = #expect(throws: GateError.self) { try GateFixture.gate(root).checkArtifacts() }
        #expect(error?.underlying as? RegressError == .noArtifacts(base: "baselines/", head: "the working tree of \(root)", configuration: "defaults"))
        #expect(error?.description == "regress: " +
                RegressError.noArtifacts(base: "baselines/", head: "the working tree of \(root)", configuration: "defaults").errorDescription!)
    }
}

@Suite struct SwiftTestingReportingTests {
    @Test func aSlowdownRecordsAnIssueWhoseCommentIsTheReportAtTheCallersLocation() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let slow = GateFixture.timing(GateFixture.base.map { $0 * 1.3 })
        let expected = try GateFixture.gate(root).check(slow, name: "parse").report
        let line = #line + 2
        try withKnownIssue {
            try GateFixture.gate(root).expectNoRegression(slow, name: "parse")
        } matching: { issue in
            issue.severity == .error && issue.comments.map(\.rawValue) == [expected] && issue.sourceLocation?.line == line
        }
    }

    @Test func noiseRecordsNoIssue() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).expectNoRegression(GateFixture.timing(GateFixture.noise), name: "parse")
        #expect(!outcome.failed)
    }

    @Test func aMachineWithoutABaselineRecordsAWarningNotAFailure() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try withKnownIssue {
            try GateFixture.gate(root).expectNoRegression(GateFixture.timing(GateFixture.base), name: "parse")
        } matching: { issue in
            issue.severity == .warning && issue.comments.first?.rawValue.contains("for fingerprint \(GateFixture.machineA.id): record one") == true
        }
    }

    @Test func aMeasuredClosureIsCheckedToo() async throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try await GateFixture.gate(root, recording: true).expectNoRegression(measuring: "sleep", samples: 3, warmup: 0) { counters in
            try await Task.sleep(for: .milliseconds(1))
            counters.items += 1
        }
        #expect(outcome.written.count == 2)
        let stored = try BaselineStore().load(from: WorkingTreeSource(folder: root))
        #expect(stored.map { $0.file.entries.map(\.metric) } == [["items", "time"]])
        #expect(stored.first?.file.entries.last?.samples.allSatisfy { $0 >= 0.001 } == true)
    }
}
