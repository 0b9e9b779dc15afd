/// Pairs the runs of a baseline and a head by series, benchmark and metric, and decides each pair.
public struct Comparator: Sendable {
    /// The relative change, in the worse direction, beyond which a metric regresses (0.05 is 5%).
    public var tolerance: Double

    public init(tolerance: Double = 0.05) {
        self.tolerance = tolerance
    }

    public func compare(base: LoadedRuns, head: LoadedRuns, baseSide: ComparisonSide, headSide: ComparisonSide) -> Comparison {
        let baseRuns = Dictionary(base.runs.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        let headRuns = Dictionary(head.runs.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [MetricResult] = []
        var failedRuns: [FailedRun] = []
        for series in Set(baseRuns.keys).union(headRuns.keys).sorted() {
            let baseRun = baseRuns[series]
            let headRun = headRuns[series]
            if let headRun, let failure = headRun.failure {
                failedRuns.append(FailedRun(series: series.value, path: headRun.path, failure: failure))
            }
            let baseByKey = Dictionary((baseRun?.measurements ?? []).map { (Self.key($0), $0) }, uniquingKeysWith: { a, _ in a })
            var seen: Set<String> = []
            for measurement in headRun?.measurements ?? [] {
                let key = Self.key(measurement)
                seen.insert(key)
                results.append(decide(series: series.value, base: baseByKey[key], head: measurement, headRun: headRun))
            }
            for measurement in baseRun?.measurements ?? [] where !seen.contains(Self.key(measurement)) {
                results.append(decide(series: series.value, base: measurement, head: nil, headRun: headRun))
            }
        }
        return Comparison(base: baseSide, head: headSide, tolerance: tolerance, results: results,
                          failedRuns: failedRuns, notices: base.notices.map { "base: \($0)" } + head.notices.map { "head: \($0)" })
    }

    private static func key(_ measurement: Measurement) -> String {
        measurement.benchmark + "\u{0}" + measurement.metric
    }

    func decide(series: String, base: Measurement?, head: Measurement?, headRun: Run?) -> MetricResult {
        let reference = head ?? base!
        func result(_ verdict: Verdict, change: Double? = nil, note: String? = nil) -> MetricResult {
            MetricResult(series: series, benchmark: reference.benchmark, metric: reference.metric, unit: reference.unit,
                         direction: reference.direction, verdict: verdict, base: base?.median, head: head?.median,
                         relativeChange: change, samplesBase: base?.samples.count ?? 0,
                         samplesHead: head?.samples.count ?? 0, note: note)
        }
        guard let head else { return result(.missing) }
        if head.isFailed {
            return result(.failed, note: headRun?.failure?.firstError)
        }
        guard let base else { return result(.new) }
        guard let baseValue = base.median, let headValue = head.median else {
            return result(.new, note: "the baseline run failed")
        }
        let difference = headValue - baseValue
        guard baseValue != 0 else {
            return difference == 0 ? result(.unchanged, change: 0)
                : result(.inconclusive, note: "the baseline is 0: no relative change")
        }
        let change = difference / abs(baseValue)
        if abs(change) <= tolerance { return result(.unchanged, change: change) }
        switch reference.direction {
        case .unknown:
            return result(.inconclusive, change: change, note: "direction unknown: set `direction:` for this metric")
        case .lowerIsBetter:
            return result(change > 0 ? .regression : .improvement, change: change)
        case .higherIsBetter:
            return result(change < 0 ? .regression : .improvement, change: change)
        }
    }
}
