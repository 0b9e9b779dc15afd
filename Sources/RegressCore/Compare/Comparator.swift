/// Pairs the runs of a baseline and a head by series, benchmark and metric, and decides each pair
/// under its policy:
///
/// 1. each side's samples are summarised by the policy's aggregate; the relative change is
///    (head − base) / |base|;
/// 2. when both sides have at least `min_samples`, the policy's test gives a p-value; p-values are
///    adjusted with Benjamini-Hochberg across every tested metric of the comparison;
/// 3. a change that does not exceed the tolerance is `unchanged` (significant or not); one that does is
///    a `regression` or an `improvement` by the metric's direction when the adjusted p is below alpha,
///    or when no test ran, and `inconclusive` when the test ran and did not reject "no change". Only a
///    change beyond the tolerance, with `min_samples` a side, gets a seeded bootstrap 95% interval of
///    the relative change (the interval is reported for no other metric, and costs most of a compare);
/// 4. a side whose coefficient of variation is above `noise.max_cv` makes the metric `inconclusive`,
///    as does an unknown direction.
public struct Comparator: Sendable {
    public var policies: PolicySet
    /// Today as `YYYY-MM-DD`, to tell expired rules.
    public var today: String
    /// Set when the base side is stored baselines: a head series without one is reported as having no
    /// baseline, under the policy's `on_missing`, rather than as new.
    public var againstStoredBaselines = false
    /// Per metric id, the aggregates of the base's earlier runs, oldest first (the base run not
    /// included): the history its noise is learned from when a side has too few samples for a test.
    public var earlierRuns: [String: [Double]] = [:]

    public init(policies: PolicySet = .builtInDefault, today: String) {
        self.policies = policies
        self.today = today
    }

    public func compare(base: LoadedRuns, head: LoadedRuns, baseSide: ComparisonSide, headSide: ComparisonSide) -> Comparison {
        let (base, head) = Normalization.apply(policies, base: base, head: head)
        let baseRuns = Dictionary(base.runs.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        let headRuns = Dictionary(head.runs.map { ($0.series, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [Job] = []
        /// The base and head run of each series, which jobs name by position.
        var runs: [(base: Run?, head: Run?)] = []
        var failedRuns: [FailedRun] = []
        var incomparable: [IncomparableRun] = []
        var unfingerprinted: (base: [String], head: [String]) = ([], [])
        for series in Set(baseRuns.keys).union(headRuns.keys).sorted() {
            let baseRun = baseRuns[series]
            var headRun = headRuns[series]
            // A head artifact that no longer parses is a failed run of the base's metrics, never a
            // disappearance (nor a regression): `on_failed_run` decides what it does.
            if headRun == nil, let baseRun, let broken = head.broken[series] {
                headRun = Run(series: series, path: broken.path, format: baseRun.format,
                              measurements: baseRun.measurements.map {
                                  Measurement(benchmark: $0.benchmark, metric: $0.metric, unit: $0.unit, direction: $0.direction,
                                              samples: [], failedSamples: 1)
                              },
                              failure: RunFailure(failedRecords: 0, totalRecords: 0, firstError: "does not parse: " +
                                                  (broken.message.hasPrefix(broken.path + ": ") ? String(broken.message.dropFirst(broken.path.count + 2)) : broken.message)))
            }
            if let headRun, let failure = headRun.failure {
                failedRuns.append(FailedRun(series: series.value, path: headRun.path, failure: failure))
            }
            if let baseRun, let headRun {
                if let b = baseRun.fingerprint, let h = headRun.fingerprint {
                    let names = Set(b.fingerprint.fields.keys).union(h.fingerprint.fields.keys)
                    let differences = names.filter { b.fingerprint.fields[$0] != h.fingerprint.fields[$0] }.sorted()
                    let policy = policies.resolve(seriesOf: headRun)
                    if !h.fingerprint.differences(from: b.fingerprint, on: policy.fingerprintMatch).isEmpty {
                        incomparable.append(IncomparableRun(series: series.value, base: b, head: h, differences: differences))
                    }
                }
                if baseRun.fingerprint == nil { unfingerprinted.base.append(series.value) }
                if headRun.fingerprint == nil { unfingerprinted.head.append(series.value) }
            }
            runs.append((baseRun, headRun))
            let runIndex = runs.count - 1
            let baseMeasurements = baseRun?.measurements ?? [], headMeasurements = headRun?.measurements ?? []
            // Two runs of one harness usually list the same metrics in the same order: then they pair
            // by position, with nothing to look up.
            if baseMeasurements.count == headMeasurements.count,
               zip(baseMeasurements, headMeasurements).allSatisfy({ $0.benchmark == $1.benchmark && $0.metric == $1.metric }),
               Set(headMeasurements.lazy.map(Self.key)).count == headMeasurements.count {
                for (base, head) in zip(baseMeasurements, headMeasurements) {
                    jobs.append(Job(series: series.value, base: base, head: head, runs: runIndex, noBaseline: false))
                }
                continue
            }
            let baseByKey = Dictionary(baseMeasurements.map { (Self.key($0), $0) }, uniquingKeysWith: { a, _ in a })
            var seen: Set<MeasurementKey> = []
            for measurement in headMeasurements {
                let key = Self.key(measurement)
                seen.insert(key)
                jobs.append(Job(series: series.value, base: baseByKey[key], head: measurement, runs: runIndex,
                                noBaseline: againstStoredBaselines && baseRun == nil))
            }
            for measurement in baseMeasurements where !seen.contains(Self.key(measurement)) {
                jobs.append(Job(series: series.value, base: measurement, head: nil, runs: runIndex, noBaseline: false))
            }
        }
        // Each metric is measured and decided on its own (its bootstrap has its own seed): the cores share them.
        var pending = ParallelMap.map(jobs) { job in
            let (baseRun, headRun) = runs[job.runs]
            return job.noBaseline ? noBaseline(series: job.series, head: job.head!, headRun: headRun)
                : measure(series: job.series, base: job.base, head: job.head, baseRun: baseRun, headRun: headRun)
        }
        // Benjamini-Hochberg across every metric whose test ran.
        let tested = pending.indices.filter { pending[$0].result.pValue != nil }
        let adjusted = BenjaminiHochberg.adjust(tested.map { pending[$0].result.pValue! })
        for (index, value) in zip(tested, adjusted) { pending[index].result.pValueAdjusted = value }
        let results = ParallelMap.map(pending) { decide($0) }
        var notices = base.notices.map { "base: \($0)" } + head.notices.map { "head: \($0)" }
        for (side, series) in [("base", unfingerprinted.base), ("head", unfingerprinted.head)] where !series.isEmpty {
            notices.append("no fingerprint for the \(side) run of \(ReportWording.someSeries(series)): " +
                           "machines cannot be checked; write one with `regress fingerprint --format json > fingerprint.json` where the benchmarks run")
        }
        var comparison = Comparison(base: baseSide, head: headSide, policyFiles: policies.files, results: results,
                                    failedRuns: failedRuns, notices: notices)
        comparison.incomparableRuns = incomparable
        return comparison
    }

    private static func key(_ measurement: Measurement) -> MeasurementKey {
        MeasurementKey(benchmark: measurement.benchmark, metric: measurement.metric)
    }

    /// A measurement's benchmark and metric, which pair it with the other side's.
    private struct MeasurementKey: Hashable {
        let benchmark: String
        let metric: String
    }

    /// One metric to measure: its two sides, and the position of their runs.
    struct Job {
        let series: String
        let base: Measurement?
        let head: Measurement?
        let runs: Int
        let noBaseline: Bool
    }

    /// A result before the false-discovery adjustment, with what the decision needs.
    struct Pending {
        var result: MetricResult
        let policy: MetricPolicy
        /// Set when the verdict is already known without the test (missing, new, failed).
        let settled: Bool
        let difference: Double?
        /// What the interval is drawn from, when both sides have `min_samples`.
        var resampling: Resampling? = nil
    }

    /// The inputs of a metric's bootstrap, and the bootstrap itself once it ran (the `bootstrap` test
    /// runs it for its p-value; otherwise it runs only when the interval is reported).
    struct Resampling {
        let base: [Double]
        let head: [Double]
        let aggregate: Aggregate
        let seed: UInt64
        var done: Bootstrap?? = nil

        func bootstrap() -> Bootstrap? {
            done ?? Bootstrap(base: base, head: head, aggregate: aggregate, seed: seed)
        }
    }

    func measure(series: String, base: Measurement?, head: Measurement?, baseRun: Run?, headRun: Run?) -> Pending {
        let reference = head ?? base!
        let id = "\(series)/\(reference.benchmark)/\(reference.metric)"
        let policy = policies.resolve(id)
        let direction = policy.direction ?? reference.direction
        // A base stated in another unit of the same dimension (µs against ns) is converted to the head's.
        let factor = base.flatMap { b in head.flatMap { UnitConversion.factor(from: b.unit, to: $0.unit) } } ?? 1
        let baseSamples = factor == 1 ? base?.samples ?? [] : (base?.samples ?? []).map { $0 * factor }, headSamples = head?.samples ?? []
        let baseValue = baseSamples.isEmpty ? nil : policy.aggregate.apply(baseSamples)
        let headValue = headSamples.isEmpty ? nil : policy.aggregate.apply(headSamples)
        var change: Double?
        if let baseValue, let headValue, baseValue != 0 { change = (headValue - baseValue) / abs(baseValue) }
        if let baseValue, let headValue, baseValue == 0, headValue == 0 { change = 0 }
        var result = MetricResult(series: series, benchmark: reference.benchmark, metric: reference.metric,
                                  unit: reference.unit, direction: direction, verdict: .unchanged,
                                  base: baseValue, head: headValue, relativeChange: change,
                                  samplesBase: baseSamples.count, samplesHead: headSamples.count, note: nil)
        result.rule = policy.decidingRule
        result.aggregate = policy.aggregate
        result.severity = policy.severity
        if policy.isExpired(today: today) { result.expired = policy.expires }
        result.cvBase = baseSamples.count >= 2 ? Descriptive.coefficientOfVariation(baseSamples) : nil
        result.cvHead = headSamples.count >= 2 ? Descriptive.coefficientOfVariation(headSamples) : nil

        func settled(_ verdict: Verdict, _ severity: Severity, note: String? = nil) -> Pending {
            result.verdict = verdict
            result.severity = severity
            result.note = note
            return Pending(result: result, policy: policy, settled: true, difference: nil)
        }
        guard let head else { return settled(.missing, policy.onMissing) }
        if head.isFailed { return settled(.failed, policy.onFailedRun, note: headRun?.failure?.firstError) }
        guard base != nil else { return settled(.new, policy.onNew) }
        if let b = baseRun?.fingerprint, let h = headRun?.fingerprint {
            let differing = h.fingerprint.differences(from: b.fingerprint, on: policy.fingerprintMatch)
            if !differing.isEmpty {
                return settled(.incomparable, policy.onMismatch.severity,
                               note: "different machines: \(differing.joined(separator: ", ")) differ")
            }
        }
        guard baseValue != nil, let headValue else { return settled(.new, policy.onNew, note: "the baseline run failed") }

        var resampling: Resampling?
        if baseSamples.count >= policy.minSamples, headSamples.count >= policy.minSamples {
            resampling = Resampling(base: baseSamples, head: headSamples, aggregate: policy.aggregate, seed: Bootstrap.seed(for: id))
            switch policy.test {
            case .mannWhitney: result.pValue = MannWhitney(baseSamples, headSamples)?.pValue
            case .welch: result.pValue = WelchTest(baseSamples, headSamples)?.pValue
            case .bootstrap:
                let bootstrap = resampling!.bootstrap()
                resampling!.done = .some(bootstrap)
                result.pValue = bootstrap?.pValue
            case .none: break
            }
            if result.pValue != nil { result.test = policy.test }
        } else if policy.history.enabled, let earlier = earlierRuns[id], let baseValue {
            switch LearnedNoise.learn(earlier + [baseValue], policy: policy.history) {
            case .learned(let noise):
                result.noise = noise
                result.pValue = noise.pValue(head: headValue, window: policy.history.window)
            case .tooLittle(let runs, let minimum, let sinceChange):
                result.note = "too little history: \(runs) run\(runs == 1 ? "" : "s")\(sinceChange ? " since its latest change point" : ""), " +
                    "min_runs \(minimum); the tolerance alone decides"
            }
        }
        return Pending(result: result, policy: policy, settled: false, difference: headValue - baseValue!, resampling: resampling)
    }

    /// A head metric of a series that has no stored baseline for this machine.
    func noBaseline(series: String, head: Measurement, headRun: Run?) -> Pending {
        var pending = measure(series: series, base: nil, head: head, baseRun: nil, headRun: headRun)
        guard pending.result.verdict == .new else { return pending }
        pending.result.severity = pending.policy.onMissing
        pending.result.note = headRun?.fingerprint == nil ? "no fingerprint, so no stored baseline applies" : "no stored baseline for this machine"
        return pending
    }

    func decide(_ pending: Pending) -> MetricResult {
        var result = pending.result
        guard !pending.settled, let difference = pending.difference else { return result }
        let policy = pending.policy
        // Does the change exceed every bound the policy sets? (nil: a relative bound and no relative change)
        var exceeds: Bool? = difference != 0
        if let relative = policy.relativeTolerance {
            if let change = result.relativeChange { exceeds = exceeds! && abs(change) > relative } else { exceeds = nil }
        }
        if let absolute = policy.absoluteTolerance, exceeds != nil { exceeds = exceeds! && abs(difference) > absolute }
        if exceeds == true, let bootstrap = pending.resampling?.bootstrap() {
            result.ciLow = bootstrap.low
            result.ciHigh = bootstrap.high
        }
        if let maxCV = policy.maxCV {
            let worst = [result.cvBase, result.cvHead].compactMap { $0 }.max()
            if let worst, worst > maxCV {
                result.verdict = .inconclusive
                result.note = "too noisy: CV \(NumberFormat.percent(worst, signed: false)) above max_cv \(NumberFormat.percent(maxCV, signed: false))"
                return result
            }
        }
        guard let exceeds else {
            result.verdict = .inconclusive
            result.note = "the baseline is 0: no relative change"
            return result
        }
        guard exceeds else {
            result.verdict = .unchanged
            return result
        }
        if let noise = result.noise, let head = result.head {
            // The head must stand out from the level in the same direction as from the base.
            let adjusted = result.pValueAdjusted ?? 1
            if adjusted >= policy.alpha || (head - noise.level).sign != difference.sign {
                result.verdict = .inconclusive
                result.note = "within the \(noise.summary); adjusted p \(NumberFormat.pValue(adjusted)) ≥ alpha \(NumberFormat.value(policy.alpha))"
                return result
            }
            result.note = noise.summary
        } else if let adjusted = result.pValueAdjusted, adjusted >= policy.alpha {
            result.verdict = .inconclusive
            result.note = "beyond tolerance but not significant: adjusted p \(NumberFormat.pValue(adjusted)) ≥ alpha \(NumberFormat.value(policy.alpha))"
            return result
        }
        result.verdict = result.direction.verdict(of: difference)
        if result.direction == .unknown { result.note = MetricInference.noDirectionNote(result.metric) }
        return result
    }
}
