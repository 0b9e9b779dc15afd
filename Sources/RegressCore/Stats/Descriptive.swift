import Foundation

/// Descriptive statistics of one sample set.
public struct Descriptive: Equatable, Sendable {
    public let n: Int
    public let mean: Double
    public let median: Double
    /// Sample standard deviation (n − 1 in the denominator); 0 for a single value.
    public let standardDeviation: Double
    /// Median absolute deviation from the median, unscaled (`scipy.stats.median_abs_deviation` with `scale=1`).
    public let mad: Double
    public let min: Double
    public let max: Double
    private let sorted: [Double]

    /// Nil for an empty sample set.
    public init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        sorted = samples.sorted()
        n = samples.count
        let average = samples.reduce(0, +) / Double(samples.count)
        mean = average
        median = Descriptive.percentile(sorted, 0.5)
        if n > 1 {
            let squares = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) }
            standardDeviation = (squares / Double(n - 1)).squareRoot()
        } else {
            standardDeviation = 0
        }
        let center = median
        mad = Descriptive.percentile(samples.map { abs($0 - center) }.sorted(), 0.5)
        min = sorted[0]
        max = sorted[n - 1]
    }

    /// Coefficient of variation, standard deviation over |mean|; nil when the mean is 0.
    public var coefficientOfVariation: Double? {
        mean == 0 ? nil : standardDeviation / abs(mean)
    }

    /// `Descriptive(samples)?.coefficientOfVariation`, the same arithmetic without sorting.
    public static func coefficientOfVariation(_ samples: [Double]) -> Double? {
        guard !samples.isEmpty else { return nil }
        let n = samples.count
        let average = samples.reduce(0, +) / Double(n)
        guard average != 0 else { return nil }
        guard n > 1 else { return 0 / abs(average) }
        let squares = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        return (squares / Double(n - 1)).squareRoot() / abs(average)
    }

    /// The `p`-th quantile (0...1) by linear interpolation between closest ranks: with the values
    /// sorted, position h = (n − 1)·p, and the result x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). This is
    /// NumPy's default `linear` method (Hyndman and Fan's type 7).
    public func percentile(_ p: Double) -> Double {
        Descriptive.percentile(sorted, p)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * Swift.min(Swift.max(p, 0), 1)
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
