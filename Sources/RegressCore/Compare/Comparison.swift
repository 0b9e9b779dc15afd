import RegressGit

/// The decision for one metric of one benchmark of one series.
public struct MetricResult: Equatable, Sendable {
    public let series: String
    public let benchmark: String
    public let metric: String
    public var unit: String
    public let direction: Direction
    public var verdict: Verdict
    /// The aggregate of each side's samples; nil where that side has none.
    public var base: Double?
    public var head: Double?
    /// (head − base) / |base|; nil when either side is missing or the base is 0.
    public let relativeChange: Double?
    public let samplesBase: Int
    public let samplesHead: Int
    /// Why the verdict is what it is, where that is not obvious ("direction unknown", the run's error).
    public var note: String?
    /// The policy file and rule that decided this metric.
    public var rule: RuleOrigin = .builtIn
    /// What a verdict that is not `unchanged` does: fail the check, warn, or stay out of the report.
    public var severity: Severity = .fail
    /// The aggregate the values are.
    public var aggregate: Aggregate = .median
    /// The test that ran, or nil when it did not (too few samples, or `test: none`).
    public var test: StatisticalTest?
    public var pValue: Double?
    /// The p-value after Benjamini-Hochberg across every tested metric of the comparison.
    public var pValueAdjusted: Double?
    /// Bounds of the relative change at 95% confidence (seeded bootstrap), when samples allow.
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Coefficients of variation of each side's samples, where there are two or more.
    public var cvBase: Double?
    public var cvHead: Double?
    /// Set when the deciding rule's `expires` date has passed.
    public var expired: String?
    /// The noise learned from the metric's earlier runs, when it decided (too few samples for a test).
    public var noise: LearnedNoise?

    public init(series: String, benchmark: String, metric: String, unit: String, direction: Direction, verdict: Verdict,
                base: Double?, head: Double?, relativeChange: Double?, samplesBase: Int, samplesHead: Int, note: String?) {
        self.series = series
        self.benchmark = benchmark
        self.metric = metric
        self.unit = unit
        self.direction = direction
        self.verdict = verdict
        self.base = base
        self.head = head
        self.relativeChange = relativeChange
        self.samplesBase = samplesBase
        self.samplesHead = samplesHead
        self.note = note
    }

    /// `series/benchmark/metric`, the id policies match on.
    public var id: String { "\(series)/\(benchmark)/\(metric)" }

    /// True when this result makes the check fail (exit 1).
    public var fails: Bool {
        severity == .fail && [.regression, .missing, .new, .failed, .incomparable].contains(verdict)
    }

    /// True when the report shows this result (its severity is not `ignore`).
    public var isReported: Bool { severity != .ignore || verdict == .unchanged }
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
    /// Set when the base holds the same failed file, byte for byte: an old failure, not news.
    public var unchangedSinceBase = false
}

/// A series whose base and head runs came from different machines.
public struct IncomparableRun: Equatable, Sendable {
    public let series: String
    public let base: RunFingerprint
    public let head: RunFingerprint
    /// Every fingerprint field whose value differs, sorted.
    public let differences: [String]
}

/// The outcome of comparing a head with a baseline.
public struct Comparison: Sendable {
    public let base: ComparisonSide
    public let head: ComparisonSide
    /// The policy files that decided (or the built-in default policy).
    public let policyFiles: [String]
    public internal(set) var results: [MetricResult]
    /// Head runs whose records reported errors (all of them, or some).
    public internal(set) var failedRuns: [FailedRun]
    /// Series not compared because their runs came from different machines.
    public var incomparableRuns: [IncomparableRun] = []
    /// Series whose artifacts moved between base and head, followed rather than reported missing and new.
    public var moves: [SeriesMove] = []
    /// Which file of each series was compared on each side, with how many runs of it each tree held.
    public var comparedFiles: [ComparedFiles] = []
    public var notices: [String]

    /// How many reported results (severity not `ignore`) have each verdict.
    public var counts: [Verdict: Int] {
        results.filter(\.isReported).reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// The verdict of the whole comparison: the most important one present among regression, failed,
    /// incomparable, inconclusive and improvement; otherwise unchanged.
    public var verdict: Verdict {
        let decisive: [Verdict] = [.regression, .failed, .incomparable, .inconclusive, .improvement]
        let present = Set(results.filter(\.isReported).map(\.verdict))
        return decisive.first(where: present.contains) ?? .unchanged
    }

    /// The same comparison with every time shown in `unit` (`ns`, `us`, `ms`, `s`); other metrics as they were.
    public func showingTimes(in unit: String) -> Comparison {
        var copy = self
        copy.results = results.map { result in
            guard UnitConversion.dimension(of: result.unit) == .time, let factor = UnitConversion.factor(from: result.unit, to: unit) else {
                return result
            }
            var converted = result
            converted.unit = unit
            converted.base = result.base.map { $0 * factor }
            converted.head = result.head.map { $0 * factor }
            return converted
        }
        return copy
    }

    /// Policy rules whose `expires` date has passed, with their reasons.
    public var expiredRules: [(rule: RuleOrigin, expires: String)] {
        var seen: Set<RuleOrigin> = []
        var rules: [(RuleOrigin, String)] = []
        for result in results {
            guard let expires = result.expired, seen.insert(result.rule).inserted else { continue }
            rules.append((result.rule, expires))
        }
        return rules.sorted { $0.0.description < $1.0.description }
    }

    /// 1 when a result fails the check under its policy (a regression, or a missing, new or failed
    /// metric whose `on_*` is `fail`), else 0.
    public var exitCode: Int32 { results.contains(where: \.fails) ? 1 : 0 }
}
