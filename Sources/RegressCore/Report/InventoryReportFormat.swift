import RegressGit

/// Markdown and JSON renderings of an inventory.
public enum InventoryReportFormat {
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case json
    }

    /// Files listed per gap in Markdown before "… and N more" (JSON lists every file).
    public static let filesPerGap = 25
    /// Metrics listed in Markdown, those in the most artifacts first (JSON lists every metric).
    public static let metricRows = 60

    public static func render(_ inventory: Inventory, as format: Format) -> String {
        switch format {
        case .markdown: return ControlCharacters.escape(markdown(inventory))
        case .json: return json(inventory)
        }
    }

    /// Shares of a total with one decimal that add up to exactly 100.0 (largest remainders get the
    /// leftover tenths); all zero when the total is zero.
    public static func percentages(_ counts: [Int]) -> [String] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in "0.0%" } }
        let exact = counts.map { Double($0) * 1000 / Double(total) }
        var tenths = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(tenths[$0]), -$0) > (exact[$1] - Double(tenths[$1]), -$1) }
        for index in order.prefix(1000 - tenths.reduce(0, +)) { tenths[index] += 1 }
        return tenths.map { "\($0 / 10).\($0 % 10)%" }
    }

    static func number(_ value: Double, unit: String) -> String {
        value.isNaN ? "—" : NumberFormat.value(value, unit: unit)
    }

    static func commitLine(_ commit: Commit?) -> String {
        guard let commit else { return "not committed" }
        let day = CompareOperation.civilDate(daysSince1970: Int((Double(commit.time) / 86_400).rounded(.down)))
        return "\(commit.id.short) \(day) \(MarkdownText.escape(ReportWording.truncated(commit.summary, 60)))"
    }

    public static func markdown(_ inventory: Inventory) -> String {
        let totals = inventory.totals
        var lines: [String] = []
        let scope = inventory.paths.isEmpty ? "" : " · " + inventory.paths.map { MarkdownText.escape($0.isEmpty ? "." : $0) }.joined(separator: ", ")
        lines.append("### regress inventory: \(totals.files.total) files, \(totals.runs) runs, \(totals.samples) samples, " +
                     "\(inventory.gaps.count) kind\(inventory.gaps.count == 1 ? "" : "s") of gap")
        lines.append("")
        lines.append("Source: \(MarkdownText.escape(inventory.source))\(scope)")
        lines.append("")
        lines.append("#### Files by type")
        lines.append("")
        lines.append("| Type | Files | Share |")
        lines.append("|---|---:|---:|")
        let types = FileType.allCases
        let shares = percentages(types.map { totals.files[$0] })
        for (type, share) in zip(types, shares) { lines.append("| \(type.rawValue) | \(totals.files[type]) | \(share) |") }
        lines.append("| **all** | \(totals.files.total) | \(totals.files.total == 0 ? "0.0%" : "100.0%") |")
        lines.append("")
        lines += barChart(title: "Files by type", axis: "files", bars: types.map { ($0.rawValue, totals.files[$0]) })
        lines.append("")
        lines.append("#### Totals")
        lines.append("")
        lines.append("| What | Count |")
        lines.append("|---|---:|")
        let rows: [(String, Int)] = [
            ("artifacts read", totals.artifactsRead), ("runs", totals.runs), ("failed runs", totals.failedRuns),
            ("series", totals.series), ("series with one run", totals.seriesWithOneRun), ("benchmarks", totals.benchmarks),
            ("metrics", totals.metrics), ("samples", totals.samples), ("failed samples", totals.failedSamples),
        ]
        for (name, count) in rows { lines.append("| \(name) | \(count) |") }
        if !inventory.runsOverTime.isEmpty {
            lines.append("")
            lines += barChart(title: "Runs over time", axis: "runs", bars: inventory.runsOverTime.map { ($0.period, $0.runs) })
        }
        lines.append("")
        lines.append("#### Folders (depth \(inventory.depth))")
        lines.append("")
        lines.append("| Folder | JSON | CSV | Markdown | other | Formats | Latest commit |")
        lines.append("|---|---:|---:|---:|---:|---|---|")
        for folder in inventory.folders {
            let counts = types.map { String(folder.files[$0]) }.joined(separator: " | ")
            lines.append("| \(MarkdownText.escape(folder.path)) | \(counts) | \(folder.formats.isEmpty ? "—" : folder.formats.joined(separator: ", ")) | " +
                         "\(commitLine(folder.latest)) |")
        }
        lines.append("")
        lines.append("#### Metrics")
        lines.append("")
        if inventory.metrics.isEmpty {
            lines.append("No metric was read.")
        } else {
            lines.append("| Metric | Unit | Direction | Count | Min | Max | Mean | Median | Min at | Max at | Failed |")
            lines.append("|---|---|---|---:|---:|---:|---:|---:|---|---|---:|")
            let ordered = inventory.metrics.sorted { ($1.artifacts, $1.count, $0.name, $0.unit) < ($0.artifacts, $0.count, $1.name, $1.unit) }
            for m in ordered.prefix(metricRows) {
                func place(_ location: ValueLocation) -> String {
                    m.count == 0 ? "—" : "\(MarkdownText.escape(location.path)) › " +
                        MarkdownText.escape(ReportWording.truncated(MarkdownReport.display(location.benchmark), 60))
                }
                lines.append("| \(MarkdownText.escape(m.name)) | \(m.unit.isEmpty ? "—" : MarkdownText.escape(m.unit)) | \(m.direction) | " +
                             "\(m.count) | \(number(m.min, unit: "")) | \(number(m.max, unit: "")) | \(number(m.mean, unit: "")) | " +
                             "\(number(m.median, unit: "")) | \(place(m.minAt)) | \(place(m.maxAt)) | \(m.failed) |")
            }
            if ordered.count > metricRows {
                lines.append("")
                lines.append("… and \(ordered.count - metricRows) more metrics; `--format json` lists every one.")
            }
        }
        lines.append("")
        lines.append("#### Gaps")
        lines.append("")
        if inventory.gaps.isEmpty { lines.append("None found.") }
        for gap in inventory.gaps {
            lines.append("**\(gap.kind.title)** (`\(gap.kind.rawValue)`, \(gap.files.count) file\(gap.files.count == 1 ? "" : "s"))")
            lines.append("")
            for file in gap.files.prefix(filesPerGap) {
                lines.append("- \(MarkdownText.escape(file.path)): \(MarkdownText.escape(ReportWording.truncated(file.detail, 200)))")
            }
            if gap.files.count > filesPerGap {
                lines.append("- … and \(gap.files.count - filesPerGap) more; `--format json` lists every file")
            }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid bar chart (`xychart-beta`) of labelled counts.
    static func barChart(title: String, axis: String, bars: [(String, Int)]) -> [String] {
        let labels = bars.map { "\"" + $0.0.filter { $0 != "\"" && !$0.isNewline } + "\"" }.joined(separator: ", ")
        let top = max(1, bars.map(\.1).max() ?? 1)
        return ["```mermaid", "xychart-beta", "    title \"\(title)\"", "    x-axis [\(labels)]",
                "    y-axis \"\(axis)\" 0 --> \(top)", "    bar [\(bars.map { String($0.1) }.joined(separator: ", "))]", "```"]
    }

    public static func json(_ inventory: Inventory) -> String {
        func counts(_ files: FileCounts) -> JSONValue {
            .object(FileType.allCases.map { ($0.rawValue.lowercased(), .number(Double(files[$0]))) } + [("total", .number(Double(files.total)))])
        }
        func number(_ value: Double) -> JSONValue { value.isNaN ? .null : .number(value) }
        func place(_ location: ValueLocation, _ count: Int) -> JSONValue {
            count == 0 ? .null : .object([("path", .string(location.path)), ("benchmark", .string(location.benchmark))])
        }
        let totals = inventory.totals
        let shares = percentages(FileType.allCases.map { totals.files[$0] })
        return JSONWriter.write(.object([
            ("source", .string(inventory.source)),
            ("paths", .array(inventory.paths.map { .string($0) })),
            ("depth", .number(Double(inventory.depth))),
            ("files", .object([
                ("by_type", counts(totals.files)),
                ("shares", .object(zip(FileType.allCases, shares).map { ($0.rawValue.lowercased(), .string($1)) })),
            ])),
            ("totals", .object([
                ("artifacts_read", .number(Double(totals.artifactsRead))), ("runs", .number(Double(totals.runs))),
                ("failed_runs", .number(Double(totals.failedRuns))), ("series", .number(Double(totals.series))),
                ("series_with_one_run", .number(Double(totals.seriesWithOneRun))), ("benchmarks", .number(Double(totals.benchmarks))),
                ("metrics", .number(Double(totals.metrics))), ("samples", .number(Double(totals.samples))),
                ("failed_samples", .number(Double(totals.failedSamples))),
            ])),
            ("runs_over_time", .array(inventory.runsOverTime.map { .object([("period", .string($0.period)), ("runs", .number(Double($0.runs)))]) })),
            ("folders", .array(inventory.folders.map { folder in .object([
                ("path", .string(folder.path)), ("files", counts(folder.files)),
                ("formats", .array(folder.formats.map { .string($0) })),
                ("latest_commit", folder.latest.map { commit in .object([
                    ("id", .string(commit.id.hex)), ("time", .number(Double(commit.time))), ("subject", .string(commit.summary)),
                ]) } ?? .null),
            ]) })),
            ("metrics", .array(inventory.metrics.map { m in .object([
                ("name", .string(m.name)), ("unit", .string(m.unit)), ("direction", .string(m.direction)),
                ("count", .number(Double(m.count))), ("min", number(m.min)), ("max", number(m.max)),
                ("mean", number(m.mean)), ("median", number(m.median)),
                ("min_at", place(m.minAt, m.count)), ("max_at", place(m.maxAt, m.count)),
                ("failed", .number(Double(m.failed))), ("artifacts", .number(Double(m.artifacts))),
            ]) })),
            ("gaps", .array(inventory.gaps.map { gap in .object([
                ("kind", .string(gap.kind.rawValue)), ("title", .string(gap.kind.title)),
                ("files", .array(gap.files.map { .object([("path", .string($0.path)), ("detail", .string($0.detail))]) })),
            ]) })),
        ]))
    }
}
