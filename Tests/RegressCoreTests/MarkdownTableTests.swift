@testable import RegressCore
import TestSupport
import Testing

struct MarkdownTableTests {
    @Test func pipeTablesBecomeOneBenchmarkPerRowAndProseIsIgnored() {
        let text = """
            # Results

            Some prose with a | pipe that is not a table.

            | Model | TTFT (s) | Throughput | Change |
            |:------|---------:|-----------:|-------:|
            | **gemma3** | 0.12 | 101.4 tok/s | +3.2% |
            | llama3 | 0.31 | 1,234 tok/s | -1.0% |
            | broken \\| name | n/a | 50 tok/s | — |

            ```
            | not | a | table |
            |---|---|---|
            | 1 | 2 | 3 |
            ```
            """
        let contents = MarkdownTableReader.read(Array(text.utf8))
        let rows = contents.measurements.map { "\($0.benchmark)|\($0.metric)|\($0.unit)|\($0.direction.rawValue)|\($0.samples)" }
        #expect(rows == [
            "gemma3|TTFT|s|lower|[0.12]", "gemma3|Throughput|tok/s|higher|[101.4]", "gemma3|Change|%|unknown|[3.2]",
            "llama3|TTFT|s|lower|[0.31]", "llama3|Throughput|tok/s|higher|[1234.0]", "llama3|Change|%|unknown|[-1.0]",
            "broken | name|Throughput|tok/s|higher|[50.0]",
        ])
        #expect(contents.skipped == ["empty": 2])
    }

    @Test func severalTablesArePrefixedWithTheirHeading() {
        let text = "## Baseline\n| case | ms |\n|---|---|\n| a | 1 |\n\n## Optimized\n| case | ms |\n|---|---|\n| a | 2 |\n"
        #expect(MarkdownTableReader.read(Array(text.utf8)).measurements.map(\.benchmark) == ["Baseline › a", "Optimized › a"])
    }

    @Test(.enabled(if: Corpus.isAvailable)) func corpusReportsAggregateTableReadsBaselineAndOptimizedColumns() throws {
        let path = "outputs/reports/gemma3/Gemma3_Benchmark_Report.md"
        let contents = try ArtifactReader.read(ReadRequest(bytes: try Corpus.bytes(path), path: path)).contents
        #expect(contents.measurements.count > 100)
        let ttft = try #require(contents.measurements.first { $0.benchmark == "Per-Prompt Performance › Mission failure encouragement" && $0.metric == "TTFT" })
        #expect(ttft.samples == [0.344])
        #expect(ttft.direction == .lowerIsBetter)
    }
}
