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

    /// pytest-benchmark's `--benchmark-autosave` names: counter, commit (or `unversioned`), UTC time, dirty marker.
    @Test func pytestBenchmarkAutosavesOfOneMachineAreOneSeriesOrderedByTime() throws {
        let folder = ".benchmarks/Linux-CPython-3.11-64bit/"
        let names = [
            "0001_4e4a0f8c1f0b1a2e3d4c5b6a79880706a5b4c3d2_20251002_151824.json",
            "0002_9b8a7c6d5e4f30211203f4e5d6c7b8a998877665_20251002_161824_uncommited-changes.json",
            "0003_unversioned_20251003_151824.json",
            "0010_c9cca5de6a4c7eb2_20251004_151824.json",
        ]
        let keys = names.map { SeriesKey(path: folder + $0) }
        #expect(Set(keys.map(\.value)) == [folder + "{run}_{commit}_{timestamp}.json"])
        #expect(try keys.map { try #require($0.timestamp) } == [1_759_418_304, 1_759_421_904, 1_759_504_704, 1_759_591_104])
        // Explicit save names, and names that only look alike, stay what they are.
        #expect(SeriesKey(path: folder + "0004_baseline.json").value == folder + "0004_baseline.json")
        #expect(SeriesKey(path: folder + "0005_4e4a0f8c_20251002_151824.csv").value == folder + "0005_4e4a0f8c_{timestamp}.csv")
        #expect(SeriesKey(path: "001_4e4a0f8c_20251002_151824.json").value == "001_4e4a0f8c_{timestamp}.json")
    }

    @Test func theCommitPrefixOfAPathIsTheHashThatStartsOneOfItsSegments() {
        #expect(SeriesKey.commitPrefix(of: "results/box/3f2a1c0b-py3.11.json") == "3f2a1c0b")
        #expect(SeriesKey.commitPrefix(of: "results/box/06264258-py3.11.json") == "06264258")
        #expect(SeriesKey.commitPrefix(of: "3f2a1c0b9d-env/20251002-170837.json") == "3f2a1c0b9d")
        #expect(SeriesKey.commitPrefix(of: "3f2a1c0b-a/4e5d6c7b-b.json") == nil)
        #expect(SeriesKey.commitPrefix(of: "results/box/machine.json") == nil)
        #expect(SeriesKey.commitPrefix(of: "results/box/3f2a1c0-py3.11.json") == nil)
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

    /// Every spelling of 2025-10-02 15:18:24 UTC (1759418304) folds to one `{timestamp}` with that moment.
    @Test(arguments: [
        "r/bench_2025-10-02T15:18:24.json", "r/bench_2025-10-02T15:18:24Z.json", "r/bench_2025-10-02T15-18-24.json",
        "r/bench_2025-10-02_T15-18-24.json", "r/bench_2025-10-02-T15-18-24.json", "r/bench_2025-10-02 15:18:24.json",
        "r/bench_2025-10-02_15-18-24.json", "r/bench_2025-10-02_15_18_24.json", "r/bench_2025-10-02.15.18.24.json",
        "r/bench_2025_10_02_15_18_24.json", "r/bench_2025.10.02_15.18.24.json", "r/bench_2025-10-02T151824.json",
        "r/bench_2025-10-02_151824.json", "r/bench_20251002T151824.json", "r/bench_20251002T151824Z.json",
        "r/bench_20251002_T151824.json", "r/bench_20251002-151824.json", "r/bench_20251002_151824.json",
        "r/bench_20251002151824.json", "r/bench_1759418304.json", "r/bench_1759418304000.json",
        "r/bench_2025-10-02T17:18:24+02:00.json", "r/bench_2025-10-02T17-18-24+0200.json",
        "r/bench_2025-10-02T08:18:24-07:00.json", "r/bench_20251002T201824+05.json",
    ])
    func foldsEverySpellingOfOneMomentToOneTimestamp(path: String) {
        let key = SeriesKey(path: path)
        #expect(key.value == "r/bench_{timestamp}.json")
        #expect(key.timestamp == 1_759_418_304)
    }

    @Test(arguments: [
        ("r/bench_2025-10-02T15:18:24.250Z.json", 1_759_418_304.25) as (String, Double),
        ("r/bench_2025-10-02T15-18-24,5.json", 1_759_418_304.5),
        ("r/bench_20251002T151824.125+0530.json", 1_759_398_504.125),
        ("r/bench_1759418304.75.json", 1_759_418_304.75),
        ("r/bench_1759418304250.json", 1_759_418_304.25),
        ("r/bench_2025-10-02T15:18.json", 1_759_418_280),
        ("r/bench_20251002-1518.json", 1_759_418_280),
        ("r/bench_202510021518.json", 1_759_418_280),
        ("r/bench_2025-10-02.json", 1_759_363_200),
        ("r/bench_2025_10_02.json", 1_759_363_200),
        ("r/bench_2025.10.02.json", 1_759_363_200),
        ("r/bench_20251002.json", 1_759_363_200),
    ])
    func foldsFractionsZonesAndShorterSpellingsAtTheirMoment(path: String, moment: Double) {
        let key = SeriesKey(path: path)
        #expect(key.value == "r/bench_{timestamp}.json")
        #expect(key.timestamp == moment)
    }

    @Test func foldsTheUnderscoreTSpellingOfARunName() throws {
        let key = SeriesKey(path: "bench/results/llm_2026-05-05_T23-11-58.json")
        #expect(key.value == "bench/results/llm_{timestamp}.json")
        #expect(key.timestamp == 1_778_022_718)
        let later = SeriesKey(path: "bench/results/llm_2026-05-06_T00-00-01.json")
        #expect(later == key)
        let (laterTime, time) = (try #require(later.timestamp), try #require(key.timestamp))
        #expect(laterTime - time == 2_883)
    }

    @Test(arguments: [
        ("r/app_v1.2.3.json", "r/app_v1.2.3.json") as (String, String),
        ("r/render_1024x768.json", "r/render_1024x768.json"),
        ("r/llama-model-7b.json", "r/llama-model-7b.json"),
        ("r/release_2025.1.5.json", "r/release_2025.1.5.json"),
        ("r/bench_2025-13-02.json", "r/bench_2025-13-02.json"),
        ("r/bench_2025-10-02-0001.json", "r/bench_{timestamp}-0001.json"),
        ("r/bench_2025-10-02_1024.json", "r/bench_{timestamp}_1024.json"),
        ("r/bench_2025-10-02_15-18.json", "r/bench_{timestamp}_15-18.json"),
        ("r/bench_2025-10-02T15:18:24-0001.json", "r/bench_{timestamp}-0001.json"),
        ("r/bench_2025-10-02.1.json", "r/bench_{timestamp}.1.json"),
        ("r/bench_2025-10_02.json", "r/bench_2025-10_02.json"),
        ("r/sizes_4096_8192.json", "r/sizes_4096_8192.json"),
        ("r/bench_12345678901234.json", "r/bench_12345678901234.json"),
        ("r/build_9999999999.json", "r/build_9999999999.json"),
        ("r/build_0978307199.json", "r/build_0978307199.json"),
    ])
    func leavesWhatIsNotATimestampAlone(path: String, key: String) {
        #expect(SeriesKey(path: path).value == key)
    }

    @Test func foldsAnAllDigitOrAllLetterCommitPrefixBesideHexSiblings() {
        let keys = SeriesKey.keys(for: [
            "results/box/3f2a1c0b-py3.11.json", "results/box/06264258-py3.11.json", "results/box/ecebaffb-py3.11.json",
            "results/box/machine.json", "other/06264258-py3.11.json", "results/box/12345678-notes.json",
            "results/box/deadbeef-notes.json",
        ])
        #expect(keys["results/box/3f2a1c0b-py3.11.json"]?.value == "results/box/{commit}-py3.11.json")
        #expect(keys["results/box/06264258-py3.11.json"]?.value == "results/box/{commit}-py3.11.json")
        #expect(keys["results/box/ecebaffb-py3.11.json"]?.value == "results/box/{commit}-py3.11.json")
        #expect(keys["results/box/deadbeef-notes.json"]?.value == "results/box/deadbeef-notes.json")
        #expect(keys["results/box/machine.json"]?.value == "results/box/machine.json")
        // Elsewhere, or named unlike any hex sibling, digits stay digits.
        #expect(keys["other/06264258-py3.11.json"]?.value == "other/06264258-py3.11.json")
        #expect(keys["results/box/12345678-notes.json"]?.value == "results/box/12345678-notes.json")
        #expect(SeriesKey.keys(for: ["r/06264258-py3.11.json"])["r/06264258-py3.11.json"]?.value == "r/06264258-py3.11.json")
    }

    @Test func anAsvResultsFolderReadAsAHistoryFoldsAnAllDigitCommitPrefixLikeItsSiblings() throws {
        let source = FolderSource(root: FormatAdapterTests.folder)
        let hex = "asv/results/mybox/3f2a1c0b-virtualenv-py3.11.json", digits = "asv/results/mybox/06264258-virtualenv-py3.11.json"
        let entries = try HistoryArtifact.entries(asvResults: [hex, digits, "asv/results/mybox/machine.json"]) { path in
            try source.read(path == digits ? hex : path)
        }
        #expect(entries.map(\.run.series.value) == ["asv/results/mybox/{commit}-virtualenv-py3.11.json",
                                                     "asv/results/mybox/{commit}-virtualenv-py3.11.json"])
    }
}
