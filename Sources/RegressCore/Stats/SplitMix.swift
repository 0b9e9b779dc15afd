/// A small seeded generator (SplitMix64), so the demo's numbers are the same everywhere.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A factor uniformly within 1 ± spread.
    mutating func noise(_ spread: Double) -> Double {
        let unit = Double(next() >> 11) / Double(1 << 53)
        return 1 + spread * (2 * unit - 1)
    }
}

/// x mod d for a divisor fixed across many draws, by one multiplication instead of a division
/// (Granlund and Montgomery, "Division by invariant integers using multiplication", figure 4.1):
/// with l = ⌈log₂ d⌉ and m = ⌊2⁶⁴(2ˡ − d)/d⌋ + 1, t = ⌊m·x/2⁶⁴⌋, the quotient is
/// ⌊(t + ⌊(x − t)/2⌋)/2^(l−1)⌋ for every 64-bit x; the remainder is x − quotient·d. Same result as
/// `x % d`, for 1 ≤ d ≤ 2⁶³.
struct InvariantModulus {
    let divisor: UInt64
    private let multiplier: UInt64
    private let shift1: UInt64
    private let shift2: UInt64

    init(_ divisor: UInt64) {
        precondition(divisor >= 1 && divisor <= 1 << 63)
        self.divisor = divisor
        let l = UInt64(64 - (divisor - 1).leadingZeroBitCount)  // ⌈log₂ d⌉; 0 for d = 1
        let high = (1 << l) - divisor  // 2ˡ − d < d
        multiplier = divisor.dividingFullWidth((high: high, low: 0)).quotient &+ 1
        shift1 = Swift.min(l, 1)
        shift2 = l == 0 ? 0 : l - 1
    }

    @inline(__always)
    func remainder(_ x: UInt64) -> UInt64 {
        let t = multiplier.multipliedFullWidth(by: x).high
        let quotient = (t &+ ((x &- t) &>> shift1)) &>> shift2
        return x &- quotient &* divisor
    }
}
