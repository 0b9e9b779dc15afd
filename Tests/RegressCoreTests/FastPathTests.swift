import Foundation
@testable import RegressCore
import Testing

/// The shortcuts that make statistics and parsing cheap give exactly what the plain computation gives.
struct FastPathTests {
    @Test func invariantModulusEqualsTheRemainderOperator() {
        var random = SplitMix(seed: 42)
        let edges: [UInt64] = [0, 1, 2, 999, 1000, 1001, UInt64.max, UInt64.max - 1, 1 << 63, (1 << 63) - 1, 1 << 32]
        for divisor: UInt64 in [1, 2, 3, 7, 10, 29, 30, 64, 100, 999, 1000, 1 << 20, 12_345_678_901, 1 << 63] {
            let modulus = InvariantModulus(divisor)
            for x in edges { #expect(modulus.remainder(x) == x % divisor, "\(x) mod \(divisor)") }
            for _ in 0..<2000 {
                let x = random.next()
                #expect(modulus.remainder(x) == x % divisor, "\(x) mod \(divisor)")
            }
        }
    }

    @Test func percentilesBySelectionEqualThoseOfTheSortedValues() {
        var random = SplitMix(seed: 9)
        for count in [1, 2, 3, 5, 16, 17, 18, 30, 31, 100, 1001] {
            // Ties and spread values both.
            let values = (0..<count).map { _ in Double(random.next() % 40) / 4 }
            let descriptive = Descriptive(values)!
            for aggregate in Aggregate.allCases {
                let expected: Double
                switch aggregate {
                case .median: expected = descriptive.median
                case .mean: expected = descriptive.mean
                case .min: expected = descriptive.min
                case .max: expected = descriptive.max
                case .p90: expected = descriptive.percentile(0.90)
                case .p95: expected = descriptive.percentile(0.95)
                case .p99: expected = descriptive.percentile(0.99)
                }
                #expect(aggregate.apply(values) == expected, "\(aggregate) of \(count) values")
            }
        }
        #expect(Aggregate.median.apply([]).isNaN)
    }

    @Test func bootstrapResamplesAtMostTheCapOfEachSide() {
        let many = (0..<5000).map { Double($0) }
        let kept = Bootstrap.capped(many, seed: 3)
        #expect(kept.count == Bootstrap.sampleCap)
        #expect(Set(kept).count == Bootstrap.sampleCap)
        #expect(kept == Bootstrap.capped(many, seed: 3))
        #expect(kept != Bootstrap.capped(many, seed: 4))
        let few = Array(many.prefix(1000))
        #expect(Bootstrap.capped(few, seed: 3) == few)
        // A large side still gives an interval around its change.
        let interval = Bootstrap(base: many, head: many.map { $0 * 1.1 }, aggregate: .median, seed: 5)!
        #expect(interval.low < 0.1 && interval.high > 0.1 && interval.high - interval.low < 0.3, "\(interval)")
    }

    @Test func decimalNumbersFromBytesEqualTheStandardLibrarysParse() {
        let texts = ["0", "-0", "+1", "1.", ".5", "12.345", "-0.001", "1e3", "1E-3", "2.5e+10", "123456789012345678",
                     "1234567890123456789", "12345678901234567890", "9007199254740993", "0.1", "3.14159265358979",
                     "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "1.7976931348623157e308", "1e400", "00012",
                     "1.000000000000000000001", "0.000000000000000000000000001", "inf", "-Infinity", "nan",
                     "0x1p3", "", "-", ".", "e5", "1e", "1e+", "1.2.3", "12a", " 1", "1 ", "--1", "1_000"]
        for text in texts {
            let expected = Double(text)
            let actual = DecimalNumber.parse(text)
            #expect(actual?.bitPattern == expected?.bitPattern || (actual?.isNaN == true && expected?.isNaN == true),
                    "\(text): \(String(describing: actual)) vs \(String(describing: expected))")
        }
        var random = SplitMix(seed: 1)
        for _ in 0..<5000 {
            let value = Double(random.next() % 10_000_000) / Double(UInt64(1) << (random.next() % 30))
            for text in [String(value), String(format6: value)] {
                #expect(DecimalNumber.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
            }
        }
    }

    @Test func csvFieldsAfterAClosingQuoteAndAtTheEndOfTheFileAreKept() throws {
        #expect(try CSVParser.parse(Array("\"ab\"cd,e\r\nx,\"\"".utf8)).map(\.fields) == [["abcd", "e"], ["x", ""]])
        #expect(try CSVParser.parse(Array("a,b,\n1,\"q\"\"\",3\rlast".utf8)).map(\.fields) == [["a", "b", ""], ["1", "q\"", "3"], ["last"]])
        #expect(try CSVParser.parse(Array("\"\"\n".utf8)).isEmpty)
    }

    @Test func aTopLevelNumberIsFoundWithoutReadingTheRest() {
        func scan(_ text: String) -> Double? { JSONParser.topLevelNumber(Array(text.utf8), keys: ["date", "started_at"]) }
        #expect(scan(#"{"commit_hash": "x", "results": {"date": 1, "a": [1, {"b": "}"}]}, "date": 1700000000000, "rest": "#) == 1_700_000_000_000)
        #expect(scan(#"{"started_at": 5, "params": {"s": "a\"b"}, "date": 7}"#) == 7)
        #expect(scan(#"{"started_at": 5, "date": "yesterday"}"#) == 5)
        #expect(scan(#"{"date": null, "started_at": 2.5e3}"#) == 2500)
        #expect(scan(#"{"results": {"date": 3}}"#) == nil)
        #expect(scan(#"[{"date": 3}]"#) == nil)
        #expect(scan(#"{"started_at": 5, "broken": [1, 2"#) == nil)
        #expect(scan("") == nil)
    }

    @Test func topLevelValuesAreFoundWithoutReadingTheRest() {
        func scan(_ text: String) -> [String: JSONValue]? {
            JSONParser.topLevelValues(Array(text.utf8), keys: ["commit_hash", "date"])
        }
        let asv = #"{"commit_hash": "3f2a", "results": {"date": 1, "commit_hash": "x"}, "date": 1700000000000, "rest": "#
        #expect(scan(asv)?["commit_hash"] == .string("3f2a"))
        #expect(scan(asv)?["date"] == .number(1_700_000_000_000))
        #expect(scan("\u{FEFF}" + #" {"date": null, "params": {"s": "a\"}b"}, "commit_hash": ["x"]}"#)?.count == 2)
        #expect(scan(#"{"date": 5, "env_name": "py3"}"#)?.map(\.key) == ["date"])
        #expect(scan(#"{}"#)?.isEmpty == true)
        #expect(scan(#"{"results": {"date": 3}}"#)?.isEmpty == true)
        #expect(scan(#"[{"date": 3}]"#) == nil)
        #expect(scan(#"{"date": 5, "broken": [1, 2"#) == nil)
        #expect(scan(#"{"date": 5 "commit_hash": "x"}"#) == nil)
        #expect(scan("") == nil)
    }

    @Test func aParallelMapKeepsTheOrderOfAPlainMap() {
        let items = (0..<5000).map { "metric \($0)" }
        #expect(ParallelMap.map(items) { Bootstrap.seed(for: $0) } == items.map { Bootstrap.seed(for: $0) })
        #expect(ParallelMap.map([3, 1, 2]) { $0 * 2 } == [6, 2, 4])
    }

    @Test func quotingTextWithoutEscapesCopiesItAndEscapesControlCharactersOtherwise() {
        #expect(JSONWriter.quote("BM_sort/1024 µs") == "\"BM_sort/1024 µs\"")
        #expect(JSONWriter.quote("a\u{7F}b\u{85}c\u{9F}") == "\"a\\u007fb\\u0085c\\u009f\"")
        #expect(JSONWriter.quote("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
    }

    @Test func numbersReadFromJSONEqualStrtodsForRandomAndEdgeTexts() throws {
        var random = SplitMix(seed: 17)
        var texts = ["0", "-0", "0.0", "-0.0", "1", "9007199254740992", "9007199254740993", "9007199254740991.5",
                     "1e22", "1e23", "1e-22", "1e-23", "123456789012345678e-5", "1234567890123456789e3", "12345678901234567890",
                     "0.1", "0.30000000000000004", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e400",
                     "-1e-400", "0e999999", "00012.50", "1.", "-.5", "1E+2", "3.2131105216188767e-06", "9072.722406448891",
                     "0.000000000000000000000000001", "100.1894", "1000", "137"]
        for _ in 0..<20_000 {
            let digits = (0..<(1 + Int(random.next() % 20))).map { _ in String(random.next() % 10) }.joined()
            let point = Int(random.next() % UInt64(digits.count + 1))
            // A JSON value starts with a digit or a minus sign: `-.5` and `1.` are read as strtod reads them.
            let whole = point == 0 ? (random.next() % 2 == 0 ? "-" : "0") : (random.next() % 4 == 0 ? "-" : "") + digits.prefix(point)
            var text = whole
            if point < digits.count || random.next() % 2 == 0 { text += "." + digits.dropFirst(point) }
            if text.hasSuffix("-.") { text += "0" }
            if random.next() % 3 == 0 { text += (random.next() % 2 == 0 ? "e" : "E-") + String(random.next() % 30) }
            texts.append(text)
        }
        guard case .array(let values) = try JSONParser.parse(Array("[\(texts.joined(separator: ",\n "))]".utf8)) else {
            Issue.record("not an array")
            return
        }
        #expect(values.count == texts.count)
        for (text, value) in zip(texts, values) {
            let expected = strtod(text, nil)
            #expect(value.numberValue?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func paddingASCIITextEqualsFoundationsPadding() {
        for text in ["", "ns", "real_time", "items_per_second", "é", "µs", "a\u{1F600}b"] {
            for length in [0, 1, 2, 9, 10, 20] {
                #expect(text.paddedWithSpaces(toLength: length) == text.padding(toLength: length, withPad: " ", startingAt: 0),
                        "\(text.debugDescription) to \(length)")
            }
        }
    }

    @Test func spacesAreTrimmedAsFoundationTrimsThem() {
        for text in ["", " ", "a", " a ", "\ta", "a\u{00A0}", "\u{2003}a b\u{3000}", "é", " é ", "a\n"] {
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}

private extension String {
    /// Six decimals, as many benchmark tools print.
    init(format6 value: Double) {
        let scaled = (value * 1_000_000).rounded()
        let whole = Int(scaled) / 1_000_000, fraction = Int(scaled) % 1_000_000
        let digits = String(fraction)
        self = "\(whole)." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}

/// The bootstrap as its definition reads: draw each side again, sort, read the aggregate.
struct PlainBootstrapTests {
    static func plain(base: [Double], head: [Double], aggregate: Aggregate, seed: UInt64) -> (low: Double, high: Double, p: Double) {
        var random = SplitMix(seed: seed)
        var changes: [Double] = []
        for _ in 0..<2000 {
            let b = (0..<base.count).map { _ in base[Int(random.next() % UInt64(base.count))] }
            let h = (0..<head.count).map { _ in head[Int(random.next() % UInt64(head.count))] }
            let d = (Descriptive(b)!, Descriptive(h)!)
            let values: (Double, Double)
            switch aggregate {
            case .median: values = (d.0.median, d.1.median)
            case .mean: values = (d.0.mean, d.1.mean)
            case .min: values = (d.0.min, d.1.min)
            case .max: values = (d.0.max, d.1.max)
            case .p90: values = (d.0.percentile(0.9), d.1.percentile(0.9))
            case .p95: values = (d.0.percentile(0.95), d.1.percentile(0.95))
            case .p99: values = (d.0.percentile(0.99), d.1.percentile(0.99))
            }
            guard values.0 != 0 else { continue }
            changes.append(values.1 / values.0 - 1)
        }
        changes.sort()
        let below = Double(changes.filter { $0 <= 0 }.count), above = Double(changes.filter { $0 >= 0 }.count)
        let count = Double(changes.count)
        let tail = (1 - 0.95) / 2
        return (Descriptive.percentile(changes, tail), Descriptive.percentile(changes, 1 - tail),
                min(1, max(1 / (count + 1), 2 * min(below, above) / count)))
    }

    @Test func countingRanksGivesTheIntervalOfSortingEachResample() throws {
        var random = SplitMix(seed: 77)
        for (baseCount, headCount) in [(2, 3), (5, 5), (10, 12), (30, 30), (31, 7)] {
            // Few distinct values, so resamples are full of ties.
            let base = (0..<baseCount).map { _ in 10 + Double(random.next() % 8) / 2 }
            let head = (0..<headCount).map { _ in 10.5 + Double(random.next() % 8) / 2 }
            for aggregate in Aggregate.allCases {
                let fast = try #require(Bootstrap(base: base, head: head, aggregate: aggregate, seed: 11))
                let plain = Self.plain(base: base, head: head, aggregate: aggregate, seed: 11)
                #expect(fast.low == plain.low && fast.high == plain.high && fast.pValue == plain.p,
                        "\(aggregate) of \(baseCount)/\(headCount) samples: \(fast) vs \(plain)")
            }
        }
    }
}
