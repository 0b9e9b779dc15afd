import RegressGit

/// Turns the runs read from history into one series of points per metric, and finds each series'
/// change points under its policy.
public enum HistoryAnalysis {
    /// - Parameter filter: keep only metrics whose id (`series/benchmark/metric`) matches one of these.
    public static func series(from history: HistoryRuns, policies: PolicySet, filter: [Glob] = []) -> [MetricHistory] {
        var byID: [String: MetricHistory] = [:]
        var policyOf: [String: MetricPolicy] = [:]
        for entry in history.runs {
            for measured in entry.run.measurements where !measured.samples.isEmpty {
                let id = "\(entry.run.series.value)/\(measured.benchmark)/\(measured.metric)"
                guard filter.isEmpty || filter.contains(where: { $0.matches(id) }) else { continue }
                let policy = policyOf[id] ?? policies.resolve(id)
                policyOf[id] = policy
                // A metric compared per unit of another (`normalize.by`) is a series of those quotients;
                // a run without the divisor is no point of it.
                guard let measurement = Normalization.perUnit(measured, in: entry.run, by: policy.normalizeBy),
                      !measurement.samples.isEmpty else { continue }
                let point = HistoryPoint(commit: entry.commit, value: policy.aggregate.apply(measurement.samples),
                                         samples: measurement.samples.count, path: entry.run.path, inRange: entry.inRange)
                if byID[id] == nil {
                    byID[id] = MetricHistory(series: entry.run.series.value, benchmark: measurement.benchmark, metric: measurement.metric,
                                             unit: measurement.unit, direction: policy.direction ?? measurement.direction, points: [])
                    byID[id]!.rule = policy.decidingRule
                }
                // A unit restated in another scale of its dimension (µs after ns) is converted to the newest.
                if byID[id]!.unit != measurement.unit, let factor = UnitConversion.factor(from: byID[id]!.unit, to: measurement.unit) {
                    byID[id]!.points = byID[id]!.points.map {
                        HistoryPoint(commit: $0.commit, value: $0.value * factor, samples: $0.samples, path: $0.path, inRange: $0.inRange)
                    }
                    byID[id]!.unit = measurement.unit
                }
                byID[id]!.points.append(point)
                if policy.direction == nil { byID[id]!.direction = measurement.direction }
            }
        }
        return byID.keys.sorted().map { id in
            var series = byID[id]!
            series.changes = changes(of: series, policy: policyOf[id]!)
            return series
        }
    }

    /// The change points of one series, judged by its direction and severity.
    public static func changes(of series: MetricHistory, policy: MetricPolicy) -> [HistoryChange] {
        guard policy.history.enabled else { return [] }
        let values = series.points.map(\.value)
        return ChangePointDetector.detect(values, settings: policy.history.detector).map { point in
            let verdict = series.direction.verdict(of: point.after - point.before)
            let at = series.points[point.index]
            return HistoryChange(commit: at.commit, index: point.index, before: point.before, after: point.after,
                                 relative: point.relative, verdict: verdict, confidence: point.confidence,
                                 severity: policy.severity, inRange: at.inRange)
        }
    }
}
