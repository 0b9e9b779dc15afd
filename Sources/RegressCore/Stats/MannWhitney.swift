import Foundation

/// The Mann-Whitney U test of "the two samples come from the same distribution", two-sided, as
/// `scipy.stats.mannwhitneyu(x, y)` computes it:
/// - U is x's statistic, U₁ = R₁ − n₁(n₁+1)/2 with R₁ the sum of x's ranks (ties get average ranks);
/// - with no ties and a sample of at most 8 values, the p-value is exact: 2·P(U ≥ max(U₁, U₂)) under
///   the null distribution of U, capped at 1;
/// - otherwise the normal approximation with tie correction,
///   σ = √(n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1)))), z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ (continuity
///   correction), p = 2·P(Z > z), capped at 1. Identical samples give p = 1.
public struct MannWhitney: Equatable, Sendable {
    public let u: Double
    public let pValue: Double
    public let exact: Bool

    public init?(_ x: [Double], _ y: [Double]) {
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let n1 = x.count, n2 = y.count
        let (ranks, tieSizes) = MannWhitney.averageRanks(x + y)
        let r1 = ranks[..<n1].reduce(0, +)
        let u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1 * n2) - u1
        let big = max(u1, u2)
        u = u1
        let hasTies = tieSizes.contains { $0 > 1 }
        if !hasTies && (n1 <= 8 || n2 <= 8) {
            exact = true
            pValue = min(1, 2 * MannWhitney.exactSurvival(Int(big.rounded()), n1, n2))
        } else {
            exact = false
            let n = Double(n1 + n2)
            let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let sigma = (Double(n1 * n2) / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            let numerator = big - Double(n1 * n2) / 2 - 0.5
            if sigma == 0 {
                pValue = 1
            } else {
                pValue = min(1, 2 * Distributions.normalSurvival(numerator / sigma))
            }
        }
    }

    /// Average ranks (1-based) and the sizes of the groups of tied values.
    static func averageRanks(_ values: [Double]) -> ([Double], [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = average }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        return (ranks, tieSizes)
    }

    /// P(U ≥ u) under the null, from the count of rank arrangements: f(u; m, n) = f(u − n; m − 1, n)
    /// + f(u; m, n − 1).
    static func exactSurvival(_ u: Int, _ first: Int, _ second: Int) -> Double {
        // The null distribution of U is the same for (m, n) and (n, m): build the table over the smaller side.
        let m = min(first, second), n = max(first, second)
        let maximum = m * n
        if u <= 0 { return 1 }
        if u > maximum { return 0 }
        // counts[j][k]: arrangements of j values from x and the current number of y values with U = k.
        var table = [[Double]](repeating: [Double](repeating: 0, count: maximum + 1), count: m + 1)
        for j in 0...m { table[j][0] = 1 }  // n = 0: only U = 0
        if n > 0 {
            for currentN in 1...n {
                var next = [[Double]](repeating: [Double](repeating: 0, count: maximum + 1), count: m + 1)
                next[0][0] = 1
                if m > 0 {
                    for j in 1...m {
                        for k in 0...(j * currentN) {
                            var value = table[j][k]  // f(k; j, currentN − 1)
                            if k >= currentN { value += next[j - 1][k - currentN] }  // f(k − currentN; j − 1, currentN)
                            next[j][k] = value
                        }
                    }
                }
                table = next
            }
        }
        let counts = table[m]
        let total = counts.reduce(0, +)
        return counts[u...].reduce(0, +) / total
    }
}
