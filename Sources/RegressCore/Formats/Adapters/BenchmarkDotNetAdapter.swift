/// BenchmarkDotNet's JSON exports (`*-report-full.json`, `*-report.json`, `*-report-brief.json`):
/// `Title`, `HostEnvironmentInfo` and `Benchmarks[]`.
///
/// A benchmark is named by `FullName` (`Namespace.Type.Method(N: 10)`; older exports without it:
/// `Type.Method` and `Parameters`); when several jobs ran one benchmark (one `FullName` twice), the job
/// from `DisplayInfo` follows in brackets. The full export's `Measurements` of `IterationMode`
/// `Workload` and `IterationStage` `Result` (older exports: mode `Result`) give one sample per
/// iteration, `Nanoseconds / Operations`, as `time`; `Statistics` gives `Mean`, `Median`, `Min`, `Max`
/// (ns, lower is better) and `StandardDeviation`, `StandardError` (ns, spreads: no direction) and `N`.
/// `Memory` (with the memory diagnoser) gives `BytesAllocatedPerOperation` (B, lower) and
/// `Gen0Collections`, `Gen1Collections`, `Gen2Collections` (per 1,000 operations, lower). A benchmark
/// `Metrics[]` of other diagnosers (`{"Value", "Descriptor": {"Id", "Unit", "TheGreaterTheBetter"}}`)
/// are read by their `Id`, in their `Unit`, in the direction the descriptor states (the memory
/// diagnoser's `Allocated Memory` and `Gen…` metrics repeat `Memory`, and are not read twice). A benchmark
/// whose `Statistics` is `null` did not run (it failed in BenchmarkDotNet). `HostEnvironmentInfo` is the
/// run's fingerprint: `ProcessorName` (a text, or `{"Value": …}` in old exports), `OsVersion`,
/// `RuntimeVersion` (`ClrVersion` in old ones), `Architecture`, core counts.
enum BenchmarkDotNetAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.benchmarkDotNet

    static let statistics: [(field: String, metric: String, direction: Direction)] = [
        ("Mean", "mean", .lowerIsBetter), ("Median", "median", .lowerIsBetter), ("Min", "min", .lowerIsBetter),
        ("Max", "max", .lowerIsBetter), ("StandardDeviation", "stddev", .unknown), ("StandardError", "stderr", .unknown),
    ]
    static let memory: [(field: String, metric: String, unit: String)] = [
        ("BytesAllocatedPerOperation", "allocated", "B"), ("Gen0Collections", "gen0", ""), ("Gen1Collections", "gen1", ""),
        ("Gen2Collections", "gen2", ""),
    ]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["HostEnvironmentInfo"]?.objectMembers != nil, case .array? = value["Benchmarks"] else { return nil }
        return "`HostEnvironmentInfo` and `Benchmarks[]` (a BenchmarkDotNet JSON export)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        if let host = root.child("HostEnvironmentInfo") { collector.fingerprint = fingerprint(host) }
        let version = root.child("HostEnvironmentInfo")?.child("BenchmarkDotNetVersion")?.scalarText.map { "BenchmarkDotNet \($0)" }
        let measured = root.child("Benchmarks")?.elements?.contains { $0.child("Measurements") != nil } == true
        collector.variant = [version, measured ? "with measurements" : "statistics only"].compactMap { $0 }.joined(separator: ", ")
        let benchmarks = try root.required("Benchmarks").array()
        let names = benchmarks.map { try? name($0) }
        var seen: [String: Int] = [:]
        for name in names.compactMap({ $0 }) { seen[name, default: 0] += 1 }
        for (benchmark, base) in zip(benchmarks, names) {
            guard let base else {
                collector.skip("\(benchmark.path): no `FullName`, `Type` or `Method`")
                continue
            }
            var name = base
            if seen[base, default: 0] > 1, let display = benchmark.child("DisplayInfo")?.scalarText,
               let colon = display.range(of: ": ", options: .backwards) {
                name += " [\(display[colon.upperBound...])]"
            }
            readBenchmark(benchmark, name: name, into: &collector)
        }
        return collector.contents
    }

    static func name(_ benchmark: JSONCursor) throws -> String {
        if let full = benchmark.child("FullName")?.value.stringValue, !full.isEmpty { return full }
        guard let method = benchmark.child("Method")?.value.stringValue else { throw benchmark.error("no name") }
        let type = benchmark.child("Type")?.value.stringValue.map { $0 + "." } ?? ""
        let parameters = benchmark.child("Parameters")?.value.stringValue ?? ""
        return type + method + (parameters.isEmpty ? "" : "(\(parameters))")
    }

    static func readBenchmark(_ benchmark: JSONCursor, name: String, into collector: inout ArtifactContents.Collector) {
        guard let statistics = benchmark.child("Statistics"), !statistics.isNull else {
            collector.record(failed: "`Statistics` is null: the benchmark did not run")
            collector.addFailed(benchmark: name, metric: "mean", unit: "ns", direction: .lowerIsBetter)
            return
        }
        collector.record(failed: nil)
        for measurement in benchmark.child("Measurements")?.elements ?? [] {
            let mode = measurement.child("IterationMode")?.scalarText, stage = measurement.child("IterationStage")?.scalarText
            guard (mode == "Workload" && stage == "Result") || (mode == "Result" && stage == nil) else { continue }
            guard let operations = measurement.child("Operations")?.value.numberValue, operations > 0,
                  let nanoseconds = measurement.child("Nanoseconds")?.value.numberValue else {
                collector.skip("\(measurement.path): `Operations` or `Nanoseconds` is not a positive number")
                continue
            }
            collector.add(nanoseconds / operations, benchmark: name, metric: "time", unit: "ns", direction: .lowerIsBetter)
        }
        for (field, metric, direction) in Self.statistics {
            guard let cursor = statistics.child(field), !cursor.isNull else { continue }
            guard let value = cursor.value.numberValue else {
                collector.skip("\(cursor.path): not a number")
                continue
            }
            collector.add(value, benchmark: name, metric: metric, unit: "ns", direction: direction)
        }
        if let count = statistics.child("N")?.value.numberValue {
            collector.add(count, benchmark: name, metric: "n", unit: "", direction: .unknown)
        }
        let gc = benchmark.child("Memory").flatMap { $0.isNull ? nil : $0 }
        for metric in benchmark.child("Metrics")?.elements ?? [] {
            guard let descriptor = metric.child("Descriptor"), let id = descriptor.child("Id")?.value.stringValue, !id.isEmpty else {
                collector.skip("\(metric.path): no `Descriptor.Id`")
                continue
            }
            if gc != nil && (id == "Allocated Memory" || id.hasPrefix("Gen")) { continue }
            guard let value = metric.child("Value")?.value.numberValue else {
                collector.skip("\(metric.path).Value: not a number")
                continue
            }
            let greater = descriptor.child("TheGreaterTheBetter")?.value
            let direction: Direction = greater == .bool(true) ? .higherIsBetter : greater == .bool(false) ? .lowerIsBetter : .unknown
            collector.add(value, benchmark: name, metric: id, unit: descriptor.child("Unit")?.value.stringValue ?? "", direction: direction)
        }
        guard let gc else { return }
        for (field, metric, unit) in memory {
            guard let cursor = gc.child(field), !cursor.isNull else { continue }
            guard let value = cursor.value.numberValue else {
                collector.skip("\(cursor.path): not a number")
                continue
            }
            collector.add(value, benchmark: name, metric: metric, unit: unit, direction: .lowerIsBetter)
        }
    }

    static func fingerprint(_ host: JSONCursor) -> Fingerprint {
        var fields: [String: String] = [:]
        let processor = host.child("ProcessorName")
        if let model = processor?.scalarText ?? processor?.child("Value")?.scalarText { fields["cpu.model"] = model }
        if let cores = host.child("LogicalCoreCount")?.scalarText ?? host.child("ProcessorCount")?.scalarText {
            fields["cpu.logical_cores"] = cores
        }
        if let cores = host.child("PhysicalCoreCount")?.scalarText { fields["cpu.physical_cores"] = cores }
        if let os = host.child("OsVersion")?.scalarText { fields["os.name"] = os }
        if let runtime = host.child("RuntimeVersion")?.scalarText ?? host.child("ClrVersion")?.scalarText {
            fields["dotnet.runtime"] = runtime
        }
        if let architecture = host.child("Architecture")?.scalarText { fields["dotnet.architecture"] = architecture }
        if let version = host.child("BenchmarkDotNetVersion")?.scalarText { fields["benchmark.version"] = version }
        if let configuration = host.child("Configuration")?.scalarText { fields["benchmark.build_type"] = configuration }
        return Fingerprint(fields: fields)
    }
}
