import Foundation

/// Welch's t-test (unequal variances), two-sided, as `scipy.stats.ttest_ind(x, y, equal_var=False)`:
/// t = (x̄ − ȳ) / √(s²ₓ/nₓ + s²ᵧ/nᵧ) with sample variances (n − 1), degrees of freedom by
/// Welch–Satterthwaite, p = 2·P(T > |t|). Needs two values per side. When both variances are 0 (SciPy
/// gives NaN) the p-value is 1 for equal means and 0 otherwise.
public struct WelchTest: Equatable, Sendable {
    public let t: Double
    public let degreesOfFreedom: Double
    public let pValue: Double

    public init?(_ x: [Double], _ y: [Double]) {
        guard x.count >= 2, y.count >= 2, let dx = Descriptive(x), let dy = Descriptive(y) else { return nil }
        let vx = dx.standardDeviation * dx.standardDeviation / Double(x.count)
        let vy = dy.standardDeviation * dy.standardDeviation / Double(y.count)
        let se = (vx + vy).squareRoot()
        if se == 0 {
            t = dx.mean == dy.mean ? 0 : (dx.mean > dy.mean ? .infinity : -.infinity)
            degreesOfFreedom = Double(x.count + y.count - 2)
            pValue = dx.mean == dy.mean ? 1 : 0
            return
        }
        t = (dx.mean - dy.mean) / se
        degreesOfFreedom = (vx + vy) * (vx + vy) / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
        pValue = min(1, 2 * Distributions.studentTSurvival(abs(t), degreesOfFreedom: degreesOfFreedom))
    }
}
