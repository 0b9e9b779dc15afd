/// pytest-benchmark `--benchmark-json` (and `.benchmarks/*/*.json` saves): `machine_info` becomes the
/// fingerprint, each of `benchmarks[]` is keyed by `fullname`. `stats.data`, saved with
/// `--benchmark-save-data`, holds the raw samples: they are the metric `time`, and the summary
/// statistics pytest-benchmark computed from them are not read again as metrics of their own (each
/// would judge the same samples a second time, as one noisy value; a policy's `aggregate` picks the
/// statistic to compare). Without raw samples, `stats` gives `min`, `max`, `mean`, `stddev`, `median`,
/// `iqr` (seconds, lower is better), `ops` (higher is better) and `rounds`. When `stats.data` holds
/// anything that is not a number (a hand-cut or truncated file), its samples are dropped with a notice
/// naming the JSON path, and the summary statistics stand for the benchmark; a summary statistic that
/// is not a number is skipped the same way.
enum PytestBenchmarkAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.pytestBenchmark
    static let timeStats = ["min", "max", "mean", "stddev", "median", "iqr"]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["machine_info"] != nil, case .array(let items)? = value["benchmarks"],
              items.allSatisfy(isRecord) else { return nil }
        return reason
    }

    static let reason = "`machine_info` and `benchmarks[]` records with `stats`"

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = root.child("machine_info").map(fingerprint)
        for record in try root.required("benchmarks").array() {
            try read(record, into: &collector)
        }
        return collector.contents
    }

    /// True for a value that can be one of `benchmarks[]`.
    static func isRecord(_ value: JSONValue) -> Bool {
        value["stats"]?.objectMembers != nil
    }

    /// What `recognize` and `read` make of a document, read one record at a time (see `RecordStream`):
    /// nil when it is not in this format or might be in one detection tries first.
    static func stream(_ bytes: [UInt8], path: String) throws -> ArtifactContents? {
        var collector = ArtifactContents.Collector()
        guard let document = try RecordStream.read(bytes, path: path, list: "benchmarks", header: "machine_info",
                                                   otherFormats: ["entries", "context"], isRecord: isRecord,
                                                   read: { try read($0, into: &collector) }),
              let machine = document.header else { return nil }
        collector.fingerprint = fingerprint(JSONCursor(machine, path: "machine_info", file: path))
        return collector.contents
    }

    /// Reads one of `benchmarks[]`.
    static func read(_ record: JSONCursor, into collector: inout ArtifactContents.Collector) throws {
        let name = try (record.child("fullname") ?? record.required("name")).string()
        let stats = try record.required("stats")
        collector.record(failed: nil)
        if let data = stats.child("data"), let samples = rawSamples(data, collector: &collector), !samples.isEmpty {
            collector.add(samples, benchmark: name, metric: "time", unit: "s", direction: .lowerIsBetter)
            return
        }
        for field in timeStats {
            if let value = summary(stats, field, collector: &collector) {
                collector.add(value, benchmark: name, metric: field, unit: "s", direction: .lowerIsBetter)
            }
        }
        if let ops = summary(stats, "ops", collector: &collector) {
            collector.add(ops, benchmark: name, metric: "ops", unit: "ops/s", direction: .higherIsBetter)
        }
        if let rounds = summary(stats, "rounds", collector: &collector) {
            collector.add(rounds, benchmark: name, metric: "rounds", unit: "", direction: .unknown)
        }
    }

    /// The samples of `stats.data`, or nil (with a notice naming the first value that is not a number)
    /// when the list is not all numbers.
    static func rawSamples(_ data: JSONCursor, collector: inout ArtifactContents.Collector) -> [Double]? {
        guard case .array(let items) = data.value else {
            collector.drop("\(data.path): not a list, samples dropped; the summary statistics are read")
            return nil
        }
        // The values as they are; a cursor, to name a value's place, only for one that is no number.
        var values: [Double] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .number(let value) = item else {
                let path = data.elements.map { $0[index].path } ?? data.path
                collector.drop("\(path): not a number, so \(data.path) (\(items.count) value\(items.count == 1 ? "" : "s")) is dropped; " +
                               "the summary statistics are read")
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// A summary statistic; nil when absent or null, and, with a notice, when it is not a number.
    static func summary(_ stats: JSONCursor, _ field: String, collector: inout ArtifactContents.Collector) -> Double? {
        guard let value = stats.child(field), !value.isNull else { return nil }
        guard case .number(let number) = value.value else {
            collector.drop("\(value.path): not a number, not read")
            return nil
        }
        return number
    }

    static func fingerprint(_ info: JSONCursor) -> Fingerprint {
        var fields: [String: String] = [:]
        if let model = info.child("cpu")?.child("brand_raw")?.scalarText { fields["cpu.model"] = model }
        if let count = info.child("cpu")?.child("count")?.scalarText { fields["cpu.logical_cores"] = count }
        if let vendor = info.child("cpu")?.child("vendor_id_raw")?.scalarText { fields["cpu.vendor"] = vendor }
        if let machine = info.child("machine")?.scalarText { fields["cpu.architecture"] = machine }
        if let system = info.child("system")?.scalarText { fields["os.name"] = system }
        if let release = info.child("release")?.scalarText { fields["os.kernel"] = release }
        if let python = info.child("python_implementation")?.scalarText, let version = info.child("python_version")?.scalarText {
            fields["python.version"] = "\(python) \(version)"
        }
        return Fingerprint(fields: fields)
    }
}
