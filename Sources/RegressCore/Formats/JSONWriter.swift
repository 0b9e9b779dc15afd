/// Writes JSON deterministically: object keys sorted, two-space indentation, numbers in Swift's
/// shortest round-trip form (integral values without a fraction), non-finite numbers as null.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        write(value, records: nil)
    }

    /// A list of objects under a key of the top-level object, written straight to bytes by `write`,
    /// `count` of them, in place of that member's value: for documents whose long list of records of
    /// one shape is never built as values. `write` must give each object's members in key order.
    struct Records: Sendable {
        let key: String
        let count: Int
        let write: @Sendable (Int, inout ObjectBytes) -> Void
    }

    /// An object written member by member, as `write` writes an `.object` whose members are in key order.
    struct ObjectBytes {
        fileprivate var out: [UInt8] = []
        fileprivate let indent: Int
        fileprivate var count = 0

        fileprivate init(indent: Int) {
            self.indent = indent
        }

        mutating func member(_ key: String, _ value: JSONValue) {
            JSONWriter.append(count == 0 ? "{\n" : ",\n", to: &out)
            JSONWriter.appendSpaces(indent + 2, to: &out)
            JSONWriter.appendQuoted(key, to: &out)
            JSONWriter.append(": ", to: &out)
            JSONWriter.write(value, indent: indent + 2, into: &out)
            count += 1
        }

        fileprivate mutating func finish() {
            guard count > 0 else { return JSONWriter.append("{}", to: &out) }
            out.append(0x0A)
            JSONWriter.appendSpaces(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `write(value)`, with the member `records.key` of the top-level object written from `records`.
    static func write(_ value: JSONValue, records: Records?) -> String {
        // Written as bytes and made text once: a report of many results is one buffer, not a string
        // grown piece by piece.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 12)
        if let records, case .object(let members) = value {
            writeObject(members, indent: 0, into: &out, records: records)
        } else {
            write(value, indent: 0, into: &out)
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let flag): append(flag ? "true" : "false", to: &out)
        case .number(let number): appendNumber(number, to: &out)
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let elements):
            if elements.isEmpty {
                append("[]", to: &out)
                return
            }
            let scalarOnly = elements.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalarOnly {
                out.append(UInt8(ascii: "["))
                for (position, element) in elements.enumerated() {
                    if position > 0 { append(", ", to: &out) }
                    write(element, indent: 0, into: &out)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            writeList(count: elements.count, indent: indent, into: &out) { position, out in
                write(elements[position], indent: indent + 2, into: &out)
            }
        case .object(let members):
            writeObject(members, indent: indent, into: &out, records: nil)
        }
    }

    private static func writeObject(_ members: [(String, JSONValue)], indent: Int, into out: inout [UInt8], records: Records?) {
        if members.isEmpty {
            append("{}", to: &out)
            return
        }
        append("{\n", to: &out)
        // Members are usually built in key order already: checking is cheaper than sorting.
        let inOrder = zip(members, members.dropFirst()).allSatisfy { $0.0 < $1.0 }
        let sorted = inOrder ? members : members.sorted { $0.0 < $1.0 }
        for (position, member) in sorted.enumerated() {
            appendSpaces(indent + 2, to: &out)
            appendQuoted(member.0, to: &out)
            append(": ", to: &out)
            if let records, member.0 == records.key {
                writeRecords(records, indent: indent + 2, into: &out)
            } else {
                write(member.1, indent: indent + 2, into: &out)
            }
            append(position == sorted.count - 1 ? "\n" : ",\n", to: &out)
        }
        appendSpaces(indent, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func writeRecords(_ records: Records, indent: Int, into out: inout [UInt8]) {
        guard records.count > 0 else { return append("[]", to: &out) }
        writeList(count: records.count, indent: indent, into: &out) { position, out in
            var object = ObjectBytes(indent: indent + 2)
            swap(&object.out, &out)
            records.write(position, &object)
            object.finish()
            swap(&object.out, &out)
        }
    }

    /// A list of `count` arrays or objects, one a line, each written by `element`.
    private static func writeList(count: Int, indent: Int, into out: inout [UInt8], element: (Int, inout [UInt8]) -> Void) {
        append("[\n", to: &out)
        func writeElements(_ positions: Range<Int>, into out: inout [UInt8]) {
            for position in positions {
                appendSpaces(indent + 2, to: &out)
                element(position, &out)
                append(position == count - 1 ? "\n" : ",\n", to: &out)
            }
        }
        if count >= parallelCount {
            // A long list of records (a report's results) is written in parts on every core, joined
            // in order: the same bytes.
            let size = Swift.max(16, count / (2 * ParallelMap.minimumCount))
            let parts = stride(from: 0, to: count, by: size).map { $0..<Swift.min($0 + size, count) }
            for part in ParallelMap.map(parts, { range -> [UInt8] in
                var part: [UInt8] = []
                writeElements(range, into: &part)
                return part
            }) {
                out.append(contentsOf: part)
            }
        } else {
            writeElements(0..<count, into: &out)
        }
        appendSpaces(indent, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// From this many elements on, a list of arrays or objects is written on every core.
    static let parallelCount = 4096

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// `format(number)`'s bytes; integral values are written digit by digit.
    private static func appendNumber(_ number: Double, to out: inout [UInt8]) {
        guard number.isFinite else { return append("null", to: &out) }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            var magnitude = UInt64(abs(number))
            if number < 0, magnitude != 0 { out.append(UInt8(ascii: "-")) }
            var digits: (UInt64, UInt64) = (0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[15 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                out.append(contentsOf: buffer[(16 - count)...])
            }
            return
        }
        append(number.description, to: &out)
    }

    /// `quote(text)`'s bytes.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { append(quote(text), to: &out) }
    }

    /// Bytes that send a string the long way in `quote` (see there).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
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
        if !text.utf8.contains(where: needsEscape) {
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
