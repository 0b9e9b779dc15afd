/// github-action-benchmark's custom JSON, `[{"name", "unit", "value", "range", "extra"}]`, which
/// package-benchmark's `jsonSmallerIsBetter` and `jsonBiggerIsBetter` exports also write. Which way is
/// better is the user's convention: `direction:` of the artifacts entry in regress.yml (`higher` for
/// customBiggerIsBetter, `lower` for customSmallerIsBetter); without it, the unit and name decide.
enum CustomBenchmarkAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.customBenchmark

    static func recognize(_ value: JSONValue) -> String? {
        guard case .array(let items) = value, !items.isEmpty,
              items.allSatisfy({ $0["name"]?.stringValue != nil && $0["unit"]?.stringValue != nil && $0["value"] != nil }) else { return nil }
        return "records with `name`, `unit` and `value` (github-action-benchmark's custom format)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        for record in try root.array() {
            let name = try record.required("name").string()
            let unit = try record.required("unit").string()
            collector.record(failed: nil)
            let direction = request.direction ?? MetricInference.infer(name, unit: unit).direction
            collector.add(try record.required("value").number(), benchmark: name, metric: "value", unit: unit, direction: direction)
        }
        return collector.contents
    }
}
