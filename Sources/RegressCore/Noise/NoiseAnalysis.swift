import Foundation

/// Measures how reproducible each metric is:
/// - within a run: the CV and MAD/median of its samples;
/// - between runs: the CV of the per-run aggregates over the other runs of the series (older
///   timestamped artifacts in the same tree, and runs from earlier commits);
/// - bimodality: the largest gap between consecutive sorted samples is wider than three times the sum
///   of the standard deviations of the two groups it separates, each holding at least three samples
///   and a quarter of them;
/// - the smallest detectable change at the policy's alpha (before false-discovery adjustment) with
///   80% power, for n samples a side: (z₁₋α/₂ + z₀.₈)·√2·CV/√n; with Mann-Whitney and at most 8
///   samples a side, no change is detectable when the smallest exact p-value, 2/C(2n, n), is above alpha.
/// A metric whose run-to-run noise (1.96·√2·CV) or detectable change exceeds its relative tolerance
/// cannot be gated at that tolerance; the suggested tolerance is the next whole percent above both.
public enum NoiseAnalysis {
    public static func analyze(current: [Run], earlier: [SeriesKey: [Run]], policies: PolicySet) -> [MetricNoise] {
        var out: [MetricNoise] = []
        for run in current {
            let older = earlier[run.series] ?? []
            for measurement in run.measurements where !measurement.samples.isEmpty {
                let id = "\(run.series.value)/\(measurement.benchmark)/\(measurement.metric)"
                let policy = policies.resolve(id)
                out.append(metric(measurement, series: run.series.value, older: older, policy: policy))
            }
        }
        return out
    }

    static func metric(_ measurement: Measurement, series: String, older: [Run], policy: MetricPolicy) -> MetricNoise {
        let samples = measurement.samples
        let d = Descriptive(samples)!
        let cv = samples.count >= 2 ? d.coefficientOfVariation : nil
        let madOverMedian = samples.count >= 2 && d.median != 0 ? d.mad / abs(d.median) : nil
        let aggregates = [policy.aggregate.apply(samples)] + older.compactMap { run in
            run.measurements.first { $0.benchmark == measurement.benchmark && $0.metric == measurement.metric && !$0.samples.isEmpty }
                .map { policy.aggregate.apply($0.samples) }
        }
        let betweenRunCV = aggregates.count >= 2 ? Descriptive(aggregates)?.coefficientOfVariation : nil
        let (detectable, note) = detectableChange(n: samples.count, cv: cv, policy: policy)
        let spread = betweenRunCV ?? cv
        let runToRun = spread.map { 1.96 * 2.0.squareRoot() * $0 }
        var gateable = true
        var suggested: Double?
        if let tolerance = policy.relativeTolerance {
            let undetectable = note?.hasPrefix("no change is detectable") == true
            let needed = [runToRun, detectable].compactMap { $0 }.max()
            if undetectable || (needed ?? 0) > tolerance {
                gateable = false
                suggested = needed.map { (($0 * 100).rounded(.down) + 1) / 100 }
            }
        }
        return MetricNoise(series: series, benchmark: measurement.benchmark, metric: measurement.metric, unit: measurement.unit,
                           samples: samples.count, cv: cv, madOverMedian: madOverMedian, runs: aggregates.count,
                           betweenRunCV: betweenRunCV, bimodal: isBimodal(samples), detectableChange: detectable,
                           detectableNote: note, runToRunNoise: runToRun, tolerance: policy.relativeTolerance,
                           gateable: gateable, suggestedTolerance: suggested, rule: policy.decidingRule)
    }

    static func detectableChange(n: Int, cv: Double?, policy: MetricPolicy) -> (Double?, String?) {
        if policy.test == .none { return (nil, "test: none: the tolerance alone decides") }
        if n < policy.minSamples {
            return (nil, "\(n) sample\(n == 1 ? "" : "s") < min_samples \(policy.minSamples): the tolerance alone decides")
        }
        if policy.test == .mannWhitney, n <= 8 {
            let smallest = 2 / binomial(2 * n, n)
            if smallest > policy.alpha {
                return (nil, "no change is detectable: with \(n) samples a side the smallest p-value is \(NumberFormat.pValue(smallest)), above alpha \(NumberFormat.value(policy.alpha))")
            }
        }
        guard let cv else { return (nil, nil) }
        let z = Distributions.normalQuantile(1 - policy.alpha / 2) + Distributions.normalQuantile(0.8)
        return (z * 2.0.squareRoot() * cv / Double(n).squareRoot(), nil)
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    static func isBimodal(_ samples: [Double]) -> Bool {
        let sorted = samples.sorted()
        let n = sorted.count
        let minimum = max(3, Int((Double(n) / 4).rounded(.up)))
        guard n >= 2 * minimum else { return false }
        var bestGap = 0.0
        var split = 0
        for index in (minimum - 1)..<(n - minimum) {
            let gap = sorted[index + 1] - sorted[index]
            if gap > bestGap {
                bestGap = gap
                split = index + 1
            }
        }
        guard bestGap > 0, let lower = Descriptive(Array(sorted[..<split])), let upper = Descriptive(Array(sorted[split...])) else {
            return false
        }
        return bestGap > 3 * (lower.standardDeviation + upper.standardDeviation)
    }
}
