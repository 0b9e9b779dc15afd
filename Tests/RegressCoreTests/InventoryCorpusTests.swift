import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// `inventory` and `export` on the chimeraforge corpus committed into a repository (skipped when the
/// corpus is absent). The expected numbers come from an independent count:
///
///     python3 Tests/Fixtures/inventory/corpus_counts.py ../shared/corpus/chimeraforge
///
/// which prints
///
///     files {'json': 47, 'csv': 28, 'markdown': 29, 'other': 8} total 112
///     folder . {'json': 0, 'csv': 0, 'markdown': 0, 'other': 1}
///     folder data/baselines {'json': 3, 'csv': 0, 'markdown': 0, 'other': 2}
///     folder data/csv {'json': 14, 'csv': 4, 'markdown': 0, 'other': 0}
///     folder outputs/reports {'json': 30, 'csv': 24, 'markdown': 29, 'other': 5}
///     failed_runs 7
///     tokens_s count 263 min 35.98 max 303.89820959263636 artifacts 16
///     ttft_s count 263 min 0.051085 max 29.98707 artifacts 16
@Suite(.enabled(if: Corpus.isAvailable, "../shared/corpus is not beside this clone"))
struct InventoryCorpusTests {
    /// The corpus in one commit, and a second commit that appends a line break to one artifact with
    /// many samples per measurement (a new blob, the same values).
    func repository() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        let root = try #require(Corpus.root)
        for item in try FileManager.default.contentsOfDirectory(atPath: root) {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: fixture.path + "/" + item)
        }
        try fixture.commit("Add the corpus")
        let path = fixture.path + "/outputs/reports/llama3/baseline_system_metrics.json"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        try fixture.commit("Touch the system metrics")
        return fixture
    }

    @Test func inventoryCountsMatchAnIndependentCount() throws {
        let fixture = try repository()
        let inventory = try InventoryOperation(repositoryPath: fixture.path, revision: "HEAD").run()
        let files = inventory.totals.files
        let byType: [Int] = [files[FileType.json], files[FileType.csv], files[FileType.markdown], files[FileType.other], files.total]
        #expect(byType == [47, 28, 29, 8, 112])
        let counts = Dictionary(uniqueKeysWithValues: inventory.folders.map { folder in
            (folder.path, FileType.allCases.map { folder.files[$0] })
        })
        #expect(counts == [".": [0, 0, 0, 1], "data/baselines": [3, 0, 0, 2], "data/csv": [14, 4, 0, 0], "outputs/reports": [30, 24, 29, 5]])
        #expect(inventory.folders.first { $0.path == "outputs/reports" }?.latest?.summary == "Touch the system metrics")
        #expect(inventory.folders.first { $0.path == "data/csv" }?.latest?.summary == "Add the corpus")
        #expect(inventory.totals.failedRuns == 7)
        for name in ["tokens_s", "ttft_s"] {
            let metric = try #require(inventory.metrics.first { $0.name == name })
            #expect(metric.count == 263)
            // The 16 artifacts with values, and the 7 failed runs whose every value failed.
            #expect(metric.artifacts == 23)
        }
        let tokens = try #require(inventory.metrics.first { $0.name == "tokens_s" })
        #expect(tokens.min == 35.98 && tokens.max == 303.89820959263636)
        #expect(tokens.maxAt.path == "outputs/reports/gemma3/gemma3_270m_param_tuning.csv")
        let ttft = try #require(inventory.metrics.first { $0.name == "ttft_s" })
        #expect(ttft.min == 0.051085 && ttft.max == 29.98707)
        let failed = try #require(inventory.gaps.first { $0.kind == .failedRuns })
        #expect(failed.files.filter { $0.detail.hasPrefix("failed run") }.count == 7)
    }

    @Test func exportedRowsAreTheSamplesInventoryCounts() throws {
        let fixture = try repository()
        let inventory = try InventoryOperation(repositoryPath: fixture.path).run()
        var csv = ""
        let summary = try ExportOperation(repositoryPath: fixture.path).run(format: .csv, write: { csv += $0 })
        let withTree: ExportOperation = {
            var operation = ExportOperation(repositoryPath: fixture.path)
            operation.workingTree = true
            return operation
        }()
        var tree = ""
        let treeSummary = try withTree.run(format: .csv, write: { tree += $0 })
        for (text, rows) in [(tree, treeSummary.rows)] {
            let records = try CSVParser.parse(Array(text.utf8)).dropFirst()
            #expect(records.count == rows)
            #expect(records.filter { !$0.fields[10].isEmpty }.count == inventory.totals.samples)
            #expect(records.filter { $0.fields[10].isEmpty }.count == inventory.totals.failedSamples)
        }
        // History holds every run once, and the touched file a second time at the second commit.
        let touched = try CSVParser.parse(Array(csv.utf8)).dropFirst()
            .filter { $0.fields[3] == "outputs/reports/llama3/baseline_system_metrics.json" }
        #expect(summary.rows == treeSummary.rows + touched.count / 2)
        #expect(summary.commits == 2)
    }

    @Test func mediansOfTheExportAreCompareAggregates() throws {
        let fixture = try repository()
        var csv = ""
        _ = try ExportOperation(repositoryPath: fixture.path).run(format: .csv, write: { csv += $0 })
        let head = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = "outputs/reports/llama3/baseline_system_metrics.json"
        var values: [String: [Double]] = [:]
        for record in try CSVParser.parse(Array(csv.utf8)).dropFirst() where record.fields[3] == path && !record.fields[10].isEmpty {
            let side = record.fields[0] == head ? "head" : "base"
            values["\(side)/\(record.fields[5])/\(record.fields[6])", default: []].append(Double(record.fields[10])!)
        }
        func median(_ samples: [Double]) -> Double {
            let sorted = samples.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: "2026-01-01").run()
        let results = comparison.results.filter { $0.series == path }
        #expect(results.count > 10)
        var multiSample = 0
        for result in results {
            let base = try #require(values["base/\(result.benchmark)/\(result.metric)"])
            let head = try #require(values["head/\(result.benchmark)/\(result.metric)"])
            if base.count > 1 { multiSample += 1 }
            #expect(result.samplesBase == base.count && result.samplesHead == head.count)
            #expect(result.base == median(base), "\(result.id)")
            #expect(result.head == median(head), "\(result.id)")
        }
        #expect(multiSample > 5)
    }
}
