import Foundation

/// A plain-text report for a terminal: the verdict line, one line per changed metric, failed runs.
/// With `colour`, the verdicts are coloured with ANSI escapes (red regressions and failures, green
/// improvements, yellow what cannot be told); every name from an artifact has had its own control
/// characters escaped before.
public enum TextReport {
    public static func render(_ comparison: Comparison, colour: Bool = false) -> String {
        func paint(_ text: String, _ verdict: Verdict?) -> String {
            guard colour, let verdict else { return text }
            let code: String
            switch verdict {
            case .regression, .failed: code = "31"
            case .improvement: code = "32"
            case .inconclusive, .incomparable, .new, .missing: code = "33"
            case .unchanged: return text
            }
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        var lines: [String] = []
        let outcome = paint("regress: \(MarkdownText.codeLine(ReportWording.headline(comparison)))",
                            comparison.decidingVerdict.map { _ in .regression } ?? .improvement)
        lines.append(outcome)
        lines.append(MarkdownText.codeLine("base: \(ReportWording.side(comparison.base))"))
        lines.append(MarkdownText.codeLine("head: \(ReportWording.side(comparison.head))"))
        lines.append(MarkdownText.codeLine("policy: \(ReportWording.policies(comparison))"))
        for result in ReportWording.listed(comparison) {
            let v = ReportWording.values(result)
            var line = "\(result.series) \(MarkdownReport.display(result.benchmark)) \(result.metric): \(v.base) → \(v.head) (\(v.percent))"
            if result.pValue != nil { line += " \(ReportWording.significance(result))" }
            if result.severity == .warn { line += " [warn]" }
            // The policy file that decided, as the Markdown report's statistics name it.
            if result.rule != .builtIn && !result.rule.file.hasPrefix("built-in") { line += " [rule: \(result.rule.description)]" }
            if let note = result.note { line += " [\(note)]" }
            if let spreads = ReportWording.spreads(beside: result, in: comparison) { line += " [spread: \(spreads)]" }
            lines.append(paint(result.verdict.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0), result.verdict)
                         + " " + MarkdownText.codeLine(line))
        }
        for run in comparison.newFailures {
            lines.append(paint("failed run", .failed) + "   " + MarkdownText.codeLine(ReportWording.failureLine(run, in: comparison)))
        }
        for run in comparison.unchangedFailures {
            lines.append(MarkdownText.codeLine("old failure  \(ReportWording.failureLine(run, in: comparison)) (the same file in the base)"))
        }
        for line in ReportWording.moveLines(comparison.moves) { lines.append(MarkdownText.codeLine("moved        \(line)")) }
        for files in comparison.comparedFiles where files.choseAmongSeveral {
            lines.append(MarkdownText.codeLine("compared     \(ReportWording.comparedLine(files))"))
        }
        for run in comparison.incomparableRuns {
            lines.append(paint("incomparable", .incomparable) + " " + MarkdownText.codeLine(ReportWording.incomparableLine(run)))
            for line in ReportWording.fingerprintDiff(run) { lines.append("  " + MarkdownText.codeLine(line)) }
        }
        for (rule, expires) in comparison.expiredRules { lines.append(MarkdownText.codeLine("expired rule \(ReportWording.expiredLine(rule, expires))")) }
        for notice in comparison.notices { lines.append("notice: \(MarkdownText.codeLine(notice))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
