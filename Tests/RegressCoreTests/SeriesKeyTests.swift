@testable import RegressCore
import Testing

struct SeriesKeyTests {
    @Test(arguments: [
        ("compilation/conv_bench_20251002-170837.json", "compilation/conv_bench_{timestamp}.json"),
        ("diagnostics/ascii_demo_20251004_170151.json", "diagnostics/ascii_demo_{timestamp}.json"),
        ("ollama/20251002-151824/prompt_suite_runs.csv", "ollama/{timestamp}/prompt_suite_runs.csv"),
        ("data/csv/baseline_test_results_1759099000.json", "data/csv/baseline_test_results_{timestamp}.json"),
        ("runs/2025-10-02T15-18-24Z/r.json", "runs/{timestamp}/r.json"),
        ("runs/2025-10-02_151824.123/r.json", "runs/{timestamp}/r.json"),
        ("runs/2025-10-02/r.json", "runs/{timestamp}/r.json"),
        ("logs/20251002/x.csv", "logs/{timestamp}/x.csv"),
        ("gemma3/gemma3_270m_baseline.json", "gemma3/gemma3_270m_baseline.json"),
        ("mlp/layer_12345678.json", "mlp/layer_12345678.json"),
        ("v/build_1234567890123456.json", "v/build_1234567890123456.json"),
        ("transformer_cuda_pytorch2508.json", "transformer_cuda_pytorch2508.json"),
    ])
    func foldsTimestampsInPaths(path: String, key: String) {
        #expect(SeriesKey(path: path).value == key)
    }

    @Test func runsOfOneSeriesShareAKeyAndOrderByTheirTimestamp() throws {
        let older = SeriesKey(path: "c/conv_bench_20251002-170837.json")
        let newer = SeriesKey(path: "c/conv_bench_20251003-091500.json")
        #expect(older == newer)
        let olderTime = try #require(older.timestamp)
        let newerTime = try #require(newer.timestamp)
        #expect(newerTime - olderTime == 16 * 3600 + 6 * 60 + 23)
        #expect(SeriesKey(path: "r_1759099000.json").timestamp == 1_759_099_000)
        #expect(SeriesKey(path: "plain.json").timestamp == nil)
    }
}
