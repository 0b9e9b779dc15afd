import RegressCore

/// Times a closure: `warmup` runs that are not kept, then `samples` runs, each timed on a monotonic
/// clock (`ContinuousClock`), with the counters each run reported.
public struct Sampler: Sendable {
    public var samples: Int
    public var warmup: Int

    public init(samples: Int = 10, warmup: Int = 2) {
        precondition(samples >= 1, "a measurement needs at least one sample")
        precondition(warmup >= 0, "warm-up runs cannot be negative")
        self.samples = samples
        self.warmup = warmup
    }

    /// The metric the time is: seconds, lower is better.
    public static let timeMetric = "time"

    /// The measurements of benchmark `name`: `time` in seconds, then each counter in the order first
    /// reported, one sample per run.
    public func measure(_ name: String, _ body: (inout Counters) throws -> Void) rethrows -> [RegressCore.Measurement] {
        let clock = ContinuousClock()
        for _ in 0..<warmup {
            var counters = Counters()
            try body(&counters)
        }
        var runs: [(Duration, Counters)] = []
        runs.reserveCapacity(samples)
        for _ in 0..<samples {
            var counters = Counters()
            let start = clock.now
            try body(&counters)
            runs.append((clock.now - start, counters))
        }
        return Sampler.measurements(name, runs)
    }

    /// As `measure(_:_:)`, for a closure that awaits.
    public func measure(_ name: String, _ body: (inout Counters) async throws -> Void) async rethrows -> [RegressCore.Measurement] {
        let clock = ContinuousClock()
        for _ in 0..<warmup {
            var counters = Counters()
            try await body(&counters)
        }
        var runs: [(Duration, Counters)] = []
        runs.reserveCapacity(samples)
        for _ in 0..<samples {
            var counters = Counters()
            let start = clock.now
            try await body(&counters)
            runs.append((clock.now - start, counters))
        }
        return Sampler.measurements(name, runs)
    }

    static func measurements(_ name: String, _ runs: [(Duration, Counters)]) -> [RegressCore.Measurement] {
        var result = [RegressCore.Measurement(benchmark: name, metric: timeMetric, unit: "s", direction: .lowerIsBetter,
                                  samples: runs.map { seconds($0.0) })]
        var names: [String] = []
        for (_, counters) in runs { for counter in counters.order where !names.contains(counter) { names.append(counter) } }
        for counter in names {
            let first = runs.lazy.compactMap { $0.1.counters[counter] }.first!
            result.append(RegressCore.Measurement(benchmark: name, metric: counter, unit: first.unit, direction: first.direction,
                                      samples: runs.map { $0.1.counters[counter]?.value ?? 0 }))
        }
        return result
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
