/// What the comparison decided for one metric.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worse than the baseline beyond tolerance.
    case regression
    /// The run itself reported an error: its values are not measurements.
    case failed
    /// Different hardware or software: not compared.
    case incomparable
    /// Too noisy, too few samples, or no known direction: cannot tell.
    case inconclusive
    /// Better than the baseline beyond tolerance.
    case improvement
    /// In the baseline, not in this run.
    case missing
    /// In this run, not in the baseline.
    case new
    case unchanged

    /// Order of importance in reports: the first listed is the one that matters most.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
