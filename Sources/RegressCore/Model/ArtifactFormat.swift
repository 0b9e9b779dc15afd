/// The formats regress reads.
public enum ArtifactFormat: String, Sendable, Codable, CaseIterable {
    /// Plain JSON and CSV, read by their generic rules.
    case json
    case csv
    /// Pipe tables in Markdown reports.
    case markdown
    case googleBenchmark = "google-benchmark"
    case pytestBenchmark = "pytest-benchmark"
    case hyperfine
    case criterion
    case goBench = "go-bench"
    case packageBenchmark = "package-benchmark"
    case asv
    case jmh
    /// github-action-benchmark's custom JSON, `[{name, unit, value, range}]` (also package-benchmark's
    /// `jsonSmallerIsBetter`/`jsonBiggerIsBetter` exports).
    case customBenchmark = "custom-benchmark"
    /// github-action-benchmark's history, `data.js` (`window.BENCHMARK_DATA = {…}`) or `data.json`:
    /// every entry of every suite; the latest entry of each suite is the run.
    case benchmarkActionHistory = "benchmark-action-history"
    /// What RegressTesting's `measure` writes: `{"regress_measurements": 1, "fingerprint": …,
    /// "benchmarks": [{"name", "metrics": [{"name", "unit", "direction", "samples"}]}]}`.
    case regressMeasurements = "regress-measurements"
}

/// What a file is to regress: a run, a history of runs, a machine's fingerprint, or metadata that
/// describes benchmarks without measuring them.
public enum ArtifactKind: String, Sendable, Codable {
    case run
    case history
    case fingerprint
    case metadata
}
