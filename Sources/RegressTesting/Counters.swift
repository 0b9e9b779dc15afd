import RegressCore

/// What one run of a measured closure counts besides its time: allocations, bytes, items processed, or
/// any named quantity. Each becomes a metric of the measurement with one sample per run.
public struct Counters: Sendable {
    struct Counter: Sendable {
        var value: Double
        var unit: String
        var direction: Direction
    }

    var order: [String] = []
    var counters: [String: Counter] = [:]

    public init() {}

    /// Adds `value` to the counter `name` (created at 0 with this unit and direction: `lower` is better
    /// by default; `unknown` is reported but never fails).
    public mutating func add(_ value: Double, to name: String, unit: String = "count", direction: Direction = .lowerIsBetter) {
        if counters[name] == nil {
            order.append(name)
            counters[name] = Counter(value: 0, unit: unit, direction: direction)
        }
        counters[name]!.value += value
    }

    /// Allocations made (fewer is better).
    public var allocations: Double {
        get { counters["allocations"]?.value ?? 0 }
        set { add(newValue - allocations, to: "allocations") }
    }

    /// Bytes allocated or written (fewer is better).
    public var bytes: Double {
        get { counters["bytes"]?.value ?? 0 }
        set { add(newValue - bytes, to: "bytes", unit: "B") }
    }

    /// Items processed: what the time was spent on, reported beside it and never judged.
    public var items: Double {
        get { counters["items"]?.value ?? 0 }
        set { add(newValue - items, to: "items", direction: .unknown) }
    }
}
