/// The sections of the Markdown report, each narrow enough for an 800 px comment: no table has more
/// than four columns, a value and its unit are joined by a no-break space, long names may break after
/// `/`, `.`, `_`, `:` and `-`, and lines of code blocks are kept short.
enum MarkdownSections {
    static let noBreakSpace = "\u{00A0}"
    /// Lines of a ```diff block longer than this are shortened in the middle (a code block scrolls
    /// instead of wrapping).
    static let codeLineWidth = 84

    static func header(_ comparison: Comparison) -> [String] {
        // The icon and word follow the exit code: ❌ when the check fails, ✅ when it passes.
        let icon = comparison.decidingVerdict == nil ? "✅" : "❌"
        return [
            "### \(icon) regress: \(MarkdownText.escape(ReportWording.headline(comparison)))",
            "",
            "Base: \(MarkdownText.escape(ReportWording.side(comparison.base))) · " +
                "Head: \(MarkdownText.escape(ReportWording.side(comparison.head))) · " +
                "Policy: \(MarkdownText.escape(ReportWording.policies(comparison)))",
        ]
    }

    /// Every section with something to say, in report order, listing at most `rows` regressions.
    static func all(_ comparison: Comparison, rows: Int) -> [MarkdownSection] {
        let listed = ReportWording.listed(comparison)
        let regressions = listed.filter { $0.verdict == .regression }
        let improvements = listed.filter { $0.verdict == .improvement }
        let inconclusive = listed.filter { $0.verdict == .inconclusive }
        let cap = MarkdownReport.maximumRows
        let shown = Array(regressions.prefix(rows)) + improvements.prefix(cap) + inconclusive.prefix(cap)
        let statistics = statistics(shown, in: comparison)
        let candidates: [MarkdownSection?] = [
            regressionSection(regressions, rows: rows, withStatistics: statistics != nil, in: comparison),
            diffBlock(regressions, improvements, rows: min(rows, cap)),
            failedRuns(comparison),
            incomparable(comparison),
            expiredRules(comparison),
            statistics,
            listedSection("improvements", "Improvements", improvements, priority: 5, order: 6, in: comparison),
            listedSection("inconclusive", "Inconclusive", inconclusive, priority: 4, order: 7, in: comparison),
            appearances(.new, comparison),
            appearances(.missing, comparison),
            unchangedFailures(comparison),
            moves(comparison),
            filesCompared(comparison),
            notices(comparison),
        ]
        return candidates.compactMap { $0 }.sorted { $0.order < $1.order }
    }

    // MARK: Metrics

    static func regressionSection(_ results: [MetricResult], rows: Int, withStatistics: Bool, in comparison: Comparison) -> MarkdownSection? {
        guard !results.isEmpty else { return nil }
        var lines = ["#### Regressions (\(NumberFormat.count(results.count)))"]
        lines += tables(Array(results.prefix(rows)), in: comparison)
        if results.count > rows {
            lines += ["", "… and \(NumberFormat.count(results.count - rows)) more regression\(results.count - rows == 1 ? "" : "s"); the JSON report (`--format json`) lists every metric."]
        }
        let marks = Set(results.prefix(rows).map(mark))
        if !marks.isEmpty {
            lines += ["", "<sub>" + legend(marks) + (withStatistics ? " P-values and intervals: *Statistics* below." : "") + "</sub>"]
        }
        return MarkdownSection(name: "regressions", description: "regressions", priority: nil, order: 1, lines: lines)
    }

    /// A collapsed section of metric tables: improvements or inconclusive metrics.
    static func listedSection(_ name: String, _ title: String, _ results: [MetricResult], priority: Int, order: Int,
                              in comparison: Comparison) -> MarkdownSection? {
        guard !results.isEmpty else { return nil }
        let cap = MarkdownReport.maximumRows
        var body = tables(Array(results.prefix(cap)), in: comparison)
        if results.count > cap {
            body += ["", "… and \(NumberFormat.count(results.count - cap)) more; the JSON report (`--format json`) lists every metric."]
        }
        let count = ReportWording.counted(results.count, "metric")
        return MarkdownSection(name: name, description: "\(name) (\(count))", priority: priority, order: order,
                               lines: collapsed("\(title) (\(count))", body))
    }

    /// One table per series, its path as the heading; series in the order of their first result.
    static func tables(_ results: [MetricResult], in comparison: Comparison) -> [String] {
        var lines: [String] = []
        for (series, results) in bySeries(results) {
            lines += ["", "##### " + MarkdownText.escape(series), "", "| Benchmark | Metric | Base → Head | Change |", "|---|---|--:|--:|"]
            for result in results {
                var metric = breakable(result.metric)
                if result.severity == .warn { metric += " (warn)" }
                if result.verdict == .inconclusive, let note = result.note {
                    metric += "<br><sub>\(MarkdownText.escape(note))</sub>"
                }
                let change = (result.relativeChange.map { NumberFormat.percent($0) } ?? "—")
                    + (result.verdict == .inconclusive ? "" : noBreakSpace + mark(result))
                lines.append("| \(breakable(MarkdownReport.display(result.benchmark))) | \(metric) | " +
                             "\(value(result.base, result.unit)) → \(value(result.head, result.unit)) | \(change) |")
            }
        }
        return lines
    }

    /// The results grouped by series, series in the order of their first result, results in their order.
    static func bySeries(_ results: [MetricResult]) -> [(series: String, results: [MetricResult])] {
        var order: [String] = []
        var groups: [String: [MetricResult]] = [:]
        for result in results {
            if groups[result.series] == nil { order.append(result.series) }
            groups[result.series, default: []].append(result)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// What decided a regression or improvement: a significant test (`*`), the noise learned from the
    /// metric's earlier runs (`†`), or the tolerance alone, too few samples for a test (`‡`).
    static func mark(_ result: MetricResult) -> String {
        if result.pValue != nil { return "\\*" }
        if result.noise != nil { return "†" }
        return "‡"
    }

    static func legend(_ marks: Set<String>) -> String {
        let meanings = [("\\*", "significant in a statistical test"),
                        ("†", "beyond the noise learned from earlier runs"),
                        ("‡", "beyond the tolerance; too few samples for a test")]
        return meanings.filter { marks.contains($0.0) }.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "."
    }

    /// A value and its unit joined by a no-break space, so that they never wrap apart: `4.909 ms`.
    static func value(_ number: Double?, _ unit: String) -> String {
        guard let number else { return "—" }
        if unit.isEmpty { return NumberFormat.value(number) }
        if unit == "%" { return NumberFormat.value(number) + "%" }
        return NumberFormat.value(number) + noBreakSpace + MarkdownText.escape(unit).replacingOccurrences(of: " ", with: noBreakSpace)
    }

    /// Escaped text in which a long name may break after `/`, `.`, `_`, `:`, `-` or `,` (`<wbr>`), and
    /// anywhere in a stretch of 30 characters without one, so that `BM_Conv2D/batch:32/real_time` wraps
    /// in a narrow column instead of widening the table.
    static func breakable(_ text: String) -> String {
        guard text.count > 24 else { return MarkdownText.escape(text) }
        var out = ""
        var sinceBreak = 0
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            out += MarkdownText.escape(String(character))
            sinceBreak = character == " " ? 0 : sinceBreak + 1
            // After every `/` of a path-like name; after the others only in a long stretch without one.
            let after = character == "/" ? 3 : "._:-,".contains(character) ? 10 : 30
            if sinceBreak >= after, index < characters.count - 4 {
                out += "<wbr>"
                sinceBreak = 0
            }
        }
        return out
    }

    /// Regressions (red, `-`) and improvements (green, `+`), grouped by series under `@@` lines, at most
    /// `rows` lines of each.
    static func diffBlock(_ regressions: [MetricResult], _ improvements: [MetricResult], rows: Int) -> MarkdownSection? {
        guard rows > 0, !(regressions.isEmpty && improvements.isEmpty) else { return nil }
        var lines: [String] = []
        for (results, sign) in [(regressions, "-"), (improvements, "+")] where !results.isEmpty {
            for (series, results) in bySeries(Array(results.prefix(rows))) {
                lines.append(MarkdownText.codeLine(shortened("@@ \(series) @@", codeLineWidth)))
                lines += results.map { diffLine($0, sign: sign) }
            }
            if results.count > rows {
                lines.append("\(sign) … and \(NumberFormat.count(results.count - rows)) more")
            }
        }
        let body = lines.joined(separator: "\n")
        let fence = MarkdownText.fence(for: body)
        return MarkdownSection(name: "diff", description: "the ```diff block", priority: 8, order: 2,
                               lines: [fence + "diff", body, fence])
    }

    /// `- benchmark metric: base → head (change)`, its name shortened to keep the line short.
    static func diffLine(_ result: MetricResult, sign: String) -> String {
        let values = ReportWording.values(result)
        let tail = ": \(values.base) → \(values.head) (\(values.percent))"
        let name = shortened("\(sign) \(MarkdownReport.display(result.benchmark)) \(result.metric)", max(24, codeLineWidth - tail.count))
        return MarkdownText.codeLine(name + tail)
    }

    /// The text shortened in its middle to `width` characters: `- BM_Conv2D/ba…/real_time`.
    static func shortened(_ text: String, _ width: Int) -> String {
        guard text.count > width, width > 8 else { return text }
        let head = (width - 1) / 2, tail = width - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    /// Per listed metric: the test and its p-values (raw and Benjamini-Hochberg adjusted), the 95%
    /// interval of the change, samples, the note and the rule that decided, and spreads shown beside it.
    static func statistics(_ results: [MetricResult], in comparison: Comparison) -> MarkdownSection? {
        guard !results.isEmpty else { return nil }
        var body: [String] = [""]
        for (series, results) in bySeries(results) {
            let lines = results.compactMap { statisticsLine($0, in: comparison) }
            guard !lines.isEmpty else { continue }
            body.append("- " + MarkdownText.escape(series))
            body += lines.map { "  - " + $0 }
        }
        guard body.count > 1 else { return nil }
        return MarkdownSection(name: "statistics", description: "statistics (p-values and intervals)", priority: 6, order: 3,
                               lines: collapsed("Statistics: tests, p-values (raw and adjusted), 95% intervals", body))
    }

    /// `benchmark · metric (verdict): test: p = … raw, … adjusted (Benjamini-Hochberg); 95% interval …`;
    /// nil when there is nothing to say beyond "no test" (the table's mark says it).
    static func statisticsLine(_ result: MetricResult, in comparison: Comparison) -> String? {
        var parts: [String] = []
        if let test = result.test, let p = result.pValue {
            var text = "\(test.rawValue) test: p\(noBreakSpace)=\(noBreakSpace)\(NumberFormat.pValue(p)) raw"
            if let adjusted = result.pValueAdjusted {
                text += ", \(NumberFormat.pValue(adjusted)) adjusted (Benjamini-Hochberg)"
            }
            parts.append(text)
        } else {
            parts.append("no test")
        }
        if let low = result.ciLow, let high = result.ciHigh {
            parts.append("95% interval of the change \(NumberFormat.percent(low))\(noBreakSpace)…\(noBreakSpace)\(NumberFormat.percent(high))")
        }
        if max(result.samplesBase, result.samplesHead) > 1 { parts.append("\(result.samplesBase) → \(result.samplesHead) samples") }
        if let note = result.note { parts.append(MarkdownText.escape(note)) }
        if let spreads = ReportWording.spreads(beside: result, in: comparison, separator: noBreakSpace) {
            parts.append("spread: " + MarkdownText.escape(spreads))
        }
        if result.rule != .builtIn, !result.rule.file.hasPrefix("built-in") {
            parts.append("rule: " + MarkdownText.escape(result.rule.description))
        }
        guard parts != ["no test"] else { return nil }
        return "\(MarkdownText.escape(MarkdownReport.display(result.benchmark))) · \(MarkdownText.escape(result.metric)) " +
            "(\(result.verdict.rawValue)): " + parts.joined(separator: "; ")
    }

    // MARK: Runs

    static func failedRuns(_ comparison: Comparison) -> MarkdownSection? {
        let runs = comparison.newFailures
        guard !runs.isEmpty else { return nil }
        var body = ["", "Their values are not measurements and are not compared.", ""]
        body += runs.map { "- " + MarkdownText.escape(ReportWording.failureLine($0, in: comparison)) }
        let failing = comparison.results.contains { $0.verdict == .failed && $0.fails }
        let count = ReportWording.counted(runs.count, "run")
        return MarkdownSection(name: "failed", description: "failed runs (\(count))", priority: failing ? 19 : 9, order: 4,
                               lines: collapsed(ReportWording.counted(runs.count, "failed run") + (failing ? "" : " (warn)"), open: failing, body))
    }

    static func incomparable(_ comparison: Comparison) -> MarkdownSection? {
        let runs = comparison.incomparableRuns.filter { run in
            comparison.results.contains { $0.series == run.series && $0.verdict == .incomparable && $0.isReported }
        }
        guard !runs.isEmpty else { return nil }
        var body = ["", "They come from different machines, so their metrics are not compared."]
        for run in runs {
            body += ["", "- " + MarkdownText.escape(ReportWording.incomparableLine(run))]
            let diff = ReportWording.fingerprintDiff(run).map { MarkdownText.codeLine(shortened($0, codeLineWidth)) }.joined(separator: "\n")
            let fence = MarkdownText.fence(for: diff)
            body += ["", fence + "diff", diff, fence]
        }
        body += ["", ReportWording.comparableAdvice]
        let failing = comparison.results.contains { $0.verdict == .incomparable && $0.fails }
        let count = ReportWording.counted(runs.count, "run")
        return MarkdownSection(name: "incomparable", description: "incomparable runs (\(count))", priority: failing ? 18 : 7, order: 5,
                               lines: collapsed("Incomparable: \(count) from different machines", open: failing, body))
    }

    static func expiredRules(_ comparison: Comparison) -> MarkdownSection? {
        let expired = comparison.expiredRules
        guard !expired.isEmpty else { return nil }
        let lines = ["**Expired rules**:", ""] + expired.map { "- " + MarkdownText.escape(ReportWording.expiredLine($0.rule, $0.expires)) }
        return MarkdownSection(name: "expired", description: "expired rules (\(expired.count))", priority: 8, order: 3, lines: lines)
    }

    /// New or missing metrics, counted per series.
    static func appearances(_ verdict: Verdict, _ comparison: Comparison) -> MarkdownSection? {
        let groups = ReportWording.appearances(comparison, verdict)
        guard !groups.isEmpty else { return nil }
        let total = groups.map(\.count).reduce(0, +)
        let count = ReportWording.counted(total, "metric")
        let failing = comparison.results.contains { $0.verdict == verdict && $0.fails }
        let title = verdict == .new ? "New: \(count) with no baseline" : "Missing: \(count) in the baseline, not in the head"
        var body = [""] + groups.prefix(MarkdownReport.maximumRows).map {
            "- \(MarkdownText.escape($0.series)): \(ReportWording.counted($0.count, "metric"))"
        }
        if groups.count > MarkdownReport.maximumRows {
            body.append("- … and \(NumberFormat.count(groups.count - MarkdownReport.maximumRows)) more series")
        }
        return MarkdownSection(name: verdict.rawValue, description: "\(verdict.rawValue) metrics (\(total))",
                               priority: failing ? 17 : 3, order: verdict == .new ? 8 : 9,
                               lines: collapsed(title, open: failing, body))
    }

    static func unchangedFailures(_ comparison: Comparison) -> MarkdownSection? {
        let runs = comparison.unchangedFailures
        guard !runs.isEmpty else { return nil }
        let body = [""] + runs.map { "- " + MarkdownText.escape(ReportWording.failureLine($0, in: comparison)) }
        return MarkdownSection(name: "old-failures", description: "failed runs unchanged since the base (\(runs.count))",
                               priority: 2, order: 10,
                               lines: collapsed("Failed runs unchanged since the base (\(runs.count)): the same file failed there, not news", body))
    }

    static func moves(_ comparison: Comparison) -> MarkdownSection? {
        guard !comparison.moves.isEmpty else { return nil }
        let lines = ReportWording.moveLines(comparison.moves)
        let body = [""] + lines.map { "- " + MarkdownText.escape($0) }
        return MarkdownSection(name: "moves", description: "moved artifacts (\(lines.count))", priority: 2, order: 11,
                               lines: collapsed("Moved (\(lines.count)): compared across the move", body))
    }

    static func filesCompared(_ comparison: Comparison) -> MarkdownSection? {
        let chosen = comparison.comparedFiles.filter(\.choseAmongSeveral)
        guard !chosen.isEmpty else { return nil }
        var body = [""] + chosen.prefix(MarkdownReport.maximumRows).map { "- " + MarkdownText.escape(ReportWording.comparedLine($0)) }
        if chosen.count > MarkdownReport.maximumRows {
            body.append("- … and \(NumberFormat.count(chosen.count - MarkdownReport.maximumRows)) more; `--format json` lists every file compared.")
        }
        return MarkdownSection(name: "files", description: "files compared (\(chosen.count))", priority: 1, order: 12,
                               lines: collapsed("Files compared (\(chosen.count) series with several runs in one tree: the newest is compared)", body))
    }

    static func notices(_ comparison: Comparison) -> MarkdownSection? {
        guard !comparison.notices.isEmpty else { return nil }
        var body = [""] + comparison.notices.prefix(MarkdownReport.maximumRows).map { "- " + MarkdownText.escape($0) }
        if comparison.notices.count > MarkdownReport.maximumRows {
            body.append("- … and \(NumberFormat.count(comparison.notices.count - MarkdownReport.maximumRows)) more; `--format json` lists every notice.")
        }
        return MarkdownSection(name: "notices", description: "notices (\(comparison.notices.count))", priority: 0, order: 13,
                               lines: collapsed("Notices (\(comparison.notices.count))", body))
    }

    /// A `<details>` block; its body starts with an empty line so that GitHub renders it as Markdown.
    static func collapsed(_ summary: String, open: Bool = false, _ body: [String]) -> [String] {
        var lines = ["<details\(open ? " open" : "")><summary><b>\(summary)</b></summary>"]
        lines += body.first == "" ? body : [""] + body
        lines += ["", "</details>"]
        return lines
    }
}
