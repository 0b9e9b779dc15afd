/// How reproducible one metric is, and whether its policy can gate it.
public struct MetricNoise: Equatable, Sendable {
    public let series: String
    public let benchmark: String
    public let metric: String
    public let unit: String
    /// Samples of the current run.
    public let samples: Int
    /// Within-run coefficient of variation (standard deviation over |mean|), with two samples or more.
    public let cv: Double?
    /// Within-run MAD over |median|, with two samples or more.
    public let madOverMedian: Double?
    /// Runs of the series used for the between-run figures, the current one included.
    public let runs: Int
    /// Coefficient of variation of the per-run aggregates, with two runs or more.
    public let betweenRunCV: Double?
    /// The samples fall in two separated groups.
    public let bimodal: Bool
    /// The smallest relative change the policy's test could call significant at its alpha with this
    /// many samples a side (80% power); nil when the test does not run (see `detectableNote`).
    public let detectableChange: Double?
    public let detectableNote: String?
    /// 95% bound of the relative difference between two runs: 1.96·√2·CV, from the between-run CV
    /// when there is one, else the within-run CV.
    public let runToRunNoise: Double?
    /// The policy's relative tolerance.
    public let tolerance: Double?
    /// False when the noise or the detectable change is larger than the tolerance.
    public let gateable: Bool
    /// When not gateable: the smallest whole percentage above both.
    public let suggestedTolerance: Double?
    public let rule: RuleOrigin

    public var id: String { "\(series)/\(benchmark)/\(metric)" }
}

/// The noise report of a source.
public struct NoiseReport: Sendable {
    public let source: ComparisonSide
    /// How the between-run figures were gathered ("timestamped runs in the tree", "the last 5 commits").
    public let runsFrom: String
    public let policyFiles: [String]
    public let metrics: [MetricNoise]
    public let notices: [String]

    public var ungateable: [MetricNoise] { metrics.filter { !$0.gateable } }
}
