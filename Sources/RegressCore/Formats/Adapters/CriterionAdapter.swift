/// criterion.rs, from `target/criterion/<id>/new/estimates.json`: the point estimates of `mean`,
/// `median`, `median_abs_dev`, `slope` and `std_dev` (nanoseconds, lower is better); the per-iteration
/// times of `sample.json` beside it (`times[i] / iters[i]`) as the samples of `time`; the id from
/// `../benchmark.json` (`full_id`), else the folders between `criterion/` and `/new/`.
/// `base/` and `change/` hold criterion's own previous run and comparison, and are not read.
enum CriterionAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.criterion
    static let estimates = ["mean", "median", "median_abs_dev", "slope", "std_dev"]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["mean"]?["point_estimate"] != nil, value["median"]?["point_estimate"] != nil else { return nil }
        return "`mean` and `median` estimates with `point_estimate` (criterion's estimates.json)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        let name = try benchmarkName(request)
        collector.record(failed: nil)
        if let bytes = request.sibling(request.folder + "sample.json") {
            let samplePath = request.folder + "sample.json"
            let sample = JSONCursor(try ArtifactReader.parseJSON(ReadRequest(bytes: bytes, path: samplePath)), file: samplePath)
            let iters = try sample.required("iters").numbers()
            let times = try sample.required("times").numbers()
            guard iters.count == times.count else { throw sample.error("`iters` and `times` differ in length") }
            for (count, total) in zip(iters, times) where count > 0 {
                collector.add(total / count, benchmark: name, metric: "time", unit: "ns", direction: .lowerIsBetter)
            }
        }
        for field in estimates {
            guard let estimate = root.child(field), !estimate.isNull else { continue }
            collector.add(try estimate.required("point_estimate").number(), benchmark: name, metric: field, unit: "ns", direction: .lowerIsBetter)
        }
        return collector.contents
    }

    static func benchmarkName(_ request: ReadRequest) throws -> String {
        var folder = request.folder
        if folder.hasSuffix("new/") { folder.removeLast("new/".count) }
        if let bytes = request.sibling(folder + "benchmark.json"),
           let id = (try? JSONParser.parse(bytes))?["full_id"]?.stringValue {
            return id
        }
        var parts = request.path.split(separator: "/").map(String.init)
        parts.removeLast()
        if parts.last == "new" { parts.removeLast() }
        if let start = parts.lastIndex(of: "criterion") { parts = Array(parts[(start + 1)...]) }
        return parts.joined(separator: "/")
    }
}
