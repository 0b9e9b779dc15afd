/// package-benchmark (ordo-one) baselines, `.benchmarkBaselines/<target>/<name>/results.json` (or
/// `<host>.results.json`): `machine` becomes the fingerprint; `results` alternates a benchmark id
/// (`target`, `name`) and its list of metric results, each holding an HdrHistogram of the measured
/// values. The histogram is decoded into its recorded values (each value's median-equivalent, repeated
/// by its count; above 1,000 values, 1,000 evenly spaced order statistics), which are the samples. Time
/// metrics are recorded in nanoseconds and shown in the result's `timeUnits`: a name (`microseconds`) in
/// later releases, a number (1,000,000,000 for ns, 1,000,000 for µs, 1,000 for ms, 1 for s) in earlier
/// ones. A metric is `{"wallClock": {}}`, `{"custom": {"_0": name, "polarity": …}}` or the name itself.
/// The first releases stored `percentiles` (alternating percentile and value, in `timeUnits`) instead
/// of a histogram: their p50 is the one sample. `prefersLarger` (or a custom metric's polarity) gives
/// the direction. A result that cannot be read is skipped with its JSON path; the rest is read.
/// Its `jsonSmallerIsBetter`/`jsonBiggerIsBetter` exports are read as github-action-benchmark JSON and
/// its `jmh` export as JMH. Static threshold files (`Thresholds/<target>.<name>.p90.json`: metric
/// names and their p90 values) are expectations a run is checked against, not runs.
enum PackageBenchmarkAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.packageBenchmark
    static let timeMetrics: Set<String> = ["wallClock", "cpuUser", "cpuSystem", "cpuTotal", "instructions_time"]
    static let memoryMetrics: Set<String> = ["peakMemoryResident", "peakMemoryResidentDelta", "peakMemoryVirtual", "memoryLeaked",
                                             "allocatedResidentMemory", "mallocBytesCount"]
    /// Every metric package-benchmark has named, for telling its threshold files by content.
    static let metricNames: Set<String> = timeMetrics.union(memoryMetrics).union([
        "throughput", "mallocCountTotal", "mallocCountSmall", "mallocCountLarge", "freeCountTotal", "syscalls", "contextSwitches",
        "threads", "threadsRunning", "readSyscalls", "writeSyscalls", "readBytesLogical", "writeBytesLogical", "readBytesPhysical",
        "writeBytesPhysical", "instructions", "objectAllocCount", "retainCount", "releaseCount", "retainReleaseDelta",
    ])
    static let units: [String: String] = [
        "nanoseconds": "ns", "microseconds": "us", "milliseconds": "ms", "seconds": "s", "kiloseconds": "ks", "megaseconds": "Ms",
        "automatic": "ns",
    ]
    /// `timeUnits` as the earlier releases wrote it: the raw value of their `BenchmarkTimeUnits: Int`.
    static let numericUnits: [Double: String] = [1_000_000_000: "ns", 1_000_000: "us", 1_000: "ms", 1: "s", 2: "ns"]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["baselineName"] != nil, value["machine"]?.objectMembers != nil, case .array? = value["results"] else { return nil }
        return "`baselineName`, `machine` and `results` (a package-benchmark baseline)"
    }

    /// A static thresholds file: by its name (`Thresholds/…`, `*.p90.json`) or by keys that are all
    /// package-benchmark metric names (one of them camel case), with numbers (or objects of numbers) as values.
    static func companion(_ value: JSONValue, request: ReadRequest) -> ReadResult? {
        guard let members = value.objectMembers, !members.isEmpty,
              members.allSatisfy({ $0.1.numberValue != nil || $0.1.objectMembers?.allSatisfy { $0.1.numberValue != nil } == true })
        else { return nil }
        let file = request.path.split(separator: "/").last.map(String.init) ?? request.path
        let named = file.hasSuffix(".p90.json") || request.path.split(separator: "/").dropLast().last == "Thresholds"
        // By content alone: every key a metric name, one of them package-benchmark's own camel case
        // (`wallClock`), not only words any JSON may use (`throughput`, `instructions`).
        guard named || members.allSatisfy({ metricNames.contains($0.0) }) && members.contains(where: { $0.0.contains(where: \.isUppercase) })
        else { return nil }
        let benchmark = file.hasSuffix(".p90.json") ? " of `\(file.dropLast(".p90.json".count))`" : ""
        let listed = members.prefix(4).map { name, threshold in
            "\(name) \(threshold.numberValue.map { NumberFormat.value($0) } ?? "{…}")"
        }.joined(separator: ", ") + (members.count > 4 ? ", …" : "")
        return .notARun(.packageBenchmark, .thresholds,
                        reason: "metric names with p90 values (\(listed)): package-benchmark's static thresholds\(benchmark), " +
                            "expectations a run is checked against, not a run")
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(try root.required("machine"))
        let items = try root.required("results").array()
        guard items.count % 2 == 0 else { throw root.child("results")!.error("expected benchmark ids and result lists in pairs") }
        var layouts: Set<String> = []
        for pair in stride(from: 0, to: items.count, by: 2) {
            let id = items[pair]
            guard let name = id.child("name")?.value.stringValue else {
                collector.drop("\(id.path): a benchmark id without `name`, its results not read")
                continue
            }
            let benchmark = id.child("target")?.value.stringValue.map { "\($0)/\(name)" } ?? name
            collector.record(failed: nil)
            guard let results = items[pair + 1].elements else {
                collector.drop("\(items[pair + 1].path): not a list of results, not read")
                continue
            }
            for result in results {
                do {
                    try read(result, benchmark: benchmark, into: &collector, layouts: &layouts)
                } catch let error as ArtifactError {
                    guard case .malformed(_, let location, let reason) = error else { throw error }
                    collector.drop("\(location): \(reason), result not read")
                }
            }
        }
        collector.variant = layouts.sorted().joined(separator: "; ")
        if collector.variant?.isEmpty == true { collector.variant = nil }
        return collector.contents
    }

    /// One metric's result: its histogram's values (or the oldest releases' p50), in its unit.
    static func read(_ result: JSONCursor, benchmark: String, into collector: inout ArtifactContents.Collector,
                     layouts: inout Set<String>) throws {
        let (metric, polarity) = try metricName(try result.required("metric"))
        let timeUnits = result.child("timeUnits")
        var unit = ""
        var values: [Double]
        var recordedIn = "ns"
        if let text = timeUnits?.value.stringValue {
            layouts.insert("`timeUnits` as names")
            recordedIn = units[text] ?? "ns"
        } else if let number = timeUnits?.value.numberValue {
            layouts.insert("`timeUnits` as numbers")
            recordedIn = numericUnits[number] ?? "ns"
        }
        var prefersLarger = polarity
        if let statistics = result.child("statistics") {
            if case .bool(let flag)? = statistics.value["prefersLarger"] { prefersLarger = flag }
            values = try histogramValues(try statistics.required("histogram"))
            if timeMetrics.contains(metric) {
                unit = recordedIn
                let factor = UnitConversion.factor(from: "ns", to: unit) ?? 1
                values = values.map { $0 * factor }
            }
        } else {
            layouts.insert("`percentiles` without a histogram (the first releases)")
            values = [try median(of: try result.required("percentiles"))]
            if timeMetrics.contains(metric) { unit = recordedIn }
        }
        if memoryMetrics.contains(metric) {
            unit = "B"
        } else if metric == "throughput" {
            unit = "ops/s"
            prefersLarger = true
        }
        for value in values {
            collector.add(value, benchmark: benchmark, metric: metric, unit: unit, direction: prefersLarger ? .higherIsBetter : .lowerIsBetter)
        }
    }

    /// The p50 of a `percentiles` list of alternating percentile (`2`, or `"p50"`) and value, or of an
    /// object keyed by percentile.
    static func median(of percentiles: JSONCursor) throws -> Double {
        if let members = percentiles.members {
            guard let value = members.first(where: { $0.0 == "p50" || $0.0 == "2" })?.1 else { throw percentiles.error("no p50") }
            return try value.number()
        }
        let items = try percentiles.array()
        for index in stride(from: 0, to: items.count - 1, by: 2) {
            let key = items[index].value
            if key.numberValue == 2 || key.stringValue == "p50" { return try items[index + 1].number() }
        }
        throw percentiles.error("no p50")
    }

    /// `{"wallClock": {}}`, `{"custom": {"_0": "name", "polarity": {"prefersLarger": {}}}}` or `"wallClock"`,
    /// with whether the metric says larger is better.
    static func metricName(_ metric: JSONCursor) throws -> (String, Bool) {
        if let name = metric.value.stringValue { return (name, name == "throughput") }
        guard let (key, payload) = try metric.object().first else { throw metric.error("an empty metric") }
        if key == "custom", let name = payload.child("_0")?.scalarText {
            return (name, payload.child("polarity")?.value["prefersLarger"] != nil)
        }
        return (key, key == "throughput")
    }

    /// The values an HdrHistogram recorded, decoded from its counts.
    static func histogramValues(_ histogram: JSONCursor) throws -> [Double] {
        let counts = try histogram.required("counts").numbers()
        let halfMagnitude = Int(try histogram.required("subBucketHalfCountMagnitude").number())
        let unitMagnitude = Int(try histogram.required("unitMagnitude").number())
        let subBucketMask = UInt64(try histogram.required("subBucketMask").number())
        let leadingZeroCountBase = Int(try histogram.required("leadingZeroCountBase").number())
        guard (0...62).contains(halfMagnitude), (0...62).contains(unitMagnitude) else {
            throw histogram.error("histogram layout out of range")
        }
        let subBucketHalfCount = 1 << halfMagnitude
        let subBucketCount = subBucketHalfCount * 2
        var pairs: [(Double, Int)] = []
        var total = 0
        for (index, count) in counts.enumerated() where count > 0 {
            var bucketIndex = (index >> halfMagnitude) - 1
            var subBucketIndex = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
            if bucketIndex < 0 {
                subBucketIndex -= subBucketHalfCount
                bucketIndex = 0
            }
            let value = UInt64(subBucketIndex) << UInt64(bucketIndex + unitMagnitude)
            // The range of values this index stands for: its median-equivalent is the sample.
            let valueBucket = leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount
            let valueSubBucket = Int(value >> UInt64(valueBucket + unitMagnitude))
            let rangeSize = UInt64(1) << UInt64(unitMagnitude + valueBucket + (valueSubBucket >= subBucketCount ? 1 : 0))
            pairs.append((Double(value) + Double(rangeSize / 2), Int(count)))
            total += Int(count)
        }
        guard total > BaselineFile.sampleCap else { return pairs.flatMap { Array(repeating: $0.0, count: $0.1) } }
        // Evenly spaced order statistics of the recorded values.
        var values: [Double] = []
        var cumulative = 0
        var pairIndex = 0
        for k in 0..<BaselineFile.sampleCap {
            let rank = Int((Double(k) * Double(total - 1) / Double(BaselineFile.sampleCap - 1)).rounded())
            while cumulative + pairs[pairIndex].1 <= rank {
                cumulative += pairs[pairIndex].1
                pairIndex += 1
            }
            values.append(pairs[pairIndex].0)
        }
        return values
    }

    static func fingerprint(_ machine: JSONCursor) -> Fingerprint {
        var fields: [String: String] = [:]
        if let value = machine.child("processors")?.scalarText { fields["cpu.logical_cores"] = value }
        if let value = machine.child("processorType")?.scalarText { fields["cpu.architecture"] = value }
        if let value = machine.child("memory")?.scalarText { fields["memory.total_gb"] = value }
        if let value = machine.child("kernelVersion")?.scalarText { fields["os.kernel"] = value }
        if let value = machine.child("hostname")?.scalarText { fields["host.name"] = value }
        return Fingerprint(fields: fields)
    }
}
