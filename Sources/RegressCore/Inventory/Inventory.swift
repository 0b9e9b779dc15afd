import Foundation
import RegressGit

/// What a benchmark tree holds and lacks: files by type per folder, what was read from them, every
/// metric's range, and the gaps that stand in the way of a trustworthy comparison.
public struct Inventory: Sendable {
    /// How the source is named: "working tree" or "HEAD~10 (3f2a1c0)".
    public var source: String
    /// The folders asked about ("" is the whole tree).
    public var paths: [String]
    public var depth: Int
    public var files: FileCounts
    public var folders: [FolderCoverage]
    public var totals: InventoryTotals
    public var metrics: [MetricSummary]
    public var gaps: [InventoryGap]
    /// Runs per day (or month, over spans longer than 62 days), oldest first; runs with no time of
    /// their own (a timestamp in the name, a date inside) are counted under "undated", last.
    public var runsOverTime: [(period: String, runs: Int)]
}

/// The kind of a file by its name.
public enum FileType: String, Sendable, CaseIterable {
    case json = "JSON"
    case csv = "CSV"
    case markdown = "Markdown"
    case other

    public init(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".json") { self = .json }
        else if name.hasSuffix(".csv") || name.hasSuffix(".tsv") { self = .csv }
        else if name.hasSuffix(".md") || name.hasSuffix(".markdown") { self = .markdown }
        else { self = .other }
    }
}

/// Files counted by type.
public struct FileCounts: Equatable, Sendable {
    public var counts: [FileType: Int] = [:]

    public init() {}

    public subscript(type: FileType) -> Int { counts[type] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }

    mutating func add(_ type: FileType) { counts[type, default: 0] += 1 }
}

/// One folder, to the depth asked: its files by type, the formats read from them, and the newest
/// commit that changed it.
public struct FolderCoverage: Sendable {
    /// The folder's path ("." for the files at the root of the tree).
    public var path: String
    public var files: FileCounts
    /// The formats detected in its artifacts, sorted.
    public var formats: [String]
    public var latest: Commit?
}

public struct InventoryTotals: Equatable, Sendable {
    public var files = FileCounts()
    /// Files that a reader understood (with measurements, a failure, a fingerprint or metadata).
    public var artifactsRead = 0
    /// Artifacts that gave a run, and of those the ones whose every record failed.
    public var runs = 0
    public var failedRuns = 0
    /// Distinct benchmarks of a series; distinct metric names.
    public var benchmarks = 0
    public var metrics = 0
    /// Valid values; values of records that reported an error.
    public var samples = 0
    public var failedSamples = 0
    /// Series (the timestamped runs of one benchmark are one series), and those with a single run.
    public var series = 0
    public var seriesWithOneRun = 0
}

/// Where a value was found.
public struct ValueLocation: Equatable, Sendable {
    public var path: String
    public var benchmark: String
}

/// Every value of one metric name (in one unit) across the artifacts, failed records excluded.
public struct MetricSummary: Sendable {
    public var name: String
    public var unit: String
    /// `lower`, `higher`, `unknown`, or `mixed` when artifacts disagree.
    public var direction: String
    public var count: Int
    public var min: Double
    public var max: Double
    public var mean: Double
    public var median: Double
    public var minAt: ValueLocation
    public var maxAt: ValueLocation
    /// Values of failed records, counted apart.
    public var failed: Int
    /// Artifacts holding the metric.
    public var artifacts: Int
}

/// What stands in the way of a trustworthy comparison, with the files concerned.
public struct InventoryGap: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case noFingerprint = "no-fingerprint"
        case mixedMachines = "mixed-machines"
        case missingMetadata = "missing-metadata"
        case invalidValues = "invalid-values"
        case failedRuns = "failed-runs"
        case unreadable
        case singleRun = "single-run"
        case reportMismatch = "report-mismatch"

        /// A sentence that says what the gap is.
        public var title: String {
            switch self {
            case .noFingerprint: return "Runs with no hardware fingerprint"
            case .mixedMachines: return "Series with runs from more than one machine"
            case .missingMetadata: return "Runs without metadata a policy requires"
            case .invalidValues: return "Null, NaN and non-numeric values"
            case .failedRuns: return "Failed runs and rows"
            case .unreadable: return "Files no reader understood"
            case .singleRun: return "Series with a single run (nothing to compare with)"
            case .reportMismatch: return "Markdown reports whose numbers disagree with their artifact"
            }
        }
    }

    public struct File: Equatable, Sendable {
        public var path: String
        public var detail: String
    }

    public var kind: Kind
    public var files: [File]
}
