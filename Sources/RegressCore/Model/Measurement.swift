/// The samples of one metric of one benchmark in one run.
public struct Measurement: Equatable, Sendable {
    public let benchmark: String
    public let metric: String
    /// The unit as the artifact states it or its name implies (`ms`, `s`, `tokens/s`); "" when none.
    public var unit: String
    public var direction: Direction
    /// Valid values only: no nulls, NaNs or values of failed records.
    public var samples: [Double]
    /// Values of records that reported an error: kept out of `samples`.
    public var failedSamples: Int

    public init(benchmark: String, metric: String, unit: String, direction: Direction, samples: [Double], failedSamples: Int = 0) {
        self.benchmark = benchmark
        self.metric = metric
        self.unit = unit
        self.direction = direction
        self.samples = samples
        self.failedSamples = failedSamples
    }

    /// True when every record behind this measurement failed.
    public var isFailed: Bool { samples.isEmpty && failedSamples > 0 }

    /// The median of the samples; nil when there are none.
    public var median: Double? {
        guard !samples.isEmpty else { return nil }
        var copy = samples
        return copy.withUnsafeMutableBufferPointer { values in
            // The middle value by selection; for an even count, the largest of those before it too.
            let middle = values.count / 2
            Selection.select(values, middle)
            guard values.count % 2 == 0 else { return values[middle] }
            var below = values[0]
            for index in 1..<middle where values[index] > below { below = values[index] }
            return (below + values[middle]) / 2
        }
    }
}
