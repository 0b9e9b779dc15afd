/// A path pattern, matched against `/`-separated paths relative to the repository root.
///
/// - `*` matches any run of characters inside one folder name (never `/`);
/// - `?` matches one character other than `/`;
/// - `[abc]`, `[a-z]` and `[!abc]` match one character of (or not of) a set;
/// - `**` as a whole path segment matches zero or more folders: `**/x.json` matches `x.json` and
///   `a/b/x.json`, `bench/**` matches everything below `bench/`;
/// - `{a,b}` matches either alternative (`*.{json,csv}`).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[String]]
    /// The segments of each alternative as bytes, converted once.
    private let compiled: [[[UInt8]]]

    public init(_ pattern: String) throws {
        self.pattern = pattern
        let expanded = try Glob.expandBraces(pattern)
        self.alternatives = expanded.map { alternative in
            alternative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        }
        self.compiled = alternatives.map { $0.map { Array($0.utf8) } }
        for segments in compiled {
            for segment in segments where segment != Glob.doubleStar && Glob.containsDoubleStar(segment) {
                throw GlobError.invalid(pattern: pattern, reason: "'**' must be a whole path segment, as in 'a/**/b'")
            }
            for segment in segments { try Glob.validateClasses(segment, pattern: pattern) }
        }
    }

    private static func containsDoubleStar(_ segment: [UInt8]) -> Bool {
        zip(segment, segment.dropFirst()).contains { $0 == UInt8(ascii: "*") && $1 == UInt8(ascii: "*") }
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // The path's folder and file names as byte ranges, split once for every alternative.
            var parts: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            return compiled.contains { segments in
                // The file name is checked first: most paths fail there.
                if let last = segments.last, last != Glob.doubleStar {
                    guard let lastPart = parts.last,
                          Glob.matchSegment(last[...], UnsafeBufferPointer(rebasing: bytes[lastPart])) else { return false }
                }
                return Glob.match(segments, 0, bytes, parts, 0)
            }
        }
    }

    private static let doubleStar = Array("**".utf8)

    private static func match(_ segments: [[UInt8]], _ segment: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                              _ parts: [Range<Int>], _ part: Int) -> Bool {
        guard segment < segments.count else { return part == parts.count }
        if segments[segment] == doubleStar {
            for next in part...parts.count where match(segments, segment + 1, bytes, parts, next) { return true }
            return false
        }
        guard part < parts.count,
              matchSegment(segments[segment][...], UnsafeBufferPointer(rebasing: bytes[parts[part]])) else { return false }
        return match(segments, segment + 1, bytes, parts, part + 1)
    }

    /// The folders that hold every possible match (the literal segments before the first wildcard),
    /// one per alternative; "" for the root.
    public var literalPrefixes: [String] {
        alternatives.map { segments in
            var literal: [String] = []
            for segment in segments.dropLast() {
                if segment.contains(where: { "*?[{".contains($0) }) { break }
                literal.append(segment)
            }
            return literal.joined(separator: "/")
        }
    }

    /// Wildcard match inside one path segment.
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int?
        var starT = 0
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    p += 1
                    t += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, from: p, byte: text[t]) {
                    if matched {
                        p = next
                        t += 1
                        continue
                    }
                } else if c == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches one byte against the class that starts at `from`; returns whether it matched and the
    /// index after the class.
    private static func matchClass(_ pattern: ArraySlice<UInt8>, from: Int, byte: UInt8) -> (Bool, Int)? {
        var index = from + 1
        var negate = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let c = pattern[index]
            if c == UInt8(ascii: "]") && !first { return (matched != negate, index + 1) }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                if (c...pattern[index + 2]).contains(byte) { matched = true }
                index += 3
            } else {
                if c == byte { matched = true }
                index += 1
            }
        }
        return nil
    }

    private static func validateClasses(_ bytes: [UInt8], pattern: String) throws {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "[") {
                guard matchClass(bytes[...], from: index, byte: 0) != nil else {
                    throw GlobError.invalid(pattern: pattern, reason: "'[' opens a character class that is never closed")
                }
            }
            index += 1
        }
    }

    static func expandBraces(_ pattern: String) throws -> [String] {
        try expandBraces(Array(pattern.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The braces are ASCII, so the pattern is split as UTF-8 bytes, never inside a character.
    private static func expandBraces(_ bytes: [UInt8]) throws -> [[UInt8]] {
        let invalid = { (reason: String) in GlobError.invalid(pattern: String(decoding: bytes, as: UTF8.self), reason: reason) }
        guard let open = bytes.firstIndex(of: UInt8(ascii: "{")) else {
            if bytes.contains(UInt8(ascii: "}")) { throw invalid("'}' without '{'") }
            return [bytes]
        }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for index in open..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { close = index }
            case UInt8(ascii: ",") where depth == 1: commas.append(index)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { throw invalid("'{' without '}'") }
        let head = bytes[..<open]
        let tail = bytes[(close + 1)...]
        let bounds = [open] + commas + [close]
        var results: [[UInt8]] = []
        for i in 0..<(bounds.count - 1) {
            results += try expandBraces(Array(head + bytes[(bounds[i] + 1)..<bounds[i + 1]] + tail))
        }
        return results
    }
}

public enum GlobError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(pattern: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let pattern, let reason): return "invalid glob '\(pattern)': \(reason)"
        }
    }
}
