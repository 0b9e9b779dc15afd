import Foundation

/// What a reader took out of one artifact, before it becomes a `Run`.
public struct ArtifactContents: Sendable {
    public var measurements: [Measurement] = []
    public var skipped: [String: Int] = [:]
    public var failure: RunFailure?
    /// Machine facts the artifact itself carries (a harness's context or machine info).
    public var fingerprint: Fingerprint?

    /// Accumulates samples per benchmark and metric, in the order they were first seen.
    struct Collector {
        private var order: [String] = []
        private var byKey: [String: Measurement] = [:]
        var skipped: [String: Int] = [:]
        var failedRecords = 0
        var totalRecords = 0
        var firstError: String?
        var fingerprint: Fingerprint?

        private static func key(_ benchmark: String, _ metric: String) -> String { benchmark + "\u{0}" + metric }

        /// Direction and unit hints that win over inference from the metric's name.
        var directionHints: [String: Direction] = [:]

        private mutating func withMeasurement(_ benchmark: String, _ metric: String, unit: String?, direction: Direction?,
                                              _ body: (inout Measurement) -> Void) {
            let key = Collector.key(benchmark, metric)
            if byKey[key] == nil {
                let inferred = unit.map { MetricInference.infer(metric, unit: $0) } ?? MetricInference.infer(metric)
                // A spread has no direction even where the format states one for its unit (a stddev in s).
                let spread = MetricInference.spreadWord(of: metric) != nil
                byKey[key] = Measurement(benchmark: benchmark, metric: metric, unit: unit ?? inferred.unit,
                                         direction: spread ? .unknown : direction ?? directionHints[metric] ?? inferred.direction,
                                         samples: [])
                order.append(key)
            }
            body(&byKey[key]!)
        }

        /// A sample; `unit` and `direction`, when given, are the format's own word for them.
        mutating func add(_ value: Double, benchmark: String, metric: String, unit: String? = nil, direction: Direction? = nil) {
            guard !value.isNaN else { return skip("NaN") }
            guard value.isFinite else { return skip("infinite") }
            withMeasurement(benchmark, metric, unit: unit, direction: direction) { $0.samples.append(value) }
        }

        /// A sample for the measurement a key returned by `add(_:benchmark:metric:)` names, which
        /// readers keep to add many samples to one measurement without building its key again.
        mutating func add(_ value: Double, key: String) {
            guard !value.isNaN else { return skip("NaN") }
            guard value.isFinite else { return skip("infinite") }
            // Through the index, the measurement is changed in place rather than copied out and back.
            let index = byKey.index(forKey: key)!
            byKey.values[index].samples.append(value)
        }

        /// A sample, as `add(_:benchmark:metric:unit:direction:)`, returning the measurement's key
        /// once it exists (nil when the value was skipped).
        mutating func addReturningKey(_ value: Double, benchmark: String, metric: String) -> String? {
            add(value, benchmark: benchmark, metric: metric)
            let key = Collector.key(benchmark, metric)
            return byKey[key] == nil ? nil : key
        }

        /// A value of a record that reported an error: counted, never a sample.
        mutating func addFailed(benchmark: String, metric: String, unit: String? = nil, direction: Direction? = nil) {
            withMeasurement(benchmark, metric, unit: unit, direction: direction) { $0.failedSamples += 1 }
        }

        mutating func skip(_ reason: String) {
            skipped[reason, default: 0] += 1
        }

        mutating func record(failed error: String?) {
            totalRecords += 1
            if let error {
                failedRecords += 1
                if firstError == nil { firstError = error }
            }
        }

        var contents: ArtifactContents {
            var contents = ArtifactContents()
            contents.fingerprint = fingerprint
            contents.measurements = order.map { byKey[$0]! }
            contents.skipped = skipped
            if failedRecords > 0 {
                // Values read outside every record that failed belong to the document, one more record
                // that did not fail: the run produced measurements.
                let outside = failedRecords == totalRecords && contents.measurements.contains { !$0.samples.isEmpty }
                contents.failure = RunFailure(failedRecords: failedRecords, totalRecords: totalRecords + (outside ? 1 : 0),
                                              firstError: firstError ?? "error")
            }
            return contents
        }
    }
}

/// How records say they failed, shared by the JSON and CSV readers: a non-empty `error` field, a
/// `status` that is not a success word, or `success`/`ok` false.
enum RecordFailure {
    static let errorFields: Set<String> = ["error", "errors", "error_message", "exception", "failure"]
    static let statusFields: Set<String> = ["status", "state", "outcome"]
    static let successFlags: Set<String> = ["success", "succeeded", "ok", "passed"]
    static let successWords: Set<String> = ["", "ok", "success", "succeeded", "pass", "passed", "completed", "complete", "done", "finished"]

    /// The error a record reports, given its field name and text; nil when that field says all is well.
    static func error(field: String, value: String) -> String? {
        let name = field.lowercased()
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if errorFields.contains(name) {
            return text.isEmpty || ["null", "none", "false", "nan"].contains(text.lowercased()) ? nil : text
        }
        if statusFields.contains(name) {
            return successWords.contains(text.lowercased()) ? nil : "\(field)=\(text)"
        }
        if successFlags.contains(name) {
            return ["false", "0", "no"].contains(text.lowercased()) ? "\(field)=\(text)" : nil
        }
        return nil
    }

    static func isFailureField(_ field: String) -> Bool {
        let name = field.lowercased()
        return errorFields.contains(name) || statusFields.contains(name) || successFlags.contains(name)
    }
}
