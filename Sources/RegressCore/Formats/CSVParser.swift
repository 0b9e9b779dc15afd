/// A byte-level RFC 4180 reader: quoted fields with embedded commas, quotes (`""`) and newlines, CRLF
/// or LF line ends, a UTF-8 byte-order mark; UTF-16 files (with their byte-order mark) are decoded first.
public enum CSVParser {
    public struct Record: Equatable, Sendable {
        /// The 1-based line on which the record starts.
        public let line: Int
        public let fields: [String]
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public let line: Int
        public let reason: String
    }

    public static func parse(_ input: [UInt8], separator: UInt8 = UInt8(ascii: ",")) throws -> [Record] {
        let bytes = decodeToUTF8(input)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var inQuotes = false
        var quoteLine = 0
        var fieldStarted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    index += 1
                    continue
                }
                if byte == 0x0A { line += 1 }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where !fieldStarted:
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            case separator:
                endField()
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                break
            case 0x0A, 0x0D:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if inQuotes {
            throw SyntaxError(line: quoteLine, reason: "a quoted field opened here is never closed")
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            endRecord()
        }
        return records
    }

    /// UTF-16 and UTF-32 (little or big endian, with a byte-order mark) become UTF-8; anything else is kept.
    static func decodeToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if let utf32 = decodeUTF32(bytes) { return utf32 }
        guard bytes.count >= 2 else { return bytes }
        let littleEndian: Bool
        if bytes[0] == 0xFF, bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE, bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return bytes
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// UTF-32 with its byte-order mark (`FF FE 00 00` or `00 00 FE FF`) as UTF-8; nil for anything else.
    /// A code unit that is no Unicode scalar becomes U+FFFD.
    static func decodeUTF32(_ bytes: [UInt8]) -> [UInt8]? {
        let littleEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            littleEndian = true
        } else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            littleEndian = false
        } else {
            return nil
        }
        var text = String.UnicodeScalarView()
        var index = 4
        while index + 3 < bytes.count {
            let word = bytes[index..<(index + 4)].map(UInt32.init)
            let value = littleEndian ? word[0] | word[1] << 8 | word[2] << 16 | word[3] << 24
                : word[3] | word[2] << 8 | word[1] << 16 | word[0] << 24
            text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return Array(String(text).utf8)
    }
}
