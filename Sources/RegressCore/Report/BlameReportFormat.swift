/// The renderings of `regress blame`: the commits that introduced change points, most harmful first.
public enum BlameReportFormat {
    public static let maximumRows = 50

    public static func render(_ report: HistoryReport, metrics: [String], as format: ReportFormat) -> String {
        let culprits = Culprit.rank(report.series)
        switch format {
        case .markdown: return ControlCharacters.escape(markdown(report, culprits: culprits, metrics: metrics))
        case .json: return json(report, culprits: culprits)
        case .text: return ControlCharacters.escape(text(report, culprits: culprits, metrics: metrics))
        }
    }

    static func title(_ report: HistoryReport, culprits: [Culprit], metrics: [String]) -> String {
        let matching = metrics.isEmpty ? "" : " matching \(metrics.joined(separator: ", "))"
        let count = culprits.count
        return count == 0
            ? "no commit changed the \(report.series.count) metric\(report.series.count == 1 ? "" : "s")\(matching) in \(report.range)"
            : "\(count) commit\(count == 1 ? "" : "s") changed metrics\(matching) in \(report.range)"
    }

    static func worst(_ culprit: Culprit) -> (MetricHistory, HistoryChange) {
        (culprit.changes[0].metric, culprit.changes[0].change)
    }

    static func size(_ change: HistoryChange, unit: String) -> String {
        change.relative.map { NumberFormat.percent($0) }
            ?? "\(NumberFormat.value(change.before, unit: unit)) → \(NumberFormat.value(change.after, unit: unit))"
    }

    static func tally(_ culprit: Culprit) -> String {
        let changes = culprit.changes.map(\.change)
        let regressions = changes.filter { $0.verdict == .regression }.count
        let improvements = changes.filter { $0.verdict == .improvement }.count
        let other = changes.count - regressions - improvements
        var parts: [String] = []
        if regressions > 0 { parts.append("\(regressions) \(ReportWording.name(.regression, count: regressions))") }
        if improvements > 0 { parts.append("\(improvements) \(ReportWording.name(.improvement, count: improvements))") }
        if other > 0 { parts.append("\(other) of unknown direction") }
        return parts.joined(separator: ", ")
    }

    static func markdown(_ report: HistoryReport, culprits: [Culprit], metrics: [String]) -> String {
        var lines = ["### regress blame: \(MarkdownText.escape(title(report, culprits: culprits, metrics: metrics)))", ""]
        lines.append("\(report.commitsRead) commit\(report.commitsRead == 1 ? "" : "s") read · Policy: \(MarkdownText.escape(report.policyFiles.joined(separator: ", ")))")
        if !culprits.isEmpty {
            lines.append("")
            lines.append("| Commit | Subject | Author | Date | Worst change | Metrics changed |")
            lines.append("|---|---|---|---|---|---|")
            for culprit in culprits.prefix(maximumRows) {
                let (metric, change) = worst(culprit)
                let cells = [
                    "`\(culprit.commit.id.short)`", MarkdownText.escape(ReportWording.truncated(culprit.commit.summary, 60)),
                    MarkdownText.escape(culprit.commit.authorName), HistoryReportFormat.date(culprit.commit),
                    "\(change.verdict == .inconclusive ? "change" : change.verdict.rawValue) \(size(change, unit: metric.unit)) " +
                        MarkdownText.escape(metric.id),
                    tally(culprit),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if culprits.count > maximumRows {
                lines.append("")
                lines.append("… and \(culprits.count - maximumRows) more; `--format json` lists them all.")
            }
        }
        for notice in report.notices.prefix(20) { lines.append(""); lines.append("- " + MarkdownText.escape(notice)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ report: HistoryReport, culprits: [Culprit], metrics: [String]) -> String {
        var lines = ["regress blame: \(ControlCharacters.escape(title(report, culprits: culprits, metrics: metrics)))"]
        for culprit in culprits {
            let (metric, change) = worst(culprit)
            lines.append("\(culprit.commit.id.short) \(HistoryReportFormat.date(culprit.commit)) \(ControlCharacters.escape(culprit.commit.authorName)): " +
                         "\(ControlCharacters.escape(ReportWording.truncated(culprit.commit.summary, 60))) — " +
                         "\(change.verdict == .inconclusive ? "change" : change.verdict.rawValue) \(size(change, unit: metric.unit)) " +
                         "\(ControlCharacters.escape(metric.id)) (\(tally(culprit)))")
        }
        for notice in report.notices { lines.append("note: " + ControlCharacters.escape(notice)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: HistoryReport, culprits: [Culprit]) -> String {
        JSONWriter.write(.object([
            ("range", .string(report.range)),
            ("commits_read", .number(Double(report.commitsRead))),
            ("notices", .array(report.notices.map { .string($0) })),
            ("commits", .array(culprits.map { culprit in
                .object([
                    ("commit", .string(culprit.commit.id.hex)),
                    ("summary", .string(culprit.commit.summary)),
                    ("author", .string(culprit.commit.authorName)),
                    ("time", .number(Double(culprit.commit.time))),
                    ("changes", .array(culprit.changes.map { metric, change in
                        .object([
                            ("id", .string(metric.id)),
                            ("unit", .string(metric.unit)),
                            ("before", .number(change.before)),
                            ("after", .number(change.after)),
                            ("relative", change.relative.map { .number($0) } ?? .null),
                            ("direction", .string(change.verdict == .inconclusive ? "unknown" : change.verdict.rawValue)),
                            ("confidence", .number(change.confidence)),
                        ])
                    })),
                ])
            })),
        ]))
    }
}
