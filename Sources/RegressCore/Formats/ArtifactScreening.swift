/// What is said of a file before, and after, a reader has seen it: content no reader should parse
/// (a Git LFS pointer, binary bytes), and why a file that parsed gave nothing, in words that name the
/// problem (an empty file, a CSV header without rows) instead of a generic "no numbers".
enum ArtifactScreening {
    /// The first line of every Git LFS pointer file.
    static let lfsPointerPrefix = Array("version https://git-lfs.github.com/spec/".utf8)
    /// How far a NUL byte is looked for, as git does to tell binary files from text.
    static let binaryProbeLength = 8000

    /// Why these bytes are not read at all, or nil when a reader may parse them.
    static func refusal(_ bytes: [UInt8], path: String) -> ArtifactError? {
        if bytes.isEmpty { return .notRead(path: path, reason: "an empty file (0 bytes), not an artifact") }
        if isBlank(bytes) {
            return .notRead(path: path, reason: "only line breaks and spaces (\(bytes.count) bytes), not an artifact")
        }
        if bytes.starts(with: lfsPointerPrefix) {
            return .notRead(path: path, reason: "a Git LFS pointer: the content is not in the repository; fetch it with " +
                            "`git lfs pull` (with actions/checkout: `lfs: true`)")
        }
        let hasByteOrderMark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        let probe = bytes.prefix(binaryProbeLength)
        if !hasByteOrderMark, !looksLikeUTF16(probe), let offset = probe.firstIndex(of: 0) {
            return .notRead(path: path, reason: "binary content (a NUL byte at byte offset \(offset)): not a text format regress reads")
        }
        return nil
    }

    /// True when every other byte is NUL, as in UTF-16 text of Latin letters (whose byte-order mark may
    /// have been lost, or mangled by a tool that took it for Latin-1).
    static func looksLikeUTF16(_ probe: ArraySlice<UInt8>) -> Bool {
        guard probe.count >= 16 else { return false }
        let start = probe.startIndex
        let even = stride(from: start, to: probe.endIndex, by: 2).filter { probe[$0] == 0 }.count
        let odd = stride(from: start + 1, to: probe.endIndex, by: 2).filter { probe[$0] == 0 }.count
        return max(even, odd) * 4 >= probe.count * 3 / 2 && min(even, odd) * 20 <= probe.count
    }

    /// Why a file that read without error holds no run, in words naming its problem.
    static func emptyReason(_ bytes: [UInt8], path: String) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv"), let records = try? CSVParser.parse(bytes), records.count == 1 {
            let columns = records[0].fields.count
            return "a CSV header (\(columns) column\(columns == 1 ? "" : "s")) and no rows, not an artifact"
        }
        return "no numeric values, not an artifact"
    }

    /// Why text that no reader recognised is in no known format: what it was tried as, and its first line.
    static func unknownReason(_ bytes: [UInt8], path: String) -> String {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let first = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        let shown = first.count > 60 ? String(first.prefix(60)) + "…" : first
        let textFormats = ArtifactReader.textAdapters.map { $0.format.rawValue }.joined(separator: ", ")
        return "not JSON (it does not start with `{` or `[`), not named .csv, .tsv or .md, and no line is a result line of " +
            "a text format (\(textFormats)) (first line: `\(shown)`)"
    }

    /// True for text (UTF-8, or UTF-16/32 with a byte-order mark) of only spaces, tabs and line breaks.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var text = CSVParser.decodeToUTF8(bytes)[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        return text.allSatisfy(blank.contains)
    }

    /// A column name the header holds twice: which column a benchmark's value is in would be a guess.
    static func duplicateColumn(_ header: [String], path: String) -> ArtifactError? {
        var first: [String: Int] = [:]
        for (column, name) in header.enumerated() where !name.isEmpty {
            if let earlier = first[name] {
                return .malformed(path: path, location: "line 1",
                                  reason: "the column '\(name)' appears twice (columns \(earlier + 1) and \(column + 1)): rename one")
            }
            first[name] = column
        }
        return nil
    }
}
