/// How a field of a policy decides: fail the check, report only, or leave out of the report.
public enum Severity: String, Sendable, CaseIterable {
    case fail, warn, ignore
}

/// What a comparison of runs whose fingerprints differ does.
public enum MismatchAction: String, Sendable, CaseIterable {
    case skip, warn, fail

    var severity: Severity {
        switch self {
        case .skip: return .ignore
        case .warn: return .warn
        case .fail: return .fail
        }
    }
}

/// The significance test a policy runs when both sides have enough samples.
public enum StatisticalTest: String, Sendable, CaseIterable {
    case mannWhitney = "mann-whitney"
    case welch
    case bootstrap
    case none
}

/// Where a policy field got its value: a file and its `defaults:` or one of its rules.
public struct RuleOrigin: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// `defaults`, or `rules[2]`; with the rule's name when it has one.
    public let rule: String

    public init(file: String, rule: String) {
        self.file = file
        self.rule = rule
    }

    public static let builtIn = RuleOrigin(file: "built-in", rule: "defaults")

    public var description: String { "\(file) \(rule)" }
}

/// The policy that applies to one metric, resolved from every file and rule that matched it.
public struct MetricPolicy: Equatable, Sendable {
    /// nil: inferred from the metric's name and unit. `.unknown` is what `direction: none` sets.
    public var direction: Direction?
    public var relativeTolerance: Double? = 0.05
    public var absoluteTolerance: Double?
    public var test: StatisticalTest = .mannWhitney
    public var alpha = 0.01
    public var minSamples = 5
    public var aggregate: Aggregate = .median
    public var severity: Severity = .fail
    public var onMissing: Severity = .warn
    public var onNew: Severity = .ignore
    public var onFailedRun: Severity = .warn
    public var maxCV: Double?
    /// The metric of the same benchmark this one is divided by, sample by sample (`eval_count`); nil
    /// compares it as measured.
    public var normalizeBy: String?
    /// Fingerprint fields that must be equal for two runs to be compared.
    public var fingerprintMatch: [String] = Fingerprint.identityFields
    /// What runs from different machines do: skip (not reported), warn, or fail the check.
    public var onMismatch: MismatchAction = .fail
    /// Fields every artifact of the metric must name (a JSON key, a CSV or table column, or a
    /// fingerprint field): `regress inventory` lists the artifacts without them.
    public var requiredMetadata: [String] = []
    public var reason: String?
    /// `YYYY-MM-DD`: after it, the rule still applies but the report says it has expired.
    public var expires: String?
    /// How history is read for this metric: the noise of single runs, and change points.
    public var history = HistoryPolicy()
    /// Field name → where its value came from; fields at their built-in value are absent.
    public var origins: [String: RuleOrigin] = [:]
    /// The last rule that matched the metric (the one named in reports), else the last defaults.
    public var decidingRule: RuleOrigin = .builtIn

    public init() {}

    /// The origin of a field, `built-in defaults` when nothing set it.
    public func origin(of field: String) -> RuleOrigin {
        origins[field] ?? .builtIn
    }

    /// True when `expires` is before `today` (both `YYYY-MM-DD`, which compare as text).
    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return expires < today
    }
}

/// The `history:` block of a policy: whether and how a metric's history decides.
public struct HistoryPolicy: Equatable, Sendable {
    /// `history: none` turns the history-learned noise and change points off for the metric.
    public var enabled = true
    /// How many earlier runs the gate learns a metric's run-to-run noise from.
    public var window = 20
    /// Fewer runs than this since the latest change point: the tolerance alone decides.
    public var minRuns = 5
    /// The change-point detector's sensitivity.
    public var detector = ChangePointSettings.standard

    public init() {}
}
