/// criterion.rs, from `target/criterion/<id>/new/estimates.json` (criterion 0.3 on) or
/// `.criterion/<id>/new/estimates.json` (0.2 and earlier): the per-iteration times of `sample.json`
/// beside it (`times[i] / iters[i]`) as the samples of `time`, from its `{"sampling_mode", "iters",
/// "times"}` object (0.3 on) or `[iters, times]` pair (before). The estimates are criterion's
/// statistics of those samples, so they are read as metrics only when no sample is: the point
/// estimates of `mean`, `median`, `median_abs_dev`, `slope` and `std_dev` (nanoseconds, lower is
/// better), keyed in lower case since 0.3 and `Mean`, `Median`, `MedianAbsDev`, `Slope`, `StdDev`
/// before. The id comes from `../benchmark.json` (`full_id`), else the folders between `criterion/`
/// and `/new/`.
///
/// A `sample.json` read on its own is a run of `time` (the `[iters, times]` pair of 0.2 by its name). `change/estimates.json` (only `mean` and
/// `median`) is criterion's own comparison of the run with its previous one, `benchmark.json` and
/// `tukey.json` describe the benchmark and its sample: none of them is a run. An estimate or sample
/// that is not a number is skipped with its JSON path; the rest is read.
enum CriterionAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.criterion
    /// Each estimate's name, and its key in criterion 0.2 and earlier.
    static let estimates: [(name: String, old: String)] = [
        ("mean", "Mean"), ("median", "Median"), ("median_abs_dev", "MedianAbsDev"), ("slope", "Slope"), ("std_dev", "StdDev"),
    ]

    static func recognize(_ value: JSONValue) -> String? {
        if value["mean"]?["point_estimate"] != nil, value["median"]?["point_estimate"] != nil {
            return "`mean` and `median` estimates with `point_estimate` (criterion's estimates.json)"
        }
        if value["Mean"]?["point_estimate"] != nil, value["Median"]?["point_estimate"] != nil {
            return "`Mean` and `Median` estimates with `point_estimate` (the estimates.json of criterion 0.2 and earlier)"
        }
        if isSampleObject(value) { return "`iters` and `times` lists (criterion's sample.json)" }
        return nil
    }

    static func companion(_ value: JSONValue, request: ReadRequest) -> ReadResult? {
        let name = request.path.split(separator: "/").last.map(String.init) ?? request.path
        if let members = value.objectMembers, !members.isEmpty,
           Set(members.map(\.0)) == ["mean", "median"] || Set(members.map(\.0)) == ["Mean", "Median"],
           members.allSatisfy({ $0.1["point_estimate"] != nil }) {
            return .notARun(.criterion, .metadata, reason: "only `mean` and `median` estimates (criterion's change/estimates.json): " +
                            "criterion's own comparison of this run with its previous one, relative changes, not a run")
        }
        if value["full_id"]?.stringValue != nil, value["directory_name"] != nil || value["group_id"] != nil {
            return .notARun(.criterion, .metadata, reason: "`full_id` and `directory_name` (criterion's benchmark.json): " +
                            "the id of the benchmark whose estimates are beside it, no measurements")
        }
        if name == "sample.json", case .array(let pair) = value, pair.count == 2,
           pair.allSatisfy({ if case .array(let items) = $0 { return items.allSatisfy { $0.numberValue != nil } } else { return false } }) {
            var collector = ArtifactContents.Collector()
            collector.variant = "sample.json of criterion 0.2 and earlier"
            collector.record(failed: nil)
            addSamples(JSONCursor(value, file: request.path), name: (try? benchmarkName(request)) ?? name, to: &collector)
            return ReadResult(format: .criterion, reason: "an [iters, times] pair of number lists in a file named sample.json " +
                              "(the sample.json of criterion 0.2 and earlier)", contents: collector.contents)
        }
        if name == "tukey.json", case .array(let fences) = value, fences.count == 4, fences.allSatisfy({ $0.numberValue != nil }) {
            return .notARun(.criterion, .metadata, reason: "four numbers in a file named tukey.json (criterion's Tukey fences): " +
                            "the outlier bounds of the sample beside it, no measurements")
        }
        return nil
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        let name = try benchmarkName(request)
        collector.record(failed: nil)
        if isSampleObject(root.value) {
            collector.variant = "sample.json of criterion 0.3 and later"
            addSamples(root, name: name, to: &collector)
            return collector.contents
        }
        let old = root.child("mean") == nil
        collector.variant = old ? "estimates of criterion 0.2 and earlier" : "estimates of criterion 0.3 and later"
        let samplePath = request.folder + "sample.json"
        if let bytes = request.sibling(samplePath) {
            do {
                let sample = JSONCursor(try ArtifactReader.parseJSON(ReadRequest(bytes: bytes, path: samplePath)), path: "sample.json",
                                        file: samplePath)
                if addSamples(sample, name: name, to: &collector) { return collector.contents }
            } catch let error as ArtifactError {
                collector.drop("sample.json does not parse (\(error.localizedDescription)): no samples, the estimates are read")
            }
        }
        for (field, oldField) in estimates {
            guard let estimate = root.child(old ? oldField : field), !estimate.isNull else { continue }
            guard let point = estimate.child("point_estimate"), case .number(let value) = point.value else {
                collector.drop("\(estimate.path).point_estimate: not a number, estimate not read")
                continue
            }
            collector.add(value, benchmark: name, metric: field, unit: "ns", direction: .lowerIsBetter)
        }
        return collector.contents
    }

    /// `{"sampling_mode", "iters", "times"}` of criterion 0.3 on.
    static func isSampleObject(_ value: JSONValue) -> Bool {
        guard case .array? = value["iters"], case .array? = value["times"] else { return false }
        return value.objectMembers?.allSatisfy { ["iters", "times", "sampling_mode"].contains($0.0) } ?? false
    }

    /// The per-iteration times of a sample (`times[i] / iters[i]`), from its object or `[iters, times]`
    /// pair; a sample that cannot be read is skipped with its JSON path and why. True when at least one
    /// sample was added.
    @discardableResult
    static func addSamples(_ sample: JSONCursor, name: String, to collector: inout ArtifactContents.Collector) -> Bool {
        let iters: JSONCursor, times: JSONCursor
        if let object = sample.child("iters"), let list = sample.child("times") {
            (iters, times) = (object, list)
        } else if let pair = sample.elements, pair.count == 2 {
            (iters, times) = (pair[0], pair[1])
        } else {
            collector.drop("\(sample.path): neither `iters` and `times` nor an [iters, times] pair: no samples")
            return false
        }
        guard let counts = iters.elements, let totals = times.elements, counts.count == totals.count else {
            collector.drop("\(sample.path): iters and times are not lists of one length: no samples")
            return false
        }
        var added = false
        for (count, total) in zip(counts, totals) {
            guard case .number(let n) = count.value, case .number(let t) = total.value, n > 0 else {
                let bad = (count.value.numberValue ?? 0) > 0 ? total.path : count.path
                collector.drop("\(bad): not a positive number, sample dropped")
                continue
            }
            collector.add(t / n, benchmark: name, metric: "time", unit: "ns", direction: .lowerIsBetter)
            added = true
        }
        return added
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
        if ["new", "base"].contains(parts.last) { parts.removeLast() }
        if let start = parts.lastIndex(where: { $0 == "criterion" || $0 == ".criterion" }) { parts = Array(parts[(start + 1)...]) }
        return parts.joined(separator: "/")
    }
}
