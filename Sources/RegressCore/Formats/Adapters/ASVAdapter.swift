/// asv (airspeed velocity) results, `results/<machine>/<commit>-<environment>.json`, version 2: the
/// `results` object maps each benchmark to a row of the columns `result_columns` names (`result`,
/// `params`, …, `samples`). A parameterised benchmark has one value per combination of its `params`
/// (in order, the last parameter varying fastest), named `name(p1, p2)`. Raw `samples`, when asv
/// recorded them (`--record-samples`), are the samples; else `result` is one. The unit follows the
/// benchmark's prefix: `time_`/`timeraw_` seconds and `mem_`/`peakmem_` bytes (lower is better),
/// `track_` unknown. A `null` result is a failed benchmark. The fingerprint comes from `params` and
/// the `machine.json` beside the file. Version 1 files (`results[name].result`) are read too.
enum ASVAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.asv

    static func recognize(_ value: JSONValue) -> String? {
        guard value["results"]?.objectMembers != nil, value["commit_hash"] != nil || value["env_name"] != nil else { return nil }
        return "`results` and `commit_hash`/`env_name` (an asv results file)"
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        collector.fingerprint = fingerprint(root.child("params"), machine: request.sibling(request.folder + "machine.json"))
        let columns = try root.child("result_columns")?.array().map { try $0.string() }
            ?? ["result", "params", "version", "started_at", "duration", "stats_ci_99_a", "stats_ci_99_b", "stats_q_25",
                "stats_q_75", "stats_number", "stats_repeat", "samples", "profile"]
        for (name, row) in try root.required("results").object() {
            let cells: [String: JSONCursor]
            if let items = row.elements {
                cells = Dictionary(uniqueKeysWithValues: zip(columns, items).map { ($0, $1) })
            } else {
                cells = Dictionary(try row.object(), uniquingKeysWith: { a, _ in a })  // version 1
            }
            guard let result = cells["result"] else { throw row.error("no `result`") }
            let values: [JSONCursor] = result.elements ?? [result]
            let combinations = try parameterCombinations(cells["params"])
            let samples = cells["samples"]?.elements
            let (unit, direction) = kind(of: name)
            for (index, value) in values.enumerated() {
                let label = index < combinations.count && !combinations[index].isEmpty
                    ? "\(name)(\(combinations[index].joined(separator: ", ")))" : name
                guard let number = try value.optionalNumber() else {
                    collector.record(failed: "\(label) has no result")
                    collector.addFailed(benchmark: label, metric: "result", unit: unit, direction: direction)
                    continue
                }
                collector.record(failed: nil)
                if let samples, index < samples.count, let raw = samples[index].elements, !raw.isEmpty {
                    for sample in raw { collector.add(try sample.number(), benchmark: label, metric: "result", unit: unit, direction: direction) }
                } else {
                    collector.add(number, benchmark: label, metric: "result", unit: unit, direction: direction)
                }
            }
        }
        return collector.contents
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

    static func fingerprint(_ params: JSONCursor?, machine: [UInt8]?) -> Fingerprint {
        var source: [String: String] = [:]
        for (key, value) in params?.members ?? [] { source[key] = value.scalarText }
        if let machine, let value = try? JSONParser.parse(machine), case .object(let members) = value {
            for (key, member) in members { source[key] = JSONCursor(member, file: "machine.json").scalarText ?? source[key] }
        }
        var fields: [String: String] = [:]
        let names = ["cpu": "cpu.model", "num_cpu": "cpu.logical_cores", "arch": "cpu.architecture", "os": "os.name",
                     "ram": "memory.ram", "machine": "host.name", "python": "python.version"]
        for (key, field) in names { if let value = source[key] { fields[field] = value } }
        return Fingerprint(fields: fields)
    }
}
