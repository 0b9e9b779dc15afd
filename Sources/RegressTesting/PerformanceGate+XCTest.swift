import RegressCore
import XCTest

/// The gate under XCTest: a failing check is an `XCTFail` whose message is the text report, at the
/// caller's file and line; notes are printed to the test output (XCTest has no warnings).
extension PerformanceGate {
    /// `regress check` of the package's working tree (see `checkArtifacts()`).
    @discardableResult
    public func assertNoRegressionInArtifacts(file: StaticString = #filePath, line: UInt = #line) throws -> GateOutcome {
        let outcome = try checkArtifacts()
        PerformanceGate.fail(outcome, file: file, line: line)
        return outcome
    }

    /// Times `body` (`samples` runs after `warmup`) and checks it against this machine's baseline.
    @discardableResult
    public func assertNoRegression(measuring name: String, samples: Int = 10, warmup: Int = 2,
                                   file: StaticString = #filePath, line: UInt = #line,
                                   _ body: (inout Counters) throws -> Void) throws -> GateOutcome {
        try assertNoRegression(try Sampler(samples: samples, warmup: warmup).measure(name, body), name: name, file: file, line: line)
    }

    /// As `assertNoRegression(measuring:samples:warmup:file:line:_:)`, for a closure that awaits.
    @discardableResult
    public func assertNoRegression(measuring name: String, samples: Int = 10, warmup: Int = 2,
                                   file: StaticString = #filePath, line: UInt = #line,
                                   _ body: (inout Counters) async throws -> Void) async throws -> GateOutcome {
        try assertNoRegression(try await Sampler(samples: samples, warmup: warmup).measure(name, body), name: name, file: file, line: line)
    }

    /// Measurements taken by other means, checked as `check(_:name:)` does.
    @discardableResult
    public func assertNoRegression(_ measurements: [RegressCore.Measurement], name: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws -> GateOutcome {
        let outcome = try check(measurements, name: name)
        PerformanceGate.fail(outcome, file: file, line: line)
        return outcome
    }

    static func fail(_ outcome: GateOutcome, file: StaticString, line: UInt) {
        if outcome.failed {
            XCTFail(outcome.report, file: file, line: line)
        }
        for note in outcome.notes {
            print("\(file):\(line): \(PerformanceGate.labelled(note))")
        }
    }
}
