/// Converts between units of one dimension, so that runs whose artifacts state time or size in
/// different units still compare: `ns`, `us` (`µs`), `ms`, `s`, `min`, `h`; `B`, `KB`, `MB`, `GB`
/// (powers of 1000), `KiB`, `MiB`, `GiB` (powers of 1024).
public enum UnitConversion {
    public enum Dimension: Sendable { case time, size }

    /// A unit as multiplier × 10^exponent of the dimension's base unit, so that factors between
    /// decimal units are exact (`us` to `ns` is 1000, not 999.9999999999999).
    static let time: [String: (Double, Int)] = [
        "ns": (1, -9), "nanoseconds": (1, -9), "us": (1, -6), "µs": (1, -6), "μs": (1, -6), "microseconds": (1, -6),
        "ms": (1, -3), "milliseconds": (1, -3), "s": (1, 0), "sec": (1, 0), "seconds": (1, 0), "min": (60, 0), "h": (3600, 0),
    ]
    static let size: [String: (Double, Int)] = [
        "B": (1, 0), "bytes": (1, 0), "KB": (1, 3), "MB": (1, 6), "GB": (1, 9),
        "KiB": (1024, 0), "MiB": (1_048_576, 0), "GiB": (1_073_741_824, 0),
    ]

    public static func dimension(of unit: String) -> Dimension? {
        if time[unit] != nil { return .time }
        if size[unit] != nil { return .size }
        return nil
    }

    /// The factor that turns a value in `from` into `to`; nil when they are not of one dimension.
    public static func factor(from: String, to: String) -> Double? {
        if from == to { return 1 }
        guard let a = time[from] ?? size[from], let b = time[to] ?? size[to],
              (time[from] != nil) == (time[to] != nil) else { return nil }
        let exponent = a.1 - b.1
        let power = exponent >= 0 ? pow(10.0, Double(exponent)) : 1 / pow(10.0, Double(-exponent))
        return a.0 / b.0 * power
    }

    private static func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= base }
        return result
    }
}
