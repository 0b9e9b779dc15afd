/// Numbers read straight from bytes, with the result `Double(String)` gives for the same text.
///
/// The common shape, `[+-]digits[.digits][(e|E)[+-]digits]` with at most 19 significant digits, is
/// computed directly when that is exact: a mantissa below 2⁵³ times or over a power of ten up to 10²²
/// (both exact doubles, so the one multiplication or division rounds correctly, as strtod does). Any
/// other text (more digits, larger exponents, hex, `inf`, `nan`) goes through `Double(String)`.
enum DecimalNumber {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = fastPath(bytes) { return value }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The value when the text has the common shape and an exact computation exists; nil otherwise
    /// (not necessarily because the text is no number).
    @inline(__always)
    static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress, let (value, end) = fastPrefix(base, from: 0, to: bytes.count), end == bytes.count else { return nil }
        return value
    }

    /// The value of the longest text in the common shape that starts at `start` (and ends by `limit`),
    /// and where it ends, when an exact computation exists; nil otherwise. `fastPath` of just that
    /// text gives the same value.
    @inline(__always)
    static func fastPrefix(_ bytes: UnsafePointer<UInt8>, from start: Int, to limit: Int) -> (Double, Int)? {
        var index = start
        guard index < limit else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        // Digits, and significant ones (from the first that is not 0): zeros before any other digit
        // are passed over first, so that the loops that build the mantissa count nothing else.
        var digits = 0, significant = 0, exponent = 0
        let integerStart = index
        while index < limit, bytes[index] == UInt8(ascii: "0") { index += 1 }
        digits = index - integerStart
        var first = index
        while index < limit, case let digit = bytes[index] &- 48, digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        significant = index - first
        digits += significant
        if index < limit, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            if significant == 0 {
                while index < limit, bytes[index] == UInt8(ascii: "0") { index += 1 }
            }
            first = index
            while index < limit, case let digit = bytes[index] &- 48, digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            significant += index - first
            digits += index - fractionStart
            exponent = fractionStart - index
        }
        guard digits > 0, significant <= 19 else { return nil }
        if index < limit, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < limit, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0, exponentDigits = 0
            while index < limit, case let digit = bytes[index] &- 48, digit < 10 {
                if written < 10_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard mantissa <= 1 << 53 else { return nil }
        var value = Double(mantissa)
        if exponent < 0 {
            guard exponent >= -22 else { return mantissa == 0 ? (negative ? -0.0 : 0, index) : nil }
            value /= powersOfTen[-exponent]
        } else if exponent > 0 {
            guard exponent <= 22 else { return mantissa == 0 ? (negative ? -0.0 : 0, index) : nil }
            value *= powersOfTen[exponent]
        }
        return (negative ? -value : value, index)
    }
}
