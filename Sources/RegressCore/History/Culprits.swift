import RegressGit

/// A commit that moved the level of one or more metrics, with those changes.
public struct Culprit: Equatable, Sendable {
    public let commit: Commit
    /// The changes the commit introduced, worst first.
    public let changes: [(metric: MetricHistory, change: HistoryChange)]

    /// How bad the commit is: its worst regression's size (above any improvement), else its largest change.
    public var harm: Double {
        changes.map(\.change.harm).max() ?? 0
    }

    public static func == (lhs: Culprit, rhs: Culprit) -> Bool {
        lhs.commit == rhs.commit && lhs.changes.map(\.change) == rhs.changes.map(\.change)
    }

    /// The commits that introduced the change points of these series in the range, most harmful first.
    public static func rank(_ series: [MetricHistory]) -> [Culprit] {
        var byCommit: [ObjectID: [(metric: MetricHistory, change: HistoryChange)]] = [:]
        var commits: [ObjectID: Commit] = [:]
        for metric in series {
            for change in metric.changesInRange {
                byCommit[change.commit.id, default: []].append((metric, change))
                commits[change.commit.id] = change.commit
            }
        }
        return byCommit.map { id, changes in
            Culprit(commit: commits[id]!, changes: changes.sorted { a, b in
                (a.change.harm, b.metric.id) > (b.change.harm, a.metric.id)
            })
        }.sorted { a, b in (a.harm, b.commit.time, b.commit.id.hex) > (b.harm, a.commit.time, a.commit.id.hex) }
    }
}
