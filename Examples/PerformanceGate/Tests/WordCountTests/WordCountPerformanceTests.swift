import RegressTesting
import Testing
import WordCount

/// A text of `words` words drawn from a small vocabulary, the same on every run.
func sampleText(words: Int) -> String {
    let vocabulary = ["regress", "gate", "baseline", "policy", "fingerprint", "sample", "median", "Swift", "test", "slow"]
    var state: UInt64 = 42
    return (0..<words).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return vocabulary[Int(state >> 33) % vocabulary.count]
    }.joined(separator: " ")
}

@Test func wordFrequenciesStayFast() throws {
    let text = sampleText(words: 20_000)
    // Times the closure 15 times after 2 warm-up runs, writes .build/regress/word-frequencies.json and
    // checks it against this machine's baseline in baselines/ (REGRESS_RECORD=1 records it).
    try PerformanceGate().expectNoRegression(measuring: "word frequencies", samples: 15, warmup: 2) { counters in
        let frequencies = wordFrequencies(in: text)
        counters.items += Double(frequencies.values.reduce(0, +))
    }
}

@Test func committedResultsStayWithinTheirBaselines() throws {
    // `regress check` of this package: Benchmarks/results/ against baselines/, under policies/.
    try PerformanceGate().expectNoRegressionInArtifacts()
}

@Test func theSlowdownFactorComesFromTheEnvironment() {
    #expect(Slowdown.fromEnvironment([:]) == 1)
    #expect(Slowdown.fromEnvironment(["EXAMPLE_SLOWDOWN": "3"]) == 3)
    #expect(Slowdown.fromEnvironment(["EXAMPLE_SLOWDOWN": "fast"]) == 1)
    #expect(wordFrequencies(in: "Gate gate, policy", slowdown: 3) == ["gate": 2, "policy": 1])
}
