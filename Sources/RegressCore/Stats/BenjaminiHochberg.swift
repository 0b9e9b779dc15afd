/// Benjamini-Hochberg adjusted p-values, controlling the false-discovery rate across m tests, as
/// `scipy.stats.false_discovery_control(p, method='bh')`: with p sorted ascending, the adjusted value
/// of the i-th smallest is minⱼ≥ᵢ(p₍ⱼ₎·m/j), capped at 1. Returned in the input's order.
public enum BenjaminiHochberg {
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = min(1, running)
        }
        return adjusted
    }
}
