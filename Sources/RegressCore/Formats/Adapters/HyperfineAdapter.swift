/// hyperfine `--export-json`: each of `results[]` is keyed by its `command`; `times` are the samples
/// of the metric `time`, and `user` and `system` (the mean CPU times) are read too (seconds, lower is
/// better). `mean`, `stddev`, `median`, `min` and `max` summarise `times`, so they are read only when
/// `times` is absent or empty (an export that kept only the summary). A non-zero entry in `exit_codes`
/// makes the command failed.
enum HyperfineAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.hyperfine
    /// Statistics of `times`, read only without it.
    static let summariesOfTimes = ["mean", "stddev", "median", "min", "max"]
    /// Measured beside `times`, always read.
    static let cpuTimes = ["user", "system"]

    static func recognize(_ value: JSONValue) -> String? {
        guard case .array(let items)? = value["results"], !items.isEmpty,
              items.allSatisfy({ $0["command"]?.stringValue != nil && ($0["times"] != nil || $0["mean"] != nil) }) else { return nil }
        return "`results[]` records with `command` and `times`/`mean`"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        for result in try root.required("results").array() {
            let command = try result.required("command").string()
            let codes = try result.child("exit_codes")?.numbers() ?? []
            let failing = codes.filter { $0 != 0 }
            let error = failing.isEmpty ? nil : "exit code \(JSONWriter.format(failing[0])) in \(failing.count) of \(codes.count) runs"
            collector.record(failed: error)
            var values: [(String, [Double])] = []
            if let times = try result.child("times")?.numbers(), !times.isEmpty { values.append(("time", times)) }
            for field in (values.isEmpty ? summariesOfTimes : []) + cpuTimes {
                if let value = try result.child(field)?.optionalNumber() { values.append((field, [value])) }
            }
            for (metric, samples) in values {
                for sample in samples {
                    if error != nil {
                        collector.addFailed(benchmark: command, metric: metric, unit: "s", direction: .lowerIsBetter)
                    } else {
                        collector.add(sample, benchmark: command, metric: metric, unit: "s", direction: .lowerIsBetter)
                    }
                }
            }
        }
        return collector.contents
    }
}
