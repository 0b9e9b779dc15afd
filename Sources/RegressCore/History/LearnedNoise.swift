import Foundation

/// The run-to-run noise of a metric, learned from its earlier runs, for metrics with too few samples
/// for a test (one value per run is the common case).
///
/// From the runs since the latest change point (the base run included): the level is their median;
/// the noise σ of one run is the standard deviation of those within 4 robust deviations
/// (1.4826·MAD) of the median, so that an outlier run does not widen it. When fewer than `min_runs`
/// runs follow the latest change point, σ relative to the level is taken from the runs before it
/// and applied to the new level.
///
/// A head value h is judged by the prediction interval of one new run: t = (h − level) /
/// (σ·√(1 + 1/n)), n the runs of the level, with Student's t on m − 1 degrees of freedom, m the runs
/// σ came from. The gate runs at every commit, so the false-alarm level is spent per `window` runs:
/// the p-value is the two-sided tail probability times the window (Bonferroni over the comparisons
/// one noise estimate serves), capped at 1.
public struct LearnedNoise: Equatable, Sendable {
    /// Runs the level was learned from (since the latest change point, the base run included).
    public let runs: Int
    /// Runs the noise was learned from: the same runs, or, when too few runs follow the latest change
    /// point, the runs before it (the noise relative to the level carried over to the new level).
    public let noiseRuns: Int
    /// Their median.
    public let level: Double
    /// The noise of one run, in the metric's unit.
    public let sigma: Double
    /// Runs before the base that were passed over because a change point came after them.
    public let beforeChange: Int

    /// σ relative to the level; nil when the level is 0.
    public var relativeSigma: Double? { level == 0 ? nil : sigma / abs(level) }

    /// What the history of a metric says: its noise, or why it cannot say.
    public enum Outcome: Equatable, Sendable {
        case learned(LearnedNoise)
        /// Fewer than `min_runs` runs (since the latest change point, when there is one).
        case tooLittle(runs: Int, minimum: Int, sinceChange: Bool)
    }

    /// Learns the noise from `values`, the aggregates of a metric's runs oldest first, ending with the
    /// base run's.
    public static func learn(_ values: [Double], policy: HistoryPolicy) -> Outcome {
        let changes = ChangePointDetector.detect(values, settings: policy.detector)
        let start = changes.last?.index ?? 0
        let segment = Array(values[start...].suffix(policy.window))
        if segment.count >= policy.minRuns, let noise = estimate(segment, beforeChange: values.count - segment.count) {
            return .learned(noise)
        }
        // Too few runs since the latest change: the noise, relative to the level, of the runs before it.
        if start > 0, let level = Descriptive(segment)?.median {
            let earlier = changes.dropLast().last?.index ?? 0
            let before = Array(values[earlier..<start].suffix(policy.window))
            if before.count >= policy.minRuns, let old = estimate(before), let relative = old.relativeSigma {
                return .learned(LearnedNoise(runs: segment.count, noiseRuns: before.count, level: level,
                                             sigma: relative * abs(level), beforeChange: values.count - segment.count))
            }
        }
        return .tooLittle(runs: segment.count, minimum: policy.minRuns, sinceChange: start > 0)
    }

    /// The level and noise of runs taken to be at one level; nil for fewer than two runs.
    public static func estimate(_ segment: [Double], beforeChange: Int = 0) -> LearnedNoise? {
        guard segment.count >= 2, let center = Descriptive(segment) else { return nil }
        let spread = 1.4826 * center.mad
        let kept = spread > 0 ? segment.filter { abs($0 - center.median) <= 4 * spread } : segment
        let sigma = Descriptive(kept)?.standardDeviation ?? 0
        return LearnedNoise(runs: segment.count, noiseRuns: segment.count, level: center.median, sigma: sigma, beforeChange: beforeChange)
    }

    /// The two-sided p-value of a head value under "no change", spent over `window` runs.
    public func pValue(head: Double, window: Int) -> Double {
        let distance = head - level
        guard sigma > 0 else { return distance == 0 ? 1 : 0 }
        let t = abs(distance) / (sigma * (1 + 1 / Double(runs)).squareRoot())
        let tail = 2 * Distributions.studentTSurvival(t, degreesOfFreedom: Double(noiseRuns - 1))
        return min(1, tail * Double(window))
    }

    /// `noise from 18 earlier runs: σ 2.1%`, for reports.
    public var summary: String {
        let size = relativeSigma.map { NumberFormat.percent($0, signed: false) } ?? NumberFormat.value(sigma)
        if noiseRuns != runs {
            return "noise from \(noiseRuns) runs before its latest change point: σ \(size)"
        }
        return "noise from \(runs - 1) earlier run\(runs == 2 ? "" : "s"): σ \(size)"
    }
}
