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
}
