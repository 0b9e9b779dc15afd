import Foundation
import Yams

/// The fields one `defaults:` block or rule sets; nil where it leaves a field alone.
struct PolicyFields: Equatable, Sendable {
    var direction: Direction??
    var relativeTolerance: Double??
    var absoluteTolerance: Double??
    var test: StatisticalTest?
    var alpha: Double?
    var minSamples: Int?
    var aggregate: Aggregate?
    var severity: Severity?
    var onMissing: Severity?
    var onNew: Severity?
    var onFailedRun: Severity?
    var maxCV: Double??
    var normalizeBy: String??
    var fingerprintMatch: [String]?
    var onMismatch: MismatchAction?
    var reason: String?
    var expires: String?
    var historyEnabled: Bool?
    var historyWindow: Int?
    var historyMinRuns: Int?
    var historyMinShift: Double?
    var historySignificance: Double?
    var historyMinSegment: Int?
    var requiredMetadata: [String]?

    static let keys = ["direction", "tolerance", "test", "alpha", "min_samples", "aggregate", "severity",
                       "on_missing", "on_new", "on_failed_run", "noise", "normalize", "fingerprint", "reason", "expires", "history",
                       "required_metadata"]

    /// Sets every field this block names, and records where it came from.
    func apply(to policy: inout MetricPolicy, origin: RuleOrigin) {
        func set<T>(_ value: T?, _ keyPath: WritableKeyPath<MetricPolicy, T>, _ name: String) {
            guard let value else { return }
            policy[keyPath: keyPath] = value
            policy.origins[name] = origin
        }
        set(direction, \.direction, "direction")
        set(relativeTolerance, \.relativeTolerance, "tolerance.relative")
        set(absoluteTolerance, \.absoluteTolerance, "tolerance.absolute")
        set(test, \.test, "test")
        set(alpha, \.alpha, "alpha")
        set(minSamples, \.minSamples, "min_samples")
        set(aggregate, \.aggregate, "aggregate")
        set(severity, \.severity, "severity")
        set(onMissing, \.onMissing, "on_missing")
        set(onNew, \.onNew, "on_new")
        set(onFailedRun, \.onFailedRun, "on_failed_run")
        set(maxCV, \.maxCV, "noise.max_cv")
        set(normalizeBy, \.normalizeBy, "normalize.by")
        set(fingerprintMatch, \.fingerprintMatch, "fingerprint.match")
        set(onMismatch, \.onMismatch, "fingerprint.on_mismatch")
        set(reason.map(Optional.some), \.reason, "reason")
        set(expires.map(Optional.some), \.expires, "expires")
        set(historyEnabled, \.history.enabled, "history")
        set(historyWindow, \.history.window, "history.window")
        set(historyMinRuns, \.history.minRuns, "history.min_runs")
        set(historyMinShift, \.history.detector.minimumShift, "history.min_shift")
        set(historySignificance, \.history.detector.significance, "history.significance")
        set(historyMinSegment, \.history.detector.minimumSegment, "history.min_segment")
        set(requiredMetadata, \.requiredMetadata, "required_metadata")
    }

    /// Reads a mapping of fields; `extra` are further keys the caller handles (a rule's `match`, `name`).
    static func parse(_ value: YAMLValue, extra: [String] = []) throws -> (PolicyFields, [(String, YAMLValue)]) {
        var fields = PolicyFields()
        var rest: [(String, YAMLValue)] = []
        for (key, member) in try value.mapping(allowed: keys + extra) {
            switch key {
            case "direction":
                switch try member.string() {
                case "lower": fields.direction = .some(.lowerIsBetter)
                case "higher": fields.direction = .some(.higherIsBetter)
                case "none": fields.direction = .some(.unknown)
                case "infer": fields.direction = .some(nil)
                case let other: throw member.error("unknown direction '\(other)'; expected lower, higher, none or infer")
                }
            case "tolerance":
                for (name, bound) in try member.mapping(allowed: ["relative", "absolute"]) {
                    if name == "relative" {
                        fields.relativeTolerance = .some(try bound.isNone ? nil : bound.percentage())
                    } else {
                        fields.absoluteTolerance = .some(try bound.isNone ? nil : bound.nonNegativeNumber())
                    }
                }
            case "test":
                let name = try member.string()
                guard let test = StatisticalTest(rawValue: name) else {
                    throw member.error("unknown test '\(name)'; expected one of: \(StatisticalTest.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                fields.test = test
            case "alpha":
                fields.alpha = try member.fraction("alpha must be between 0 and 1, as in 0.01")
            case "min_samples":
                fields.minSamples = try member.int(atLeast: 2, "min_samples must be at least 2")
            case "aggregate":
                let name = try member.string()
                guard let aggregate = Aggregate(rawValue: name) else {
                    throw member.error("unknown aggregate '\(name)'; expected one of: \(Aggregate.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                fields.aggregate = aggregate
            case "severity": fields.severity = try member.severity()
            case "on_missing": fields.onMissing = try member.severity()
            case "on_new": fields.onNew = try member.severity()
            case "on_failed_run": fields.onFailedRun = try member.severity()
            case "noise":
                for (_, bound) in try member.mapping(allowed: ["max_cv"]) {
                    fields.maxCV = .some(try bound.isNone ? nil : bound.percentage())
                }
            case "normalize":
                for (_, by) in try member.mapping(allowed: ["by"]) {
                    if by.isNone {
                        fields.normalizeBy = .some(nil)
                        continue
                    }
                    let name = try by.string().trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty, !name.contains("/"), !name.contains("*") else {
                        throw by.error("expected the name of a metric of the same benchmark, such as eval_count, got '\(name)'")
                    }
                    fields.normalizeBy = .some(name)
                }
            case "fingerprint":
                for (name, field) in try member.mapping(allowed: ["match", "on_mismatch"]) {
                    if name == "match" {
                        fields.fingerprintMatch = try field.strings()
                    } else {
                        let text = try field.string()
                        guard let action = MismatchAction(rawValue: text) else {
                            throw field.error("unknown value '\(text)'; expected skip, warn or fail")
                        }
                        fields.onMismatch = action
                    }
                }
            case "history":
                if member.isNone {
                    fields.historyEnabled = false
                    continue
                }
                fields.historyEnabled = true
                for (name, field) in try member.mapping(allowed: ["window", "min_runs", "min_shift", "significance", "min_segment"]) {
                    switch name {
                    case "window":
                        fields.historyWindow = try field.int(atLeast: 2, "history.window must be at least 2 runs")
                    case "min_runs":
                        fields.historyMinRuns = try field.int(atLeast: 2, "history.min_runs must be at least 2 runs")
                    case "min_shift":
                        let shift = try field.number()
                        guard shift > 0 else { throw field.error("history.min_shift is a number of noise units above 0, as in 3") }
                        fields.historyMinShift = shift
                    case "significance":
                        fields.historySignificance = try field.fraction("history.significance must be between 0 and 1, as in 0.001")
                    default:
                        fields.historyMinSegment = try field.int(atLeast: 1, "history.min_segment must be at least 1 run")
                    }
                }
            case "required_metadata":
                fields.requiredMetadata = try member.isNone ? [] : member.fieldNames()
            case "reason": fields.reason = try member.string()
            case "expires": fields.expires = try member.date()
            default: rest.append((key, member))
            }
        }
        return (fields, rest)
    }
}

extension YAMLValue {
    /// `5%` (or `2.5%`) as the fraction 0.05; anything else is an error that says how to write it.
    func percentage() throws -> Double {
        let text = try string().trimmingWhitespaces
        guard text.hasSuffix("%"), let value = Double(text.dropLast().trimmingWhitespaces),
              value >= 0, value.isFinite else {
            throw error("expected a percentage such as 5%, got '\(text)'")
        }
        return value / 100
    }

    func number() throws -> Double {
        guard let value = Double(try string()), value.isFinite else { throw error("expected a number") }
        return value
    }

    /// A number strictly between 0 and 1; `message` when it is not.
    func fraction(_ message: String) throws -> Double {
        let value = try number()
        guard value > 0, value < 1 else { throw error(message) }
        return value
    }

    /// A whole number of at least `minimum`; `message` when it is smaller.
    func int(atLeast minimum: Int, _ message: String) throws -> Int {
        let value = try int()
        guard value >= minimum else { throw error(message) }
        return value
    }

    func nonNegativeNumber() throws -> Double {
        let value = try number()
        guard value >= 0 else { throw error("expected a number of 0 or more") }
        return value
    }

    func severity() throws -> Severity {
        let name = try string()
        guard let severity = Severity(rawValue: name) else {
            throw error("unknown value '\(name)'; expected fail, warn or ignore")
        }
        return severity
    }

    /// A list of field names (`[model, batch_size, dtype]`): each a plain word, none given twice.
    func fieldNames() throws -> [String] {
        guard case .sequence = node else { throw error("expected a list of field names, as in [model, batch_size, dtype]") }
        var names: [String] = []
        for item in try sequence() {
            let name = try item.string().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0 == "*" || $0 == "/" }) else {
                throw item.error("expected a field name such as batch_size, got '\(name)'")
            }
            guard !names.contains(name) else { throw item.error("'\(name)' is given twice") }
            names.append(name)
        }
        return names
    }

    /// A `YYYY-MM-DD` date, kept as text.
    func date() throws -> String {
        let text = try string()
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil,
              (1...12).contains(month), (1...31).contains(day) else {
            throw error("expected a date as YYYY-MM-DD, got '\(text)'")
        }
        return text
    }

    /// `none`, `null` or `~`: a field set back to nothing.
    var isNone: Bool {
        if case .scalar(let scalar) = node { return ["none", "null", "~", ""].contains(scalar.string) }
        return false
    }
}
