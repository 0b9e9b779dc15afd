/// package-benchmark (ordo-one) baselines, `.benchmarkBaselines/<target>/<name>/results.json`:
/// `machine` becomes the fingerprint; `results` alternates a benchmark id (`target`, `name`) and its
/// list of metric results, each holding an HdrHistogram of the measured values. The histogram is
/// decoded into its recorded values (each value's median-equivalent, repeated by its count; above
/// 1,000 values, 1,000 evenly spaced order statistics), which are the samples. Time metrics are
/// recorded in nanoseconds and shown in the result's `timeUnits`; `prefersLarger` gives the direction.
/// Its `jsonSmallerIsBetter`/`jsonBiggerIsBetter` exports are read as github-action-benchmark JSON and
/// its `jmh` export as JMH.
enum PackageBenchmarkAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.packageBenchmark
    static let timeMetrics: Set<String> = ["wallClock", "cpuUser", "cpuSystem", "cpuTotal", "instructions_time"]
    static let memoryMetrics: Set<String> = ["peakMemoryResident", "peakMemoryResidentDelta", "peakMemoryVirtual", "memoryLeaked",
                                             "allocatedResidentMemory"]
    static let units: [String: String] = [
        "nanoseconds": "ns", "microseconds": "us", "milliseconds": "ms", "seconds": "s",
    ]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["baselineName"] != nil, value["machine"]?.objectMembers != nil, case .array? = value["results"] else { return nil }
        return "`baselineName`, `machine` and `results` (a package-benchmark baseline)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(try root.required("machine"))
        let items = try root.required("results").array()
        guard items.count % 2 == 0 else { throw root.child("results")!.error("expected benchmark ids and result lists in pairs") }
        for pair in stride(from: 0, to: items.count, by: 2) {
            let id = items[pair]
            let name = try id.required("name").string()
            let target = try id.child("target")?.string()
            let benchmark = target.map { "\($0)/\(name)" } ?? name
            collector.record(failed: nil)
            for result in try items[pair + 1].array() {
                let metric = try metricName(try result.required("metric"))
                let statistics = try result.required("statistics")
                let prefersLarger: Bool
                if case .bool(let flag)? = statistics.value["prefersLarger"] { prefersLarger = flag } else { prefersLarger = false }
                var values = try histogramValues(try statistics.required("histogram"))
                var unit = ""
                if timeMetrics.contains(metric) {
                    unit = units[try result.child("timeUnits")?.string() ?? "nanoseconds"] ?? "ns"
                    let factor = UnitConversion.factor(from: "ns", to: unit) ?? 1
                    values = values.map { $0 * factor }
                } else if memoryMetrics.contains(metric) {
                    unit = "B"
                } else if metric == "throughput" {
                    unit = "ops/s"
                }
                for value in values {
                    collector.add(value, benchmark: benchmark, metric: metric, unit: unit,
                                  direction: prefersLarger ? .higherIsBetter : .lowerIsBetter)
                }
            }
        }
        return collector.contents
    }

    /// `{"wallClock": {}}`, or `{"custom": {"_0": "name", ...}}` for a custom metric.
    static func metricName(_ metric: JSONCursor) throws -> String {
        guard let (key, payload) = try metric.object().first else { throw metric.error("an empty metric") }
        if key == "custom", let name = payload.child("_0")?.scalarText { return name }
        return key
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
