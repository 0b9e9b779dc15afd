import RegressCore
import Testing

/// The gate under Swift Testing: a failing check records an issue whose comment is the text report, at
/// the caller's source location; notes are recorded as warnings there (shown, never failing).
extension PerformanceGate {
    /// `regress check` of the package's working tree (see `checkArtifacts()`).
    @discardableResult
    public func expectNoRegressionInArtifacts(sourceLocation: SourceLocation = #_sourceLocation) throws -> GateOutcome {
        let outcome = try checkArtifacts()
        PerformanceGate.record(outcome, at: sourceLocation)
        return outcome
    }

    /// Times `body` (`samples` runs after `warmup`) and checks it against this machine's baseline.
    @discardableResult
    public func expectNoRegression(measuring name: String, samples: Int = 10, warmup: Int = 2,
                                   sourceLocation: SourceLocation = #_sourceLocation,
                                   _ body: (inout Counters) throws -> Void) throws -> GateOutcome {
        try expectNoRegression(try Sampler(samples: samples, warmup: warmup).measure(name, body), name: name, sourceLocation: sourceLocation)
    }

    /// As `expectNoRegression(measuring:samples:warmup:sourceLocation:_:)`, for a closure that awaits.
    @discardableResult
    public func expectNoRegression(measuring name: String, samples: Int = 10, warmup: Int = 2,
                                   sourceLocation: SourceLocation = #_sourceLocation,
                                   _ body: (inout Counters) async throws -> Void) async throws -> GateOutcome {
        try expectNoRegression(try await Sampler(samples: samples, warmup: warmup).measure(name, body), name: name,
                               sourceLocation: sourceLocation)
    }

    /// Measurements taken by other means, checked as `check(_:name:)` does.
    @discardableResult
    public func expectNoRegression(_ measurements: [RegressCore.Measurement], name: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> GateOutcome {
        let outcome = try check(measurements, name: name)
        PerformanceGate.record(outcome, at: sourceLocation)
        return outcome
    }

    static func record(_ outcome: GateOutcome, at location: SourceLocation) {
        if outcome.failed {
            Issue.record(Comment(rawValue: outcome.report), sourceLocation: location)
        }
        for note in outcome.notes {
            Issue.record(Comment(rawValue: PerformanceGate.labelled(note)), severity: .warning, sourceLocation: location)
        }
    }
}
