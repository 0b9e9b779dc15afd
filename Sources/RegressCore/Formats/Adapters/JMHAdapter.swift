/// JMH `-rf json`: one record per benchmark and parameter set, named `benchmark` plus `(key=value, …)`
/// of its `params`. `primaryMetric.rawData` (one list per fork) holds the samples of the metric
/// `score`, in `scoreUnit`; without raw data, `score` is one sample. The `mode` decides the direction:
/// `thrpt` is higher-is-better, `avgt`, `sample` and `ss` lower-is-better. `secondaryMetrics` are
/// read the same way, their direction from their unit (`B/op` and times lower, rates higher).
enum JMHAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.jmh

    static func recognize(_ value: JSONValue) -> String? {
        guard case .array(let items) = value, !items.isEmpty,
              items.allSatisfy({ $0["benchmark"] != nil && $0["primaryMetric"] != nil }) else { return nil }
        return "records with `benchmark` and `primaryMetric` (JMH)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        for record in try root.array() {
            var name = try record.required("benchmark").string()
            if let params = record.child("params")?.members, !params.isEmpty {
                name += "(" + params.map { "\($0.0)=\($0.1.scalarText ?? "")" }.joined(separator: ", ") + ")"
            }
            let mode = try record.child("mode")?.string() ?? "thrpt"
            let direction: Direction = mode == "thrpt" ? .higherIsBetter : ["avgt", "sample", "ss"].contains(mode) ? .lowerIsBetter : .unknown
            collector.record(failed: nil)
            try add(try record.required("primaryMetric"), metric: "score", benchmark: name, direction: direction, to: &collector)
            for (secondary, metric) in record.child("secondaryMetrics")?.members ?? [] {
                let unit = try metric.child("scoreUnit")?.string() ?? ""
                try add(metric, metric: secondary, benchmark: name,
                        direction: MetricInference.direction(ofUnit: unit) ?? .unknown, to: &collector)
            }
        }
        return collector.contents
    }

    static func add(_ metric: JSONCursor, metric name: String, benchmark: String, direction: Direction,
                    to collector: inout ArtifactContents.Collector) throws {
        let unit = try metric.child("scoreUnit")?.string() ?? ""
        if let raw = metric.child("rawData") {
            for fork in try raw.array() {
                for value in try fork.numbers() { collector.add(value, benchmark: benchmark, metric: name, unit: unit, direction: direction) }
            }
        } else if let score = try metric.child("score")?.optionalNumber() {
            collector.add(score, benchmark: benchmark, metric: name, unit: unit, direction: direction)
        } else {
            collector.skip("null")
        }
    }
}
