import Foundation
import RegressGit

/// What `regress history` found: every metric's points over the range, and its change points.
public struct HistoryReport: Sendable {
    /// The range as asked for (`HEAD`, `v1.0..HEAD`).
    public let range: String
    public let tip: Commit
    /// Commits read, context included.
    public let commitsRead: Int
    /// The policies that decided.
    public let policies: PolicySet
    public var policyFiles: [String] { policies.files }
    public let series: [MetricHistory]
    public let notices: [String]

    /// The series with a change point in the range, most harmful first.
    public var changed: [MetricHistory] {
        series.filter { !$0.changesInRange.isEmpty }.sorted { a, b in
            (HistoryReport.harm(a), b.id) > (HistoryReport.harm(b), a.id)
        }
    }

    /// 1 when a change point in the range is a regression under `severity: fail`, else 0.
    public var exitCode: Int32 { series.contains { $0.changes.contains(where: \.fails) } ? 1 : 0 }

    /// How bad the worst change of a series is: regressions by their size first, then the others.
    static func harm(_ series: MetricHistory) -> Double {
        series.changesInRange.map(\.harm).max() ?? 0
    }
}

/// `regress history [RANGE]`: walks the commits of a range through libgit2, builds each metric's series
/// of runs, and finds where its level changed.
public struct HistoryOperation: Sendable {
    public var repositoryPath: String
    /// `REV`, `A..B` or `A...B`; nil for all of HEAD's history.
    public var range: String?
    /// Globs over metric ids (`series/benchmark/metric`); empty keeps every metric.
    public var metrics: [String] = []
    public var firstParent = true
    /// At most this many commits of the range, newest first.
    public var limit: Int?
    /// Commits before a range's first commit read for the levels before it.
    public var context = 100
    public var policyFiles: [String] = []
    public var configurationFile: String?

    public init(repositoryPath: String, range: String? = nil) {
        self.repositoryPath = repositoryPath
        self.range = range
    }

    public func run(progress: ((Int, Int) -> Void)? = nil) throws -> HistoryReport {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let range = try HistoryRange.parse(self.range, in: repository)
        let tipSource = try CommitSource(repository: repository, revision: range.tip.hex)
        let configuration = try Configuration.load(file: configurationFile, orFrom: tipSource)
        let policies = try PolicySet.load(explicitFiles: policyFiles, source: tipSource)
        let filter = try metrics.map { pattern -> Glob in
            do { return try Glob(pattern) } catch let error as GlobError {
                throw RegressError.badMetricGlob(pattern: pattern, reason: error.description)
            }
        }
        let runs = try HistoryReader(repository: repository, configuration: configuration)
            .read(range, firstParent: firstParent, limit: limit, context: range.boundary == nil ? 0 : context, progress: progress)
        let series = HistoryAnalysis.series(from: runs, policies: policies, filter: filter)
        var notices = runs.notices
        if series.isEmpty {
            if !metrics.isEmpty, !runs.runs.isEmpty {
                notices.append("no metric matches \(metrics.joined(separator: ", ")): the ids are series/benchmark/metric, as `--format json` lists them")
            } else {
                notices.append("no benchmark artifacts in the \(runs.commits.count) commit\(runs.commits.count == 1 ? "" : "s") read " +
                               "(selection from \(configuration.origin))")
            }
        }
        return HistoryReport(range: range.label, tip: try repository.commit(range.tip), commitsRead: runs.commits.count,
                             policies: policies, series: series, notices: notices)
    }
}
