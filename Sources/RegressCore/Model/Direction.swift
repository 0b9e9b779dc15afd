/// Which way is better for a metric.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case lowerIsBetter = "lower"
    case higherIsBetter = "higher"
    /// Neither can be told from the name or unit; a change is reported, never failed on.
    case unknown

    /// What a change of `difference` (new − old) is for a metric of this direction: a regression, an
    /// improvement, or inconclusive when the better direction is unknown.
    public func verdict(of difference: Double) -> Verdict {
        switch self {
        case .lowerIsBetter: return difference > 0 ? .regression : .improvement
        case .higherIsBetter: return difference < 0 ? .regression : .improvement
        case .unknown: return .inconclusive
        }
    }
}
