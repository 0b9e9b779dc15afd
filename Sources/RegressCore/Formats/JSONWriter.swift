/// Writes JSON deterministically: object keys sorted, two-space indentation, numbers in Swift's
/// shortest round-trip form (integral values without a fraction), non-finite numbers as null.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += format(number)
        case .string(let text): out += quote(text)
        case .array(let elements):
            if elements.isEmpty {
                out += "[]"
                return
            }
            let scalarOnly = elements.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalarOnly {
                out += "[" + elements.map { element -> String in
                    var text = ""
                    write(element, indent: 0, into: &text)
                    return text
                }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (position, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(element, indent: indent + 2, into: &out)
                out += position == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let sorted = members.sorted { $0.0 < $1.0 }
            for (position, member) in sorted.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quote(member.0) + ": "
                write(member.1, indent: indent + 2, into: &out)
                out += position == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    public static func quote(_ text: String) -> String {
        // Most text needs no escape: it is copied whole. (U+0080…U+009F start with the byte C2, which
        // sends every U+0080…U+00BF, µ included, the long way.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || (0x7F...0x9F).contains(c.value):
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
