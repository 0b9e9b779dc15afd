import Foundation
@testable import RegressCore
import Testing

/// The change-point detector's exact answers on small seeded series.
struct ChangePointDetectorTests {
    /// Seeded noise of standard deviation 1: Gaussian (Box-Muller), Student's t with 3 degrees of
    /// freedom scaled to variance 1, or two modes 2.1 apart chosen at random for every point.
    enum Noise { case gaussian, studentT3, bimodal }

    static func noise(_ kind: Noise, count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) + 0x1p-54 }
        func gaussian() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        return (0..<count).map { _ in
            switch kind {
            case .gaussian:
                return gaussian()
            case .studentT3:
                let chiSquare = (0..<3).reduce(0.0) { sum, _ in let z = gaussian(); return sum + z * z }
                return gaussian() / (chiSquare / 3).squareRoot() / 3.0.squareRoot()
            case .bimodal:
                return (uniform() < 0.5 ? -1.05 : 1.05) + 0.3 * gaussian()
            }
        }
    }

    /// Level `levels[k]` from `starts[k]` on, plus seeded noise.
    static func series(_ levels: [Double], startingAt starts: [Int], count: Int, noise: Noise = .gaussian,
                       seed: UInt64 = 1) -> [Double] {
        let draws = Self.noise(noise, count: count, seed: seed)
        return (0..<count).map { i in levels[starts.lastIndex { $0 <= i }!] + draws[i] }
    }

    static func median(_ values: ArraySlice<Double>) -> Double { Descriptive(Array(values))!.median }

    @Test func aStepIsFoundAtItsFirstPointWithTheMediansOfBothSides() {
        let values = Self.series([100, 104], startingAt: [0, 30], count: 60)
        let changes = ChangePointDetector.detect(values)
        #expect(changes.map(\.index) == [30])
        #expect(changes.first?.before == Self.median(values[0..<30]))
        #expect(changes.first?.after == Self.median(values[30...]))
        #expect(changes.first?.relative == (Self.median(values[30...]) - Self.median(values[0..<30])) / Self.median(values[0..<30]))
        #expect(changes.first.map { $0.confidence > 0.99 && $0.confidence <= 1 } == true)
    }

    @Test func twoStepsAreBothFoundAndEachLevelIsItsOwnSegment() {
        let values = Self.series([100, 103, 98], startingAt: [0, 25, 50], count: 80, seed: 2)
        let changes = ChangePointDetector.detect(values)
        #expect(changes.map(\.index) == [25, 50])
        #expect(changes.map(\.before) == [Self.median(values[0..<25]), Self.median(values[25..<50])])
        #expect(changes.map(\.after) == [Self.median(values[25..<50]), Self.median(values[50...])])
    }

    @Test func oneSlowRunIsNotAChange() {
        var values = Self.series([100], startingAt: [0], count: 40, seed: 3)
        values[20] += 25
        #expect(ChangePointDetector.detect(values).isEmpty)
    }

    @Test func aRunOfOutliersShorterThanTheMinimumSegmentIsNotAChange() {
        var values = Self.series([100], startingAt: [0], count: 40, seed: 4)
        for i in 20..<24 { values[i] += 15 }
        #expect(ChangePointDetector.detect(values).isEmpty)
        for i in 24..<30 { values[i] += 15 }  // ten slow runs in a row: a level that lasted ten commits
        #expect(ChangePointDetector.detect(values).map(\.index) == [20, 30])
    }

    @Test func aRampIsAtMostOneChange() {
        // Flat at 100, a ramp of 8 noise units over 40 points, flat at 108.
        let noise = Self.noise(.gaussian, count: 120, seed: 5)
        let values: [Double] = (0..<120).map { (i: Int) -> Double in
            let ramp: Double = min(max(Double(i - 40) / 40, 0), 1)
            return 100 + 8 * ramp + noise[i]
        }
        let changes = ChangePointDetector.detect(values)
        #expect(changes.count == 1)
        #expect(changes.map(\.index) == [64])
        #expect(changes.first.map { (40...80).contains($0.index) } == true)
    }

    @Test func bimodalNoiseWithoutAStepHasNoChange() {
        #expect(ChangePointDetector.detect(Self.series([100], startingAt: [0], count: 200, noise: .bimodal, seed: 6)).isEmpty)
    }

    @Test func aStepInBimodalNoiseIsFound() {
        let values = Self.series([100, 103], startingAt: [0, 50], count: 100, noise: .bimodal, seed: 7)
        // One point early, within the two commits a detection may miss by: point 49 is in the upper mode.
        #expect(ChangePointDetector.detect(values).map(\.index) == [49])
        #expect(values[49] > 100.5)
    }

    @Test func heavyTailedNoiseWithoutAStepHasNoChange() {
        for seed: UInt64 in 8...12 {
            let values = Self.series([100], startingAt: [0], count: 300, noise: .studentT3, seed: seed)
            #expect(ChangePointDetector.detect(values).isEmpty, "seed \(seed)")
        }
    }

    @Test func aStepInHeavyTailedNoiseIsFound() {
        let values = Self.series([100, 97], startingAt: [0, 70], count: 150, noise: .studentT3, seed: 13)
        #expect(ChangePointDetector.detect(values).map(\.index) == [70])
    }

    @Test func gaussianNoiseWithoutAStepHasNoChange() {
        for seed: UInt64 in 14...18 {
            #expect(ChangePointDetector.detect(Self.series([100], startingAt: [0], count: 500, seed: seed)).isEmpty, "seed \(seed)")
        }
    }

    @Test func severalChangesInALongSeriesAreFound() {
        let values = Self.series([100, 103, 100, 96], startingAt: [0, 2500, 6000, 6040], count: 10_000, seed: 19)
        #expect(ChangePointDetector.detect(values).map(\.index) == [2500, 6000, 6040])
    }

    @Test func aConstantSeriesHasNoChange() {
        #expect(ChangePointDetector.detect([Double](repeating: 7, count: 50)).isEmpty)
    }

    @Test func aNoiselessStepIsFound() {
        let values = [Double](repeating: 100, count: 12) + [Double](repeating: 110, count: 12)
        let changes = ChangePointDetector.detect(values)
        #expect(changes == [ChangePoint(index: 12, before: 100, after: 110, confidence: changes.first?.confidence ?? 0)])
        #expect(changes.first?.relative == 0.1)
    }

    @Test func aSeriesShorterThanTwoMinimumSegmentsHasNoChange() {
        let values: [Double] = [100, 100.5, 99.5, 100, 200, 200.5, 199.5, 200, 200.2]
        #expect(ChangePointDetector.detect(values).isEmpty)
        // With 4 a side it could be a change, but 4 against 5 ranks cannot reach 0.01.
        #expect(ChangePointDetector.detect(values, settings: ChangePointSettings(minimumSegment: 4)).isEmpty)
        let lenient = ChangePointSettings(significance: 0.05, minimumSegment: 4)
        #expect(ChangePointDetector.detect(values, settings: lenient).map(\.index) == [4])
    }

    @Test func nonFiniteValuesAreLeftOutAndIndicesReferToTheValuesGiven() {
        var values = Self.series([100, 104], startingAt: [0, 30], count: 60)
        values.insert(.nan, at: 10)
        values.insert(.infinity, at: 45)
        #expect(ChangePointDetector.detect(values).map(\.index) == [31])
    }

    @Test func aShiftBelowTheMinimumShiftIsNotAChange() {
        let values = Self.series([100, 101.5], startingAt: [0, 200], count: 400, seed: 20)
        // At 1.5 noise units the location is uncertain: found three points early.
        #expect(ChangePointDetector.detect(values).map(\.index) == [197])
        #expect(ChangePointDetector.detect(values, settings: ChangePointSettings(minimumShift: 2)).isEmpty)
    }

    @Test func aStricterSignificanceNeedsMoreEvidence() {
        let values = Self.series([100, 103], startingAt: [0, 8], count: 16, seed: 21)
        #expect(ChangePointDetector.detect(values).map(\.index) == [8])
        #expect(ChangePointDetector.detect(values, settings: ChangePointSettings(significance: 0.0001)).isEmpty)
    }

    @Test func aChangeFromZeroHasNoRelativeChange() {
        let values = [Double](repeating: 0, count: 10) + [Double](repeating: 5, count: 10)
        #expect(ChangePointDetector.detect(values).map(\.relative) == [nil])
    }

    @Test func aStepInTheLastFewRunsIsFoundByTheExactRankSum() {
        // Four runs at a new level after seventeen: beyond the normal approximation's reach at 0.01.
        let values = Self.series([100, 110], startingAt: [0, 17], count: 21, seed: 23)
        #expect(ChangePointDetector.detect(values).map(\.index) == [17])
    }

    @Test func aLargeStepInTheLastRunsIsFoundAfterASlightShiftBeforeIt() {
        // Over the whole series, the slight shift at 16 with the step behind it ranks above the step
        // itself; the narrower interval around the step is taken first, so both are changes.
        let values = Self.series([100, 102.5, 140], startingAt: [0, 16, 24], count: 30, seed: 5)
        #expect(ChangePointDetector.detect(values).map(\.index) == [16, 24])
    }

    @Test func theExactRankSumPValueCountsArrangements() {
        // All four of the smaller side above the other seventeen: 1 arrangement of C(21, 4) = 5985.
        #expect(abs(ChangePointDetector.exactRankSumPValue(0, smaller: 4, larger: 17) - 2.0 / 5985) < 1e-15)
        for u in 0...15 {
            let expected = min(1, 2 * MannWhitney.exactSurvival(15 - u, 3, 5))
            #expect(abs(ChangePointDetector.exactRankSumPValue(u, smaller: 3, larger: 5) - expected) < 1e-12, "u \(u)")
        }
    }

    @Test func theNoiseScaleComesFromSuccessiveDifferences() {
        #expect(RobustScale.sigma([1, 2]) == nil)
        #expect(RobustScale.sigma([1, .nan, 3]) == nil)
        #expect(RobustScale.sigma([4, 4, 4, 4]) == 0)
        let values: [Double] = [10, 11, 10, 11, 10, 19, 18]
        // d = [1, −1, 1, −1, 9, −1]; median(d) = 0; |d − 0| = [1, 1, 1, 1, 9, 1]; MAD = 1.
        #expect(RobustScale.sigma(values) == RobustScale.madToSigma / 2.0.squareRoot())
        // A ramp has equal differences: no noise.
        #expect(RobustScale.sigma((0..<10).map(Double.init)) == 0)
    }

    @Test func theNoiseScaleIsUntouchedByAStepAndNearOneForUnitNoise() throws {
        let noise = Self.noise(.gaussian, count: 2000, seed: 22)
        let stepped = noise.enumerated().map { $0.offset < 1000 ? $0.element : $0.element + 50 }
        let plain = try #require(RobustScale.sigma(noise))
        let withStep = try #require(RobustScale.sigma(stepped))
        #expect(abs(plain - 1) < 0.05)
        #expect(abs(withStep - plain) < 0.01)
    }

    @Test func quantizedValuesFallBackToTheMeanAbsoluteDeviation() {
        // d = [0, 0, 0, 2, 0, 0]: MAD 0; mean |d − 0| = 1/3, times √(π/2)/√2.
        let sigma = RobustScale.sigma([5, 5, 5, 5, 7, 7, 7])
        #expect(sigma == (1.0 / 3) * (Double.pi / 2).squareRoot() / 2.0.squareRoot())
    }

    @Test func theMADScaleIsAroundTheMedian() {
        #expect(RobustScale.mad([]) == nil)
        #expect(RobustScale.mad([1, 2, 3, 4, 100]) == RobustScale.madToSigma * 1)
    }
}
