import Foundation
import RegressCore

/// What a gate call found: a failure (its message is the text report), notes to show without failing,
/// and the files it wrote.
public struct GateOutcome: Sendable {
    /// The comparison with the stored baselines; nil when the call recorded them.
    public let comparison: Comparison?
    /// True when the check fails under the policies (a regression whose severity is `fail`, or a
    /// missing, new, failed or incomparable metric whose `on_*` says `fail`).
    public let failed: Bool
    /// The text report of the comparison (`regress check --format text`); the lines written when recording.
    public let report: String
    /// What a passing call has to say: a report with warnings, a machine without a baseline of its own
    /// (naming its fingerprint and how to record), what was recorded and where.
    public let notes: [String]
    /// Files written, relative to the gate's root: the measurements artifact and recorded baselines.
    public let written: [String]

    init(comparison: Comparison, extraNotes: [String], written: [String]) {
        self.comparison = comparison
        failed = comparison.exitCode != 0
        report = TextReport.render(comparison)
        let quiet = comparison.verdict == .unchanged && comparison.notices.isEmpty && comparison.incomparableRuns.isEmpty
            && comparison.expiredRules.isEmpty && !comparison.results.contains { $0.isReported && $0.verdict != .unchanged }
        notes = failed ? extraNotes : (quiet ? [] : [report]) + extraNotes
        self.written = written
    }

    init(recorded lines: [String], written: [String]) {
        comparison = nil
        failed = false
        report = lines.joined(separator: "\n") + "\n"
        notes = lines
        self.written = written
    }
}

extension PerformanceGate {
    /// A note as a test shows it: reports start with `regress:` already, other notes are given it.
    static func labelled(_ note: String) -> String {
        note.hasPrefix("regress: ") ? note : "regress: " + note
    }
}

/// What stopped a gate call (a policy that does not parse, a broken configured artifact, no artifacts):
/// regress's own message, which is what a test's output shows of a thrown error.
public struct GateError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// The error as thrown by RegressCore or RegressGit.
    public let underlying: any Error

    /// Runs `body`, giving any error it throws regress's message.
    static func explaining<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GateError {
            throw error
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            throw GateError(description: "regress: " + message, underlying: error)
        }
    }
}
