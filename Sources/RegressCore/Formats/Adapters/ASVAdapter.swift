/// asv (airspeed velocity) results, `results/<machine>/<commit>-<environment>.json`, in every layout
/// asv has written:
/// - version 2 (asv 0.5 on): `results` maps each benchmark to a row of the columns `result_columns`
///   names (`result`, `params`, `version`, `started_at`, `duration`, `stats_*`, `samples`, `profile`),
///   trailing empty columns left out;
/// - version 1 (asv 0.3, 0.4): `results[name]` is `{"result", "params", "stats", "samples"}`, with
///   `result` a list or a single number;
/// - the oldest files: `results[name]` is the number itself.
///
/// A parameterised benchmark has one value per combination of its `params` (in order, the last
/// parameter varying fastest), named `name(p1, p2)`. Raw `samples`, when asv recorded them
/// (`--record-samples`), are the samples; else `result` is one. A `null` result (the benchmark failed)
/// or `NaN` (asv skipped it) is skipped with a reason naming the benchmark and its parameters; the rest
/// of the file is read. The unit and direction come from `benchmarks.json` of the results folder when
/// it is there (`type` and `unit`), else from the benchmark's prefix: `time_`/`timeraw_` seconds and
/// `mem_`/`peakmem_` bytes (lower is better), `track_` unknown. The fingerprint comes from `params` and
/// the `machine.json` beside the file. `machine.json` and `benchmarks.json` are not runs: the first is
/// the fingerprint of the results beside it, the second metadata.
enum ASVAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.asv
    static let columnsBeforeVersion2 = ["result", "params", "version", "started_at", "duration", "stats_ci_99_a", "stats_ci_99_b",
                                        "stats_q_25", "stats_q_75", "stats_number", "stats_repeat", "samples", "profile"]
    static let machineFields = ["arch", "cpu", "num_cpu", "os", "ram"]

    static func recognize(_ value: JSONValue) -> String? {
        guard value["results"]?.objectMembers != nil, value["commit_hash"] != nil || value["env_name"] != nil else { return nil }
        return "`results` and `commit_hash`/`env_name` (an asv results file)"
    }

    /// `machine.json` (a fingerprint) or `benchmarks.json` (metadata) of an asv results folder; nil for
    /// anything else.
    static func companion(_ value: JSONValue, request: ReadRequest) -> ReadResult? {
        guard let members = value.objectMembers, value["results"] == nil else { return nil }
        if value["machine"]?.stringValue != nil, machineFields.filter({ value[$0] != nil }).count >= 2,
           members.allSatisfy({ (machineFields + ["machine", "version"]).contains($0.0) && $0.1.scalarText != nil }) {
            return .notARun(.asv, .fingerprint,
                            reason: "it has `machine` and `\(machineFields.filter { value[$0] != nil }.joined(separator: "`, `"))` " +
                                "(asv's machine.json): the fingerprint of the results beside it, not a run",
                            fingerprint: fingerprint(params: nil, machine: value))
        }
        let described = members.filter { $0.0 != "version" }
        if value["version"]?.numberValue != nil, !described.isEmpty,
           described.allSatisfy({ $0.1["name"]?.stringValue != nil && $0.1["type"]?.stringValue != nil }) {
            return .notARun(.asv, .metadata, reason: "it describes \(described.count) benchmarks by `name`, `type` and `unit` " +
                            "(asv's benchmarks.json): metadata, no measurements")
        }
        return nil
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        let machine = request.sibling(machinePath(request.path)).flatMap { try? JSONParser.parse($0) }
        return try read(root, machine: machine, declared: declaredKinds(request.sibling(benchmarksPath(request.path)) ?? []))
    }

    /// Reads a results file given its folder's `machine.json` and the kinds `benchmarks.json` declares.
    static func read(_ root: JSONCursor, machine: JSONValue?, declared: [String: (String, Direction)]) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(params: root.child("params")?.value, machine: machine)
        let columns = try root.child("result_columns")?.array().map { try $0.string() } ?? columnsBeforeVersion2
        // Where each column first is in a row (a name given twice: its first place).
        let place = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        collector.variant = variant(root)
        for (name, row) in try root.required("results").object() {
            let cells: Cells
            switch row.value {
            case .array: cells = .columns(row.elements!, place)
            case .object: cells = .members(row.members!)
            case .number, .null: cells = .value(row)  // the oldest files: the value itself
            default:
                collector.drop("\(name): not a result")
                continue
            }
            guard let result = cells["result"] else {
                collector.drop("\(name): no result")
                continue
            }
            guard !result.isNull else {
                collector.drop("\(name): null result (failed in asv)")
                continue
            }
            let values: [JSONCursor] = result.elements ?? [result]
            let combinations = (try? parameterCombinations(cells["params"])) ?? []
            let samples = sampleLists(cells["samples"], count: values.count)
            let (unit, direction) = declared[name] ?? kind(of: name)
            for (index, value) in values.enumerated() {
                let label = index < combinations.count && !combinations[index].isEmpty
                    ? "\(name)(\(combinations[index].joined(separator: ", ")))" : name
                guard case .number(let number) = value.value else {
                    collector.drop(value.isNull ? "\(label): null result (failed in asv)" : "\(label): result is not a number")
                    continue
                }
                guard !number.isNaN else {
                    collector.drop("\(label): NaN result (skipped in asv)")
                    continue
                }
                let raw = index < samples.count ? samples[index] : []
                if raw.isEmpty {
                    collector.add(number, benchmark: label, metric: "result", unit: unit, direction: direction)
                }
                for sample in raw {
                    guard case .number(let value) = sample.value else {
                        collector.drop("\(label): a sample is not a number")
                        continue
                    }
                    collector.add(value, benchmark: label, metric: "result", unit: unit, direction: direction)
                }
            }
        }
        return collector.contents
    }

    /// The cells of one benchmark's row of results, by column name.
    enum Cells {
        /// A row of `result_columns` (version 2), with where each column is; a short row lacks the rest.
        case columns([JSONCursor], [String: Int])
        /// An object of named cells (version 1); a name given twice: its first value.
        case members([(String, JSONCursor)])
        /// The result itself (the oldest files).
        case value(JSONCursor)

        subscript(column: String) -> JSONCursor? {
            switch self {
            case .columns(let row, let place): return place[column].flatMap { $0 < row.count ? row[$0] : nil }
            case .members(let members): return members.first { $0.0 == column }?.1
            case .value(let value): return column == "result" ? value : nil
            }
        }
    }

    /// The layout of a results file, by its `version` and the shape of its results.
    static func variant(_ root: JSONCursor) -> String {
        let version = root.child("version")?.value.numberValue.map { String(Int($0)) }
        if root.child("result_columns") != nil { return "results version \(version ?? "2") (rows of `result_columns`)" }
        let rows = root.child("results")?.members?.map(\.1.value) ?? []
        if rows.contains(where: { $0.objectMembers != nil }) {
            return "results version \(version ?? "1") (`{\"result\", \"params\", \"stats\"}` objects)"
        }
        return "results\(version.map { " version \($0)" } ?? "") (bare numbers)"
    }

    /// The raw samples of each parameter combination: `samples` holds one list (or null) per
    /// combination; a version 1 file of an unparameterised benchmark may hold the one list itself.
    static func sampleLists(_ samples: JSONCursor?, count: Int) -> [[JSONCursor]] {
        guard let items = samples?.elements, !items.isEmpty else { return [] }
        if count == 1, items.allSatisfy({ $0.value.numberValue != nil }) { return [items] }
        return items.map { $0.elements ?? [] }
    }

    /// The cartesian product of the parameter lists, last varying fastest.
    static func parameterCombinations(_ params: JSONCursor?) throws -> [[String]] {
        guard let lists = params?.elements, !lists.isEmpty else { return [] }
        var combinations: [[String]] = [[]]
        for list in lists {
            let values = try list.array().map { $0.scalarText ?? "" }
            combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return combinations
    }

    static func kind(of name: String) -> (String, Direction) {
        let function = name.split(separator: ".").last.map(String.init) ?? name
        if function.hasPrefix("time_") || function.hasPrefix("timeraw_") { return ("s", .lowerIsBetter) }
        if function.hasPrefix("mem_") || function.hasPrefix("peakmem_") { return ("B", .lowerIsBetter) }
        return ("", .unknown)
    }

    /// `benchmarks.json` of the results folder a results file is in (the folder above the machine's).
    static func benchmarksPath(_ resultPath: String) -> String {
        let parts = resultPath.split(separator: "/").map(String.init)
        return (parts.dropLast(2) + ["benchmarks.json"]).joined(separator: "/")
    }

    /// `machine.json` beside a results file.
    static func machinePath(_ resultPath: String) -> String {
        (resultPath.split(separator: "/").map(String.init).dropLast() + ["machine.json"]).joined(separator: "/")
    }

    /// Unit and direction of each benchmark that a `benchmarks.json` describes. The last file's are kept:
    /// every results file of a folder is read with the same one.
    static func declaredKinds(_ bytes: [UInt8]) -> [String: (String, Direction)] {
        lastDeclared.value(for: bytes, compute: readDeclaredKinds)
    }

    private static let lastDeclared = LastComputed<[UInt8], [String: (String, Direction)]>()

    private static func readDeclaredKinds(_ bytes: [UInt8]) -> [String: (String, Direction)] {
        guard let value = try? JSONParser.parse(bytes), let members = value.objectMembers else { return [:] }
        var kinds: [String: (String, Direction)] = [:]
        for (name, benchmark) in members {
            guard let type = benchmark["type"]?.stringValue else { continue }
            switch type {
            case "time": kinds[name] = ("s", .lowerIsBetter)
            case "memory", "peakmemory": kinds[name] = ("B", .lowerIsBetter)
            default:
                let stated = benchmark["unit"]?.stringValue ?? ""
                let unit = ["seconds": "s", "bytes": "B", "unit": ""][stated] ?? stated
                kinds[name] = (unit, MetricInference.direction(ofUnit: unit) ?? .unknown)
            }
        }
        return kinds
    }

    static func fingerprint(params: JSONValue?, machine: JSONValue?) -> Fingerprint {
        var source: [String: String] = [:]
        for (key, value) in params?.objectMembers ?? [] { source[key] = value.scalarText }
        for (key, value) in machine?.objectMembers ?? [] { source[key] = value.scalarText ?? source[key] }
        var fields: [String: String] = [:]
        let names = ["cpu": "cpu.model", "num_cpu": "cpu.logical_cores", "arch": "cpu.architecture", "os": "os.name",
                     "ram": "memory.ram", "machine": "host.name", "python": "python.version"]
        for (key, field) in names { if let value = source[key] { fields[field] = value } }
        return Fingerprint(fields: fields)
    }
}
