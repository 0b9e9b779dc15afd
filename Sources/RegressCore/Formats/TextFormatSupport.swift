/// What the text format adapters share: numbered lines, numbers as harnesses print them, durations,
/// and the rule of partial reading (a broken part is skipped with a notice naming its line; a file of
/// which nothing could be read is an error naming the first broken line).
enum TextFormatSupport {
    /// The lines of a text, numbered from 1, without their line breaks (`\n`, `\r\n` or `\r`).
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// A number as harnesses print it: `1234.5`, `1,234,567` (grouped), `2.3e+06`; nil for anything else.
    static func number<S: StringProtocol>(_ text: S) -> Double? {
        var plain = String(text)
        if plain.contains(",") {
            // Commas only as thousands separators: groups of three digits after the first.
            let integer = plain.split(separator: ".", maxSplits: 1)[0]
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            plain.removeAll { $0 == "," }
        }
        guard let first = plain.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        return Double(plain)
    }

    /// The factor from a printed time unit to nanoseconds (`ps`, `ns`, `us`, `µs`, `ms`, `s`).
    static func nanosecondsPer(_ unit: Substring) -> Double? {
        switch unit {
        case "ps": return 0.001
        case "ns": return 1
        case "us", "µs", "μs": return 1_000
        case "ms": return 1_000_000
        case "s": return 1_000_000_000
        default: return nil
        }
    }

    /// Lines that could not be read, kept to name the first when nothing could be read at all.
    struct Problems {
        let path: String
        private(set) var first: (line: Int, reason: String)?

        init(path: String) { self.path = path }

        /// Skips a broken line: counted in `skipped` under a reason naming the line.
        mutating func skip(line: Int, _ reason: String, in collector: inout ArtifactContents.Collector) {
            if first == nil { first = (line, reason) }
            collector.skip("line \(line): \(reason)")
        }

        /// The contents, or the first problem as an error when no measurement and no failure was read.
        func finish(_ collector: ArtifactContents.Collector) throws -> ArtifactContents {
            let contents = collector.contents
            if contents.measurements.isEmpty, contents.failure == nil, let first {
                throw ArtifactError.malformed(path: path, location: "line \(first.line)", reason: first.reason)
            }
            return contents
        }
    }
}
