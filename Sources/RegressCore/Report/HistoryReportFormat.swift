import Foundation
import RegressGit

/// The renderings of a history report: Markdown (changed metrics first, each with its culprit commits
/// and a Mermaid chart GitHub draws), JSON (every series with its points and changes) and text (one
/// line per series with a sparkline).
public enum HistoryReportFormat {
    /// Changed metrics shown in full (table and chart); the others are listed by name.
    public static let maximumCharts = 20
    /// Points drawn in a chart; longer series are drawn as the medians of equal bins.
    public static let maximumChartPoints = 120

    public static func render(_ report: HistoryReport, as format: ReportFormat) -> String {
        switch format {
        case .markdown: return ControlCharacters.escape(markdown(report))
        case .json: return json(report)
        case .text: return ControlCharacters.escape(text(report))
        }
    }

    // MARK: Markdown

    public static func markdown(_ report: HistoryReport) -> String {
        let changed = report.changed
        var lines: [String] = []
        let icon = report.exitCode == 1 ? "❌" : changed.isEmpty ? "✅" : "⚠️"
        lines.append("### \(icon) regress history: \(headline(report))")
        lines.append("")
        lines.append("Range: \(MarkdownText.escape(report.range)) (tip \(report.tip.id.short) “\(MarkdownText.escape(report.tip.summary))”) · " +
                     "\(report.commitsRead) commit\(report.commitsRead == 1 ? "" : "s") read · " +
                     "Policy: \(MarkdownText.escape(report.policyFiles.joined(separator: ", ")))")
        for series in changed.prefix(maximumCharts) {
            lines.append("")
            lines.append("#### \(MarkdownText.escape(series.series)) › \(MarkdownText.escape(MarkdownReport.display(series.benchmark))) › \(MarkdownText.escape(series.metric))")
            lines.append("")
            lines.append("| Change | Commit | Subject | Before → after | % | Confidence |")
            lines.append("|---|---|---|---:|---:|---:|")
            for change in series.changesInRange {
                // A value and its unit never wrap apart (no-break spaces).
                let levels = "\(unbroken(NumberFormat.value(change.before, unit: series.unit))) → \(unbroken(NumberFormat.value(change.after, unit: series.unit)))"
                let cells = [
                    verdictCell(change), "`\(change.commit.id.short)`",
                    MarkdownText.escape(ReportWording.truncated(change.commit.summary, 60)) + " — " +
                        MarkdownText.escape(change.commit.authorName) + ", " + date(change.commit),
                    levels, change.relative.map { NumberFormat.percent($0) } ?? "—", confidence(change.confidence),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
            lines.append(contentsOf: chart(series))
        }
        if changed.count > maximumCharts {
            lines.append("")
            lines.append("Also changed: " + changed.dropFirst(maximumCharts).prefix(50).map { MarkdownText.escape($0.id) }.joined(separator: ", ") +
                         (changed.count > maximumCharts + 50 ? ", …" : "") + "; `--format json` has them all.")
        }
        let quiet = report.series.count - changed.count
        if quiet > 0 {
            lines.append("")
            lines.append("\(quiet) other metric\(quiet == 1 ? "" : "s"): no change point in the range.")
        }
        if !report.notices.isEmpty {
            lines.append("")
            for notice in report.notices.prefix(20) { lines.append("- " + MarkdownText.escape(notice)) }
            if report.notices.count > 20 { lines.append("- … and \(report.notices.count - 20) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 regressions, 1 improvement in 3 of 120 metrics`, or `no change point in 120 metrics`.
    static func headline(_ report: HistoryReport) -> String {
        let changes = report.series.flatMap(\.changesInRange)
        var parts: [String] = []
        for verdict in [Verdict.regression, .improvement, .inconclusive] {
            let count = changes.filter { $0.verdict == verdict }.count
            guard count > 0 else { continue }
            parts.append(verdict == .inconclusive ? "\(count) change\(count == 1 ? "" : "s") of unknown direction"
                                                  : "\(count) \(ReportWording.name(verdict, count: count))")
        }
        let metrics = "\(report.series.count) metric\(report.series.count == 1 ? "" : "s")"
        if parts.isEmpty { return "no change point in \(metrics)" }
        return parts.joined(separator: ", ") + " in \(report.changed.count) of \(metrics)"
    }

    static func verdictCell(_ change: HistoryChange) -> String {
        switch change.verdict {
        case .regression: return change.severity == .fail ? "**regression**" : "regression (\(change.severity.rawValue))"
        case .improvement: return "improvement"
        default: return "change (direction unknown)"
        }
    }

    static func unbroken(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    static func confidence(_ value: Double) -> String {
        value >= 0.999 ? ">0.999" : String(format: "%.3f", value)
    }

    static func date(_ commit: Commit) -> String {
        CompareOperation.civilDate(daysSince1970: Int((Double(commit.time) / 86_400).rounded(.down)))
    }

    /// A Mermaid `xychart-beta` line of the series (binned to `maximumChartPoints`), in a fenced block.
    static func chart(_ series: MetricHistory) -> [String] {
        let values = series.points.map(\.value)
        let bins = binned(values, into: maximumChartPoints)
        let title = (series.metric + (series.unit.isEmpty ? "" : " (\(series.unit))")).filter { $0 != "\"" && !$0.isNewline }
        var lines = ["```mermaid", "xychart-beta", "    title \"\(title)\""]
        if bins.count == values.count, values.count <= 12 {
            lines.append("    x-axis [" + series.points.map { "\"\($0.commit.id.short)\"" }.joined(separator: ", ") + "]")
        } else {
            lines.append("    x-axis \"run\" 1 --> \(values.count)")
        }
        let low = bins.min() ?? 0, high = bins.max() ?? 0
        let pad = (high - low) * 0.1 + (high == low ? abs(high) * 0.05 + 1e-12 : 0)
        lines.append("    y-axis \"\(series.unit.isEmpty ? "value" : series.unit.filter { $0 != "\"" })\" \(NumberFormat.value(low - pad)) --> \(NumberFormat.value(high + pad))")
        lines.append("    line [" + bins.map { NumberFormat.value($0) }.joined(separator: ", ") + "]")
        lines.append("```")
        return lines
    }

    /// The values themselves when there are at most `count`; else the medians of `count` equal bins.
    static func binned(_ values: [Double], into count: Int) -> [Double] {
        guard values.count > count else { return values }
        return (0..<count).map { bin in
            let start = bin * values.count / count, end = (bin + 1) * values.count / count
            return Descriptive(Array(values[start..<max(end, start + 1)]))!.median
        }
    }

    // MARK: JSON

    public static func json(_ report: HistoryReport) -> String {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        return JSONWriter.write(.object([
            ("range", .string(report.range)),
            ("tip", .string(report.tip.id.hex)),
            ("commits_read", .number(Double(report.commitsRead))),
            ("exit_code", .number(Double(report.exitCode))),
            ("policies", .array(report.policyFiles.map { .string($0) })),
            ("notices", .array(report.notices.map { .string($0) })),
            ("series", .array(report.series.map { series in
                .object([
                    ("id", .string(series.id)),
                    ("series", .string(series.series)),
                    ("benchmark", .string(series.benchmark)),
                    ("metric", .string(series.metric)),
                    ("unit", .string(series.unit)),
                    ("direction", .string(series.direction.rawValue)),
                    ("rule", .string(series.rule.description)),
                    ("points", .array(series.points.map { point in
                        .object([
                            ("commit", .string(point.commit.id.hex)),
                            ("time", .number(Double(point.commit.time))),
                            ("value", .number(point.value)),
                            ("samples", .number(Double(point.samples))),
                            ("in_range", .bool(point.inRange)),
                        ])
                    })),
                    ("changes", .array(series.changes.map { change in
                        .object([
                            ("commit", .string(change.commit.id.hex)),
                            ("index", .number(Double(change.index))),
                            ("before", .number(change.before)),
                            ("after", .number(change.after)),
                            ("relative", number(change.relative)),
                            ("direction", .string(change.verdict == .inconclusive ? "unknown" : change.verdict.rawValue)),
                            ("confidence", .number(change.confidence)),
                            ("severity", .string(change.severity.rawValue)),
                            ("in_range", .bool(change.inRange)),
                        ])
                    })),
                ])
            })),
        ]))
    }

    // MARK: Text

    public static func text(_ report: HistoryReport) -> String {
        var lines = ["regress history: \(headline(report)) (\(report.range), \(report.commitsRead) commits read)"]
        let ordered = report.changed + report.series.filter { $0.changesInRange.isEmpty }
        for series in ordered {
            var line = "\(ControlCharacters.escape(series.id))  \(sparkline(series.points.map(\.value)))  \(series.points.count) run\(series.points.count == 1 ? "" : "s")"
            for change in series.changesInRange {
                let size = change.relative.map { NumberFormat.percent($0) } ?? "\(NumberFormat.value(change.before)) → \(NumberFormat.value(change.after))"
                line += "; \(change.verdict == .inconclusive ? "change" : change.verdict.rawValue) \(size) at \(change.commit.id.short) \(ControlCharacters.escape(ReportWording.truncated(change.commit.summary, 50)))"
            }
            lines.append(line)
        }
        for notice in report.notices { lines.append("note: " + ControlCharacters.escape(notice)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The series (binned to 40) as block characters from ▁ (lowest) to █ (highest).
    static func sparkline(_ values: [Double]) -> String {
        let shown = binned(values, into: 40)
        guard let low = shown.min(), let high = shown.max() else { return "" }
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(shown.map { value in
            high == low ? blocks[3] : blocks[min(7, Int((value - low) / (high - low) * 7.999))]
        })
    }
}
