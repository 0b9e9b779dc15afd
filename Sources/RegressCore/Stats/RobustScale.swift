/// Robust estimates of a series' noise scale, in the unit of its values, each consistent with the
/// standard deviation σ of Gaussian noise.
public enum RobustScale {
    /// 1/Φ⁻¹(3/4): scales a median absolute deviation to σ under Gaussian noise.
    public static let madToSigma = 1.482_602_218_505_602

    /// The run-to-run noise of a series in time order, from its successive differences
    /// dᵢ = xᵢ₊₁ − xᵢ: σ = 1.4826 · median|dᵢ − median(d)| / √2. A level shift spoils one difference
    /// only and a slow drift moves the median of d, not its spread, so changes in the series barely move
    /// the estimate; an outlier run spoils two differences, of which at most half may be spoiled. When
    /// more than half the differences are equal (quantized values), that MAD is 0 and the mean absolute
    /// deviation of d from its median, times √(π/2)/√2, is used instead. Nil for fewer than 3 values or
    /// any non-finite value; 0 for a constant series.
    public static func sigma(_ values: [Double]) -> Double? {
        guard values.count >= 3, values.allSatisfy(\.isFinite) else { return nil }
        var differences = [Double](repeating: 0, count: values.count - 1)
        for i in differences.indices { differences[i] = values[i + 1] - values[i] }
        let center = median(differences)
        let deviations = differences.map { abs($0 - center) }
        let mad = median(deviations)
        if mad > 0 { return madToSigma * mad / 2.0.squareRoot() }
        let meanDeviation = deviations.reduce(0, +) / Double(deviations.count)
        return meanDeviation * (Double.pi / 2).squareRoot() / 2.0.squareRoot()
    }

    /// The spread of a sample around its own median: σ = 1.4826 · median|xᵢ − median(x)| (no order
    /// assumed; a level shift inside the sample inflates it). Nil for an empty or non-finite sample.
    public static func mad(_ values: [Double]) -> Double? {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        let center = median(values)
        return madToSigma * median(values.map { abs($0 - center) })
    }

    /// The median (the mean of the two middle values for an even count); values must not be empty.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
