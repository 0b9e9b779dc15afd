import Foundation
import RegressCore
import RegressTesting
import TestSupport
import XCTest

/// The gate under XCTest. Failures the gate reports are caught here (by `recordFailure`) where a test
/// expects one, so that the test can check the message and the line.
final class PerformanceGateXCTests: XCTestCase {
    private var caught: [(description: String, file: String, line: Int)] = []
    private var catching = false

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        if catching {
            caught.append((description, filePath, lineNumber))
        } else {
            super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
    }

    func testASlowdownFailsWithTheReportAtTheCallersLine() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        catching = true
        let line = #line + 1
        let outcome = try GateFixture.gate(root).assertNoRegression(GateFixture.timing(GateFixture.base.map { $0 * 1.3 }), name: "parse")
        catching = false
        XCTAssertTrue(outcome.failed)
        XCTAssertEqual(caught.map(\.description), ["failed - " + outcome.report])
        XCTAssertEqual(caught.map(\.line), [line])
        XCTAssertEqual(caught.map(\.file), [#filePath])
        XCTAssertTrue(outcome.report.hasPrefix("regress: regression — 1 regression in 1 metric of 1 run\n"))
    }

    func testNoiseDoesNotFail() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GateFixture.gate(root, recording: true).check(GateFixture.timing(GateFixture.base), name: "parse")
        let outcome = try GateFixture.gate(root).assertNoRegression(GateFixture.timing(GateFixture.noise), name: "parse")
        XCTAssertFalse(outcome.failed)
        XCTAssertEqual(outcome.comparison?.verdict, .unchanged)
    }

    func testAMachineWithoutABaselinePassesWithANote() throws {
        let root = try GateFixture.package()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try GateFixture.gate(root).assertNoRegression(measuring: "spin", samples: 3, warmup: 1) { counters in
            counters.items += Double((0..<1000).reduce(0, +))
        }
        XCTAssertFalse(outcome.failed)
        XCTAssertEqual(outcome.notes.count, 1)
        XCTAssertTrue(outcome.notes[0].contains("no stored baseline of .build/regress/spin.json for fingerprint \(GateFixture.machineA.id)"))
    }
}
