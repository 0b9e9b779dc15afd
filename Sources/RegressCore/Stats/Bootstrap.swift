/// A seeded percentile bootstrap of the relative change between two sample sets: each of `resamples`
/// rounds draws both sets again with replacement and computes aggregate(head*) / aggregate(base*) − 1.
/// The same inputs and seed give the same interval on every machine (SplitMix64, no system randomness).
public struct Bootstrap: Equatable, Sendable {
    public let low: Double
    public let high: Double
    /// Two-sided bootstrap p-value of "no change": twice the smaller share of rounds on either side of
    /// 0, capped at 1 (with a floor of 1/(resamples + 1)).
    public let pValue: Double

    public init?(base: [Double], head: [Double], aggregate: Aggregate, confidence: Double = 0.95,
                 resamples: Int = 2000, seed: UInt64) {
        guard base.count >= 2, head.count >= 2 else { return nil }
        var random = SplitMix(seed: seed)
        var changes: [Double] = []
        changes.reserveCapacity(resamples)
        var baseDraw = [Double](repeating: 0, count: base.count)
        var headDraw = [Double](repeating: 0, count: head.count)
        for _ in 0..<resamples {
            for i in baseDraw.indices { baseDraw[i] = base[Int(random.next() % UInt64(base.count))] }
            for i in headDraw.indices { headDraw[i] = head[Int(random.next() % UInt64(head.count))] }
            let b = aggregate.apply(baseDraw), h = aggregate.apply(headDraw)
            guard b != 0 else { continue }
            changes.append(h / b - 1)
        }
        guard !changes.isEmpty else { return nil }
        changes.sort()
        let tail = (1 - confidence) / 2
        low = Descriptive.percentile(changes, tail)
        high = Descriptive.percentile(changes, 1 - tail)
        let below = Double(changes.filter { $0 <= 0 }.count), above = Double(changes.filter { $0 >= 0 }.count)
        let count = Double(changes.count)
        pValue = min(1, max(1 / (count + 1), 2 * min(below, above) / count))
    }

    /// A seed derived from a text (FNV-1a), so that each metric gets its own stream whatever the order.
    public static func seed(for text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// What a sample set is summarised by.
public enum Aggregate: String, Sendable, CaseIterable {
    case median, mean, min, max, p90, p95, p99

    public func apply(_ samples: [Double]) -> Double {
        guard let d = Descriptive(samples) else { return .nan }
        switch self {
        case .median: return d.median
        case .mean: return d.mean
        case .min: return d.min
        case .max: return d.max
        case .p90: return d.percentile(0.90)
        case .p95: return d.percentile(0.95)
        case .p99: return d.percentile(0.99)
        }
    }
}
