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
    /// `cargo bench` console output: Rust libtest's `test name ... bench: N ns/iter (+/- D)` lines and
    /// criterion.rs's `name  time: [low estimate high]` blocks.
    case cargoBench = "cargo-bench"
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
    /// Catch2's console benchmark tables and XML reporter.
    case catch2
    /// BenchmarkDotNet's JSON exports (`*-report-full.json`).
    case benchmarkDotNet = "benchmark-dotnet"
    /// Julia BenchmarkTools' saved JSON.
    case juliaBenchmarkTools = "julia-benchmarktools"
    /// benchmark.js's printed results (`name x 1,234 ops/sec ±0.50% (90 runs sampled)`).
    case benchmarkJS = "benchmark-js"
    /// iai and iai-callgrind summaries.
    case iai
    /// What `time` prints: GNU `time` (default and `-v`), bash, POSIX `-p` and zsh.
    case time
}

/// What a file is to regress: a run, a history of runs, a machine's fingerprint, metadata that
/// describes benchmarks without measuring them (or a harness's own comparison of two runs), static
/// thresholds a harness checks runs against, or none of these (a file in no known format). Every
/// reader says which of these a file is, so `inspect` and the loaders treat all formats alike: only
/// runs and histories hold measurements.
public enum ArtifactKind: String, Sendable, Codable {
    case run
    case history
    case fingerprint
    case metadata
    case thresholds
    case unknown

    /// True for the kinds whose measurements are compared.
    public var isMeasured: Bool { self == .run || self == .history }
}
