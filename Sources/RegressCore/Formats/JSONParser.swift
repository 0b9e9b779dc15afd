import Foundation

/// A byte-level JSON reader (RFC 8259) that says where a document breaks, by line and column.
public struct JSONParser {
    public struct SyntaxError: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        public let reason: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private static let maximumDepth = 512
    /// Strings too long to be stored inline, by a hash of their bytes: keys and names repeated in
    /// every record of a large file then share one storage, found by comparing bytes before any text
    /// is made. A fixed number of slots, so a file of unique strings costs little more.
    /// Whether the string `parseString` read last was all ASCII (as far as it tells: an escaped one is
    /// taken not to be).
    private var lastStringWasASCII = false
    /// Per depth, the keys of the last object read there (which had no key twice), and where each
    /// one's bytes are in the document (`start` -1 for a key with escapes).
    private var shapes: [[String]] = []
    private var shapeKeys: [[KeyBytes]] = []
    /// Per depth, where the keys of the object being read are, reused from object to object.
    private var keysBeingRead: [[KeyBytes]] = []
    /// Where the content of the string `parseString` read last is; nil when it had escapes.
    private var lastStringContent: Range<Int>?

    private struct KeyBytes {
        let start: Int
        let count: Int
        let ascii: Bool
    }
    /// Allocated at the first such string: a small document, or a scan for its first key, makes none.
    private var interned: [String?] = []
    private static let internSlots = 4096

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
            return value
        }
    }

    /// Reads a document that is an object without building the elements of one of its arrays as a
    /// whole: `member` gets every top-level member but that one, key and value, in file order; the
    /// member named `streamed`, when it is an array, goes to `element` one element at a time (its
    /// position and value), so a large list of records is never held at once, and then to `member`
    /// as an empty array. The syntax is checked
    /// as `parse` checks it, with the same errors; the callbacks' errors pass through. False, having
    /// read nothing, when the document is not an object.
    public static func stream(_ bytes: [UInt8], streamed: String, member: (String, JSONValue) throws -> Void,
                              element: (Int, JSONValue) throws -> Void) throws -> Bool {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else { return false }
            try parser.streamObject(streamed: streamed, member: member, element: element)
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
            return true
        }
    }

    /// `parseObject` for the top level of `stream`.
    private mutating func streamObject(streamed: String, member: (String, JSONValue) throws -> Void,
                                       element: (Int, JSONValue) throws -> Void) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        var keys: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = index
            let key = try parseString()
            if !keys.insert(key).inserted {
                index = keyStart
                throw error("the key \"\(key)\" appears twice in one object: which value counts would be a guess")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
            index += 1
            skipWhitespace()
            if key == streamed, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                try streamArray(element)
                try member(key, .array([]))
            } else {
                try member(key, try parseValue())
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    /// `parseArray`, handing each element over as it is read.
    private mutating func streamArray(_ element: (Int, JSONValue) throws -> Void) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            try element(position, try parseValue())
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    /// The key of the first member of a document that is an object; nil for any other document, an
    /// empty object, or one that breaks before its first key ends.
    public static func firstKey(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else { return nil }
            parser.index += 1
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else { return nil }
            return try? parser.parseString()
        }
    }

    /// The number of the first top-level member named `keys[0]`, else of the first named `keys[1]`,
    /// and so on, of a document that is an object, found without building the document: the values
    /// of other members are skipped over by their brackets and strings, and the scan stops at the
    /// first key's number. Nil when the document is no object, none of the keys holds a number, or the
    /// document breaks before the answer is known.
    public static func topLevelNumber(_ bytes: [UInt8], keys: [String]) -> Double? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            return parser.scanTopLevel(keys: keys.map { Array($0.utf8) })
        }
    }

    /// The values of the first top-level members named by `keys` of a document that is an object,
    /// found without building the rest of it: the values of other members are skipped over by their
    /// brackets and strings, and the scan stops once every key is found (a key that is not there costs
    /// a scan to the object's end). What follows is not checked: for a document known to parse. Nil
    /// when the document is no object, or breaks before the answer is known.
    public static func topLevelValues(_ bytes: [UInt8], keys: Set<String>) -> [String: JSONValue]? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            return parser.scanTopLevel(values: keys)
        }
    }

    private mutating func scanTopLevel(values keys: Set<String>) -> [String: JSONValue]? {
        var found: [String: JSONValue] = [:]
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return found }
        while found.count < keys.count {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = try? parseString() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            if keys.contains(key), found[key] == nil {
                guard let value = try? parseValue() else { return nil }
                found[key] = value
            } else {
                guard skipValue() else { return nil }
            }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            return bytes[index] == UInt8(ascii: "}") ? found : nil
        }
        return found
    }

    private mutating func scanTopLevel(keys: [[UInt8]]) -> Double? {
        var seen = [Bool](repeating: false, count: keys.count)
        var found = [Double?](repeating: nil, count: keys.count)
        func answer() -> Double? { found.lazy.compactMap { $0 }.first }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return nil }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = try? parseString() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            if let k = keys.firstIndex(where: { $0.elementsEqual(key.utf8) }), !seen[k] {
                seen[k] = true
                guard let value = try? parseValue() else { return nil }
                found[k] = value.numberValue
                if found[k] != nil, found[..<k].allSatisfy({ $0 == nil }), seen[..<k].allSatisfy({ $0 }) || k == 0 {
                    return found[k]
                }
            } else {
                guard skipValue() else { return nil }
            }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            return bytes[index] == UInt8(ascii: "}") ? answer() : nil
        }
    }

    /// Moves past one value without building it; false when the document breaks inside it.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard (try? parseString()) != nil else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 {
                    index += 1
                    return true
                }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            case 0x0A:
                line += 1
                lineStart = index + 1
            default:
                break
            }
            index += 1
        }
        return false
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private func error(_ reason: String) -> SyntaxError {
        SyntaxError(line: line, column: index - lineStart + 1, reason: reason)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("the document ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .number(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .number(.infinity))
        case UInt8(ascii: "-") where bytes[(index + 1)...].starts(with: Array("Infinity".utf8)):
            index += 1
            return try literal("Infinity", .number(-.infinity))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(String(decoding: [bytes[index]], as: UTF8.self))'")
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw error("unexpected word; expected \(word)") }
        index += expected.count
        return value
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nested deeper than \(JSONParser.maximumDepth) levels") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(String, JSONValue)] = []
        var keys: Set<String>? = nil
        var keysASCII = true
        // True while the keys so far are those of the last object read at this depth, in order: that
        // one had no key twice, so neither has this one so far (records repeat their keys).
        var sameShape = depth < shapes.count
        while keysBeingRead.count <= depth { keysBeingRead.append([]) }
        keysBeingRead[depth].removeAll(keepingCapacity: true)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = index
            let key: String
            if sameShape, let repeated = repeatedKey(at: members.count) {
                key = repeated
            } else {
                key = try parseString()
                keysBeingRead[depth].append(lastStringContent.map { KeyBytes(start: $0.lowerBound, count: $0.count, ascii: lastStringWasASCII) }
                    ?? KeyBytes(start: -1, count: 0, ascii: false))
                sameShape = sameShape && members.count < shapes[depth].count && shapes[depth][members.count] == key
            }
            keysASCII = keysASCII && lastStringWasASCII
            if !sameShape, try isDuplicate(key, among: members, keys: &keys, ascii: keysASCII) {
                index = keyStart
                throw error("the key \"\(key)\" appears twice in one object: which value counts would be a guess")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                if !sameShape || members.count != shapes[depth].count {
                    while shapes.count <= depth {
                        shapes.append([])
                        shapeKeys.append([])
                    }
                    shapes[depth] = members.map(\.0)
                    shapeKeys[depth] = keysBeingRead[depth]
                }
                return .object(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    /// True when an object already has the key: a scan while it is small, a set once it is not.
    /// `ascii`: every key so far is ASCII, so keys are equal only when their bytes are, and a key of
    /// another length is passed over without comparing text.
    private func isDuplicate(_ key: String, among members: [(String, JSONValue)], keys: inout Set<String>?, ascii: Bool) throws -> Bool {
        if members.count < 16 {
            guard ascii else { return members.contains { $0.0 == key } }
            let length = key.utf8.count
            return members.contains { $0.0.utf8.count == length && $0.0 == key }
        }
        if keys == nil { keys = Set(members.map(\.0)) }
        return !keys!.insert(key).inserted
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1
        // Most strings have no escape: their text is their bytes.
        let contentStart = index
        // Eight bytes at a time while none of them ends the plain part of the string.
        var words: UInt64 = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard !Self.hasByte(word, UInt8(ascii: "\"")), !Self.hasByte(word, UInt8(ascii: "\\")), !Self.hasByte(word, 0x0A) else { break }
                words |= word
                index += 8
            }
        }
        var highBits: UInt8 = words & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
        while index < bytes.count, case let byte = bytes[index], byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x0A {
            highBits |= byte
            index += 1
        }
        lastStringWasASCII = highBits < 0x80
        lastStringContent = nil
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            lastStringContent = contentStart..<(index - 1)
            let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<(index - 1)])
            // Up to 15 bytes a string is stored inline, with nothing to share.
            guard content.count > 15 else { return try text(content, ascii: highBits < 0x80, start: start) }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in content { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let slot = Int(truncatingIfNeeded: hash % UInt64(JSONParser.internSlots))
            if interned.isEmpty { interned = [String?](repeating: nil, count: JSONParser.internSlots) }
            if var known = interned[slot], known.withUTF8({ $0.count == content.count && memcmp($0.baseAddress!, content.baseAddress!, content.count) == 0 }) {
                return known
            }
            let made = try text(content, ascii: highBits < 0x80, start: start)
            interned[slot] = made
            return made
        }
        lastStringWasASCII = false
        var out = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else {
                    index = start
                    throw error("a string that is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("the document ends inside a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: [0x5C, UInt8(ascii: "u")]) {
                        let next = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = next  // a lone high surrogate (U+FFFD); the next escape is read on its own
                        }
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default: throw error("unknown escape '\\\(String(decoding: [escape], as: UTF8.self))' in a string")
                }
            case 0x0A:
                throw error("a string runs past the end of its line")
            default:
                out.append(byte)
                index += 1
            }
        }
        throw error("the document ends inside a string")
    }

    /// The key at `position` of the last object read at this depth, when the next key has its very
    /// bytes: taken without making its text again (records repeat their keys).
    private mutating func repeatedKey(at position: Int) -> String? {
        guard position < shapeKeys[depth].count, let base = bytes.baseAddress else { return nil }
        let known = shapeKeys[depth][position]
        let end = index + 1 + known.count
        guard known.start >= 0, end < bytes.count, bytes[end] == UInt8(ascii: "\""),
              memcmp(base + index + 1, base + known.start, known.count) == 0 else { return nil }
        keysBeingRead[depth].append(KeyBytes(start: index + 1, count: known.count, ascii: known.ascii))
        index = end + 1
        lastStringWasASCII = known.ascii
        return shapes[depth][position]
    }

    /// True when one of the eight bytes of `word` is `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The text of a string's bytes (which hold no escape); `ascii` when no byte is above 0x7F.
    private mutating func text(_ content: UnsafeBufferPointer<UInt8>, ascii: Bool, start: Int) throws -> String {
        if ascii { return String(decoding: content, as: UTF8.self) }
        guard let text = String(validating: content, as: UTF8.self) else {
            index = start
            throw error("a string that is not valid UTF-8")
        }
        return text
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if let value = DecimalNumber.fastPath(slice) { return .number(value) }
        let text = String(decoding: slice, as: UTF8.self)
        guard let value = Double(text) else {
            index = start
            throw error("invalid number '\(text)'")
        }
        return .number(value)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
