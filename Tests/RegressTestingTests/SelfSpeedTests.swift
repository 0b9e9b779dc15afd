import Foundation
import RegressCore
import RegressTesting
import Testing
import TestSupport

/// regress gates its own speed: its hot paths timed through RegressTesting against the baselines of
/// this machine in `baselines/`, under `policies/speed.yml`. On a machine without a baseline of its
/// own they pass with a note; `REGRESS_RECORD=1 swift test --filter SelfSpeedTests` records one.
@Suite(.serialized) struct SelfSpeedTests {
    let gate = PerformanceGate()

    @Test func parsingALargeJSONArtifact() throws {
        let bytes = SpeedInputs.json(records: 5_000)
        try gate.expectNoRegression(measuring: "parse 5000 JSON records", samples: 5, warmup: 1) { counters in
            let (_, contents) = try ArtifactReader.read(bytes, path: "bench/large.json")
            counters.items += Double(contents.measurements.reduce(0) { $0 + $1.samples.count })
        }
    }

    @Test func parsingALargeCSVArtifact() throws {
        let bytes = SpeedInputs.csv(rows: 8_000)
        try gate.expectNoRegression(measuring: "parse 8000 CSV rows", samples: 5, warmup: 1) { counters in
            let (_, contents) = try ArtifactReader.read(bytes, path: "bench/large.csv")
            counters.items += Double(contents.measurements.reduce(0) { $0 + $1.samples.count })
        }
    }

    @Test func comparingTwoRunsOfThousandsOfMetrics() throws {
        let base = SpeedInputs.run(metrics: 2_000, scale: 1)
        let head = SpeedInputs.run(metrics: 2_000, scale: 1.01)
        let comparator = Comparator(policies: .builtInDefault, today: "2026-11-30")
        try gate.expectNoRegression(measuring: "compare 2000 metrics", samples: 5, warmup: 1) { counters in
            let comparison = comparator.compare(base: LoadedRuns(runs: [base], notices: []), head: LoadedRuns(runs: [head], notices: []),
                                                baseSide: ComparisonSide(label: "base", commit: nil),
                                                headSide: ComparisonSide(label: "head", commit: nil))
            counters.items += Double(comparison.results.count)
        }
    }

    @Test func scanningAGeneratedHistory() throws {
        let repository = try SpeedInputs.history(commits: 60)
        try gate.expectNoRegression(measuring: "history of 60 commits", samples: 5, warmup: 1) { counters in
            let report = try HistoryOperation(repositoryPath: repository.path).run()
            counters.items += Double(report.commitsRead)
        }
    }
}

/// Generated inputs of the speed tests: the same bytes on every run.
enum SpeedInputs {
    /// `[{"name", "time_ms", "tokens_s"}]` records.
    static func json(records: Int) -> [UInt8] {
        var generator = Numbers(seed: 1)
        var text = "["
        for index in 0..<records {
            if index > 0 { text += ",\n" }
            text += "{\"name\": \"case_\(index)\", \"time_ms\": \(10 + generator.next()), \"tokens_s\": \(100 + generator.next() * 10)}"
        }
        return Array((text + "]\n").utf8)
    }

    /// `model,prompt,ttft_s,tokens_s` rows.
    static func csv(rows: Int) -> [UInt8] {
        var generator = Numbers(seed: 2)
        var text = "model,prompt,ttft_s,tokens_s\n"
        for index in 0..<rows {
            text += "m\(index % 50),p\(index / 50),\(0.5 + generator.next() * 0.01),\(40 + generator.next())\n"
        }
        return Array(text.utf8)
    }

    /// One run of `metrics` benchmarks, five samples of `time_s` each.
    static func run(metrics: Int, scale: Double) -> Run {
        var generator = Numbers(seed: 3)
        let measurements = (0..<metrics).map { index in
            RegressCore.Measurement(benchmark: "case_\(index)", metric: "time_s", unit: "s", direction: .lowerIsBetter,
                                    samples: (0..<5).map { _ in (1 + generator.next() * 0.02) * scale })
        }
        return Run(series: SeriesKey(path: "bench/results.json"), path: "bench/results.json", format: .json, measurements: measurements)
    }

    /// A repository whose every commit changes `bench/results.csv` (20 benchmarks), made in one
    /// `git fast-import` under fixed dates.
    static func history(commits: Int) throws -> FixtureRepository {
        let repository = try FixtureRepository()
        var generator = Numbers(seed: 4)
        var stream = ""
        for index in 1...commits {
            var csv = "benchmark,time_s\n"
            for benchmark in 0..<20 {
                csv += "b\(benchmark),\(1 + generator.next() * 0.02 + (index > commits / 2 && benchmark == 0 ? 0.2 : 0))\n"
            }
            let message = "run \(index)\n"
            stream += "commit refs/heads/main\nmark :\(index)\ncommitter Fixture <fixture@example.com> \(1_735_689_600 + index * 60) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)"
            if index > 1 { stream += "from :\(index - 1)\n" }
            stream += "M 644 inline bench/results.csv\ndata \(csv.utf8.count)\n\(csv)\n"
        }
        try Data(stream.utf8).write(to: URL(fileURLWithPath: repository.path + "/.git/stream"))
        try Shell.run("/bin/sh", ["-c", "git fast-import --quiet < .git/stream && git reset -q --hard main"], in: repository.path)
        return repository
    }
}

/// A fixed sequence of numbers in [0, 1) (a 64-bit linear congruential generator).
struct Numbers {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}
