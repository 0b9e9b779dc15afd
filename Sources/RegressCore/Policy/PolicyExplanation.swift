import Foundation

/// `regress policy explain`: the resolved policy of one metric, field by field, with the file and
/// rule that set each field.
public struct PolicyExplanation: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let field: String
        public let value: String
        public let origin: String
    }

    public let metricID: String
    public let files: [String]
    public let lines: [Line]
    public let decidingRule: String
    public let expired: Bool

    public init(metricID: String, policies: PolicySet, today: String) {
        let policy = policies.resolve(metricID)
        let metricName = String(metricID.split(separator: "/").last ?? "")
        let inferred = MetricInference.infer(metricName)
        func percent(_ value: Double?) -> String { value.map { NumberFormat.percent($0, signed: false) } ?? "none" }
        let direction: String
        switch policy.direction {
        case nil: direction = "\(inferred.direction.rawValue) (inferred from '\(metricName)': \(inferred.reason))"
        case .unknown?: direction = "none"
        case let value?: direction = value.rawValue
        }
        let fields: [(String, String)] = [
            ("direction", direction),
            ("tolerance.relative", percent(policy.relativeTolerance)),
            ("tolerance.absolute", policy.absoluteTolerance.map { NumberFormat.value($0) } ?? "none"),
            ("test", policy.test.rawValue),
            ("alpha", NumberFormat.value(policy.alpha)),
            ("min_samples", String(policy.minSamples)),
            ("aggregate", policy.aggregate.rawValue),
            ("severity", policy.severity.rawValue),
            ("on_missing", policy.onMissing.rawValue),
            ("on_new", policy.onNew.rawValue),
            ("on_failed_run", policy.onFailedRun.rawValue),
            ("noise.max_cv", percent(policy.maxCV)),
            ("normalize.by", policy.normalizeBy ?? "none"),
            ("fingerprint.match", policy.fingerprintMatch.joined(separator: ", ")),
            ("fingerprint.on_mismatch", policy.onMismatch.rawValue),
            ("history", policy.history.enabled ? "on" : "none"),
            ("history.window", String(policy.history.window)),
            ("history.min_runs", String(policy.history.minRuns)),
            ("history.min_shift", NumberFormat.value(policy.history.detector.minimumShift)),
            ("history.significance", NumberFormat.value(policy.history.detector.significance)),
            ("history.min_segment", String(policy.history.detector.minimumSegment)),
            ("required_metadata", policy.requiredMetadata.isEmpty ? "none" : policy.requiredMetadata.joined(separator: ", ")),
            ("reason", policy.reason ?? "none"),
            ("expires", policy.expires ?? "never"),
        ]
        self.metricID = metricID
        files = policies.files
        lines = fields.map { Line(field: $0.0, value: $0.1, origin: policy.origin(of: $0.0).description) }
        decidingRule = policy.decidingRule.description
        expired = policy.isExpired(today: today)
    }

    public var text: String {
        var out = "policy for \(metricID)\n"
        out += "files: \(files.joined(separator: ", "))\n"
        out += "decided by: \(decidingRule)\(expired ? " (expired: it still applies)" : "")\n\n"
        let width = lines.map(\.field.count).max() ?? 0
        let valueWidth = lines.map(\.value.count).max() ?? 0
        for line in lines {
            out += line.field.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + line.value.padding(toLength: valueWidth + 2, withPad: " ", startingAt: 0) + line.origin + "\n"
        }
        return out
    }

    public var json: String {
        JSONWriter.write(.object([
            ("metric", .string(metricID)),
            ("files", .array(files.map { .string($0) })),
            ("decided_by", .string(decidingRule)),
            ("expired", .bool(expired)),
            ("fields", .array(lines.map { .object([("field", .string($0.field)), ("value", .string($0.value)), ("set_by", .string($0.origin))]) })),
        ]))
    }
}
