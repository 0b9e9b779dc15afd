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
/// - a failure marker (a non-empty `error`, `errors` or `exception`, a `status` that is not a success
///   word, `success: false` or `ok: false`) anywhere inside a named benchmark's record (beside its values,
///   in a sibling object such as `compilation`, or below them) fails that benchmark; outside any named
///   record it fails the object that holds it. Failed values are counted, never measurements (a failed
///   backend's times of 0 are not a -100% change). A number under an error field (`"errors": 3`) is a
///   metric, not a marker.
///   Failed members of a record map do not count towards its shared keys, so a run with one failed
///   backend is read in the shape of a run without.
struct GenericJSONReader {
    static let nameFields = ["name", "id", "benchmark", "config_name", "prompt", "model"]

    let keys: [String]
    private var collector = ArtifactContents.Collector()
    /// Text and booleans met, by their path: labels, unless the path holds numbers elsewhere in the
    /// file or its name says it is a measurement (`"latency_ms": "fast"`).
    private var textByPath: [String: Int] = [:]

    init(keys: [String]) {
        self.keys = keys
    }

    static func read(_ value: JSONValue, keys: [String]) -> ArtifactContents {
        var reader = GenericJSONReader(keys: keys)
        reader.walk(value, path: "", benchmark: "", failed: false)
        reader.countText()
        return reader.collector.contents
    }

    /// A value of text where a number belongs is `non-numeric`; other text is a label (`text`).
    private mutating func countText() {
        for (path, count) in textByPath.sorted(by: { $0.key < $1.key }) {
            let inferred = MetricInference.infer(path)
            let measured = collector.hasMetric(path) || (!inferred.ungated && (inferred.direction != .unknown || !inferred.unit.isEmpty))
            collector.skip(measured ? "non-numeric" : "text", count: count)
        }
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
            textByPath[path, default: 0] += 1
        case .object(let members):
            if let records = Self.recordMap(members) {
                for (name, record) in records {
                    readRecord(record, benchmark: Self.nest(benchmark, name), failed: failed)
                }
                return
            }
            if members.contains(where: { Self.isMarker($0.0, $0.1) }) {
                // An object that says whether it failed: part of its benchmark's record (which its
                // failure has failed already), or, outside any named record, a record of its own.
                readRecord(value, benchmark: benchmark, pathPrefix: path, failed: failed, part: !benchmark.isEmpty)
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

    /// Members that are all objects, with at least half of all their keys in common; members that
    /// failed are left out of that count, and their failure fields too.
    private static func recordMap(_ members: [(String, JSONValue)]) -> [(String, JSONValue)]? {
        guard members.count >= 2 else { return nil }
        var common: Set<String>?
        var all: Set<String> = []
        for (_, member) in members {
            guard let fields = member.objectMembers, !fields.isEmpty else { return nil }
            if failure(of: fields) != nil { continue }
            let names = Set(fields.map(\.0))
            common = common.map { $0.intersection(names) } ?? names
            all.formUnion(names)
        }
        guard let common, common.count * 2 >= all.count else { return nil }
        return members
    }

    /// True for a field that says whether its record failed: an error field holding text, a list or an
    /// object; a status or success flag holding text, a boolean or a number (`"success": 0`).
    /// `"errors": 3` is a count and `"state": {...}` data: both are read as values.
    static func isMarker(_ field: String, _ value: JSONValue) -> Bool {
        guard RecordFailure.isFailureField(field) else { return false }
        let errorField = RecordFailure.errorFields.contains(field.lowercased())
        switch value {
        case .number: return !errorField
        case .object, .array: return errorField
        case .string, .bool, .null: return true
        }
    }

    /// The error a record's markers report (an error field's message before a flag or status); nil when
    /// they all say it succeeded.
    static func failure(of fields: [(String, JSONValue)]) -> String? {
        var flagged: String?
        for (field, value) in fields where isMarker(field, value) {
            let error: String?
            switch value {
            case .string(let text): error = RecordFailure.error(field: field, value: text)
            case .bool(let flag): error = RecordFailure.error(field: field, value: flag ? "true" : "false")
            case .number: error = RecordFailure.successFlags.contains(field.lowercased())
                ? RecordFailure.error(field: field, value: value.scalarText ?? "") : nil
            case .array(let elements):
                error = elements.isEmpty ? nil : elements.lazy.compactMap(describe).first ?? field
            case .object(let members):
                error = members.isEmpty ? nil : describe(value) ?? field
            case .null: error = nil
            }
            guard let error else { continue }
            if RecordFailure.errorFields.contains(field.lowercased()) { return error }
            flagged = flagged ?? error
        }
        return flagged
    }

    /// The first failure reported below a record's values, not looking into nested records of their own
    /// (a record map, an array of records).
    static func nestedFailure(_ fields: [(String, JSONValue)]) -> String? {
        for (field, value) in fields where !isMarker(field, value) {
            guard let members = value.objectMembers, recordMap(members) == nil else { continue }
            if let error = failure(of: members) ?? nestedFailure(members) { return error }
        }
        return nil
    }

    /// The message of an error written as a value: its text, or an object's `message`/`msg`/`detail`.
    private static func describe(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text.isEmpty ? nil : text }
        for field in ["message", "msg", "detail", "error", "reason"] {
            if let text = value[field]?.stringValue, !text.isEmpty { return text }
        }
        return nil
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

    /// Reads one record; `part` is an object inside a benchmark's record, not counted as a record. A
    /// named benchmark fails when a marker anywhere inside its record (outside nested records of their
    /// own) reports a failure: in a sibling object (`compilation.error`) or below its values
    /// (`benchmark.metadata.error`).
    private mutating func readRecord(_ record: JSONValue, benchmark: String, pathPrefix: String = "",
                                     skipping: Set<String> = [], failed: Bool, part: Bool = false) {
        guard let fields = record.objectMembers else {
            walk(record, path: pathPrefix, benchmark: benchmark, failed: failed)
            return
        }
        let error = Self.failure(of: fields) ?? (benchmark.isEmpty || part ? nil : Self.nestedFailure(fields))
        if !part { collector.record(failed: failed ? nil : error) }
        let recordFailed = failed || error != nil
        for (field, value) in fields where !skipping.contains(field) && !Self.isMarker(field, value) {
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
