import Foundation
import RegressCore
import RegressTesting
import Testing
import TestSupport

@Suite struct PerformanceGateTests {
    @Test func recordingWritesTheMeasurementsAndThisMachinesBaselineAndSaysWhere() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let id = GateFixture.machineA.id
        let baseline = "baselines/" + BaselineFile.fileName(series: ".build/regress/parse.json", fingerprintID: id)
        #expect(!outcome.failed)
        #expect(outcome.comparison == nil)
        #expect(outcome.written == [".build/regress/parse.json", baseline])
        #expect(outcome.notes == ["recorded 1 metric of .build/regress/parse.json for fingerprint \(id) in \(root)/\(baseline)"])
        let stored = try BaselineFile.parse(Array(try GateFixture.read(root, baseline).utf8), path: baseline)
        #expect(stored.series == ".build/regress/parse.json")
        #expect(stored.fingerprint.id == id)
        #expect(stored.entries.map(\.samples) == [GateFixture.base])
        #expect(stored.date == "2026-11-30")

        // Recording the same measurements again changes no file.
        let again = try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        #expect(again.notes == ["\(root)/\(baseline) already holds .build/regress/parse.json for fingerprint \(id): left as it is"])
        #expect(again.written == [".build/regress/parse.json"])
    }

    @Test func aThirtyPercentSlowdownFailsWithTheTextReport() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base.map { $0 * 1.3 }), name: "parse")
        #expect(outcome.failed)
        #expect(outcome.comparison?.decidingVerdict == .regression)
        let lines = outcome.report.split(separator: "\n").map(String.init)
        #expect(lines == [
            "regress: regression — 1 regression in 1 metric of 1 run",
            "base: baselines/",
            "head: .build/regress/parse.json",
            "policy: built-in default policy, built-in default for tests: a machine without its own baseline warns",
            "regression   .build/regress/parse.json parse time: 0.01 s → 0.013 s (+30.0%) p=1.69e-04",
        ])
        #expect(outcome.notes.isEmpty)
    }

    @Test func noiseOfARerunPassesWithoutANote() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.noise), name: "parse")
        #expect(!outcome.failed)
        #expect(outcome.comparison?.verdict == .unchanged)
        #expect(outcome.notes.isEmpty)
    }

    @Test func aMachineWithoutABaselinePassesWithANoteNamingItsFingerprint() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base.map { $0 * 3 }), name: "parse")
        #expect(!outcome.failed)
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes[0].contains("notice: no stored baseline of .build/regress/parse.json for fingerprint \(GateFixture.machineA.id): " +
                                          "record one with `REGRESS_RECORD=1 swift test` (it writes baselines/ of \(root))"))
    }

    @Test func anotherMachinesBaselineWarnsByDefaultAndSaysHowToRecord() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, machine: GateFixture.machineB, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base.map { $0 * 3 }), name: "parse")
        #expect(!outcome.failed)
        #expect(outcome.comparison?.incomparableRuns.map(\.differences) == [["cpu.model"]])
        #expect(outcome.notes.count == 2)
        #expect(outcome.notes[0].contains("incomparable"))
        #expect(outcome.notes[1] == "no baseline of .build/regress/parse.json for this machine (fingerprint \(GateFixture.machineA.id)); " +
                "the nearest is of fingerprint \(GateFixture.machineB.id), which differs in cpu.model: " +
                "record one with `REGRESS_RECORD=1 swift test` (it writes baselines/ of \(root))")
    }

    @Test func anotherMachinesBaselineFailsWhenThePolicySaysSo() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.write(root, "policies/gate.yml", "version: 1\ndefaults:\n  fingerprint:\n    on_mismatch: fail\n")
        try GateFixture.gate(root, machine: GateFixture.machineB, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base), name: "parse")
        #expect(outcome.failed)
        #expect(outcome.comparison?.decidingVerdict == .incomparable)
    }

    @Test func aRegressionUnderSeverityWarnIsANote() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.write(root, "policies/gate.yml", """
            version: 1
            rules:
              - match: ".build/regress/**"
                severity: warn
                reason: timings of a shared machine are shown, not enforced
            """)
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).check(GateFixture.timing(GateFixture.base.map { $0 * 1.3 }), name: "parse")
        #expect(!outcome.failed)
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes[0].hasPrefix("regress: passed — 1 regression (warn) in 1 metric of 1 run\n"))
        #expect(outcome.notes[0].contains("\nregression   .build/regress/parse.json parse time: 0.01 s → 0.013 s (+30.0%) p=1.69e-04 [warn] [rule: policies/gate.yml rules[0]]\n"))
    }

    @Test func theMeasurementsArtifactIsWhatTheCLIReads() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var counters = [RegressCore.Measurement(benchmark: "parse", metric: "items", unit: "count", direction: .unknown, samples: [500, 500])]
        counters.insert(contentsOf: GateFixture.timing([0.5, 0.25]), at: 0)
        try GateFixture.gate(root).check(counters, name: "parse")
        let text = try GateFixture.read(root, ".build/regress/parse.json")
        let (format, contents) = try ArtifactReader.read(Array(text.utf8), path: ".build/regress/parse.json")
        #expect(format == .regressMeasurements)
        #expect(contents.measurements == counters)
        #expect(contents.fingerprint == GateFixture.machineA)
        #expect(text.hasPrefix("{\n  \"benchmarks\": [\n"))
        #expect(text.contains("\"regress_measurements\": 1"))
    }

    @Test func twoTestsMeasuringAtOnceDoNotInterfere() async throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let recorder = GateFixture.gate(root, recording: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, scale) in [("alpha", 1.0), ("beta", 2.0)] {
                group.addTask { try recorder.check(GateFixture.timing(GateFixture.base.map { $0 * scale }, name: name), name: name) }
            }
            try await group.waitForAll()
        }
        let checker = GateFixture.gate(root)
        async let alpha = Task { try checker.check(GateFixture.timing(GateFixture.base.map { $0 * 1.3 }, name: "alpha"), name: "alpha") }.value
        async let beta = Task { try checker.check(GateFixture.timing(GateFixture.noise.map { $0 * 2 }, name: "beta"), name: "beta") }.value
        let (a, b) = try await (alpha, beta)
        #expect(a.failed)
        #expect(!b.failed)
        #expect(a.comparison?.results.map(\.id) == [".build/regress/alpha.json/alpha/time"])
        #expect(b.comparison?.results.map(\.id) == [".build/regress/beta.json/beta/time"])
        #expect(b.comparison?.results.first?.base == 0.0200)

        // Timing two closures at once gives each its own samples and counters.
        async let one = Task { Sampler(samples: 5, warmup: 1).measure("one") { $0.items += 1 } }.value
        async let two = Task { Sampler(samples: 7, warmup: 0).measure("two") { $0.items += 2 } }.value
        let (first, second) = await (one, two)
        #expect(first.map(\.samples.count) == [5, 5, 5])
        #expect(first[2].samples == [1, 1, 1, 1, 1])
        #expect(second.map(\.samples.count) == [7, 7, 7])
        #expect(second[2].samples == [2, 2, 2, 2, 2, 2, 2])
    }

    @Test func theSamplerWarmsUpThenTimesEachRunWithItsCounters() throws {
        final class Calls: @unchecked Sendable { var count = 0 }
        let calls = Calls()
        let measurements = Sampler(samples: 4, warmup: 3).measure("work") { counters in
            calls.count += 1
            counters.allocations += 2
            counters.bytes += 64
            counters.add(Double(calls.count), to: "cache_misses")
            usleep(20_000)
        }
        #expect(calls.count == 7)
        #expect(measurements.map(\.metric) == ["time", "cpu_time", "allocations", "bytes", "cache_misses"])
        #expect(measurements.map(\.unit) == ["s", "s", "count", "B", "count"])
        #expect(measurements.map(\.direction) == [.lowerIsBetter, .lowerIsBetter, .lowerIsBetter, .lowerIsBetter, .lowerIsBetter])
        #expect(measurements[0].samples.allSatisfy { $0 >= 0.02 && $0 < 1 })
        // Asleep, the thread uses next to no CPU time: the two clocks are told apart.
        #expect(zip(measurements[1].samples, measurements[0].samples).allSatisfy { $0 < $1 / 2 })
        #expect(measurements[2].samples == [2, 2, 2, 2])
        #expect(measurements[3].samples == [64, 64, 64, 64])
        #expect(measurements[4].samples == [4, 5, 6, 7])
    }

    @Test func recordingIsOnlyForAValueThatSaysSo() {
        #expect(PerformanceGate.isRecording(["REGRESS_RECORD": "1"]))
        #expect(PerformanceGate.isRecording(["REGRESS_RECORD": "yes"]))
        #expect(!PerformanceGate.isRecording(["REGRESS_RECORD": "0"]))
        #expect(!PerformanceGate.isRecording(["REGRESS_RECORD": ""]))
        #expect(!PerformanceGate.isRecording([:]))
    }

    @Test func theGateOfATestFileIsItsPackage() {
        #expect(PerformanceGate.packageRoot(containing: #filePath) ==
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path)
    }
}
