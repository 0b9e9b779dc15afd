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
        try decodeToUTF8(input).withUnsafeBufferPointer { try parse(buffer: $0, separator: separator) }
    }

    /// One pass over the bytes: an unquoted field becomes its text straight from its byte range; only a
    /// quoted one is copied out (to drop its quotes and undouble `""`).
    static func parse(buffer bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) throws -> [Record] {
        var scanner = FieldScanner(bytes, separator: separator)
        var records: [Record] = []
        var width = 0
        while !scanner.isAtEnd {
            let recordLine = scanner.line
            var fields: [String] = []
            fields.reserveCapacity(width)
            var more = true
            while more {
                let field = try scanner.field()
                fields.append(field.withBytes(scanner) { String(decoding: $0, as: UTF8.self) })
                more = scanner.endField()
            }
            width = fields.count
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
        }
        return records
    }

    /// A field the scanner read: a range of the input, or (quoted) the scanner's unquoted copy of it.
    struct Field {
        let start: Int
        let end: Int
        let isQuoted: Bool

        /// Calls `body` with the field's bytes, without its quotes.
        @inline(__always)
        func withBytes<Result>(_ scanner: FieldScanner, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            if isQuoted { return try scanner.quoted.withUnsafeBufferPointer(body) }
            return try body(UnsafeBufferPointer(rebasing: scanner.bytes[start..<end]))
        }

        /// True when the field holds no byte.
        func isEmpty(_ scanner: FieldScanner) -> Bool { isQuoted ? scanner.quoted.isEmpty : start == end }
    }

    /// Reads fields one at a time, counting lines.
    struct FieldScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: UInt8
        /// Where the next field starts.
        var index: Int
        /// The 1-based line `index` is on.
        var line = 1
        /// The bytes of the last quoted field, without its quotes.
        var quoted: [UInt8] = []

        static let quote = UInt8(ascii: "\""), newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

        init(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, at start: Int? = nil) {
            self.bytes = bytes
            self.separator = separator
            index = start ?? (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0)
        }

        var isAtEnd: Bool { index >= bytes.count }

        /// Reads the field at `index`, up to (not past) the separator or line end after it.
        @inline(__always)
        mutating func field() throws -> Field {
            let count = bytes.count
            guard index < count, bytes[index] == FieldScanner.quote else {
                let start = index
                while index < count, case let byte = bytes[index], byte != separator, byte != FieldScanner.newline,
                      byte != FieldScanner.carriageReturn {
                    index += 1
                }
                return Field(start: start, end: index, isQuoted: false)
            }
            let quoteLine = line
            quoted.removeAll(keepingCapacity: true)
            index += 1
            var start = index
            while true {
                guard index < count else {
                    throw SyntaxError(line: quoteLine, reason: "a quoted field opened here is never closed")
                }
                let byte = bytes[index]
                if byte == FieldScanner.quote {
                    quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if index + 1 < count, bytes[index + 1] == FieldScanner.quote {
                        quoted.append(FieldScanner.quote)
                        index += 2
                        start = index
                        continue
                    }
                    index += 1
                    break
                }
                if byte == FieldScanner.newline { line += 1 }
                index += 1
            }
            // Text after the closing quote belongs to the field, as it is.
            let rest = index
            while index < count, case let byte = bytes[index], byte != separator, byte != FieldScanner.newline,
                  byte != FieldScanner.carriageReturn {
                index += 1
            }
            quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<index]))
            return Field(start: 0, end: 0, isQuoted: true)
        }

        /// Steps over what ends a field: true after a separator (the record goes on), false after a
        /// line end or at the end of the input (the record is over).
        @inline(__always)
        mutating func endField() -> Bool {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            index += 1
            if byte == separator { return true }
            if byte == FieldScanner.carriageReturn, index < bytes.count, bytes[index] == FieldScanner.newline { index += 1 }
            line += 1
            return false
        }

        /// Steps over the rest of the record.
        mutating func skipRecord() throws {
            while true {
                _ = try field()
                if !endField() { return }
            }
        }
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
