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
    /// Whether the string `parseString` read last was all ASCII (as far as it tells: an escaped one is
    /// taken not to be).
    private var lastStringWasASCII = false
    /// Per depth, what the last object and array read there looked like.
    private var levels: [Level] = []
    /// The keys of the objects being read whose keys are no longer those of the last object read at
    /// their depth, where each one's bytes are: a stack, nested objects above the one they are in.
    private var keyStack: [TextBytes] = []
    /// Per member of the streamed record read last, where its value's bytes are when it is a plain
    /// string (`start` -1 otherwise): the next record's value there, when it has the same bytes, is
    /// the same text.
    private var recordTexts: [TextBytes] = []
    /// Where the content of the string `parseString` read last is; nil when it had escapes.
    private var lastStringContent: Range<Int>?

    /// The last object read at one depth (which had no key twice), its keys and where each one's bytes
    /// are in the document (`start` -1 for a key with escapes), and the length of the last array:
    /// records repeat their keys and lists their lengths.
    private struct Level {
        var keys: [String] = []
        var keyBytes: [TextBytes] = []
        var arrayCount = 0
    }

    /// Where the content of a string without escapes is in the document.
    private struct TextBytes {
        let start: Int
        let count: Int
        let ascii: Bool
    }
    /// Room made up front for an object's members or an array's elements, from the last one read at
    /// the same depth, at most this many.
    private static let reserveLimit = 1024
    /// Strings too long to be stored inline, by a hash of their bytes: keys and names repeated in
    /// every record of a large file then share one storage, found by comparing bytes before any text
    /// is made. A fixed number of slots, so a file of unique strings costs little more. Allocated at
    /// the first such string: a small document, or a scan for its first key, makes none.
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
            if try endsAfterItem(closing: UInt8(ascii: "}")) { return }
        }
    }

    /// `parseArray`, handing each element over as it is read. An element that is an object is read
    /// into the members of the one before it, overwritten in place: records of one shape then reuse
    /// one storage (unless `element` keeps one, which then keeps its own copy).
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
        var record: [(String, JSONValue)] = []
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
                try parseMembers(into: &record, reusing: true)
                try element(position, .object(record))
            } else {
                try element(position, try parseValue())
            }
            position += 1
            if try endsAfterItem(closing: UInt8(ascii: "]")) { return }
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
        guard !keys.isEmpty else { return forEachTopLevelMember { _, _ in false } ? found : nil }
        let read = forEachTopLevelMember { key, parser in
            if keys.contains(key), found[key] == nil {
                guard let value = try? parser.parseValue() else { return nil }
                found[key] = value
            } else if !parser.skipValue() {
                return nil
            }
            return found.count < keys.count
        }
        return read ? found : nil
    }

    private mutating func scanTopLevel(keys: [[UInt8]]) -> Double? {
        var seen = [Bool](repeating: false, count: keys.count)
        var found = [Double?](repeating: nil, count: keys.count)
        var settled: Double?
        let read = forEachTopLevelMember { key, parser in
            if let k = keys.firstIndex(where: { $0.elementsEqual(key.utf8) }), !seen[k] {
                seen[k] = true
                guard let value = try? parser.parseValue() else { return nil }
                found[k] = value.numberValue
                // Known once no earlier key can come with a number any more.
                if found[k] != nil, found[..<k].allSatisfy({ $0 == nil }), seen[..<k].allSatisfy({ $0 }) || k == 0 {
                    settled = found[k]
                    return false
                }
            } else if !parser.skipValue() {
                return nil
            }
            return true
        }
        guard read else { return nil }
        return settled ?? found.lazy.compactMap { $0 }.first
    }

    /// Goes through the members of a document that is an object, handing each key to `member`, which
    /// reads or skips the value and says whether to go on (nil: the value breaks). True when the object
    /// ended or `member` stopped; false when the document is no object or breaks.
    private mutating func forEachTopLevelMember(_ member: (String, inout JSONParser) -> Bool?) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return true }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = try? parseString() else { return false }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard let goOn = member(key, &self) else { return false }
            guard goOn else { return true }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            return bytes[index] == UInt8(ascii: "}")
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

    @inline(__always)
    private mutating func skipWhitespace() {
        guard index < bytes.count, bytes[index] <= 0x20 else { return }
        // One space (after a colon) before a value.
        if bytes[index] == 0x20, index + 1 < bytes.count, bytes[index + 1] > 0x20 {
            index += 1
            return
        }
        skipWhitespaceRun()
    }

    /// `skipWhitespace` past a run of it, with the place kept in locals: indented JSON is mostly
    /// spaces, taken a word at a time.
    private mutating func skipWhitespaceRun() {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = self.index, line = self.line, lineStart = self.lineStart
        defer {
            self.index = index
            self.line = line
            self.lineStart = lineStart
        }
        while index < count {
            let byte = base[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0x0A {
                index += 1
                line += 1
                lineStart = index
            } else {
                return
            }
            // The spaces that follow, up to eight at once (the number of trailing space bytes of a word).
            while index + 8 <= count {
                let spaces = (UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020).trailingZeroBitCount >> 3
                index += spaces
                guard spaces == 8 else { break }
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
        var members: [(String, JSONValue)] = []
        try parseMembers(into: &members)
        return .object(members)
    }

    /// Reads the object at `index` into `members`, whose first elements are overwritten in place (the
    /// storage of the last record serves the next) and the rest removed. `reusing`: `members` holds the
    /// record before, whose texts are kept where the same bytes follow (`recordTexts`).
    private mutating func parseMembers(into members: inout [(String, JSONValue)], reusing: Bool = false) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        while levels.count <= depth { levels.append(Level()) }
        if members.isEmpty { members.reserveCapacity(Swift.min(levels[depth].keys.count, JSONParser.reserveLimit)) }
        var count = 0
        var keys: Set<String>? = nil
        var keysASCII = true
        // True while the keys so far are those of the last object read at this depth, in order: that
        // one had no key twice, so neither has this one so far (records repeat their keys).
        var sameShape = true
        let stackBase = keyStack.count
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            members.removeAll()
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = index
            let key: String
            if sameShape, let repeated = repeatedKey(at: count) {
                key = repeated
            } else {
                key = try parseString()
                let shape = levels[depth]
                if sameShape, !(count < shape.keys.count && shape.keys[count] == key) {
                    // From here on the keys are this object's own: those before are the shape's.
                    sameShape = false
                    keyStack.append(contentsOf: shape.keyBytes[..<count])
                }
                if !sameShape {
                    keyStack.append(lastStringContent.map { TextBytes(start: $0.lowerBound, count: $0.count, ascii: lastStringWasASCII) }
                        ?? TextBytes(start: -1, count: 0, ascii: false))
                }
            }
            keysASCII = keysASCII && lastStringWasASCII
            if !sameShape, try isDuplicate(key, among: members[..<count], keys: &keys, ascii: keysASCII) {
                index = keyStart
                throw error("the key \"\(key)\" appears twice in one object: which value counts would be a guess")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
            index += 1
            skipWhitespace()
            if reusing, count < members.count, count < recordTexts.count, let end = sameText(as: recordTexts[count]) {
                // The text the record before had here (a record's name, its unit), not made again.
                index = end
                if members[count].0 != key { members[count].0 = key }
            } else {
                let isText = index < bytes.count && bytes[index] == UInt8(ascii: "\"")
                let value = try parseNumberQuickly() ?? parseValue()
                if reusing {
                    let text = isText ? lastStringContent.map { TextBytes(start: $0.lowerBound, count: $0.count, ascii: lastStringWasASCII) } : nil
                    let entry = text ?? TextBytes(start: -1, count: 0, ascii: false)
                    if count < recordTexts.count { recordTexts[count] = entry } else { recordTexts.append(entry) }
                }
                if count < members.count {
                    members[count] = (key, value)
                } else {
                    members.append((key, value))
                }
            }
            count += 1
            if try endsAfterItem(closing: UInt8(ascii: "}")) {
                if count < members.count { members.removeSubrange(count...) }
                if !sameShape {
                    levels[depth].keys = members.map(\.0)
                    levels[depth].keyBytes = Array(keyStack[stackBase...])
                } else if count != levels[depth].keys.count {
                    levels[depth].keys.removeSubrange(count...)
                    levels[depth].keyBytes.removeSubrange(count...)
                }
                if keyStack.count > stackBase { keyStack.removeSubrange(stackBase...) }
                return
            }
        }
    }

    /// After a member of an object (`closing` `}`) or an element of an array (`]`): moves past the `,`
    /// before the next one (false) or past `closing` (true, the object or array has ended).
    @inline(__always)
    private mutating func endsAfterItem(closing: UInt8) throws -> Bool {
        skipWhitespace()
        let object = closing == UInt8(ascii: "}")
        guard index < bytes.count else { throw error(object ? "the document ends inside an object" : "the document ends inside an array") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        guard bytes[index] == closing else {
            throw error(object ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
        }
        index += 1
        return true
    }

    /// True when an object already has the key: a scan while it is small, a set once it is not.
    /// `ascii`: every key so far is ASCII, so keys are equal only when their bytes are, and a key of
    /// another length is passed over without comparing text.
    private func isDuplicate(_ key: String, among members: ArraySlice<(String, JSONValue)>, keys: inout Set<String>?, ascii: Bool) throws -> Bool {
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
        while levels.count <= depth { levels.append(Level()) }
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        elements.reserveCapacity(Swift.min(levels[depth].arrayCount, JSONParser.reserveLimit))
        while true {
            skipWhitespace()
            elements.append(try parseNumberQuickly() ?? parseValue())
            if try endsAfterItem(closing: UInt8(ascii: "]")) {
                levels[depth].arrayCount = elements.count
                return .array(elements)
            }
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1
        // Most strings have no escape: their text is their bytes.
        let contentStart = index
        let (end, ascii) = plainEnd(from: contentStart)
        index = end
        lastStringWasASCII = ascii
        lastStringContent = nil
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            lastStringContent = contentStart..<(index - 1)
            let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<(index - 1)])
            // Up to 15 bytes a string is stored inline, with nothing to share.
            guard content.count > 15 else { return try text(content, ascii: ascii, start: start) }
            let slot = Int(truncatingIfNeeded: Self.hash(content) % UInt64(JSONParser.internSlots))
            if interned.isEmpty { interned = [String?](repeating: nil, count: JSONParser.internSlots) }
            if var known = interned[slot], known.withUTF8({ $0.count == content.count && memcmp($0.baseAddress!, content.baseAddress!, content.count) == 0 }) {
                return known
            }
            let made = try text(content, ascii: ascii, start: start)
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

    /// Where the plain part of a string's content that starts at `start` ends (at a quote, a backslash,
    /// a line feed or the end of the document), and whether it is all ASCII: eight bytes at a time
    /// while none of them ends it.
    @inline(__always)
    private func plainEnd(from start: Int) -> (end: Int, ascii: Bool) {
        guard let base = bytes.baseAddress else { return (start, true) }
        let count = bytes.count
        var index = start
        var words: UInt64 = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            guard !Self.hasByte(word, UInt8(ascii: "\"")), !Self.hasByte(word, UInt8(ascii: "\\")), !Self.hasByte(word, 0x0A) else { break }
            words |= word
            index += 8
        }
        var highBits: UInt8 = words & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
        while index < count, case let byte = base[index], byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x0A {
            highBits |= byte
            index += 1
        }
        return (index, highBits < 0x80)
    }

    /// Where the string at `index` ends when it has the very bytes of the text `known` is where (a
    /// plain string: no quote, backslash or line feed in it); nil otherwise.
    @inline(__always)
    private func sameText(as known: TextBytes) -> Int? {
        let end = index + 1 + known.count
        guard known.start >= 0, end < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\""),
              let base = bytes.baseAddress, Self.equalBytes(base + index + 1, base + known.start, known.count) else { return nil }
        return end + 1
    }

    /// A hash of bytes, eight at a time, for `interned`.
    private static func hash(_ content: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = content.baseAddress else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var offset = 0
        while offset + 8 <= content.count {
            hash = (hash ^ UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < content.count {
            hash = (hash ^ UInt64(base[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return hash ^ (hash >> 32)
    }

    /// The key at `position` of the last object read at this depth, when the next key has its very
    /// bytes: taken without making its text again (records repeat their keys).
    @inline(__always)
    private mutating func repeatedKey(at position: Int) -> String? {
        let level = levels[depth]
        guard position < level.keyBytes.count, let base = bytes.baseAddress else { return nil }
        let known = level.keyBytes[position]
        let end = index + 1 + known.count
        guard known.start >= 0, end < bytes.count, bytes[end] == UInt8(ascii: "\""),
              Self.equalBytes(base + index + 1, base + known.start, known.count) else { return nil }
        index = end + 1
        lastStringWasASCII = known.ascii
        return level.keys[position]
    }

    /// True when the `count` bytes at `a` are those at `b`: eight at a time, as keys are short.
    @inline(__always)
    private static func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            guard UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self) else {
                return false
            }
            offset += 8
        }
        while offset < count {
            guard a[offset] == b[offset] else { return false }
            offset += 1
        }
        return true
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

    /// The number at `index` when it has the common shape (`DecimalNumber.fastPrefix`) and no other
    /// number byte follows it, read as it is scanned; nil, having read nothing, for any other value.
    @inline(__always)
    private mutating func parseNumberQuickly() -> JSONValue? {
        guard index < bytes.count, case let first = bytes[index], first &- UInt8(ascii: "0") < 10 || first == UInt8(ascii: "-"),
              let base = bytes.baseAddress, let (value, end) = DecimalNumber.fastPrefix(base, from: index, to: bytes.count),
              end == bytes.count || !Self.isNumberByte(bytes[end]) else { return nil }
        index = end
        return .number(value)
    }

    private mutating func parseNumber() throws -> JSONValue {
        if let number = parseNumberQuickly() { return number }
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
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
