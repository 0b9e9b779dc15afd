import Foundation
import RegressCore
import RegressTesting
import TestSupport

/// Gates over a temporary package folder, with a fixed machine and date: what the tests of the gate
/// itself use, so that their measurements are injected and their outcomes exact.
enum GateFixture {
    static let machineA = Fingerprint(fields: ["cpu.model": "Test CPU A", "cpu.logical_cores": "8", "memory.total_gb": "32",
                                               "os.name": "Linux"])
    static let machineB = Fingerprint(fields: ["cpu.model": "Test CPU B", "cpu.logical_cores": "8", "memory.total_gb": "32",
                                               "os.name": "Linux"])

    /// Ten samples around 10 ms, spread by about ±2%.
    static let base: [Double] = [0.0100, 0.0101, 0.0099, 0.0102, 0.0098, 0.0100, 0.0101, 0.0099, 0.0100, 0.0102]

    static func package() throws -> String {
        let root = try TemporaryFolder.make(prefix: "gate")
        try Data("// swift-tools-version:6.0\n".utf8).write(to: URL(fileURLWithPath: root + "/Package.swift"))
        return root
    }

    static func gate(_ root: String, machine: Fingerprint = machineA, recording: Bool = false) -> PerformanceGate {
        var gate = PerformanceGate(root: root, environment: recording ? ["REGRESS_RECORD": "1"] : [:])
        gate.thisMachine = { _ in machine }
        gate.today = "2026-11-30"
        return gate
    }

    static func timing(_ samples: [Double], name: String = "parse") -> [RegressCore.Measurement] {
        [RegressCore.Measurement(benchmark: name, metric: "time", unit: "s", direction: .lowerIsBetter, samples: samples)]
    }

    /// The same samples in another order, each off by at most ±1.5%: what a rerun with nothing changed gives.
    static var noise: [Double] {
        zip(base.reversed(), [1.01, 0.99, 1.015, 0.985, 1.0, 1.005, 0.995, 1.01, 0.99, 1.0]).map { $0 * $1 }
    }

    static func write(_ root: String, _ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func read(_ root: String, _ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }
}
