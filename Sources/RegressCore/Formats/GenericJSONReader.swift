/// Reads any JSON document:
/// - a numeric leaf is a metric named by its path from the enclosing record (`benchmark.mean_time_ms`);
/// - an array of numbers holds the samples of one metric;
/// - an array of objects is a set of records keyed by a name-like field (the configured keys, else the
///   first of `name`, `id`, `benchmark`, `config_name`, `prompt`, `model` that every record has);
///   records with the same key are samples of one measurement, and records without a key field are
///   samples of the enclosing benchmark;
/// - an object whose members are all objects sharing most of their keys (`{"eager": {...}, "jit": {...}}`)
///   is a set of records keyed by member name;
/// - `null`, NaN, text and booleans are skipped and counted, never read as 0;
/// - a record with a non-empty `error`, a `status` that is not a success word, or `success: false` failed.
struct GenericJSONReader {
    static let nameFields = ["name", "id", "benchmark", "config_name", "prompt", "model"]

    let keys: [String]
    private var collector = ArtifactContents.Collector()

    init(keys: [String]) {
        self.keys = keys
    }

    static func read(_ value: JSONValue, keys: [String]) -> ArtifactContents {
        var reader = GenericJSONReader(keys: keys)
        if case .object(let members) = value, recordMap(members) == nil,
           members.contains(where: { RecordFailure.isFailureField($0.0) }) {
            // A document that says at its top whether the run failed is itself a record.
            reader.readRecord(value, benchmark: "", failed: false)
        } else {
            reader.walk(value, path: "", benchmark: "", failed: false)
        }
        return reader.collector.contents
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private static func nest(_ outer: String, _ inner: String) -> String {
        outer.isEmpty ? inner : outer + " / " + inner
    }

    private mutating func walk(_ value: JSONValue, path: String, benchmark: String, failed: Bool) {
        switch value {
        case .number(let number):
            if failed {
                collector.addFailed(benchmark: benchmark, metric: path)
            } else {
                collector.add(number, benchmark: benchmark, metric: path)
            }
        case .null:
            collector.skip("null")
        case .bool, .string:
            collector.skip("non-numeric")
        case .object(let members):
            if let records = Self.recordMap(members) {
                for (name, record) in records {
                    readRecord(record, benchmark: Self.nest(benchmark, name), failed: failed)
                }
                return
            }
            for (key, member) in members {
                walk(member, path: Self.join(path, key), benchmark: benchmark, failed: failed)
            }
        case .array(let elements):
            if elements.contains(where: { $0.objectMembers != nil }) {
                readRecords(elements, path: path, benchmark: benchmark, failed: failed)
            } else {
                for element in elements {
                    if case .array = element {
                        collector.skip("nested array")
                    } else {
                        walk(element, path: path, benchmark: benchmark, failed: failed)
                    }
                }
            }
        }
    }

    /// Members that are all objects, with at least half of all their keys in common.
    private static func recordMap(_ members: [(String, JSONValue)]) -> [(String, JSONValue)]? {
        guard members.count >= 2 else { return nil }
        var common: Set<String>?
        var all: Set<String> = []
        for (_, member) in members {
            guard let fields = member.objectMembers, !fields.isEmpty else { return nil }
            let names = Set(fields.map(\.0))
            common = common.map { $0.intersection(names) } ?? names
            all.formUnion(names)
        }
        guard let common, common.count * 2 >= all.count else { return nil }
        return members
    }

    private mutating func readRecords(_ elements: [JSONValue], path: String, benchmark: String, failed: Bool) {
        let records = elements.compactMap(\.objectMembers)
        if records.count < elements.count { collector.skip("non-record in a record array") }
        let keyFields = Self.keyFields(for: records, configured: keys)
        for fields in records {
            let record = JSONValue.object(fields)
            if keyFields.isEmpty {
                readRecord(record, benchmark: benchmark, pathPrefix: path, failed: failed)
                continue
            }
            let name = keyFields.map { field in Self.text(of: record[field]) }.joined(separator: ", ")
            readRecord(record, benchmark: Self.nest(benchmark, name), skipping: Set(keyFields), failed: failed)
        }
    }

    private mutating func readRecord(_ record: JSONValue, benchmark: String, pathPrefix: String = "",
                                     skipping: Set<String> = [], failed: Bool) {
        guard let fields = record.objectMembers else {
            walk(record, path: pathPrefix, benchmark: benchmark, failed: failed)
            return
        }
        var error: String?
        for (field, value) in fields where RecordFailure.isFailureField(field) {
            switch value {
            case .string(let text): error = error ?? RecordFailure.error(field: field, value: text)
            case .bool(let flag): error = error ?? RecordFailure.error(field: field, value: flag ? "true" : "false")
            default: break
            }
        }
        collector.record(failed: failed ? nil : error)
        let recordFailed = failed || error != nil
        for (field, value) in fields where !skipping.contains(field) && !RecordFailure.isFailureField(field) {
            walk(value, path: Self.join(pathPrefix, field), benchmark: benchmark, failed: recordFailed)
        }
    }

    /// The configured keys that every record has, else the first default name field every record has.
    static func keyFields(for records: [[(String, JSONValue)]], configured: [String]) -> [String] {
        func everyRecordHas(_ field: String) -> Bool {
            records.allSatisfy { fields in
                fields.contains { $0.0 == field && ($0.1.stringValue != nil || $0.1.numberValue != nil) }
            }
        }
        if !configured.isEmpty {
            return configured.filter(everyRecordHas)
        }
        return nameFields.first(where: everyRecordHas).map { [$0] } ?? []
    }

    /// A key field's value (`keyFields` takes only fields that are text or numbers).
    static func text(of value: JSONValue?) -> String {
        value?.scalarText ?? ""
    }
}
