import RegressGit

/// A series whose artifact moved between the base and the head: `bench/a.json → results/a.json`.
public struct SeriesMove: Equatable, Sendable {
    /// The series in the base.
    public let from: String
    /// The series in the head, under which both sides are compared.
    public let to: String
    /// How the move was found: git's rename detection between the two commits, or the same benchmarks
    /// and metrics on both sides.
    public let evidence: Evidence

    public enum Evidence: String, Sendable {
        case rename
        case content
    }

    public init(from: String, to: String, evidence: Evidence) {
        self.from = from
        self.to = to
        self.evidence = evidence
    }
}

/// Follows moved and renamed artifacts, so that a series under a new folder or name is compared with
/// its old self instead of being reported `missing` in one place and `new` in another.
///
/// Only series that one side lacks are candidates. A base series and a head series are the same when:
/// 1. git's rename detection (between the base commit and the head commit, or the commit the working
///    tree is on) moved a file of the one to a file of the other; else
/// 2. exactly one candidate on each side holds the same measurements; else
/// 3. exactly one candidate on each side has the same file name and the same benchmarks and metrics
///    (a folder moved; `llama3.csv` replaced by `gemma3.csv` of the same shape is not a move).
public enum RenameMatching {
    /// Re-keys the base runs that moved onto their head series; returns the moves, sorted. `renames`
    /// is asked only when both sides have a series the other lacks.
    public static func follow(base: inout LoadedRuns, head: LoadedRuns, renames: () throws -> [Rename]) rethrows -> [SeriesMove] {
        let headSeries = Set(head.runs.map(\.series))
        let baseSeries = Set(base.runs.map(\.series))
        var baseOrphans = base.runs.indices.filter { !headSeries.contains(base.runs[$0].series) }
        var headOrphans = head.runs.filter { !baseSeries.contains($0.series) }
        var moves: [SeriesMove] = []
        guard !baseOrphans.isEmpty, !headOrphans.isEmpty else { return [] }

        func pair(_ baseIndex: Int, _ headRun: Run, _ evidence: SeriesMove.Evidence) {
            moves.append(SeriesMove(from: base.runs[baseIndex].series.value, to: headRun.series.value, evidence: evidence))
            base.runs[baseIndex].series = headRun.series
            baseOrphans.removeAll { $0 == baseIndex }
            headOrphans.removeAll { $0.series == headRun.series }
        }

        for rename in try renames() {
            let from = SeriesKey(path: rename.from), to = SeriesKey(path: rename.to)
            guard let baseIndex = baseOrphans.first(where: { base.runs[$0].series == from }),
                  let headRun = headOrphans.first(where: { $0.series == to }) else { continue }
            pair(baseIndex, headRun, .rename)
        }
        for signature in [contents, namedShape] {
            let baseGroups = Dictionary(grouping: baseOrphans) { signature(base.runs[$0]) }
            let headGroups = Dictionary(grouping: headOrphans) { signature($0) }
            for (key, indices) in baseGroups.sorted(by: { $0.key < $1.key }) where !key.isEmpty && indices.count == 1 {
                guard let candidates = headGroups[key], candidates.count == 1 else { continue }
                pair(indices[0], candidates[0], .content)
            }
        }
        return moves.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Values keyed by metric id (`series/benchmark/metric`), with the ids of moved series under their
    /// new series.
    public static func moving<Value>(_ values: [String: Value], by moves: [SeriesMove]) -> [String: Value] {
        guard !moves.isEmpty else { return values }
        var moved: [String: Value] = [:]
        for (id, value) in values {
            let move = moves.first { id.hasPrefix($0.from + "/") }
            moved[move.map { $0.to + id.dropFirst($0.from.count) } ?? id] = value
        }
        return moved
    }

    /// Every measurement of a run, samples included: equal for the same file content.
    static func contents(_ run: Run) -> String {
        let shape = shape(run)
        return shape.isEmpty ? "" : shape + "\u{1}" + run.measurements.map { "\($0.benchmark)\u{0}\($0.metric)\u{0}\($0.samples)" }.sorted().joined(separator: "\u{2}")
    }

    /// The benchmarks and metrics of a run, without their values (a stored baseline and the CSV it was
    /// recorded from have the same).
    static func shape(_ run: Run) -> String {
        Set(run.measurements.map { "\($0.benchmark)\u{0}\($0.metric)" }).sorted().joined(separator: "\u{2}")
    }

    /// The shape of a run under its file name (the last part of its series key).
    static func namedShape(_ run: Run) -> String {
        let shape = shape(run)
        return shape.isEmpty ? "" : (run.series.value.split(separator: "/").last.map(String.init) ?? "") + "\u{1}" + shape
    }
}

/// Which file of a series was compared on each side: the newest of the runs the tree held.
public struct ComparedFiles: Equatable, Sendable {
    public let series: String
    public let basePath: String?
    /// How many runs of the series the base tree held (the compared one included).
    public let baseRuns: Int
    public let headPath: String?
    public let headRuns: Int

    /// True when a side held several runs of the series, so that which one was compared is worth saying.
    public var choseAmongSeveral: Bool { baseRuns > 1 || headRuns > 1 }

    public static func listing(base: [Run], head: [Run]) -> [ComparedFiles] {
        let baseRuns = Dictionary(base.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        let headRuns = Dictionary(head.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(baseRuns.keys).union(headRuns.keys).sorted().map { series in
            ComparedFiles(series: series.value,
                          basePath: baseRuns[series]?.path, baseRuns: baseRuns[series].map { 1 + $0.earlierPaths.count } ?? 0,
                          headPath: headRuns[series]?.path, headRuns: headRuns[series].map { 1 + $0.earlierPaths.count } ?? 0)
        }
    }
}

/// Failed runs that are old news: the base holds the very same file (the same blob, wherever it
/// moved), so the failure was there before this change. They are said once, apart, and their failed
/// metrics do not decide the verdict.
public enum UnchangedFailures {
    public static func settle(_ comparison: inout Comparison, base: [Run], baseSource: ArtifactSource,
                              head: [Run], headSource: ArtifactSource) {
        for index in comparison.failedRuns.indices {
            let failed = comparison.failedRuns[index]
            guard let baseRun = base.first(where: { $0.series.value == failed.series }), baseRun.failure != nil,
                  let headRun = head.first(where: { $0.series.value == failed.series }),
                  let old = try? baseSource.read(baseRun.path), let new = try? headSource.read(headRun.path), old == new else { continue }
            comparison.failedRuns[index].unchangedSinceBase = true
            for position in comparison.results.indices
            where comparison.results[position].series == failed.series && comparison.results[position].verdict == .failed {
                comparison.results[position].severity = .ignore
                comparison.results[position].note = "failed the same way in the base"
            }
        }
    }
}
