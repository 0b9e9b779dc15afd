/// The pull-request report: a verdict line (❌ and the verdict that failed the check, or ✅ passed) with counts, a table of changed metrics, a ```diff block
/// in which regressions start with `-` (red) and improvements with `+` (green), failed runs, new and
/// missing metrics per series, and notices. Unchanged metrics are counted, not listed.
public enum MarkdownReport {
    /// Rows beyond this are counted, not listed (the JSON report has them all).
    public static let maximumRows = 50

    public static func render(_ comparison: Comparison) -> String {
        var lines: [String] = []
        // The icon and word follow the exit code: ❌ when the check fails, ✅ when it passes.
        let icon = comparison.decidingVerdict == nil ? "✅" : "❌"
        lines.append("### \(icon) regress: \(ReportWording.headline(comparison))")
        lines.append("")
        lines.append("Base: \(MarkdownText.escape(ReportWording.side(comparison.base))) · " +
                     "Head: \(MarkdownText.escape(ReportWording.side(comparison.head))) · " +
                     "Policy: \(MarkdownText.escape(ReportWording.policies(comparison)))")

        let listed = ReportWording.listed(comparison)
        if !listed.isEmpty {
            lines.append("")
            let showRule = listed.contains { $0.rule != .builtIn && !$0.rule.file.hasPrefix("built-in") }
            lines.append("| Verdict | Series | Benchmark | Metric | Base | Head | Change | % | p (adj.) | 95% CI |"
                         + (showRule ? " Rule |" : ""))
            lines.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|" + (showRule ? "---|" : ""))
            for result in listed.prefix(maximumRows) {
                let v = ReportWording.values(result)
                var cells = [MarkdownText.escape(ReportWording.verdict(result)), MarkdownText.escape(result.series),
                             MarkdownText.escape(display(result.benchmark)),
                             MarkdownText.escape(result.metric + (ReportWording.spreads(beside: result, in: comparison).map { " (spread: \($0))" } ?? "")),
                             v.base, v.head, v.change, v.percent, ReportWording.significance(result), ReportWording.interval(result)]
                if showRule { cells.append(MarkdownText.escape(result.rule.description)) }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if listed.count > maximumRows {
                lines.append("")
                lines.append("… and \(listed.count - maximumRows) more; `--format json` lists every metric.")
            }
            let diffLines = listed.filter { $0.verdict == .regression || $0.verdict == .improvement }.map { result -> String in
                let v = ReportWording.values(result)
                let sign = result.verdict == .regression ? "-" : "+"
                return MarkdownText.codeLine("\(sign) \(result.series) \(display(result.benchmark)) \(result.metric): \(v.base) → \(v.head) (\(v.percent))")
            }
            if !diffLines.isEmpty {
                let body = diffLines.joined(separator: "\n")
                let fence = MarkdownText.fence(for: body)
                lines.append("")
                lines.append(fence + "diff")
                lines.append(body)
                lines.append(fence)
            }
        }

        let newFailures = comparison.newFailures, oldFailures = comparison.unchangedFailures
        if !newFailures.isEmpty {
            lines.append("")
            lines.append("#### Failed runs")
            lines.append("")
            lines.append("Their values are not measurements and are not compared.")
            lines.append("")
            for run in newFailures {
                lines.append("- " + MarkdownText.escape(ReportWording.failureLine(run, in: comparison)))
            }
        }
        if !oldFailures.isEmpty {
            lines.append("")
            lines.append("<details><summary>Failed runs unchanged since the base (\(oldFailures.count)): the same file failed there, not news</summary>")
            lines.append("")
            for run in oldFailures {
                lines.append("- " + MarkdownText.escape(ReportWording.failureLine(run, in: comparison)))
            }
            lines.append("")
            lines.append("</details>")
        }
        if !comparison.moves.isEmpty {
            lines.append("")
            lines.append("**Moved** (compared across the move):")
            lines.append("")
            for line in ReportWording.moveLines(comparison.moves) { lines.append("- " + MarkdownText.escape(line)) }
        }
        let incomparable = comparison.incomparableRuns.filter { run in
            comparison.results.contains { $0.series == run.series && $0.verdict == .incomparable && $0.isReported }
        }
        if !incomparable.isEmpty {
            lines.append("")
            lines.append("**Incomparable runs**: they come from different machines, so their metrics are not compared.")
            for run in incomparable {
                lines.append("")
                lines.append("- " + MarkdownText.escape(ReportWording.incomparableLine(run)))
                let body = ReportWording.fingerprintDiff(run).map(MarkdownText.codeLine).joined(separator: "\n")
                let fence = MarkdownText.fence(for: body)
                lines.append("")
                lines.append(fence + "diff")
                lines.append(body)
                lines.append(fence)
            }
            lines.append("")
            lines.append(ReportWording.comparableAdvice)
        }
        for verdict in [Verdict.new, .missing] {
            let groups = ReportWording.appearances(comparison, verdict)
            guard !groups.isEmpty else { continue }
            lines.append("")
            lines.append(verdict == .new ? "**New** (no baseline to compare with):" : "**Missing** (in the baseline, not in the head):")
            lines.append("")
            for group in groups {
                lines.append("- \(MarkdownText.escape(group.series)): \(group.count) metric\(group.count == 1 ? "" : "s")")
            }
        }
        let expired = comparison.expiredRules
        if !expired.isEmpty {
            lines.append("")
            lines.append("**Expired rules**:")
            lines.append("")
            for (rule, expires) in expired { lines.append("- " + MarkdownText.escape(ReportWording.expiredLine(rule, expires))) }
        }
        let chosen = comparison.comparedFiles.filter(\.choseAmongSeveral)
        if !chosen.isEmpty {
            lines.append("")
            lines.append("<details><summary>Files compared (\(chosen.count) series with several runs in one tree: the newest is compared)</summary>")
            lines.append("")
            for files in chosen.prefix(maximumRows) { lines.append("- " + MarkdownText.escape(ReportWording.comparedLine(files))) }
            if chosen.count > maximumRows { lines.append("- … and \(chosen.count - maximumRows) more; `--format json` lists every file compared.") }
            lines.append("")
            lines.append("</details>")
        }
        if !comparison.notices.isEmpty {
            lines.append("")
            lines.append("<details><summary>Notices (\(comparison.notices.count))</summary>")
            lines.append("")
            for notice in comparison.notices { lines.append("- " + MarkdownText.escape(notice)) }
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The benchmark of a file whose values are not grouped into records has no name.
    static func display(_ benchmark: String) -> String {
        benchmark.isEmpty ? "–" : benchmark
    }
}
