/// The renderings of a comparison.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown
    case json
    case text

    /// The report, with the control characters of untrusted text escaped. `maxBytes` and
    /// `fullReport` limit the Markdown report (see `MarkdownReport.render`); `colour` colours the text one.
    public func render(_ comparison: Comparison, maxBytes: Int? = MarkdownReport.defaultMaxBytes, fullReport: String? = nil,
                       colour: Bool = false) -> String {
        switch self {
        case .markdown: return MarkdownReport.render(comparison, maxBytes: maxBytes, fullReport: fullReport)
        case .json: return JSONReport.render(comparison)
        case .text: return TextReport.render(comparison, colour: colour)
        }
    }
}

/// What every rendering says the same way.
enum ReportWording {
    static let listedVerdicts: [Verdict] = [.regression, .improvement, .inconclusive]

    /// The reported results that count as metrics: a spread shown beside its metric is not one of its own.
    static func countedMetrics(_ comparison: Comparison) -> [MetricResult] {
        comparison.results.filter { $0.isReported && spreadCompanion(of: $0, in: comparison) == nil }
    }

    /// How many runs the head side holds: the series with a result other than `missing`, or a failure.
    static func runCount(_ comparison: Comparison) -> Int {
        Set(comparison.results.filter { $0.verdict != .missing }.map(\.series) + comparison.failedRuns.map(\.series)).count
    }

    /// The counts of the reported verdicts in a form a reader can check against the lists: metric
    /// verdicts, then how many metrics of how many runs, then failed runs (runs, with how many metrics
    /// they held): `4 regressions, 19 unchanged in 63 metrics of 3 runs; 1 failed run (40 metrics, warn)`.
    /// A verdict that could fail the check but only warns under its policy says so: `3 regressions (1 warn)`.
    static func summary(_ comparison: Comparison) -> String {
        let metrics = countedMetrics(comparison)
        let counts = metrics.reduce(into: [Verdict: Int]()) { $0[$1.verdict, default: 0] += 1 }
        let total = metrics.count
        let runs = runCount(comparison)
        guard total > 0 || !comparison.failedRuns.isEmpty else { return "nothing to compare" }
        func warned(_ verdict: Verdict, of count: Int) -> String {
            guard Comparison.failingVerdicts.contains(verdict) else { return "" }
            let warned = metrics.filter { $0.verdict == verdict && !$0.fails }.count
            return warned == count ? " (warn)" : warned > 0 ? " (\(NumberFormat.count(warned)) warn)" : ""
        }
        let order: [Verdict] = [.regression, .incomparable, .inconclusive, .improvement, .new, .missing, .unchanged]
        let parts = order.compactMap { verdict -> String? in
            guard let count = counts[verdict] else { return nil }
            return "\(NumberFormat.count(count)) \(name(verdict, count: count))" + warned(verdict, of: count)
        }
        var text = (parts.isEmpty ? "" : parts.joined(separator: ", ") + " in ")
            + "\(counted(total, "metric")) of \(counted(runs, "run"))"
        let failedMetrics = counts[.failed] ?? 0
        let newFailures = comparison.newFailures.count
        if newFailures > 0 {
            // `(40 metrics, warn)`, `(40 metrics, 3 warn)`.
            let warnedMetrics = failedMetrics > 0 ? warned(.failed, of: failedMetrics).dropFirst(2).dropLast() : ""
            let qualifiers = [failedMetrics > 0 ? counted(failedMetrics, "metric") : nil, warnedMetrics.isEmpty ? nil : String(warnedMetrics)]
                .compactMap { $0 }
            text += "; \(counted(newFailures, "failed run"))" + (qualifiers.isEmpty ? "" : " (\(qualifiers.joined(separator: ", ")))")
        } else if failedMetrics > 0 {
            text += "; \(NumberFormat.count(failedMetrics)) failed" + warned(.failed, of: failedMetrics)
        }
        let oldFailures = comparison.unchangedFailures.count
        if oldFailures > 0 { text += "; \(counted(oldFailures, "failed run")) unchanged since the base" }
        return text
    }

    /// `1 run`, `1,204 metrics`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(NumberFormat.count(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The first line's verdict and what it is made of: `regression — 1 regression in 3 metrics of 1 run`.
    static func headline(_ comparison: Comparison) -> String {
        "\(comparison.outcome) — \(summary(comparison))"
    }

    /// One line per move, `bench/a.json → results/a.json (renamed in git)`; series that moved with their
    /// folder are said once: `outputs/reports/ → bench/reports/ (43 series, renamed in git)`.
    static func moveLines(_ moves: [SeriesMove]) -> [String] {
        func evidence(_ move: SeriesMove) -> String {
            move.evidence == .rename ? "renamed in git" : "the same benchmarks and metrics"
        }
        // The folders a move swapped: what precedes the longest common tail of whole path segments.
        func folders(_ move: SeriesMove) -> (from: String, to: String) {
            var from = move.from.split(separator: "/", omittingEmptySubsequences: false)
            var to = move.to.split(separator: "/", omittingEmptySubsequences: false)
            while from.count > 1, to.count > 1, from.last == to.last {
                from.removeLast()
                to.removeLast()
            }
            return (from.joined(separator: "/") + "/", to.joined(separator: "/") + "/")
        }
        var groups: [String: [SeriesMove]] = [:]
        var order: [String] = []
        for move in moves {
            let (from, to) = folders(move)
            let key = "\(from)\u{0}\(to)\u{0}\(move.evidence.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(move)
        }
        return order.map { key in
            let group = groups[key]!
            guard group.count > 1 else { return "\(group[0].from) → \(group[0].to) (\(evidence(group[0])))" }
            let (from, to) = folders(group[0])
            return "\(from) → \(to) (\(group.count) series, \(evidence(group[0])))"
        }
    }

    /// Which file of a series was compared, on each side that held several runs of it.
    static func comparedLine(_ files: ComparedFiles) -> String {
        func side(_ name: String, _ path: String?, _ runs: Int) -> String? {
            guard let path else { return nil }
            return runs > 1 ? "\(name) \(path) (newest of \(runs))" : "\(name) \(path)"
        }
        let sides = [side("base", files.basePath, files.baseRuns), side("head", files.headPath, files.headRuns)].compactMap { $0 }
        return "\(files.series): " + sides.joined(separator: " · ")
    }

    static func name(_ verdict: Verdict, count: Int) -> String {
        switch verdict {
        case .regression: return count == 1 ? "regression" : "regressions"
        case .improvement: return count == 1 ? "improvement" : "improvements"
        default: return verdict.rawValue
        }
    }

    static func side(_ side: ComparisonSide) -> String {
        guard let commit = side.commit else { return side.label }
        if side.label.contains(commit.id.short) { return "\(side.label) “\(commit.summary)”" }
        return "\(side.label) (on \(commit.id.short) “\(commit.summary)”)"
    }

    /// The results a report lists one by one, most important first.
    static func listed(_ comparison: Comparison) -> [MetricResult] {
        comparison.results.filter {
            listedVerdicts.contains($0.verdict) && $0.isReported && spreadCompanion(of: $0, in: comparison) == nil
        }.sorted { a, b in
            if a.verdict != b.verdict { return a.verdict < b.verdict }
            return rankedBefore(a, b)
        }
    }

    /// Most harmful first: results that fail the check before those that warn, then the larger
    /// relative change, then by name.
    static func rankedBefore(_ a: MetricResult, _ b: MetricResult) -> Bool {
        let sizeA = abs(a.relativeChange ?? 0), sizeB = abs(b.relativeChange ?? 0)
        if a.fails != b.fails { return a.fails }
        if sizeA != sizeB { return sizeA > sizeB }
        return (a.series, a.benchmark, a.metric) < (b.series, b.benchmark, b.metric)
    }

    static func failureLine(_ run: FailedRun, in comparison: Comparison) -> String {
        let failure = run.failure
        if failure.totalRecords == 0 {
            return "\(run.path) \(truncated(failure.firstError, 200))"
        }
        if failure.failedRecords == failure.totalRecords {
            return "\(run.path): all \(failure.totalRecords) records failed, the run produced no measurement: \(truncated(failure.firstError, 160))"
        }
        // Name the benchmarks that failed outright, so a partly failed run says where.
        var names: [String] = []
        for result in comparison.results where result.series == run.series && result.verdict == .failed && !names.contains(result.benchmark) {
            names.append(result.benchmark)
        }
        let which = names.isEmpty ? "" : " (\(names.prefix(5).map { MarkdownReport.display($0) }.joined(separator: "; "))\(names.count > 5 ? "; …" : ""))"
        return "\(run.path): \(failure.failedRecords) of \(failure.totalRecords) records failed\(which): \(truncated(failure.firstError, 160))"
    }

    /// New and missing metrics, counted per series.
    static func appearances(_ comparison: Comparison, _ verdict: Verdict) -> [(series: String, count: Int)] {
        var counts: [String: Int] = [:]
        for result in comparison.results where result.verdict == verdict && result.isReported {
            counts[result.series, default: 0] += 1
        }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// The test's p-value, raw and adjusted (Benjamini-Hochberg) when they differ: `p=1.83e-04
    /// (adjusted 7.31e-04)`; "—" without a test.
    static func significance(_ result: MetricResult) -> String {
        guard let p = result.pValue else { return "—" }
        let text = "p=\(NumberFormat.pValue(p))"
        guard let adjusted = result.pValueAdjusted, adjusted != p else { return text }
        return "\(text) (adjusted \(NumberFormat.pValue(adjusted)))"
    }

    static func policies(_ comparison: Comparison) -> String {
        comparison.policyFiles.joined(separator: ", ")
    }

    static func expiredLine(_ rule: RuleOrigin, _ expires: String) -> String {
        "\(rule) expired on \(expires) and still applies: renew it with a reason, or remove it"
    }

    static func incomparableLine(_ run: IncomparableRun) -> String {
        "\(run.series): base from \(run.base.origin) (fingerprint \(run.base.fingerprint.id)), " +
            "head from \(run.head.origin) (fingerprint \(run.head.fingerprint.id))"
    }

    /// `- field: base value` and `+ field: head value` for every field that differs.
    static func fingerprintDiff(_ run: IncomparableRun) -> [String] {
        run.differences.flatMap { field in
            [run.base.fingerprint.fields[field].map { "- \(field): \($0)" },
             run.head.fingerprint.fields[field].map { "+ \(field): \($0)" }].compactMap { $0 }
        }
    }

    static let comparableAdvice = "To get a comparable baseline, run the base revision's benchmarks on the head's machine " +
        "(or `regress baseline record` there and use `regress check`), or run both sides on one class of runner. " +
        "A policy's `fingerprint.match` names the fields that must agree."

    static func truncated(_ text: String, _ limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }

    static func values(_ result: MetricResult, separator: String = " ") -> (base: String, head: String, change: String, percent: String) {
        let base = result.base.map { NumberFormat.value($0, unit: result.unit, separator: separator) } ?? "—"
        let head = result.head.map { NumberFormat.value($0, unit: result.unit, separator: separator) } ?? "—"
        var change = "—"
        if let b = result.base, let h = result.head { change = NumberFormat.difference(h - b, unit: result.unit) }
        let percent = result.relativeChange.map { NumberFormat.percent($0) } ?? "—"
        return (base, head, change, percent)
    }

    /// The metric a spread statistic (`std_time_ms`, no direction of its own) is shown beside: a metric
    /// of the same benchmark and record with a direction whose name holds the spread's other words
    /// (`time`, `ms`), a mean or median first. Nil for anything else, or a spread with no such metric.
    static func spreadCompanion(of result: MetricResult, in comparison: Comparison) -> MetricResult? {
        guard result.direction == .unknown, result.verdict != .unchanged else { return nil }
        guard let spread = MetricInference.spreadWord(of: result.metric) else { return nil }
        let words = Set(MetricInference.words(of: MetricInference.lastComponent(of: result.metric))).subtracting([spread])
        guard !words.isEmpty else { return nil }
        let parent = result.metric.dropLast(MetricInference.lastComponent(of: result.metric).count)
        let candidates = comparison.results.filter { other in
            other.series == result.series && other.benchmark == result.benchmark && other.direction != .unknown
                && other.metric.dropLast(MetricInference.lastComponent(of: other.metric).count) == parent
                && words.isSubset(of: MetricInference.words(of: MetricInference.lastComponent(of: other.metric)))
        }
        return candidates.min { a, b in
            let rank = { (r: MetricResult) in r.metric.contains("mean") ? 0 : r.metric.contains("median") ? 1 : 2 }
            return (rank(a), a.metric) < (rank(b), b.metric)
        }
    }

    /// The spreads shown beside a metric: `std 0.3272 → 0.4176 ms (+27.6%)`.
    static func spreads(beside result: MetricResult, in comparison: Comparison, separator: String = " ") -> String? {
        let beside = comparison.results.filter { other in
            other.series == result.series && other.benchmark == result.benchmark && other.metric != result.metric
                && spreadCompanion(of: other, in: comparison).map { $0.metric == result.metric } == true
        }
        guard !beside.isEmpty else { return nil }
        return beside.map { spread in
            let v = values(spread, separator: separator)
            return "\(spread.metric) \(v.base) → \(v.head) (\(v.percent))"
        }.joined(separator: "; ")
    }
}
