import Foundation

/// A plain-text report for a terminal: the verdict line, one line per changed metric, failed runs.
public enum TextReport {
    public static func render(_ comparison: Comparison) -> String {
        var lines: [String] = []
        lines.append("regress: \(ReportWording.headline(comparison))")
        lines.append("base: \(ReportWording.side(comparison.base))")
        lines.append("head: \(ReportWording.side(comparison.head))")
        lines.append("policy: \(ReportWording.policies(comparison))")
        for result in ReportWording.listed(comparison) {
            let v = ReportWording.values(result)
            var line = "\(result.verdict.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) " +
                "\(result.series) \(MarkdownReport.display(result.benchmark)) \(result.metric): \(v.base) → \(v.head) (\(v.percent))"
            if result.pValue != nil { line += " p=\(ReportWording.significance(result))" }
            if result.severity == .warn { line += " [warn]" }
            // The policy file that decided, as the Markdown report's rule column names it.
            if result.rule != .builtIn && !result.rule.file.hasPrefix("built-in") { line += " [rule: \(result.rule.description)]" }
            if let note = result.note { line += " [\(note)]" }
            if let spreads = ReportWording.spreads(beside: result, in: comparison) { line += " [spread: \(spreads)]" }
            lines.append(MarkdownText.codeLine(line))
        }
        for run in comparison.newFailures {
            lines.append(MarkdownText.codeLine("failed run   \(ReportWording.failureLine(run, in: comparison))"))
        }
        for run in comparison.unchangedFailures {
            lines.append(MarkdownText.codeLine("old failure  \(ReportWording.failureLine(run, in: comparison)) (the same file in the base)"))
        }
        for line in ReportWording.moveLines(comparison.moves) { lines.append(MarkdownText.codeLine("moved        \(line)")) }
        for files in comparison.comparedFiles where files.choseAmongSeveral {
            lines.append(MarkdownText.codeLine("compared     \(ReportWording.comparedLine(files))"))
        }
        for run in comparison.incomparableRuns {
            lines.append(MarkdownText.codeLine("incomparable \(ReportWording.incomparableLine(run))"))
            for line in ReportWording.fingerprintDiff(run) { lines.append("  " + MarkdownText.codeLine(line)) }
        }
        for (rule, expires) in comparison.expiredRules { lines.append("expired rule \(ReportWording.expiredLine(rule, expires))") }
        for notice in comparison.notices { lines.append("notice: \(MarkdownText.codeLine(notice))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
