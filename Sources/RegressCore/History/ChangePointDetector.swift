import Foundation

/// How sensitive change-point detection is; a policy sets these per metric.
public struct ChangePointSettings: Equatable, Sendable {
    /// The smallest level shift that counts, in noise units: the Hodges-Lehmann shift between the
    /// points just before and just after a change must be at least `minimumShift` times the series'
    /// noise σ (``RobustScale/sigma(_:)``). Keeps statistically clear but practically negligible
    /// shifts of long, quiet series out. Default 1.
    public var minimumShift: Double
    /// The false-alarm level: the chance that a series of independent, identically distributed values
    /// (any distribution: the search uses ranks only) gets a change point anywhere. It bounds the
    /// Bonferroni-adjusted p-value of the rank scan that proposes a change, and the p-value of the
    /// Mann-Whitney test that confirms it between its neighbouring segments. Both bounds are
    /// conservative: the actual rate is lower. Default 0.01.
    public var significance: Double
    /// The fewest points on each side of a change (and between two changes), so that a run of fewer
    /// outliers is never a change and the last `minimumSegment − 1` points cannot start one. Default 3.
    public var minimumSegment: Int
    /// How many points on each side of a change the confirming test looks at (at most, and never past
    /// the neighbouring changes), so confirming stays cheap on long series. Default 100.
    public var window: Int

    public init(minimumShift: Double = 1, significance: Double = 0.01, minimumSegment: Int = 3,
                window: Int = 100) {
        self.minimumShift = minimumShift
        self.significance = significance
        self.minimumSegment = minimumSegment
        self.window = window
    }

    public static let standard = ChangePointSettings()
}

/// A point where a series moved to a new level.
public struct ChangePoint: Equatable, Sendable {
    /// Index (into the values given to the detector) of the first point of the new level.
    public let index: Int
    /// Median of the segment before: from the previous change point (or the start) to `index`.
    public let before: Double
    /// Median of the segment after: from `index` to the next change point (or the end).
    public let after: Double
    /// (after − before) / |before|; nil when before is 0.
    public let relative: Double?
    /// 1 − the Bonferroni-adjusted p-value of the rank scan that found the change (see
    /// ``ChangePointDetector``): how unlikely a change this strong is in a series without any.
    public let confidence: Double

    public init(index: Int, before: Double, after: Double, confidence: Double) {
        self.index = index
        self.before = before
        self.after = after
        relative = before == 0 ? nil : (after - before) / abs(before)
        self.confidence = confidence
    }
}

/// Finds the points where a series' level shifts, built to hold up on benchmark histories: any noise
/// distribution (Gaussian, heavy-tailed, skewed, bimodal), single outlier runs, slow drifts, several
/// changes per series, 10 to 10,000 points (the search takes O(n log² n) time; 10,000 points take
/// about 25 ms in a release build).
///
/// 1. **Noise**: σ from successive differences (``RobustScale/sigma(_:)``), so that the changes being
///    looked for do not inflate it. A constant series has no change.
/// 2. **Search**: Seeded Binary Segmentation (Kovács, Li, Bühlmann and Munk, "Seeded binary
///    segmentation", Biometrika 2023) with a rank statistic. Layer k (k = 0, 1, …) covers the series
///    with 2^(k+1) − 1 evenly shifted intervals of length n/2^k, down to 2·`minimumSegment` points. In
///    each interval the values are ranked, and every split leaving `minimumSegment` points on each side
///    gets the standardized Mann-Whitney (Wilcoxon rank-sum) statistic of its two sides, with tie
///    correction; the interval's best split is its largest |Z|. Its p-value is the smaller of the
///    Bonferroni bound over the interval's splits (from the split's exact rank-sum p-value when a side
///    has at most 12 points and there are no ties, else the normal one) and the approximation of James, James and Siegmund
///    (Biometrika 1987) for the maximum of a standardized two-sample statistic,
///    c·φ(c)·log(((N − m)/m)²) + 4·φ(c)/c; that p-value is then multiplied by (intervals in the
///    layer + 1)/2, the number of disjoint intervals of that length (Bonferroni over the layer; each
///    interval overlaps its neighbours by half). Ranks make the false-alarm rate the same whatever the
///    noise distribution, and an outlier moves a rank by at most one place. Both approximations are
///    conservative: on 10 to 10,000 independent values the measured false-alarm rate at
///    `significance` 0.01 is at most 1% for Gaussian, Student-t, log-normal and bimodal noise alike.
/// 3. **Selection**: narrowest over threshold: of the splits below `significance`, the one from the
///    shortest interval (then the most significant) becomes a change, every
///    interval that crosses it is dropped, and splits closer than `minimumSegment` to a chosen change
///    are skipped. Then each segment between the changes is searched the same way, with the share of
///    `significance` of its length (the segments searched at one depth partition the series, so their
///    shares add up to `significance`), until no segment has a significant split.
/// 4. **Refinement and confirmation**: each change is moved to the best rank split between its
///    neighbours (within `window` points), then by up to `locationReach` points to the split with the
///    smallest absolute deviations from the medians of its two sides, then must pass, between its neighbouring segments limited
///    to `window` points on each side: the Mann-Whitney test at `significance`, and a Hodges-Lehmann
///    shift of at least `minimumShift`·σ (from the 50 nearest points on each side). The weakest change
///    failing either is removed and the rest re-checked, until all pass.
/// 5. **Drifts**: a ramp makes the search cut it into several changes of one direction. Each run of
///    consecutive changes of one direction is compared with a ramp (flat, linear, flat) over its
///    region by the sum of absolute deviations, with the Bayesian information criterion's penalty for
///    the steps' extra parameters (``mergingDrifts(_:_:sigma:minimumSegment:window:)``); a run the
///    ramp fits at least as well is reported as one change, its most significant, so a drift gives at
///    most one change point.
///
/// Non-finite values are left out; indices refer to the values given.
public enum ChangePointDetector {
    /// Points on each side of a change that the Hodges-Lehmann shift is taken from.
    static let shiftWindow = 50

    public static func detect(_ values: [Double], settings: ChangePointSettings = .standard) -> [ChangePoint] {
        let positions = values.indices.filter { values[$0].isFinite }
        let x = positions.map { values[$0] }
        let m = max(1, settings.minimumSegment)
        guard x.count >= 2 * m, let sigma = RobustScale.sigma(x), sigma > 0 else { return [] }

        var changes = search(x, minimumSegment: m, significance: settings.significance)
        guard !changes.isEmpty else { return [] }
        refine(&changes, x, minimumSegment: m, window: max(settings.window, m))
        changes = confirmed(changes, x, sigma: sigma, settings: settings)
        changes = mergingDrifts(changes, x, sigma: sigma, minimumSegment: m, window: max(settings.window, m))
        changes = confirmed(changes, x, sigma: sigma, settings: settings)

        var result: [ChangePoint] = []
        for (j, change) in changes.enumerated() {
            let start = j == 0 ? 0 : changes[j - 1].index
            let end = j + 1 == changes.count ? x.count : changes[j + 1].index
            result.append(ChangePoint(index: positions[change.index],
                                      before: RobustScale.median(Array(x[start..<change.index])),
                                      after: RobustScale.median(Array(x[change.index..<end])),
                                      confidence: min(1, max(0, 1 - change.pValue))))
        }
        return result
    }

    /// A proposed change: its index, the adjusted p-value of the scan that found it, and the interval
    /// it was found in.
    struct Candidate: Equatable {
        var index: Int
        let pValue: Double
        var interval: Range<Int>
    }

    /// Seeded binary segmentation of the whole series, then of every segment between the changes found,
    /// until no segment has a significant split; sorted by index.
    static func search(_ x: [Double], minimumSegment m: Int, significance: Double) -> [Candidate] {
        var changes: [Candidate] = []
        var pending = [0..<x.count]
        var scratch = RankScratch()
        while let segment = pending.popLast() {
            // Segments between changes share the false-alarm level in proportion to their length.
            let share = significance * Double(segment.count) / Double(x.count)
            let found = select(scan(x, segment, minimumSegment: m, scratch: &scratch),
                               significance: share, minimumSegment: m)
            guard !found.isEmpty else { continue }
            changes += found
            let bounds = [segment.lowerBound] + found.map(\.index).sorted() + [segment.upperBound]
            for k in 0..<(bounds.count - 1) where bounds[k + 1] - bounds[k] >= 2 * m {
                pending.append(bounds[k]..<bounds[k + 1])
            }
        }
        return changes.sorted { $0.index < $1.index }
    }

    /// The best split of every seeded interval of `segment`, with its adjusted p-value.
    static func scan(_ x: [Double], _ segment: Range<Int>, minimumSegment m: Int,
                     scratch: inout RankScratch) -> [Candidate] {
        let layers = seededIntervals(count: segment.count, minimumSegment: m).map { layer in
            layer.map { ($0.lowerBound + segment.lowerBound)..<($0.upperBound + segment.lowerBound) }
        }
        var candidates: [Candidate] = []
        for layer in layers {
            let factor = Double(layer.count + 1) / 2
            for interval in layer {
                guard let best = bestSplit(x, interval, minimumSegment: m, scratch: &scratch) else { continue }
                let p = scanPValue(best.z, single: best.single, length: interval.count, minimumSegment: m)
                candidates.append(Candidate(index: best.index, pValue: min(1, p * factor), interval: interval))
            }
        }
        return candidates
    }

    /// Seeded intervals: layer k holds 2^(k+1) − 1 intervals of length n/2^k, evenly shifted from the
    /// start to the end; layers stop before intervals get shorter than 2·m.
    static func seededIntervals(count n: Int, minimumSegment m: Int) -> [[Range<Int>]] {
        var layers: [[Range<Int>]] = []
        var k = 0
        while true {
            let length = Double(n) / Double(1 << k)
            guard length >= Double(2 * m), k < 40 else { break }
            let intervals = 2 * (1 << k) - 1
            let shift = intervals > 1 ? (Double(n) - length) / Double(intervals - 1) : 0
            var layer: [Range<Int>] = []
            for i in 0..<intervals {
                let start = Int((Double(i) * shift).rounded(.down))
                let end = min(n, Int((Double(i) * shift + length).rounded(.up)))
                if end - start >= 2 * m { layer.append(start..<end) }
            }
            layers.append(layer)
            k += 1
        }
        return layers
    }

    struct RankScratch {
        var order: [Int] = []
        var ranks: [Double] = []
    }

    /// The split of `interval` (at least m points on each side) with the largest standardized rank-sum
    /// statistic |Z| of the points before it, ranks taken within the interval (ties get average ranks);
    /// nil when every value of the interval is the same. `single` is the two-sided p-value of that
    /// split alone: exact (``exactRankSumPValue(_:smaller:larger:)``) when the interval has no ties and
    /// a side of at most `exactSide` points (and the tail is short enough to count), else from the
    /// normal approximation.
    static func bestSplit(_ x: [Double], _ interval: Range<Int>, minimumSegment m: Int,
                          scratch: inout RankScratch) -> (index: Int, z: Double, single: Double)? {
        let n = interval.count
        guard n >= 2 * m else { return nil }
        let base = interval.lowerBound
        scratch.order.removeAll(keepingCapacity: true)
        scratch.order.append(contentsOf: 0..<n)
        scratch.order.sort { x[base + $0] < x[base + $1] }
        if scratch.ranks.count < n { scratch.ranks = [Double](repeating: 0, count: n) }
        var tieTerm = 0.0
        var start = 0
        while start < n {
            var end = start
            let value = x[base + scratch.order[start]]
            while end + 1 < n, x[base + scratch.order[end + 1]] == value { end += 1 }
            let average = Double(start + end + 2) / 2
            for k in start...end { scratch.ranks[scratch.order[k]] = average }
            let t = Double(end - start + 1)
            tieTerm += t * t * t - t
            start = end + 1
        }
        let count = Double(n)
        let varianceFactor = ((count + 1) - tieTerm / (count * (count - 1))) / 12
        guard varianceFactor > 0 else { return nil }
        var sum = 0.0
        for i in 0..<(m - 1) { sum += scratch.ranks[i] }
        var best: (k: Int, z: Double, sum: Double)?
        for k in m...(n - m) {
            sum += scratch.ranks[k - 1]
            let left = Double(k)
            let z = abs(sum - left * (count + 1) / 2) / (left * (count - left) * varianceFactor).squareRoot()
            if best == nil || z > best!.z { best = (k, z, sum) }
        }
        guard let best else { return nil }
        var single = 2 * Distributions.normalSurvival(best.z)
        let smaller = min(best.k, n - best.k)
        if tieTerm == 0, smaller <= exactSide {
            // U of the left side, and the smaller of U and its mirror image.
            let uLeft = Int((best.sum - Double(best.k * (best.k + 1)) / 2).rounded())
            let u = min(uLeft, best.k * (n - best.k) - uLeft)
            if u * smaller <= 10_000 { single = exactRankSumPValue(u, smaller: smaller, larger: n - smaller) }
        }
        return (base + best.k, best.z, single)
    }

    /// Splits with a side of at most this many points get an exact p-value: the normal approximation
    /// of the rank sum is far too large in the extreme tail of short, unbalanced splits (the last few
    /// runs of a history).
    static let exactSide = 12

    /// The exact two-sided p-value of a rank sum without ties, 2·P(U ≤ u) for the smaller of U and its
    /// mirror image, capped at 1. The number of arrangements with U = j is the coefficient of qʲ in the
    /// Gaussian binomial coefficient Π_{i=1…s} (1 − q^(l+i)) / (1 − q^i) for sides of s and l points;
    /// only the coefficients up to u are needed, O(s·u).
    static func exactRankSumPValue(_ u: Int, smaller s: Int, larger l: Int) -> Double {
        guard u >= 0 else { return 0 }
        var counts = [Double](repeating: 0, count: u + 1)
        counts[0] = 1
        for i in stride(from: 1, through: s, by: 1) {
            let up = l + i
            if up <= u { for j in stride(from: u, through: up, by: -1) { counts[j] -= counts[j - up] } }
            if i <= u { for j in i...u { counts[j] += counts[j - i] } }
        }
        let arrangements = exp(lgamma(Double(s + l + 1)) - lgamma(Double(s + 1)) - lgamma(Double(l + 1)))
        return min(1, 2 * counts.reduce(0, +) / arrangements)
    }

    /// P(max |Z| ≥ z) over the splits of an interval of n points with m on each side: the smaller of
    /// the Bonferroni bound over the splits (from the best split's own p-value `single`) and the
    /// approximation of James, James and Siegmund (1987), and never below `single`.
    static func scanPValue(_ z: Double, single: Double, length n: Int, minimumSegment m: Int) -> Double {
        let splits = Double(n - 2 * m + 1)
        let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        let ratio = Double(n - m) / Double(m)
        let siegmund = z * density * log(ratio * ratio) + 4 * density / z
        return min(1, max(single, min(splits * single, siegmund)))
    }

    /// Narrowest-over-threshold selection: of the significant candidates, the one from the shortest
    /// interval first (then the most significant): a short interval holds one change, where a long one
    /// can rank a slight shift spread over many points above a large step near its end. A candidate
    /// from an interval that crosses a chosen change, or fewer than m points from one, is skipped.
    static func select(_ candidates: [Candidate], significance: Double, minimumSegment m: Int) -> [Candidate] {
        let ordered = candidates.filter { $0.pValue < significance }.sorted {
            if $0.interval.count != $1.interval.count { return $0.interval.count < $1.interval.count }
            return $0.pValue != $1.pValue ? $0.pValue < $1.pValue : $0.index < $1.index
        }
        var chosen: [Candidate] = []
        for candidate in ordered where chosen.allSatisfy({
            abs($0.index - candidate.index) >= m
                && !(candidate.interval.lowerBound < $0.index && $0.index < candidate.interval.upperBound)
        }) {
            chosen.append(candidate)
        }
        return chosen
    }

    /// Moves each change (left to right) to the best rank split between its neighbours, within
    /// `window` points on each side, then to the split within `locationReach` points of it that leaves
    /// the smallest sum of absolute deviations from the medians of the two sides (the standardized
    /// rank statistic favours balanced splits, so near a neighbour or an end it can land a point or two
    /// off a step).
    static func refine(_ changes: inout [Candidate], _ x: [Double], minimumSegment m: Int, window: Int) {
        var scratch = RankScratch()
        for j in changes.indices {
            let low = max(j == 0 ? 0 : changes[j - 1].index, changes[j].index - window)
            let high = min(j + 1 == changes.count ? x.count : changes[j + 1].index, changes[j].index + window)
            guard let best = bestSplit(x, low..<high, minimumSegment: m, scratch: &scratch) else { continue }
            var location = best.index
            var lowest = Double.infinity
            for k in max(low + m, best.index - locationReach)...min(high - m, best.index + locationReach) {
                let before = x[max(low, k - window)..<k], after = x[k..<min(high, k + window)]
                let levelBefore = RobustScale.median(Array(before)), levelAfter = RobustScale.median(Array(after))
                let cost = before.reduce(0) { $0 + abs($1 - levelBefore) } + after.reduce(0) { $0 + abs($1 - levelAfter) }
                if cost < lowest { (location, lowest) = (k, cost) }
            }
            changes[j].index = location
        }
    }

    /// How far the absolute-deviation refinement may move a change.
    static let locationReach = 2

    /// The changes that pass the confirming test and the minimum shift, removing the weakest failing
    /// change at a time.
    static func confirmed(_ changes: [Candidate], _ x: [Double], sigma: Double,
                          settings: ChangePointSettings) -> [Candidate] {
        var changes = changes
        let window = max(settings.window, settings.minimumSegment)
        while !changes.isEmpty {
            var weakest: (position: Int, p: Double, shift: Double)?
            for j in changes.indices {
                let (left, right) = neighbourhood(changes, j, x, window: window)
                let p = MannWhitney(Array(x[left]), Array(x[right]))?.pValue ?? 1
                let shift = abs(hodgesLehmann(x, left, right)) / sigma
                guard p >= settings.significance || shift < settings.minimumShift else { continue }
                if weakest == nil || p > weakest!.p || (p == weakest!.p && shift < weakest!.shift) {
                    weakest = (j, p, shift)
                }
            }
            guard let weakest else { break }
            changes.remove(at: weakest.position)
        }
        return changes
    }

    /// The points before and after change j, up to its neighbours and at most `window` on each side.
    static func neighbourhood(_ changes: [Candidate], _ j: Int, _ x: [Double],
                              window: Int) -> (Range<Int>, Range<Int>) {
        let index = changes[j].index
        let start = max(j == 0 ? 0 : changes[j - 1].index, index - window)
        let end = min(j + 1 == changes.count ? x.count : changes[j + 1].index, index + window)
        return (start..<index, index..<end)
    }

    /// The Hodges-Lehmann shift of the `shiftWindow` points nearest to the change on each side: the
    /// median of all differences after − before.
    static func hodgesLehmann(_ x: [Double], _ left: Range<Int>, _ right: Range<Int>) -> Double {
        let before = x[max(left.lowerBound, left.upperBound - shiftWindow)..<left.upperBound]
        let after = x[right.lowerBound..<min(right.upperBound, right.lowerBound + shiftWindow)]
        var differences: [Double] = []
        differences.reserveCapacity(before.count * after.count)
        for b in before { for a in after { differences.append(a - b) } }
        return differences.isEmpty ? 0 : RobustScale.median(differences)
    }

    /// Runs of consecutive changes of one direction that a ramp explains become the most significant
    /// change of the run. Over the run's region (from the change before it, or the start, to the change
    /// after it, or the end, and at most `window` points before and after the run), the steps leave a sum of absolute deviations from their segments' medians;
    /// a ramp (flat at the median before its start u, linear, flat at the median after its end v, with u
    /// and v searched among the region's ends, its changes, the midpoints between them and every
    /// sixteenth of the region) leaves another; runs of more than 32 changes are left as they are.
    /// The flat levels are the medians of at least m points. With 2k + 1 parameters for k steps against
    /// 4 for the ramp, the ramp wins when its cost is at most the steps' cost plus the Bayesian
    /// information criterion's penalty for each parameter the steps have more, ln(N)/2 times the mean
    /// absolute noise σ·√(2/π) (the scale of Laplace errors).
    static func mergingDrifts(_ changes: [Candidate], _ x: [Double], sigma: Double, minimumSegment m: Int,
                             window: Int) -> [Candidate] {
        guard changes.count > 1 else { return changes }
        let directions = changes.indices.map { j -> Bool in
            let (left, right) = neighbourhood(changes, j, x, window: shiftWindow)
            return hodgesLehmann(x, left, right) > 0
        }
        var kept: [Candidate] = []
        var j = 0
        while j < changes.count {
            var end = j
            while end + 1 < changes.count, directions[end + 1] == directions[j] { end += 1 }
            if end > j, end - j < 32, isRamp(changes, j...end, x, sigma: sigma, minimumSegment: m, window: window) {
                kept.append(changes[j...end].min { $0.pValue < $1.pValue }!)
            } else {
                kept += changes[j...end]
            }
            j = end + 1
        }
        return kept
    }

    /// Whether a ramp fits the region of the changes `run` at least as well as their steps (above).
    static func isRamp(_ changes: [Candidate], _ run: ClosedRange<Int>, _ x: [Double], sigma: Double,
                       minimumSegment m: Int, window: Int) -> Bool {
        let first = changes[run.lowerBound].index, last = changes[run.upperBound].index
        let start = max(run.lowerBound == 0 ? 0 : changes[run.lowerBound - 1].index, first - window)
        let end = min(run.upperBound + 1 == changes.count ? x.count : changes[run.upperBound + 1].index, last + window)
        let bounds = [start] + changes[run].map(\.index) + [end]
        var stepCost = 0.0
        for k in 0..<(bounds.count - 1) {
            let segment = x[bounds[k]..<bounds[k + 1]]
            let level = RobustScale.median(Array(segment))
            stepCost += segment.reduce(0) { $0 + abs($1 - level) }
        }
        // Knots: the region's ends, its changes, the midpoints between them and every sixteenth of it.
        var knots = Set(bounds)
        for k in 0..<(bounds.count - 1) { knots.insert((bounds[k] + bounds[k + 1]) / 2) }
        for k in 0...16 { knots.insert(start + (end - start) * k / 16) }
        let sortedKnots = knots.sorted()
        let levelsBefore = sortedKnots.map { RobustScale.median(Array(x[start..<min(end, max($0, start + m))])) }
        let levelsAfter = sortedKnots.map { RobustScale.median(Array(x[max(start, min($0, end - m))..<end])) }
        var rampCost = Double.infinity
        for a in sortedKnots.indices {
            for b in (a + 1)..<sortedKnots.count {
                let u = sortedKnots[a], v = sortedKnots[b]
                let levelBefore = levelsBefore[a], rise = levelsAfter[b] - levelBefore
                var cost = 0.0
                for t in start..<end {
                    let w = t <= u ? 0 : t >= v ? 1 : Double(t - u) / Double(v - u)
                    cost += abs(x[t] - (levelBefore + w * rise))
                    if cost >= rampCost { break }
                }
                rampCost = min(rampCost, cost)
            }
        }
        let extraParameters = Double(2 * run.count + 1 - 4)
        let meanAbsoluteNoise = sigma * (2 / Double.pi).squareRoot()
        return rampCost <= stepCost + extraParameters * meanAbsoluteNoise * log(Double(end - start)) / 2
    }
}
