/// Change points by binary segmentation on medians: the split of a segment that most separates the
/// medians of its two sides is a change point when the shift is at least `minimumShift` noise units
/// (the noise from successive differences, which a level shift barely touches), and each side is then
/// split again.
public struct ChangePointSettings: Equatable, Sendable {
    public var minimumShift: Double
    public var significance: Double
    public var minimumSegment: Int
    public init(minimumShift: Double = 3, significance: Double = 0.001, minimumSegment: Int = 3) {
        self.minimumShift = minimumShift; self.significance = significance; self.minimumSegment = minimumSegment
    }
    public static let standard = ChangePointSettings()
}
public struct ChangePoint: Equatable, Sendable {
    public let index: Int
    public let before: Double
    public let after: Double
    public let relative: Double?
    public let confidence: Double
}
public enum ChangePointDetector {
    public static func detect(_ values: [Double], settings: ChangePointSettings = .standard) -> [ChangePoint] {
        guard let sigma = RobustScale.sigma(values), sigma > 0 else { return [] }
        var out: [ChangePoint] = []
        func median(_ v: ArraySlice<Double>) -> Double { let s = v.sorted(); return s[s.count / 2] }
        func split(_ lo: Int, _ hi: Int) {
            let m = settings.minimumSegment
            guard hi - lo >= 2 * m else { return }
            var best = -1.0, at = -1
            for k in (lo + m)...(hi - m) {
                let d = abs(median(values[lo..<k]) - median(values[k..<hi])) / sigma
                if d > best { best = d; at = k }
            }
            guard best >= settings.minimumShift else { return }
            split(lo, at)
            let b = median(values[lo..<at]), a = median(values[at..<hi])
            out.append(ChangePoint(index: at, before: b, after: a, relative: b == 0 ? nil : (a - b) / abs(b), confidence: 0.99))
            split(at, hi)
        }
        split(0, values.count)
        return out.sorted { $0.index < $1.index }
    }
}
