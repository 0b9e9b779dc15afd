import Foundation

/// What a reader took out of one artifact, before it becomes a `Run`.
public struct ArtifactContents: Sendable {
    public var measurements: [Measurement] = []
    public var skipped: [String: Int] = [:]
    public var failure: RunFailure?
    /// Machine facts the artifact itself carries (a harness's context or machine info).
    public var fingerprint: Fingerprint?
    /// Which version or layout of its format the file is in, where the format has several
    /// (`results version 2`, `estimates of criterion 0.2`), for `inspect`.
    public var variant: String?
    /// What of a recognised file could not be read, each with its JSON path or line and why (a part of
    /// `skipped`, in the order met): a partly broken file is read as far as it is valid and says so.
    public var dropped: [String] = []

    /// Accumulates samples per benchmark and metric, in the order they were first seen.
    struct Collector {
        /// Measurements in the order they were first seen, and where each is by benchmark and metric.
        private var measurements: [Measurement] = []
        private var positions: [Key: Int] = [:]
        private var metricNames: Set<String> = []
        var skipped: [String: Int] = [:]
        var failedRecords = 0
        var totalRecords = 0
        var firstError: String?
        var fingerprint: Fingerprint?
        var variant: String?
        private var dropped: [String] = []

        private struct Key: Hashable {
            let benchmark: String
            let metric: String
        }

        /// True when some benchmark has a measurement of this metric.
        func hasMetric(_ metric: String) -> Bool {
            metricNames.contains(metric)
        }

        /// Direction and unit hints that win over inference from the metric's name.
        var directionHints: [String: Direction] = [:]

        /// The position of a measurement, made when it is first named.
        private mutating func position(_ benchmark: String, _ metric: String, unit: String?, direction: Direction?) -> Int {
            let key = Key(benchmark: benchmark, metric: metric)
            if let known = positions[key] { return known }
            let (inferred, spread) = inference(metric, unit: unit)
            measurements.append(Measurement(benchmark: benchmark, metric: metric, unit: unit ?? inferred.unit,
                                            direction: spread ? .unknown : direction ?? directionHints[metric] ?? inferred.direction,
                                            samples: []))
            positions[key] = measurements.count - 1
            metricNames.insert(metric)
            return measurements.count - 1
        }

        /// What a metric's name (and stated unit) imply, and whether it names a spread, by name and
        /// unit: the records of a file repeat the same few metrics, each worked out once.
        private var inferences: [InferenceKey: (MetricInference.Result, spread: Bool)] = [:]

        private struct InferenceKey: Hashable {
            let metric: String
            let unit: String?
        }

        private mutating func inference(_ metric: String, unit: String?) -> (MetricInference.Result, spread: Bool) {
            let key = InferenceKey(metric: metric, unit: unit)
            if let known = inferences[key] { return known }
            let inferred = unit.map { MetricInference.infer(metric, unit: $0) } ?? MetricInference.infer(metric)
            // A spread has no direction even where the format states one for its unit (a stddev in s).
            let found = (inferred, spread: MetricInference.spreadWord(of: metric) != nil)
            if inferences.count < 10_000 { inferences[key] = found }
            return found
        }

        /// A sample; `unit` and `direction`, when given, are the format's own word for them.
        mutating func add(_ value: Double, benchmark: String, metric: String, unit: String? = nil, direction: Direction? = nil) {
            guard !value.isNaN else { return skip("NaN") }
            guard value.isFinite else { return skip("infinite") }
            measurements[position(benchmark, metric, unit: unit, direction: direction)].samples.append(value)
        }

        /// Samples of one measurement, as `add(_:benchmark:metric:unit:direction:)` adds each of them.
        mutating func add(_ values: [Double], benchmark: String, metric: String, unit: String? = nil, direction: Direction? = nil) {
            var found: Int?
            for value in values {
                guard !value.isNaN else {
                    skip("NaN")
                    continue
                }
                guard value.isFinite else {
                    skip("infinite")
                    continue
                }
                let position = found ?? position(benchmark, metric, unit: unit, direction: direction)
                found = position
                measurements[position].samples.append(value)
            }
        }

        /// A sample for the measurement at a position returned by `addReturningPosition`, which
        /// readers keep to add many samples to one measurement without looking it up again.
        mutating func add(_ value: Double, position: Int) {
            guard !value.isNaN else { return skip("NaN") }
            guard value.isFinite else { return skip("infinite") }
            measurements[position].samples.append(value)
        }

        /// A sample, as `add(_:benchmark:metric:unit:direction:)`, returning the measurement's position
        /// once it exists (nil when the value was skipped).
        mutating func addReturningPosition(_ value: Double, benchmark: String, metric: String, unit: String? = nil,
                                           direction: Direction? = nil) -> Int? {
            add(value, benchmark: benchmark, metric: metric, unit: unit, direction: direction)
            return positions[Key(benchmark: benchmark, metric: metric)]
        }

        /// Makes room for `count` more samples of the measurement at `position`.
        mutating func reserveSamples(_ count: Int, position: Int) {
            measurements[position].samples.reserveCapacity(measurements[position].samples.count + count)
        }

        /// A value of a record that reported an error: counted, never a sample.
        mutating func addFailed(benchmark: String, metric: String, unit: String? = nil, direction: Direction? = nil) {
            measurements[position(benchmark, metric, unit: unit, direction: direction)].failedSamples += 1
        }

        mutating func skip(_ reason: String, count: Int = 1) {
            skipped[reason, default: 0] += count
        }

        /// A value a broken or failed part of the file cost (not one the format leaves out by design):
        /// skipped, and said in the report's notices.
        mutating func drop(_ reason: String) {
            if skipped[reason] == nil { dropped.append(reason) }
            skip(reason)
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
            contents.variant = variant
            contents.dropped = dropped
            contents.measurements = measurements
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
