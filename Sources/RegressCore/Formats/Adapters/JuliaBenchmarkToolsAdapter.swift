/// Julia BenchmarkTools' `BenchmarkTools.save` files: `[{"Julia": …, "BenchmarkTools": …}, [value, …]]`,
/// each value a `[type, fields]` pair: a `BenchmarkGroup` (`{"data": {key: value, …}, "tags": […]}`,
/// nested to any depth), a `Trial` (`times` and `gctimes` in ns, one per sample; `memory` in bytes and
/// `allocs` per evaluation; `params`) or a `TrialEstimate` (`time`, `gctime`, `memory`, `allocs`).
/// Type names may carry the `BenchmarkTools.` prefix of older versions.
///
/// A benchmark is named by its keys from the top group down, joined with `/` (`fib/20`); a trial saved
/// on its own is named after the file. `time` (ns, lower is better) holds every sample of `times`;
/// `gctime` (ns, lower), `memory` (B, lower) and `allocs` (lower) are read too. A value of no known type,
/// or a sample that is not a number, is skipped with its JSON path. The versions are the fingerprint's
/// `julia.version` and `benchmark.version`.
enum JuliaBenchmarkToolsAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.juliaBenchmarkTools

    static func recognize(_ value: JSONValue) -> String? {
        guard case .array(let items) = value, items.count == 2, let versions = items[0].objectMembers,
              versions.contains(where: { $0.0 == "BenchmarkTools" }), case .array = items[1] else { return nil }
        return "a `{\"Julia\", \"BenchmarkTools\"}` versions object and saved values (BenchmarkTools JSON)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        let parts = try root.array()
        guard parts.count == 2 else { throw root.error("expected `[versions, values]`") }
        var fields: [String: String] = [:]
        if let julia = parts[0].child("Julia")?.scalarText { fields["julia.version"] = julia }
        if let tools = parts[0].child("BenchmarkTools")?.scalarText {
            fields["benchmark.version"] = tools
            collector.variant = "BenchmarkTools \(tools)"
        }
        if !fields.isEmpty { collector.fingerprint = Fingerprint(fields: fields) }
        let values = try parts[1].array()
        let stem = request.path.split(separator: "/").last.map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : String($0) } ?? ""
        for (index, value) in values.enumerated() {
            read(value, name: values.count == 1 ? [] : ["\(index + 1)"], fallback: stem, into: &collector)
        }
        return collector.contents
    }

    /// Reads one `[type, fields]` value, whose keys from the top are `name`.
    static func read(_ value: JSONCursor, name: [String], fallback: String, into collector: inout ArtifactContents.Collector) {
        guard let pair = value.elements, pair.count == 2, var type = pair[0].value.stringValue, pair[1].members != nil else {
            collector.skip("\(value.path): not a `[type, fields]` value of BenchmarkTools")
            return
        }
        if type.hasPrefix("BenchmarkTools.") { type.removeFirst("BenchmarkTools.".count) }
        let fields = pair[1]
        let benchmark = name.isEmpty ? fallback : name.joined(separator: "/")
        switch type {
        case "BenchmarkGroup":
            guard let data = fields.child("data")?.members else {
                collector.skip("\(fields.path).data: not an object of benchmarks")
                return
            }
            for (key, child) in data { read(child, name: name + [key], fallback: fallback, into: &collector) }
        case "Trial":
            collector.record(failed: nil)
            addSamples(fields.child("times"), benchmark: benchmark, metric: "time", unit: "ns", into: &collector)
            addSamples(fields.child("gctimes"), benchmark: benchmark, metric: "gctime", unit: "ns", into: &collector)
            addValue(fields.child("memory"), benchmark: benchmark, metric: "memory", unit: "B", into: &collector)
            addValue(fields.child("allocs"), benchmark: benchmark, metric: "allocs", unit: "", into: &collector)
        case "TrialEstimate":
            collector.record(failed: nil)
            addValue(fields.child("time"), benchmark: benchmark, metric: "time", unit: "ns", into: &collector)
            addValue(fields.child("gctime"), benchmark: benchmark, metric: "gctime", unit: "ns", into: &collector)
            addValue(fields.child("memory"), benchmark: benchmark, metric: "memory", unit: "B", into: &collector)
            addValue(fields.child("allocs"), benchmark: benchmark, metric: "allocs", unit: "", into: &collector)
        default:
            collector.skip("\(pair[0].path): `\(type)` holds no measurements")
        }
    }

    static func addSamples(_ list: JSONCursor?, benchmark: String, metric: String, unit: String,
                           into collector: inout ArtifactContents.Collector) {
        guard let list else { return }
        guard let elements = list.elements else {
            collector.skip("\(list.path): not a list of samples")
            return
        }
        for element in elements {
            guard let sample = element.value.numberValue else {
                collector.skip("\(element.path): not a number")
                continue
            }
            collector.add(sample, benchmark: benchmark, metric: metric, unit: unit, direction: .lowerIsBetter)
        }
    }

    static func addValue(_ value: JSONCursor?, benchmark: String, metric: String, unit: String,
                         into collector: inout ArtifactContents.Collector) {
        guard let value else { return }
        guard let number = value.value.numberValue else {
            collector.skip("\(value.path): not a number")
            return
        }
        collector.add(number, benchmark: benchmark, metric: metric, unit: unit, direction: .lowerIsBetter)
    }
}
