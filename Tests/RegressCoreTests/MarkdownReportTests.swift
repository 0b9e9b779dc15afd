import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// The Markdown report as a pull-request comment shows it: its sections, their order, and its size.
struct MarkdownReportTests {
    static let side = ComparisonSide(label: "base", commit: nil)

    static func result(_ series: String, _ benchmark: String, _ metric: String, _ verdict: Verdict, _ base: Double?, _ head: Double?,
                       unit: String = "ms", severity: Severity = .fail, note: String? = nil, samples: Int = 1) -> MetricResult {
        let relative = base.flatMap { b in head.map { ($0 - b) / abs(b) } }
        var result = MetricResult(series: series, benchmark: benchmark, metric: metric, unit: unit,
                                  direction: unit == "tokens/s" ? .higherIsBetter : .lowerIsBetter, verdict: verdict,
                                  base: base, head: head, relativeChange: relative, samplesBase: samples, samplesHead: samples, note: note)
        result.severity = severity
        return result
    }

    static func comparison(_ results: [MetricResult], failedRuns: [FailedRun] = [], notices: [String] = []) -> Comparison {
        Comparison(base: ComparisonSide(label: "base", commit: nil), head: ComparisonSide(label: "head", commit: nil),
                   policyFiles: ["policies/ci.yml"], results: results, failedRuns: failedRuns, notices: notices)
    }

    /// A comparison with something in every section.
    static func everySection() -> Comparison {
        var tested = result("bench/kernels.json", "BM_Gemm/m:1024/n:1024/k:512/threads:8/real_time", "real_time", .regression, 812, 1034, unit: "ns",
                            samples: 10)
        tested.test = .mannWhitney
        tested.pValue = 0.000183
        tested.pValueAdjusted = 0.000731
        tested.ciLow = 0.234
        tested.ciHigh = 0.285
        var fromNoise = result("bench/llm.csv", "llama3", "ttft_s", .regression, 0.5, 0.6, unit: "s", note: "beyond 3σ of the noise of 8 runs")
        fromNoise.noise = LearnedNoise(runs: 8, noiseRuns: 8, level: 0.5, sigma: 0.01, beforeChange: 0)
        var results = [
            tested,
            fromNoise,
            result("bench/llm.csv", "mistral", "ttft_s", .regression, 0.4, 0.44, unit: "s", severity: .warn),
            result("bench/llm.csv", "llama3", "tokens_s", .improvement, 40, 48, unit: "tokens/s"),
            result("bench/llm.csv", "mistral", "gpu_util", .inconclusive, 71, 80, unit: "%", note: "direction unknown"),
            result("bench/llm.csv", "llama3", "load_s", .unchanged, 2, 2, unit: "s"),
            result("bench/gpu.json", "conv", "time_ms", .incomparable, 3, 4, note: "different machines: cpu.model differ"),
            result("bench/prompts.csv", "p1", "ttft_s", .failed, nil, nil, unit: "s"),
            result("bench/llm.csv", "phi3", "ttft_s", .new, nil, 0.3, unit: "s", severity: .warn),
            result("bench/old.csv", "gone", "ttft_s", .missing, 0.3, nil, unit: "s", severity: .warn),
        ]
        results[5].severity = .fail
        var comparison = comparison(results, failedRuns: [
            FailedRun(series: "bench/prompts.csv", path: "bench/prompts.csv", failure: RunFailure(failedRecords: 1, totalRecords: 1, firstError: "server down")),
            FailedRun(series: "bench/stale.csv", path: "bench/stale.csv", failure: RunFailure(failedRecords: 2, totalRecords: 2, firstError: "no GPU"),
                      unchangedSinceBase: true),
        ], notices: ["bench/notes.txt: not an artifact (no table)"])
        comparison.incomparableRuns = [IncomparableRun(
            series: "bench/gpu.json",
            base: RunFingerprint(fingerprint: Fingerprint(fields: ["cpu.model": "AMD EPYC 7763", "os.name": "Linux"]), origin: "bench/fingerprint.json"),
            head: RunFingerprint(fingerprint: Fingerprint(fields: ["cpu.model": "Intel Xeon Platinum 8370C", "os.name": "Linux"]), origin: "bench/fingerprint.json"),
            differences: ["cpu.model"])]
        comparison.moves = [SeriesMove(from: "out/llm.csv", to: "bench/llm.csv", evidence: .rename)]
        comparison.comparedFiles = [ComparedFiles(series: "bench/{timestamp}.json", basePath: "bench/20251001.json", baseRuns: 2,
                                                  headPath: "bench/20251002.json", headRuns: 3)]
        return comparison
    }

    /// `count` regressions spread over 12 series of Google Benchmark-style names.
    static func regressions(_ count: Int) -> Comparison {
        comparison((0..<count).map { index in
            result("bench/kernels/suite_\(index % 12).json", "BM_Conv2D/batch:\(index)/channels:64/real_time", "real_time",
                   .regression, 1000, 1100 + Double(index), unit: "ns")
        })
    }

    @Test func everySectionIsRenderedInOrderAndOnlyRegressionsAndFailuresAreOpen() throws {
        let markdown = MarkdownReport.render(Self.everySection())
        if let mismatch = Snapshot.mismatch(markdown, named: "sections.md") { Issue.record("\(mismatch)") }
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#### ") || $0.hasPrefix("<details") || $0.hasPrefix("```diff") || $0.hasPrefix("**") }
        #expect(headings == [
            "#### Regressions (3)",
            "```diff",
            "<details><summary><b>Statistics: tests, p-values (raw and adjusted), 95% intervals</b></summary>",
            "<details open><summary><b>1 failed run</b></summary>",
            "<details open><summary><b>Incomparable: 1 run from different machines</b></summary>",
            "```diff",
            "<details><summary><b>Improvements (1 metric)</b></summary>",
            "<details><summary><b>Inconclusive (1 metric)</b></summary>",
            "<details><summary><b>New: 1 metric with no baseline</b></summary>",
            "<details><summary><b>Missing: 1 metric in the baseline, not in the head</b></summary>",
            "<details><summary><b>Failed runs unchanged since the base (1): the same file failed there, not news</b></summary>",
            "<details><summary><b>Moved (1): compared across the move</b></summary>",
            "<details><summary><b>Files compared (1 series with several runs in one tree: the newest is compared)</b></summary>",
            "<details><summary><b>Notices (1)</b></summary>",
        ])
    }

    @Test func theHeadlineCountsMetricsAndRunsApart() {
        let comparison = Self.everySection()
        #expect(ReportWording.headline(comparison) ==
            "regression — 3 regressions (1 warn), 1 incomparable, 1 inconclusive, 1 improvement, 1 new (warn), 1 missing (warn), 1 unchanged "
            + "in 10 metrics of 5 runs; 1 failed run (1 metric); 1 failed run unchanged since the base")
        #expect(ReportWording.headline(Self.regressions(1_204)) == "regression — 1,204 regressions in 1,204 metrics of 12 runs")
    }

    @Test func aSpreadBesideItsMetricIsNotCountedEvenInAFailedRun() {
        let mean = Self.result("bench/c.json", "conv", "mean_time_ms", .failed, nil, nil, severity: .warn)
        var spread = MetricResult(series: "bench/c.json", benchmark: "conv", metric: "std_time_ms", unit: "ms", direction: .unknown,
                                  verdict: .failed, base: nil, head: nil, relativeChange: nil, samplesBase: 0, samplesHead: 0, note: nil)
        spread.severity = .warn
        let comparison = Self.comparison([mean, spread], failedRuns: [
            FailedRun(series: "bench/c.json", path: "bench/c.json", failure: RunFailure(failedRecords: 1, totalRecords: 1, firstError: "oom")),
        ])
        #expect(ReportWording.headline(comparison) == "passed — 1 metric of 1 run; 1 failed run (1 metric, warn)")
    }

    @Test func regressionsAreGroupedBySeriesMostHarmfulFirstWithValueAndUnitJoined() {
        let markdown = MarkdownReport.render(Self.everySection())
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("##### ") || $0.hasPrefix("| ") }.prefix(7)
        #expect(Array(rows) == [
            "##### bench/kernels.json",
            "| Benchmark | Metric | Base → Head | Change |",
            "| BM\\_Gemm/<wbr>m:1024/<wbr>n:1024/<wbr>k:512/<wbr>threads:8/<wbr>real\\_time | real\\_time | 812\u{A0}ns → 1034\u{A0}ns | +27.3%\u{A0}\\* |",
            "##### bench/llm.csv",
            "| Benchmark | Metric | Base → Head | Change |",
            "| llama3 | ttft\\_s | 0.5\u{A0}s → 0.6\u{A0}s | +20.0%\u{A0}† |",
            "| mistral | ttft\\_s (warn) | 0.4\u{A0}s → 0.44\u{A0}s | +10.0%\u{A0}‡ |",
        ])
    }

    @Test func theStatisticsSayWhichPValueIsRawAndWhichAdjusted() {
        let markdown = MarkdownReport.render(Self.everySection())
        #expect(markdown.contains("  - BM\\_Gemm/m:1024/n:1024/k:512/threads:8/real\\_time · real\\_time (regression): "
            + "mann-whitney test: p\u{A0}=\u{A0}1.83e-04 raw, 7.31e-04 adjusted (Benjamini-Hochberg); "
            + "95% interval of the change +23.4%\u{A0}…\u{A0}+28.5%; 10 → 10 samples\n"))
        #expect(!markdown.contains("p (adj.)"))
    }

    @Test func aThousandRegressionsStayUnder65000CharactersWithTheTableAndDiffBlockCapped() throws {
        let markdown = MarkdownReport.render(Self.regressions(1_000))
        if let mismatch = Snapshot.mismatch(markdown, named: "thousand-regressions.md") { Issue.record("\(mismatch)") }
        #expect(markdown.count < 65_000)
        #expect(markdown.utf8.count < 65_000)
        #expect(!markdown.contains("✂️"), "nothing needed cutting")
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| BM") }.count == 50)
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("- BM") }.count == 50)
        #expect(markdown.contains("\n… and 950 more regressions; the JSON report (`--format json`) lists every metric.\n"))
        #expect(markdown.contains("\n- … and 950 more\n```\n"))
    }

    @Test func theSizeLimitCutsTheLowestPrioritySectionsFirstAndSaysWhereTheFullReportIs() throws {
        let full = MarkdownReport.render(Self.everySection(), maxBytes: nil)
        let limit = full.utf8.count - 700
        let cut = MarkdownReport.render(Self.everySection(), maxBytes: limit, fullReport: "the report-json artifact of this job")
        if let mismatch = Snapshot.mismatch(cut, named: "cut.md") { Issue.record("\(mismatch)") }
        #expect(cut.utf8.count <= limit)
        #expect(cut.hasSuffix("\n✂️ Cut to stay under \(NumberFormat.count(limit)) bytes: inconclusive (1 metric); new metrics (1); missing metrics (1); "
            + "failed runs unchanged since the base (1); moved artifacts (1); files compared (1); notices (1). "
            + "The full report: the report-json artifact of this job.\n"))
        #expect(cut.contains("#### Regressions (3)"))
        #expect(cut.contains("<details open><summary><b>1 failed run</b></summary>"))
        #expect(cut.contains("<details><summary><b>Improvements (1 metric)</b></summary>"), "improvements outrank inconclusive metrics")
    }

    @Test func regressionRowsAreHalvedWhenEverythingElseIsCutAndTheyStayCounted() {
        let markdown = MarkdownReport.render(Self.regressions(1_000), maxBytes: 4_000)
        #expect(markdown.utf8.count <= 4_000)
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| BM") }.count == 12)
        #expect(markdown.contains("\n… and 988 more regressions; the JSON report (`--format json`) lists every metric.\n"))
        #expect(markdown.hasSuffix("\n✂️ Cut to stay under 4,000 bytes: the ```diff block. `--format json` writes the full report.\n"))
    }

    @Test func namesOfThousandsOfCharactersStillFitByListingFewerRows() {
        let comparison = Self.comparison((0..<100).map { index in
            Self.result("bench/s.json", "case_\(index)/" + String(repeating: "parameter/", count: 300), "real_time", .regression, 1, 2 + Double(index), unit: "ns")
        })
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.utf8.count <= MarkdownReport.defaultMaxBytes)
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| case") }.count == 12)
        #expect(markdown.contains("\n… and 88 more regressions; the JSON report (`--format json`) lists every metric.\n"))
        #expect(markdown.hasSuffix("\n✂️ Cut to stay under 65,000 bytes: the ```diff block. `--format json` writes the full report.\n"))
    }

    @Test func aHeaderTooLongAloneIsShortenedAtALineBreak() {
        var comparison = Self.regressions(3)
        comparison = Comparison(base: comparison.base, head: comparison.head,
                                policyFiles: (0..<200).map { "policies/team-\($0).yml" }, results: comparison.results, failedRuns: [], notices: [])
        let markdown = MarkdownReport.render(comparison, maxBytes: 1_000)
        #expect(markdown.utf8.count <= 1_000)
        #expect(markdown == "### ❌ regress: regression — 3 regressions in 3 metrics of 3 runs\n\n\n✂️ Cut to stay under 1,000 bytes.\n")
    }

    @Test func longNamesMayBreakInTablesAndDiffLinesAreShortenedInTheMiddle() {
        let name = "BM_VeryLongBenchmarkName/with_many_parameters:1234567/and_more_parameters:89/threads:64/real_time"
        let comparison = Self.comparison([Self.result("bench/a.json", name, "real_time", .regression, 1, 2, unit: "ns")])
        let markdown = MarkdownReport.render(comparison)
        #expect(markdown.contains("| BM\\_VeryLongBenchmarkName/<wbr>with\\_many\\_<wbr>parameters:<wbr>1234567/<wbr>and\\_more\\_parameters:<wbr>89/<wbr>threads:64/<wbr>real\\_time |"))
        let diffLine = markdown.split(separator: "\n").first { $0.hasPrefix("- BM") }!
        #expect(diffLine == "- BM_VeryLongBenchmarkName/wit…threads:64/real_time real_time: 1 ns → 2 ns (+100.0%)")
        #expect(diffLine.count <= MarkdownSections.codeLineWidth)
        let unbroken = String(repeating: "x", count: 70)
        #expect(MarkdownSections.breakable(unbroken) == String(repeating: "x", count: 30) + "<wbr>" + String(repeating: "x", count: 30) + "<wbr>"
            + String(repeating: "x", count: 10))
        #expect(MarkdownSections.breakable("short_name.with:parts") == "short\\_name.with:parts")
    }

    @Test func countsAreWrittenWithThousandsSeparators() {
        #expect([0, 12, 999, 1_000, 1_204, 65_000, 1_234_567, -4_500].map(NumberFormat.count) ==
            ["0", "12", "999", "1,000", "1,204", "65,000", "1,234,567", "-4,500"])
    }

    @Test func theTextReportIsColouredOnlyWhenAsked() {
        let comparison = Self.everySection()
        let plain = TextReport.render(comparison)
        #expect(!plain.contains("\u{1B}["))
        let coloured = TextReport.render(comparison, colour: true)
        #expect(coloured.contains("\u{1B}[31mregression  \u{1B}[0m bench/kernels.json"))
        #expect(coloured.contains("\u{1B}[32mimprovement \u{1B}[0m bench/llm.csv llama3 tokens_s"))
        #expect(coloured.contains("\u{1B}[31mfailed run\u{1B}[0m   bench/prompts.csv"))
        #expect(plain.contains("regression   bench/kernels.json BM_Gemm/m:1024/n:1024/k:512/threads:8/real_time real_time: 812 ns → 1034 ns (+27.3%) p=1.83e-04 (adjusted 7.31e-04)\n"))
    }
}
