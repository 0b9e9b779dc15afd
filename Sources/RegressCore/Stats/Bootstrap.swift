/// A seeded percentile bootstrap of the relative change between two sample sets: each of `resamples`
/// rounds draws both sets again with replacement and computes aggregate(head*) / aggregate(base*) − 1.
/// The same inputs and seed give the same interval on every machine (SplitMix64, no system randomness).
///
/// A side with more than `sampleCap` samples is resampled from a seeded subsample of `sampleCap` of
/// them (drawn without replacement from its own stream), so a round costs at most 2·`sampleCap`
/// draws whatever the input. A round allocates nothing and sorts nothing: a draw counts the rank of
/// the value drawn, and a quantile is read off the running count.
public struct Bootstrap: Equatable, Sendable {
    public let low: Double
    public let high: Double
    /// Two-sided bootstrap p-value of "no change": twice the smaller share of rounds on either side of
    /// 0, capped at 1 (with a floor of 1/(resamples + 1)).
    public let pValue: Double

    /// The most samples of one side a round draws from.
    public static let sampleCap = 1000

    public init?(base: [Double], head: [Double], aggregate: Aggregate, confidence: Double = 0.95,
                 resamples: Int = 2000, seed: UInt64) {
        guard base.count >= 2, head.count >= 2 else { return nil }
        let base = Bootstrap.capped(base, seed: seed ^ 0x6261_7365), head = Bootstrap.capped(head, seed: seed ^ 0x6865_6164)
        var random = SplitMix(seed: seed)
        var changes: [Double] = []
        changes.reserveCapacity(resamples)
        let baseSide = ResampledSide(base), headSide = ResampledSide(head)
        for _ in 0..<resamples {
            let b = baseSide.draw(&random, aggregate), h = headSide.draw(&random, aggregate)
            guard b != 0 else { continue }
            changes.append(h / b - 1)
        }
        guard !changes.isEmpty else { return nil }
        var below = 0.0, above = 0.0
        for change in changes {
            if change <= 0 { below += 1 }
            if change >= 0 { above += 1 }
        }
        let tail = (1 - confidence) / 2
        let bounds = changes.withUnsafeMutableBufferPointer { changes in
            (Selection.percentile(changes, tail), Selection.percentile(changes, 1 - tail))
        }
        low = bounds.0
        high = bounds.1
        let count = Double(changes.count)
        pValue = min(1, max(1 / (count + 1), 2 * min(below, above) / count))
    }

    /// The samples themselves when there are at most `sampleCap`, else a seeded subsample of
    /// `sampleCap` (a partial Fisher-Yates shuffle).
    static func capped(_ samples: [Double], seed: UInt64) -> [Double] {
        guard samples.count > sampleCap else { return samples }
        var pool = samples
        var random = SplitMix(seed: seed)
        for i in 0..<sampleCap {
            let j = i + Int(random.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return Array(pool[..<sampleCap])
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

/// One side of a bootstrap: its values, their ranks and a count per rank that each round refills.
/// The round's quantile is the value at the rank where the running count passes the order statistic
/// it needs, exactly the value selecting from the drawn values gives; the mean sums the draws in the
/// order they are drawn, as `Descriptive` sums them.
final class ResampledSide {
    private let count: Int
    private let values: UnsafeMutableBufferPointer<Double>
    private let sorted: UnsafeMutableBufferPointer<Double>
    private let rank: UnsafeMutableBufferPointer<Int32>
    private let counts: UnsafeMutableBufferPointer<Int32>
    private let modulus: InvariantModulus

    init(_ samples: [Double]) {
        count = samples.count
        values = .allocate(capacity: count)
        _ = values.initialize(from: samples)
        let order = samples.indices.sorted { samples[$0] < samples[$1] }
        sorted = .allocate(capacity: count)
        rank = .allocate(capacity: count)
        for (position, index) in order.enumerated() {
            sorted[position] = samples[index]
            rank[index] = Int32(position)
        }
        counts = .allocate(capacity: count)
        counts.initialize(repeating: 0)
        modulus = InvariantModulus(UInt64(count))
    }

    deinit {
        values.deallocate()
        sorted.deallocate()
        rank.deallocate()
        counts.deallocate()
    }

    /// The aggregate of one resample, drawn with replacement (one `random.next()` a value).
    func draw(_ random: inout SplitMix, _ aggregate: Aggregate) -> Double {
        var generator = random
        defer { random = generator }
        let n = count, modulus = modulus
        if aggregate == .mean {
            var sum = 0.0
            for _ in 0..<n { sum += values[Int(modulus.remainder(generator.next()))] }
            return sum / Double(n)
        }
        let counts = counts, rank = rank, sorted = sorted
        counts.update(repeating: 0)
        for _ in 0..<n { counts[Int(rank[Int(modulus.remainder(generator.next()))])] &+= 1 }
        switch aggregate {
        case .min:
            var r = 0
            while counts[r] == 0 { r += 1 }
            return sorted[r]
        case .max:
            var r = n - 1
            while counts[r] == 0 { r -= 1 }
            return sorted[r]
        case .median: return percentile(0.5)
        case .p90: return percentile(0.90)
        case .p95: return percentile(0.95)
        case .p99: return percentile(0.99)
        case .mean: return .nan
        }
    }

    /// `Descriptive.percentile` of the drawn values: the order statistics ⌊h⌋ and ⌊h⌋ + 1 from the counts.
    @inline(__always)
    private func percentile(_ p: Double) -> Double {
        let n = count, counts = counts, sorted = sorted
        let h = Double(n - 1) * p
        let lower = Int(h.rounded(.down))
        var r = 0, before = 0
        while before + Int(counts[r]) <= lower {
            before += Int(counts[r])
            r += 1
        }
        let low = sorted[r]
        var high = low
        if lower + 1 < n, before + Int(counts[r]) <= lower + 1 {
            r += 1
            while counts[r] == 0 { r += 1 }
            high = sorted[r]
        }
        return low + (h - Double(lower)) * (high - low)
    }
}

/// What a sample set is summarised by.
public enum Aggregate: String, Sendable, CaseIterable {
    case median, mean, min, max, p90, p95, p99

    /// The aggregate of the samples, as `Descriptive` computes it (NaN for none).
    public func apply(_ samples: [Double]) -> Double {
        guard !samples.isEmpty else { return .nan }
        var copy = samples
        return copy.withUnsafeMutableBufferPointer { apply(reordering: $0) }
    }

    /// The aggregate of a non-empty buffer, which it may reorder: quantiles by selection (the two
    /// order statistics the interpolation needs), the mean summed in the buffer's order.
    func apply(reordering values: UnsafeMutableBufferPointer<Double>) -> Double {
        switch self {
        case .mean:
            var sum = 0.0
            for value in values { sum += value }
            return sum / Double(values.count)
        case .min:
            var smallest = values[0]
            for value in values where value < smallest { smallest = value }
            return smallest
        case .max:
            var largest = values[0]
            for value in values where value > largest { largest = value }
            return largest
        case .median: return Selection.percentile(values, 0.5)
        case .p90: return Selection.percentile(values, 0.90)
        case .p95: return Selection.percentile(values, 0.95)
        case .p99: return Selection.percentile(values, 0.99)
        }
    }
}
