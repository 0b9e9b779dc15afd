import Foundation
@testable import RegressCore
import Testing

/// Every statistic against reference values computed by SciPy and NumPy
/// (`Fixtures/stats/make_reference.py`, which wrote `Fixtures/stats/reference.json`).
struct StatisticsTests {
    static let reference: JSONValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stats/reference.json")
        return try! JSONParser.parse(Array(try! Data(contentsOf: url)))
    }()

    static func cases(_ name: String) -> [JSONValue] {
        guard case .array(let items)? = reference[name] else { return [] }
        return items
    }

    static func numbers(_ value: JSONValue?) -> [Double] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.numberValue)
    }

    func expectClose(_ actual: Double, _ expected: Double?, _ what: String, tolerance: Double = 1e-9,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else {
            Issue.record("no reference for \(what)", sourceLocation: sourceLocation)
            return
        }
        let scale = max(abs(expected), 1e-300)
        #expect(abs(actual - expected) <= tolerance * scale || actual == expected,
                "\(what): \(actual) vs SciPy \(expected)", sourceLocation: sourceLocation)
    }

    @Test func referenceFileHasEnoughCases() {
        #expect(Self.cases("mann_whitney").count >= 20)
        #expect(Self.cases("welch").count >= 20)
        #expect(Self.cases("descriptive").count >= 8)
        #expect(Self.cases("benjamini_hochberg").count >= 5)
    }

    @Test func descriptiveStatisticsMatchNumPy() throws {
        for item in Self.cases("descriptive") {
            let x = Self.numbers(item["x"])
            let d = try #require(Descriptive(x))
            #expect(d.n == x.count)
            expectClose(d.mean, item["mean"]?.numberValue, "mean of \(x)")
            expectClose(d.median, item["median"]?.numberValue, "median of \(x)")
            expectClose(d.standardDeviation, item["std"]?.numberValue, "std of \(x)")
            expectClose(d.mad, item["mad"]?.numberValue, "MAD of \(x)")
            expectClose(d.min, item["min"]?.numberValue, "min of \(x)")
            expectClose(d.max, item["max"]?.numberValue, "max of \(x)")
            for (p, key) in [(0.25, "p25"), (0.90, "p90"), (0.95, "p95"), (0.99, "p99")] {
                expectClose(d.percentile(p), item[key]?.numberValue, "\(key) of \(x)")
            }
        }
    }

    @Test func mannWhitneyMatchesSciPyWithTiesTinyAndIdenticalSamples() throws {
        for item in Self.cases("mann_whitney") {
            let x = Self.numbers(item["x"]), y = Self.numbers(item["y"])
            let test = try #require(MannWhitney(x, y))
            expectClose(test.u, item["u"]?.numberValue, "U of \(x) vs \(y)")
            expectClose(test.pValue, item["p"]?.numberValue, "p of \(x) vs \(y)")
            #expect(test.exact == (item["method"]?.stringValue == "exact"), "method for \(x) vs \(y)")
        }
    }

    @Test func welchMatchesSciPy() throws {
        for item in Self.cases("welch") {
            let x = Self.numbers(item["x"]), y = Self.numbers(item["y"])
            let test = try #require(WelchTest(x, y))
            expectClose(test.t, item["t"]?.numberValue, "t of \(x) vs \(y)")
            expectClose(test.degreesOfFreedom, item["df"]?.numberValue, "df of \(x) vs \(y)")
            expectClose(test.pValue, item["p"]?.numberValue, "p of \(x) vs \(y)")
        }
    }

    @Test func welchOnSamplesWithoutVarianceIsDefined() throws {
        #expect(try #require(WelchTest([1, 1, 1], [1, 1])).pValue == 1)
        #expect(try #require(WelchTest([1, 1, 1], [2, 2])).pValue == 0)
        #expect(WelchTest([1], [2, 3]) == nil)
    }

    @Test func benjaminiHochbergMatchesSciPy() {
        for item in Self.cases("benjamini_hochberg") {
            let p = Self.numbers(item["p"])
            let expected = Self.numbers(item["adjusted"])
            let actual = BenjaminiHochberg.adjust(p)
            #expect(actual.count == expected.count)
            for (a, e) in zip(actual, expected) { expectClose(a, e, "BH of \(p)") }
        }
    }

    @Test func bootstrapIsDeterministicAndCoversAClearShift() throws {
        let base = [10.0, 10.2, 9.9, 10.1, 10.05, 9.95, 10.0, 10.1]
        let head = base.map { $0 * 1.2 }
        let first = try #require(Bootstrap(base: base, head: head, aggregate: .median, seed: 7))
        let second = try #require(Bootstrap(base: base, head: head, aggregate: .median, seed: 7))
        #expect(first == second)
        #expect(first.low > 0.15 && first.high < 0.25)
        #expect(first.low <= 0.2 && 0.2 <= first.high)
        #expect(first.pValue < 0.01)
        let same = try #require(Bootstrap(base: base, head: base, aggregate: .mean, seed: 7))
        #expect(same.low < 0 && same.high > 0)
        #expect(same.pValue > 0.5)
        #expect(Bootstrap(base: [1], head: [1, 2], aggregate: .median, seed: 1) == nil)
    }

    @Test func normalQuantileInvertsTheSurvivalFunction() {
        for p in [0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999] {
            expectClose(Distributions.normalSurvival(-Distributions.normalQuantile(p)), p, "quantile \(p)", tolerance: 1e-12)
        }
    }
}
