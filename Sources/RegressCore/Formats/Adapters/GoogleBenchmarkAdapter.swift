/// Google Benchmark `--benchmark_format=json` (or `--benchmark_out`): `context` describes the machine
/// (it becomes the run's fingerprint), `benchmarks[]` holds one record per run. Repetitions
/// (`run_type: iteration`) are the samples of their `run_name`; aggregates (`mean`, `median`,
/// `stddev`, `cv`) are not counted again. A run reported by its aggregates alone
/// (`--benchmark_report_aggregates_only`) is read from its `median` aggregate, else its `mean`: one
/// value per metric, under the metric names its repetitions would have. `real_time` and `cpu_time` are in the record's `time_unit`;
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

    static let reason = "a `context` object and `benchmarks[]` records with `real_time`/`run_type`"

    static func recognize(_ value: JSONValue) -> String? {
        guard value["context"]?.objectMembers != nil, case .array(let items)? = value["benchmarks"], items.allSatisfy(isRecord) else {
            return nil
        }
        return reason
    }

    /// True for a value that can be one of `benchmarks[]`.
    static func isRecord(_ value: JSONValue) -> Bool {
        value["name"] != nil && (value["real_time"] != nil || value["run_type"] != nil || value["error_occurred"] != nil)
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(try root.required("context"))
        var reading = RecordReading()
        for record in try root.required("benchmarks").array() {
            try read(record, into: &collector, reading: &reading)
        }
        try reading.flushMean(into: &collector)
        return collector.contents
    }

    /// What `recognize` and `read` make of a document, read one record at a time rather than built
    /// whole (a file of hundreds of thousands of records is then never held as a tree): nil when the
    /// document is not in this format or might be in a format detection tries first (a `data.js`
    /// history's `entries`). A record `read` would refuse is refused once the whole document is known
    /// to be in this format, as `read` would after `recognize`.
    static func stream(_ bytes: [UInt8], path: String) throws -> ArtifactContents? {
        var collector = ArtifactContents.Collector()
        var reading = RecordReading()
        var shapes = RecordShapes()
        guard let document = try RecordStream.read(bytes, path: path, list: "benchmarks", header: "context", otherFormats: ["entries"],
                                                   isRecord: { shapes.isRecord($0) }, read: { try read($0, into: &collector, reading: &reading) }),
              let context = document.header, context.objectMembers != nil else { return nil }
        try reading.flushMean(into: &collector)
        collector.fingerprint = fingerprint(JSONCursor(context, path: "context", file: path))
        return collector.contents
    }

    /// `isRecord`, which only asks which keys a record has, answered once for records in a row that
    /// have the same keys in the same order.
    struct RecordShapes {
        private var keys: [String] = []
        private var answer = false

        mutating func isRecord(_ value: JSONValue) -> Bool {
            guard case .object(let members) = value else { return GoogleBenchmarkAdapter.isRecord(value) }
            if members.count == keys.count, members.indices.allSatisfy({ members[$0].0 == keys[$0] }) { return answer }
            keys = members.map(\.0)
            answer = GoogleBenchmarkAdapter.isRecord(value)
            return answer
        }
    }

    /// What a member of a record is for.
    enum FieldRole: Equatable {
        case name, runName, runType, aggregateName, timeUnit, errorMessage, skipped, errorOccurred
        /// `real_time` and `cpu_time`, in the record's `time_unit`.
        case time
        /// A metric in a unit and direction of its own; a user counter is one only when it is a number.
        case metric(unit: String, direction: Direction, counter: Bool)
        /// Another standard field: not a metric.
        case other

        init(_ key: String) {
            switch key {
            case "name": self = .name
            case "run_name": self = .runName
            case "run_type": self = .runType
            case "aggregate_name": self = .aggregateName
            case "time_unit": self = .timeUnit
            case "error_message": self = .errorMessage
            case "skipped": self = .skipped
            case "error_occurred": self = .errorOccurred
            case "real_time", "cpu_time": self = .time
            case "bytes_per_second": self = .metric(unit: "B/s", direction: .higherIsBetter, counter: false)
            case "items_per_second": self = .metric(unit: "items/s", direction: .higherIsBetter, counter: false)
            case _ where standardFields.contains(key): self = .other
            default:
                let inferred = MetricInference.infer(key)
                self = .metric(unit: inferred.unit, direction: inferred.direction, counter: true)
            }
        }
    }

    /// What reading the records of one document has learned: the records of a file list the same
    /// fields in the same order, and the repetitions of a benchmark follow each other, so each
    /// member's role, and where its measurement is, are worked out once rather than per record.
    struct RecordReading {
        var keys: [String] = []
        var roles: [FieldRole] = []
        /// The benchmark the positions are of.
        var benchmark: String?
        /// Per member, the position of its measurement in the collector, once it has one.
        var positions: [Int?] = []
        /// The runs that had repetitions (`run_type: iteration`), whose aggregates are not read.
        var repeated: Set<String> = []
        /// The `mean` aggregate of a run reported without its repetitions, kept until it is known
        /// whether a `median` of the same run follows (Google Benchmark writes the mean first).
        var pendingMean: (run: String, record: JSONCursor)?

        /// Reads the pending `mean` as its run's values: no `median` came for that run.
        mutating func flushMean(into collector: inout ArtifactContents.Collector) throws {
            guard let pending = pendingMean else { return }
            pendingMean = nil
            try GoogleBenchmarkAdapter.read(pending.record, into: &collector, reading: &self, aggregateAsValues: true)
        }

        mutating func learn(_ members: [(String, JSONValue)]) {
            if keys.count != members.count {
                keys = members.map(\.0)
                roles = keys.map(FieldRole.init)
                positions = Array(repeating: nil, count: keys.count)
                return
            }
            for index in members.indices where keys[index] != members[index].0 {
                keys[index] = members[index].0
                roles[index] = FieldRole(keys[index])
                positions[index] = nil
            }
        }

        mutating func reading(benchmark name: String) {
            guard benchmark != name else { return }
            benchmark = name
            for index in positions.indices { positions[index] = nil }
        }
    }

    /// Reads one of `benchmarks[]`. Its members are gone through by their roles; a cursor, which
    /// knows the member's place in the document, is made only to say what is wrong with one.
    /// `aggregateAsValues` reads an aggregate record as its run's values.
    static func read(_ record: JSONCursor, into collector: inout ArtifactContents.Collector, reading: inout RecordReading,
                     aggregateAsValues: Bool = false) throws {
        guard case .object(let members) = record.value else {
            _ = try record.required("name")  // what a record that is no object lacks first
            return
        }
        reading.learn(members)
        var name: JSONValue?, runName: JSONValue?, runType: JSONValue?, aggregateName: JSONValue?, timeUnit: JSONValue?, errorMessage: JSONValue?
        var skipped = false, errorOccurred = false
        for index in members.indices {
            switch reading.roles[index] {
            case .name: name = members[index].1
            case .runName: runName = members[index].1
            case .runType: runType = members[index].1
            case .aggregateName: aggregateName = members[index].1
            case .timeUnit: timeUnit = members[index].1
            case .errorMessage: errorMessage = members[index].1
            case .skipped: skipped = members[index].1 == .bool(true)
            case .errorOccurred: errorOccurred = members[index].1 == .bool(true)
            case .time, .metric, .other: break
            }
        }
        func text(_ value: JSONValue?, _ key: String) throws -> String? {
            guard let value else { return nil }
            guard case .string(let text) = value else { throw try record.required(key).error("expected text") }
            return text
        }
        guard let benchmark = try text(name, "name") else {
            _ = try record.required("name")
            return
        }
        let runNameText = try text(runName, "run_name") ?? benchmark
        if let pending = reading.pendingMean, pending.run != runNameText {
            try reading.flushMean(into: &collector)
            reading.learn(members)  // the record just read had members of its own
        }
        if try text(runType, "run_type") == "aggregate", !aggregateAsValues {
            if reading.repeated.contains(runNameText) {
                collector.skip("aggregate not counted again as samples")
                return
            }
            switch try text(aggregateName, "aggregate_name") {
            case "median":
                reading.pendingMean = nil  // the median stands for the run
            case "mean":
                reading.pendingMean = (runNameText, record)
                return
            default:
                collector.skip("aggregate of a run reported without its repetitions, other than its median or mean: not read")
                return
            }
        } else if !aggregateAsValues, reading.benchmark != runNameText {
            reading.repeated.insert(runNameText)
        }
        if skipped {
            collector.skip("skipped by the harness")
            return
        }
        let unit = try text(timeUnit, "time_unit") ?? "ns"
        var error: String?
        if errorOccurred {
            error = try text(errorMessage, "error_message") ?? "error_occurred"
        }
        collector.record(failed: error)
        reading.reading(benchmark: runNameText)
        for index in members.indices {
            let metricUnit: String
            let direction: Direction
            switch reading.roles[index] {
            case .time:
                (metricUnit, direction) = (unit, .lowerIsBetter)
            case .metric(let ownUnit, let ownDirection, let counter):
                if counter {
                    guard case .number = members[index].1 else { continue }  // a user counter is a number
                }
                (metricUnit, direction) = (ownUnit, ownDirection)
            default:
                continue
            }
            if error != nil {
                collector.addFailed(benchmark: runNameText, metric: members[index].0, unit: metricUnit, direction: direction)
                continue
            }
            guard case .number(let number) = members[index].1 else { throw try record.required(members[index].0).error("expected a number") }
            if let position = reading.positions[index] {
                collector.add(number, position: position)
            } else {
                reading.positions[index] = collector.addReturningPosition(number, benchmark: runNameText, metric: members[index].0,
                                                                          unit: metricUnit, direction: direction)
            }
        }
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
