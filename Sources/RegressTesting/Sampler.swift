import Foundation
import RegressCore

/// Times a closure: `warmup` runs that are not kept, then `samples` runs, each timed on a monotonic
/// clock (`ContinuousClock`), with the counters each run reported. A closure that does not await also
/// gets its thread's CPU time (`cpu_time`), which other work on the machine disturbs far less than the
/// time on the clock.
public struct Sampler: Sendable {
    public var samples: Int
    public var warmup: Int

    public init(samples: Int = 10, warmup: Int = 2) {
        precondition(samples >= 1, "a measurement needs at least one sample")
        precondition(warmup >= 0, "warm-up runs cannot be negative")
        self.samples = samples
        self.warmup = warmup
    }

    /// The metric the time on the clock is: seconds, lower is better.
    public static let timeMetric = "time"
    /// The metric the CPU time of the measuring thread is: seconds, lower is better.
    public static let cpuTimeMetric = "cpu_time"

    /// The measurements of benchmark `name`: `time` and `cpu_time` in seconds, then each counter in the
    /// order first reported, one sample per run.
    public func measure(_ name: String, _ body: (inout Counters) throws -> Void) rethrows -> [RegressCore.Measurement] {
        let clock = ContinuousClock()
        for _ in 0..<warmup {
            var counters = Counters()
            try body(&counters)
        }
        var runs: [(Duration, Counters)] = []
        var cpu: [Double] = []
        runs.reserveCapacity(samples)
        for _ in 0..<samples {
            var counters = Counters()
            let cpuStart = Sampler.threadCPUTime()
            let start = clock.now
            try body(&counters)
            let elapsed = clock.now - start
            cpu.append(Sampler.threadCPUTime() - cpuStart)
            runs.append((elapsed, counters))
        }
        var measurements = Sampler.measurements(name, runs)
        measurements.insert(RegressCore.Measurement(benchmark: name, metric: Sampler.cpuTimeMetric, unit: "s", direction: .lowerIsBetter,
                                                    samples: cpu), at: 1)
        return measurements
    }

    /// As `measure(_:_:)`, for a closure that awaits: `time` and the counters, without `cpu_time` (a
    /// task may resume on another thread).
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

    /// The CPU time the calling thread has used, in seconds.
    static func threadCPUTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
