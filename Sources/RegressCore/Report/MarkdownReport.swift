/// The pull-request report, laid out for a comment about 800 px wide: a verdict line with counts (of
/// metrics and of runs); base, head and policy; the regressions, most harmful first, one table per
/// series (benchmark · metric · base → head · change with a mark saying what decided it); a ```diff
/// block in which regressions are red and improvements green; then collapsed: statistics (tests,
/// p-values, intervals), improvements, inconclusive metrics, incomparable runs with their fingerprint
/// diff, failed runs, new and missing metrics, moves, files compared and notices. A section whose
/// items fail the check is open. Unchanged metrics are counted, not listed.
///
/// The whole report stays under a size limit (GitHub refuses a comment over 65,536 characters): the
/// lowest-priority sections are cut first, then regression rows, and the report says what was cut
/// and where the full report is.
public enum MarkdownReport {
    /// Rows of each section beyond this are counted, not listed (the JSON report has them all).
    public static let maximumRows = 50
    /// The default `--max-bytes`: under GitHub's 65,536-character limit for a comment, with room to spare.
    public static let defaultMaxBytes = 65_000

    /// The report, at most `maxBytes` bytes of UTF-8 (nil: no limit). `fullReport` says where the
    /// whole report is when something had to be cut (a URL or a path); without it the report points
    /// to `--format json`.
    public static func render(_ comparison: Comparison, maxBytes: Int? = defaultMaxBytes, fullReport: String? = nil) -> String {
        let header = MarkdownSections.header(comparison)
        var rows = maximumRows
        var sections = MarkdownSections.all(comparison, rows: rows)
        guard let maxBytes else { return assemble(header, sections, cut: []) }
        var cut: [MarkdownSection] = []
        func fits() -> Bool { assemble(header, sections, cut: cut, limit: maxBytes, fullReport: fullReport).utf8.count <= maxBytes }
        // The lowest-priority sections go first; of equal priority, the one further down.
        while !fits(), let victim = sections.indices.filter({ sections[$0].priority != nil })
            .min(by: { (sections[$0].priority!, -$0) < (sections[$1].priority!, -$1) }) {
            cut.append(sections.remove(at: victim))
        }
        // Then fewer regression rows, down to none (they stay counted).
        while !fits(), rows > 0 {
            rows /= 2
            let kept = Set(sections.map(\.name))
            sections = MarkdownSections.all(comparison, rows: rows).filter { kept.contains($0.name) }
        }
        var text = assemble(header, sections, cut: cut, limit: maxBytes, fullReport: fullReport)
        if text.utf8.count > maxBytes {
            // Only the header is left and it alone is too long (commit subjects, policy file names):
            // whole lines are dropped from its end, then the last line is shortened.
            text = truncated(text, to: maxBytes)
        }
        return text
    }

    static func assemble(_ header: [String], _ sections: [MarkdownSection], cut: [MarkdownSection],
                         limit: Int? = nil, fullReport: String? = nil) -> String {
        var lines = header
        for section in sections { lines.append(""); lines += section.lines }
        if !cut.isEmpty, let limit {
            let names = cut.sorted { a, b in a.order < b.order }.map(\.description)
            let whereFull = fullReport.map { "The full report: \(MarkdownText.escape($0))." }
                ?? "`--format json` writes the full report."
            lines.append("")
            lines.append("✂️ Cut to stay under \(NumberFormat.count(limit)) bytes: \(names.joined(separator: "; ")). \(whereFull)")
        }
        return ControlCharacters.escape(lines.joined(separator: "\n") + "\n")
    }

    /// The text cut at a line break (or, for one overlong line, a character) so that it and a closing
    /// mark fit in `limit` bytes.
    static func truncated(_ text: String, to limit: Int) -> String {
        let mark = "\n\n✂️ Cut to stay under \(NumberFormat.count(limit)) bytes.\n"
        let budget = max(0, limit - mark.utf8.count)
        var kept = ""
        var used = 0
        for character in text {
            let size = String(character).utf8.count
            if used + size > budget { break }
            kept.append(character)
            used += size
        }
        if let lastBreak = kept.lastIndex(of: "\n"), kept.distance(from: kept.startIndex, to: lastBreak) > 0 {
            kept = String(kept[..<lastBreak])
        }
        return kept + mark
    }

    /// The benchmark of a file whose values are not grouped into records has no name.
    static func display(_ benchmark: String) -> String {
        benchmark.isEmpty ? "–" : benchmark
    }
}

/// One part of the Markdown report, and how it is cut when the report is too long.
struct MarkdownSection {
    /// Says which section it is: `improvements`.
    let name: String
    /// What the cut note says when it is cut: `improvements (3 metrics)`.
    let description: String
    /// Cut order: lower goes first; nil is never cut (its rows are reduced instead).
    let priority: Int?
    /// Where it stands in the report.
    let order: Int
    let lines: [String]
}
