import Foundation

/// Fixed number formats, so that the same inputs give byte-identical reports.
public enum NumberFormat {
    /// Four significant digits below 1000 (`3.812`, `0.01142`), whole numbers above (`12346`).
    public static func value(_ number: Double) -> String {
        guard number.isFinite else { return "\(number)" }
        if abs(number) >= 1000 { return String(format: "%.0f", number) }
        if number == 0 { return "0" }
        var text = String(format: "%.4g", number)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A value with its unit: `3.812 ms`, `101.4 tokens/s`, `967`; `separator` goes between them
    /// (a no-break space in Markdown, so that they never wrap apart).
    public static func value(_ number: Double, unit: String, separator: String = " ") -> String {
        unit.isEmpty ? value(number) : unit == "%" ? value(number) + "%" : "\(value(number))\(separator)\(unit)"
    }

    /// A signed difference with its unit: `+1.144 ms`, `-3.5 tokens/s`.
    public static func difference(_ number: Double, unit: String) -> String {
        (number >= 0 ? "+" : "-") + value(abs(number), unit: unit)
    }

    /// A relative change as a percentage with one decimal: `+30.0%`, `-4.2%` (or `12.5%` unsigned).
    public static func percent(_ change: Double, signed: Bool = true) -> String {
        let text = String(format: signed ? "%+.1f%%" : "%.1f%%", change * 100)
        return text == "-0.0%" ? "+0.0%" : text
    }

    /// A count with thousands separated by commas: `12`, `1,204`.
    public static func count(_ count: Int) -> String {
        let digits = String(abs(count))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (count < 0 ? "-" : "") + out
    }

    /// A p-value with three significant digits (`0.0123`, `4.56e-07`).
    public static func pValue(_ p: Double) -> String {
        p >= 0.001 ? String(format: "%.3g", p) : String(format: "%.2e", p)
    }
}
