/// `normalize: { by: METRIC }`: a quantity that grows with another metric of the same record (a
/// generation time with the number of tokens generated) is compared per unit of it, so a longer answer
/// is not a slowdown.
///
/// Every sample of the metric, on both sides, is divided by the sample of the `by` metric at the same
/// position in the same benchmark of the same run (the records of one run are read in order); its unit
/// becomes `unit/by` (`s/eval_count`), its name and direction stay. `by` names the metric exactly or by its
/// last name component (`eval_count` finds `response.eval_count`). When either side cannot be divided
/// (the `by` metric is missing or ambiguous, its sample count differs, or a sample of it is 0), the
/// metric is compared as measured on both sides and the report says why.
enum Normalization {
    /// The runs of both sides with the metrics their policies normalise divided; notices name what
    /// could not be.
    static func apply(_ policies: PolicySet, base: LoadedRuns, head: LoadedRuns) -> (base: LoadedRuns, head: LoadedRuns) {
        guard policies.normalizes else { return (base, head) }
        var outcomes: [String: (base: Outcome?, head: Outcome?)] = [:]
        for (side, loaded) in [(Side.base, base), (.head, head)] {
            for run in loaded.runs {
                for measurement in run.measurements {
                    let key = "\(run.series.value)/\(measurement.benchmark)/\(measurement.metric)"
                    guard let by = policies.resolve(key).normalizeBy, !names(measurement.metric, by) else { continue }
                    let outcome = divide(measurement, by: by, in: run)
                    if side == .base { outcomes[key, default: (nil, nil)].base = outcome } else { outcomes[key, default: (nil, nil)].head = outcome }
                }
            }
        }
        guard !outcomes.isEmpty else { return (base, head) }
        // A base stated in another unit of one dimension (ms against s) is converted to the head's here,
        // where the units are still plain.
        for (key, pair) in outcomes {
            guard case .divided(var divided)? = pair.base, case .divided(let other)? = pair.head,
                  let baseUnit = numerator(divided.unit), let headUnit = numerator(other.unit), baseUnit != headUnit,
                  let factor = UnitConversion.factor(from: baseUnit, to: headUnit) else { continue }
            divided.samples = divided.samples.map { $0 * factor }
            divided.unit = other.unit
            outcomes[key]?.base = .divided(divided)
        }
        return (rewrite(base, side: .base, outcomes), rewrite(head, side: .head, outcomes))
    }

    /// One measurement of a run as the policy's `by` asks it to be compared: itself when `by` is nil or
    /// names the measurement, divided when it can be, nil when it cannot (an earlier run without the
    /// `by` metric is no history for a metric compared per unit).
    static func perUnit(_ measurement: Measurement, in run: Run, by: String?) -> Measurement? {
        guard let by, !names(measurement.metric, by) else { return measurement }
        if case .divided(let divided) = divide(measurement, by: by, in: run) { return divided }
        return nil
    }

    enum Side { case base, head }

    /// A measurement divided by its `by` metric, or why it could not be.
    enum Outcome {
        case divided(Measurement)
        case kept(by: String, reason: String)
    }

    /// True when `metric` is the metric `by` names: the same name, or the same last name component.
    static func names(_ metric: String, _ by: String) -> Bool {
        metric == by || metric.hasSuffix("." + by)
    }

    static func divide(_ measurement: Measurement, by: String, in run: Run) -> Outcome {
        let candidates = run.measurements.filter { $0.benchmark == measurement.benchmark && names($0.metric, by) }
        let divisor = candidates.first { $0.metric == by } ?? (candidates.count == 1 ? candidates[0] : nil)
        guard let divisor else {
            return .kept(by: by, reason: candidates.isEmpty ? "the benchmark has no metric \(by)"
                                                            : "\(candidates.count) metrics are named \(by): name one in full")
        }
        guard divisor.samples.count == measurement.samples.count else {
            return .kept(by: by, reason: "\(divisor.metric) has \(count(divisor.samples.count)), \(measurement.metric) \(count(measurement.samples.count))")
        }
        guard !divisor.samples.contains(0) else { return .kept(by: by, reason: "\(divisor.metric) is 0 in a sample") }
        var divided = measurement
        divided.samples = zip(measurement.samples, divisor.samples).map { $0 / $1 }
        divided.unit = (measurement.unit.isEmpty ? "1" : measurement.unit) + "/" + by
        return .divided(divided)
    }

    /// The unit a divided unit was made from: `ms` of `ms/eval_count`.
    private static func numerator(_ unit: String) -> String? {
        unit.lastIndex(of: "/").map { String(unit[..<$0]) }
    }

    private static func count(_ samples: Int) -> String {
        "\(samples) sample\(samples == 1 ? "" : "s")"
    }

    /// One side with its normalised metrics replaced, where both sides could be divided, and a notice
    /// for each of its metrics that could not.
    private static func rewrite(_ loaded: LoadedRuns, side: Side, _ outcomes: [String: (base: Outcome?, head: Outcome?)]) -> LoadedRuns {
        var loaded = loaded
        var notices: [String] = []
        for index in loaded.runs.indices {
            let run = loaded.runs[index]
            var measurements: [Measurement] = []
            for measurement in run.measurements {
                let key = "\(run.series.value)/\(measurement.benchmark)/\(measurement.metric)"
                guard let pair = outcomes[key], let own = side == .base ? pair.base : pair.head else {
                    measurements.append(measurement)
                    continue
                }
                switch (own, side == .base ? pair.head : pair.base) {
                case (.kept(let by, let reason), _):
                    let name = measurement.benchmark.isEmpty ? measurement.metric : "\(measurement.benchmark) \(measurement.metric)"
                    notices.append("\(run.path): \(name) compared as measured, not per \(by): \(reason)")
                    measurements.append(measurement)
                case (.divided, .kept?):
                    measurements.append(measurement)
                case (.divided(let divided), _):
                    measurements.append(divided)
                }
            }
            loaded.runs[index].measurements = measurements
        }
        loaded.notices += notices
        return loaded
    }
}
