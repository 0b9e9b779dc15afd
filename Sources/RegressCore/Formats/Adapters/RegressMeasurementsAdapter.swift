/// regress's own measurements file, what RegressTesting's `measure` writes from a test:
///
/// ```json
/// {
///   "regress_measurements": 1,
///   "fingerprint": {"id": "a743a46ac90e", "fields": {"cpu.model": "…", "cpu.logical_cores": "2", …}},
///   "benchmarks": [
///     {"name": "parse 4 MB JSON",
///      "metrics": [
///        {"name": "time", "unit": "s", "direction": "lower", "samples": [0.0121, 0.0119, …]},
///        {"name": "items", "unit": "count", "direction": "none", "samples": [50000, 50000, …]}
///      ]}
///   ]
/// }
/// ```
///
/// `fingerprint` (optional) names the machine the samples were taken on, as `fingerprint.json` does;
/// `direction` is `lower`, `higher` or `none` (never judged), and when absent the metric's name and
/// unit decide. Every metric needs at least one sample.
enum RegressMeasurementsAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.regressMeasurements
    static let formatVersion = 1

    static func recognize(_ value: JSONValue) -> String? {
        value["regress_measurements"]?.numberValue == nil ? nil : "`regress_measurements` (regress's measurements file)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        let version = try root.required("regress_measurements")
        guard let number = version.value.numberValue, number >= 1, number.rounded() == number else {
            throw version.error("expected the format version, 1")
        }
        guard Int(number) <= formatVersion else { throw version.error(tooNewVersionMessage(Int(number), understood: formatVersion)) }
        var collector = ArtifactContents.Collector()
        if let machine = root.child("fingerprint") {
            var fields: [String: String] = [:]
            Fingerprint.flatten(machine.child("fields")?.value ?? machine.value, prefix: "", into: &fields)
            if machine.child("fields") == nil { fields["id"] = nil }
            if !fields.isEmpty { collector.fingerprint = Fingerprint(fields: fields) }
        }
        for benchmark in try root.required("benchmarks").array() {
            let name = try benchmark.required("name").string()
            collector.record(failed: nil)
            for metric in try benchmark.required("metrics").array() {
                let metricName = try metric.required("name").string()
                let unit = try metric.child("unit")?.string()
                let direction = try metric.child("direction").map(direction)
                let samples = try metric.required("samples")
                let values = try samples.numbers()
                guard !values.isEmpty else { throw samples.error("a metric needs at least one sample") }
                for value in values {
                    collector.add(value, benchmark: name, metric: metricName, unit: unit, direction: direction)
                }
            }
        }
        return collector.contents
    }

    private static func direction(_ cursor: JSONCursor) throws -> Direction {
        switch try cursor.string() {
        case "lower": return .lowerIsBetter
        case "higher": return .higherIsBetter
        case "none": return .unknown
        case let other: throw cursor.error("direction `\(other)` is none of lower, higher, none")
        }
    }
}

/// Writes the measurements file `RegressMeasurementsAdapter` reads: keys sorted, benchmarks and
/// metrics in the order given, so that the same measurements give the same bytes.
public enum MeasurementsFile {
    public static func json(_ measurements: [Measurement], fingerprint: Fingerprint?) -> String {
        var order: [String] = []
        var byBenchmark: [String: [Measurement]] = [:]
        for measurement in measurements {
            if byBenchmark[measurement.benchmark] == nil { order.append(measurement.benchmark) }
            byBenchmark[measurement.benchmark, default: []].append(measurement)
        }
        var members: [(String, JSONValue)] = [("regress_measurements", .number(Double(RegressMeasurementsAdapter.formatVersion)))]
        if let fingerprint {
            members.append(("fingerprint", .object([("id", .string(fingerprint.id)),
                                                    ("fields", .object(fingerprint.fields.map { ($0.key, .string($0.value)) }))])))
        }
        members.append(("benchmarks", .array(order.map { name in
            .object([("name", .string(name)), ("metrics", .array(byBenchmark[name]!.map { measurement in
                .object([("name", .string(measurement.metric)), ("unit", .string(measurement.unit)),
                         ("direction", .string(measurement.direction == .unknown ? "none" : measurement.direction.rawValue)),
                         ("samples", .array(measurement.samples.map { .number($0) }))])
            }))])
        })))
        return JSONWriter.write(.object(members))
    }
}
