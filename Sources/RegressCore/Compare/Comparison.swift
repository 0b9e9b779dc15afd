import RegressGit

/// The decision for one metric of one benchmark of one series.
public struct MetricResult: Equatable, Sendable {
    public let series: String
    public let benchmark: String
    public let metric: String
    public let unit: String
    public let direction: Direction
    public let verdict: Verdict
    /// The aggregate (median) of each side's samples; nil where that side has none.
    public let base: Double?
    public let head: Double?
    /// (head − base) / |base|; nil when either side is missing or the base is 0.
    public let relativeChange: Double?
    public let samplesBase: Int
    public let samplesHead: Int
    /// Why the verdict is what it is, where that is not obvious ("direction unknown", the run's error).
    public let note: String?

    /// `series/benchmark/metric`, the id policies match on.
    public var id: String { "\(series)/\(benchmark)/\(metric)" }
}

/// One side of a comparison, as reports name it.
public struct ComparisonSide: Equatable, Sendable {
    public let label: String
    public let commit: Commit?

    public init(label: String, commit: Commit?) {
        self.label = label
        self.commit = commit
    }
}

/// A run in which records reported errors.
public struct FailedRun: Equatable, Sendable {
    public let series: String
    public let path: String
    public let failure: RunFailure
}

/// The outcome of comparing a head with a baseline.
public struct Comparison: Sendable {
    public let base: ComparisonSide
    public let head: ComparisonSide
    public let tolerance: Double
    public let results: [MetricResult]
    /// Head runs whose records reported errors (all of them, or some).
    public let failedRuns: [FailedRun]
    public let notices: [String]

    /// How many results have each verdict.
    public var counts: [Verdict: Int] {
        results.reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// The verdict of the whole comparison: the most important one present among regression, failed,
    /// incomparable, inconclusive and improvement; otherwise unchanged.
    public var verdict: Verdict {
        let decisive: [Verdict] = [.regression, .failed, .incomparable, .inconclusive, .improvement]
        let present = Set(results.map(\.verdict))
        return decisive.first(where: present.contains) ?? .unchanged
    }

    /// 1 when at least one metric regressed, else 0.
    public var exitCode: Int32 { results.contains { $0.verdict == .regression } ? 1 : 0 }
}
