/// Google Benchmark `--benchmark_format=json` (or `--benchmark_out`): `context` describes the machine
/// (it becomes the run's fingerprint), `benchmarks[]` holds one record per run. Repetitions
/// (`run_type: iteration`) are the samples of their `run_name`; aggregates (`mean`, `median`,
/// `stddev`, `cv`) are not counted again. `real_time` and `cpu_time` are in the record's `time_unit`;
/// `bytes_per_second` and `items_per_second` are higher-is-better; other numeric fields are user
/// counters. `error_occurred` makes the benchmark failed.
enum GoogleBenchmarkAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.googleBenchmark

    static let standardFields: Set<String> = [
        "name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions", "repetition_index",
        "threads", "iterations", "real_time", "cpu_time", "time_unit", "aggregate_name", "aggregate_unit",
        "error_occurred", "error_message", "label", "bytes_per_second", "items_per_second", "big_o", "rms",
        "complexity_n", "skipped", "skip_message",
    ]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["context"]?.objectMembers != nil, case .array(let items)? = value["benchmarks"] else { return nil }
        guard items.allSatisfy({ $0["name"] != nil && ($0["real_time"] != nil || $0["run_type"] != nil || $0["error_occurred"] != nil) }) else {
            return nil
        }
        return "a `context` object and `benchmarks[]` records with `real_time`/`run_type`"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(try root.required("context"))
        for record in try root.required("benchmarks").array() {
            let name = try record.required("name").string()
            let runName = try record.child("run_name")?.string() ?? name
            let runType = try record.child("run_type")?.string() ?? "iteration"
            if runType == "aggregate" {
                collector.skip("aggregate not counted again as samples")
                continue
            }
            if case .bool(true)? = record.value["skipped"] {
                collector.skip("skipped by the harness")
                continue
            }
            let unit = try record.child("time_unit")?.string() ?? "ns"
            var error: String?
            if case .bool(true)? = record.value["error_occurred"] {
                error = try record.child("error_message")?.string() ?? "error_occurred"
            }
            collector.record(failed: error)
            for (field, cursor) in try record.object() {
                let metricUnit: String
                let direction: Direction
                switch field {
                case "real_time", "cpu_time":
                    (metricUnit, direction) = (unit, .lowerIsBetter)
                case "bytes_per_second":
                    (metricUnit, direction) = ("B/s", .higherIsBetter)
                case "items_per_second":
                    (metricUnit, direction) = ("items/s", .higherIsBetter)
                case _ where standardFields.contains(field):
                    continue
                default:
                    // A user counter.
                    guard case .number = cursor.value else { continue }
                    let inferred = MetricInference.infer(field)
                    (metricUnit, direction) = (inferred.unit, inferred.direction)
                }
                if error != nil {
                    collector.addFailed(benchmark: runName, metric: field, unit: metricUnit, direction: direction)
                } else {
                    collector.add(try cursor.number(), benchmark: runName, metric: field, unit: metricUnit, direction: direction)
                }
            }
        }
        return collector.contents
    }

    static func fingerprint(_ context: JSONCursor) -> Fingerprint {
        var fields: [String: String] = [:]
        if let cpus = context.child("num_cpus")?.scalarText { fields["cpu.logical_cores"] = cpus }
        if let mhz = context.child("mhz_per_cpu")?.scalarText { fields["cpu.mhz"] = mhz }
        if let scaling = context.child("cpu_scaling_enabled")?.scalarText { fields["cpu.scaling"] = scaling }
        if let build = context.child("library_build_type")?.scalarText { fields["benchmark.build_type"] = build }
        for cache in context.child("caches")?.elements ?? [] {
            guard let level = cache.child("level")?.scalarText, let size = cache.child("size")?.scalarText else { continue }
            let type = cache.child("type")?.scalarText ?? ""
            let suffix = type == "Data" ? "d" : type == "Instruction" ? "i" : ""
            fields["cpu.cache.l\(level)\(suffix)"] = size
        }
        return Fingerprint(fields: fields)
    }
}
