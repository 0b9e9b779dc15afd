import RegressGit

/// The earlier runs of a baseline's series, that the gate learns each metric's noise from: the older
/// timestamped runs of the series in the base tree, and its runs on the first-parent commits before
/// the base (each artifact blob a commit added or changed), at most `window` per metric, newest kept.
public enum EarlierRuns {
    /// Commits read back from the base at most, looking for earlier runs.
    public static let commitLimit = 200

    /// Per metric id, the aggregates of the earlier runs, oldest first, for the metrics of `runs` that
    /// have too few samples for a test and whose policy reads history.
    public static func values(for runs: [Run], at base: ObjectID, source: ArtifactSource, repository: Repository,
                              configuration: Configuration, policies: PolicySet) throws -> [String: [Double]] {
        var wanted: [String: Run] = [:]
        var windows: [String: Int] = [:]
        for run in runs where !run.isFailed {
            for measurement in run.measurements where !measurement.samples.isEmpty {
                let policy = policies.resolve("\(run.series.value)/\(measurement.benchmark)/\(measurement.metric)")
                guard policy.history.enabled, measurement.samples.count < policy.minSamples else { continue }
                wanted[run.series.value] = run
                windows[run.series.value] = max(windows[run.series.value] ?? 0, policy.history.window)
            }
        }
        guard !wanted.isEmpty else { return [:] }

        // Runs on earlier commits: every distinct blob of the series, oldest first.
        let walked = try HistoryReader(repository: repository, configuration: configuration).read(
            HistoryRange(tip: base, boundary: nil, label: base.hex), firstParent: true, limit: commitLimit,
            series: Set(wanted.keys))
        var bySeries: [String: [Run]] = [:]
        var walkedPaths: [String: Set<String>] = [:]
        for series in wanted.keys {
            let run = wanted[series]!
            let baseBlob = try repository.blobID(at: base, path: run.path)
            let earlier = walked.runs.filter { $0.run.series.value == series && $0.blob != baseBlob }
            walkedPaths[series] = Set(earlier.map(\.run.path))
            bySeries[series] = earlier.map(\.run)
        }
        // Older timestamped runs of the series in the base tree that the walk did not reach.
        for (series, run) in wanted {
            let window = windows[series]!
            var missing = run.earlierPaths.filter { !walkedPaths[series]!.contains($0) }
            guard bySeries[series]!.count < window, !missing.isEmpty else { continue }
            missing = Array(missing.prefix(window - bySeries[series]!.count))
            var older = run
            older.earlierPaths = missing
            let tree = RunLoader.earlierRuns(of: older, from: source, configuration: configuration)
            bySeries[series] = tree.reversed() + bySeries[series]!
        }

        var values: [String: [Double]] = [:]
        for (series, earlier) in bySeries where !earlier.isEmpty {
            // Each run's measurements by benchmark and metric (the first of each), made when first asked.
            var indexes = [[MetricKey: Int]?](repeating: nil, count: earlier.count)
            for measurement in wanted[series]!.measurements {
                let id = "\(series)/\(measurement.benchmark)/\(measurement.metric)"
                let policy = policies.resolve(id)
                let key = MetricKey(benchmark: measurement.benchmark, metric: measurement.metric)
                // The newest `window` runs that have the metric, found from the newest back: older ones are not kept.
                var history: [Double] = []
                for position in earlier.indices.reversed() where history.count < policy.history.window {
                    let run = earlier[position]
                    if indexes[position] == nil { indexes[position] = metricIndex(run) }
                    guard let found = indexes[position]![key].map({ run.measurements[$0] }),
                          let match = Normalization.perUnit(found, in: run, by: policy.normalizeBy), !match.samples.isEmpty else { continue }
                    let factor = UnitConversion.factor(from: match.unit, to: measurement.unit) ?? 1
                    history.append(policy.aggregate.apply(match.samples) * factor)
                }
                if !history.isEmpty { values[id] = history.reversed() }
            }
        }
        return values
    }

    struct MetricKey: Hashable {
        let benchmark: String
        let metric: String
    }

    /// Where each benchmark and metric of a run is first among its measurements.
    static func metricIndex(_ run: Run) -> [MetricKey: Int] {
        var index: [MetricKey: Int] = [:]
        for (position, measurement) in run.measurements.enumerated() {
            let key = MetricKey(benchmark: measurement.benchmark, metric: measurement.metric)
            if index[key] == nil { index[key] = position }
        }
        return index
    }
}
