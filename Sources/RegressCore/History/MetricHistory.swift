import RegressGit

/// One run of a metric in history: the commit that brought it, its aggregate and how many samples.
public struct HistoryPoint: Equatable, Sendable {
    public let commit: Commit
    /// The policy's aggregate of the run's samples.
    public let value: Double
    public let samples: Int
    /// The artifact the run was read from.
    public let path: String
    /// True when the commit lies in the range asked for (points before it are context for the levels).
    public let inRange: Bool
}

/// A change point of a metric's history: where its level moved, and which way.
public struct HistoryChange: Equatable, Sendable {
    /// The first commit of the new level.
    public let commit: Commit
    /// The index of that commit's point in the series.
    public let index: Int
    public let before: Double
    public let after: Double
    /// (after − before) / |before|; nil when before is 0.
    public let relative: Double?
    /// `regression` or `improvement` by the metric's direction; `inconclusive` when it is unknown.
    public let verdict: Verdict
    public let confidence: Double
    /// What the change does to the exit code under the metric's policy.
    public let severity: Severity
    public let inRange: Bool

    /// How bad the change is, to rank changes: a regression by its size, above every other change.
    public var harm: Double {
        let size = abs(relative ?? 0)
        return verdict == .regression ? 1000 + size : size
    }

    /// True when this change fails the check: a regression in the range under `severity: fail`.
    public var fails: Bool { inRange && verdict == .regression && severity == .fail }
}

/// The points and change points of one metric (`series/benchmark/metric`) across commits.
public struct MetricHistory: Equatable, Sendable {
    public let series: String
    public let benchmark: String
    public let metric: String
    public var unit: String
    public var direction: Direction
    public var points: [HistoryPoint]
    public var changes: [HistoryChange] = []
    /// The policy rule that set how changes are found and judged.
    public var rule: RuleOrigin = .builtIn

    /// `series/benchmark/metric`, as compare and policies name it.
    public var id: String { "\(series)/\(benchmark)/\(metric)" }

    /// The changes that lie in the range asked for.
    public var changesInRange: [HistoryChange] { changes.filter(\.inRange) }
}
