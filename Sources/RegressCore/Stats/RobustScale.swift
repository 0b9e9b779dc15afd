/// Robust scale of a series: the noise of one run, from the median absolute successive difference
/// (1.4826 · median|xᵢ₊₁ − xᵢ| / √2), which level shifts barely move.
public enum RobustScale {
    public static func sigma(_ values: [Double]) -> Double? {
        guard values.count >= 3 else { return nil }
        let diffs = zip(values.dropFirst(), values).map { abs($0 - $1) }.sorted()
        return 1.4826 * diffs[diffs.count / 2] / 2.0.squareRoot()
    }
}
