/// Markdown and JSON renderings of a noise report.
public enum NoiseReportFormat {
    public static let maximumRows = 100

    public static func markdown(_ report: NoiseReport) -> String {
        let ungateable = report.ungateable
        var lines: [String] = []
        let icon = ungateable.isEmpty ? "✅" : "⚠️"
        lines.append("### \(icon) regress noise: \(ungateable.count) of \(report.metrics.count) metrics cannot be gated at their tolerance")
        lines.append("")
        lines.append("Source: \(MarkdownText.escape(ReportWording.side(report.source))) · Runs: \(MarkdownText.escape(report.runsFrom)) · " +
                     "Policy: \(MarkdownText.escape(report.policyFiles.joined(separator: ", ")))")
        lines.append("")
        lines.append("| Series | Benchmark | Metric | n | CV | MAD/median | Runs | Between-run CV | Bimodal | Run-to-run noise | Detectable change | Tolerance | Suggested |")
        lines.append("|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
        let ordered = ungateable + report.metrics.filter(\.gateable)
        for metric in ordered.prefix(maximumRows) {
            let cells = [
                MarkdownText.escape(metric.series), MarkdownText.escape(MarkdownReport.display(metric.benchmark)),
                MarkdownText.escape(metric.metric), String(metric.samples), percent(metric.cv), percent(metric.madOverMedian),
                String(metric.runs), percent(metric.betweenRunCV), metric.bimodal ? "yes" : "no", percent(metric.runToRunNoise),
                metric.detectableChange.map { percent($0) } ?? MarkdownText.escape(metric.detectableNote ?? "—"),
                percent(metric.tolerance), metric.gateable ? "—" : "**\(percent(metric.suggestedTolerance))**",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if ordered.count > maximumRows {
            lines.append("")
            lines.append("… and \(ordered.count - maximumRows) more; `--format json` lists every metric.")
        }
        if !ungateable.isEmpty {
            lines.append("")
            lines.append("**Cannot be gated at this tolerance**: widen the tolerance of these metrics in a policy, take more samples, or make the runs quieter.")
            lines.append("")
            for metric in ungateable.prefix(maximumRows) {
                lines.append("- \(MarkdownText.escape(metric.id)): tolerance \(percent(metric.tolerance)), suggested \(percent(metric.suggestedTolerance))")
            }
        }
        if !report.notices.isEmpty {
            lines.append("")
            for notice in report.notices { lines.append("- " + MarkdownText.escape(notice)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ report: NoiseReport) -> String {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        return JSONWriter.write(.object([
            ("source", .string(report.source.label)),
            ("commit", report.source.commit.map { .string($0.id.hex) } ?? .null),
            ("runs_from", .string(report.runsFrom)),
            ("policies", .array(report.policyFiles.map { .string($0) })),
            ("ungateable", .number(Double(report.ungateable.count))),
            ("notices", .array(report.notices.map { .string($0) })),
            ("metrics", .array(report.metrics.map { metric in
                .object([
                    ("series", .string(metric.series)), ("benchmark", .string(metric.benchmark)),
                    ("metric", .string(metric.metric)), ("unit", .string(metric.unit)),
                    ("samples", .number(Double(metric.samples))), ("cv", number(metric.cv)),
                    ("mad_over_median", number(metric.madOverMedian)), ("runs", .number(Double(metric.runs))),
                    ("between_run_cv", number(metric.betweenRunCV)), ("bimodal", .bool(metric.bimodal)),
                    ("run_to_run_noise", number(metric.runToRunNoise)),
                    ("detectable_change", number(metric.detectableChange)),
                    ("detectable_note", metric.detectableNote.map { .string($0) } ?? .null),
                    ("tolerance", number(metric.tolerance)), ("gateable", .bool(metric.gateable)),
                    ("suggested_tolerance", number(metric.suggestedTolerance)), ("rule", .string(metric.rule.description)),
                ])
            })),
        ]))
    }

    static func percent(_ value: Double?) -> String {
        value.map { NumberFormat.percent($0, signed: false) } ?? "—"
    }
}
