/// Which way is better for a metric.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case lowerIsBetter = "lower"
    case higherIsBetter = "higher"
    /// Neither can be told from the name or unit; a change is reported, never failed on.
    case unknown
}
