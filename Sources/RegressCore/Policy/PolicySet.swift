import Foundation
import RegressGit

/// Every policy file that applies to a comparison, in order, and the resolution of a metric's policy:
/// the built-in defaults, then each file's `defaults:` in file order, then every rule that matches
/// the metric id (`series/benchmark/metric`) in file and rule order; a later one overrides the fields
/// it sets.
public struct PolicySet: Sendable {
    struct Rule: Sendable {
        let match: [Glob]
        let fields: PolicyFields
        let origin: RuleOrigin
    }

    public static let currentVersion = 1

    /// The files read, in order.
    public let files: [String]
    let defaults: [(PolicyFields, RuleOrigin)]
    let rules: [Rule]
    /// The built-in values with every file's `defaults:` applied: what a metric no rule matches gets,
    /// worked out once rather than for each of a comparison's metrics.
    private let defaultPolicy: MetricPolicy
    /// True when some block sets `normalize.by` to a metric: otherwise no metric is normalised.
    let normalizes: Bool

    init(files: [String], defaults: [(PolicyFields, RuleOrigin)], rules: [Rule]) {
        self.files = files
        self.defaults = defaults
        self.rules = rules
        var policy = MetricPolicy()
        for (fields, origin) in defaults {
            fields.apply(to: &policy, origin: origin)
            policy.decidingRule = origin
        }
        defaultPolicy = policy
        normalizes = policy.normalizeBy != nil || rules.contains { ($0.fields.normalizeBy ?? nil) != nil }
    }

    /// The policy of a metric.
    public func resolve(_ metricID: String) -> MetricPolicy {
        var policy = defaultPolicy
        for rule in rules where rule.match.contains(where: { $0.matches(metricID) }) {
            rule.fields.apply(to: &policy, origin: rule.origin)
            policy.decidingRule = rule.origin
        }
        return policy
    }

    /// The policy for decisions about a run as a whole (which fingerprint fields must agree): that of
    /// its first metric.
    public func resolve(seriesOf run: Run) -> MetricPolicy {
        let first = run.measurements.first
        return resolve("\(run.series.value)/\(first?.benchmark ?? "")/\(first?.metric ?? "")")
    }

    /// This set's files, then those of `other`: where both set a field, `other` wins.
    public func followed(by other: PolicySet) -> PolicySet {
        PolicySet(files: files + other.files, defaults: defaults + other.defaults, rules: rules + other.rules)
    }

    /// Parses policy files given as (name, text), in the order given.
    public static func parse(_ files: [(name: String, text: String)]) throws -> PolicySet {
        var defaults: [(PolicyFields, RuleOrigin)] = []
        var rules: [Rule] = []
        for file in files {
            let root = try YAMLValue.parse(file.text, file: file.name)
            var version: Int?
            for (key, value) in try root.mapping(allowed: ["version", "defaults", "rules"]) {
                switch key {
                case "version":
                    version = try value.formatVersion(current: currentVersion)
                case "defaults":
                    defaults.append((try PolicyFields.parse(value).0, RuleOrigin(file: file.name, rule: "defaults")))
                case "rules":
                    for (index, item) in try value.sequence().enumerated() {
                        rules.append(try parseRule(item, index: index, file: file.name))
                    }
                default:
                    break
                }
            }
            if version == nil {
                throw root.error("a policy file starts with `version: 1`")
            }
        }
        return PolicySet(files: files.map(\.name), defaults: defaults, rules: rules)
    }

    private static func parseRule(_ item: YAMLValue, index: Int, file: String) throws -> Rule {
        let (fields, rest) = try PolicyFields.parse(item, extra: ["match", "name"])
        var globs: [Glob]?
        var name: String?
        for (key, value) in rest {
            if key == "name" {
                name = try value.string()
            } else {
                globs = try value.strings().map { pattern in
                    do { return try Glob(pattern) } catch let error as GlobError { throw value.error(error.description) }
                }
            }
        }
        guard let globs, !globs.isEmpty else {
            throw item.error("each rule needs `match:`, a glob over `series/benchmark/metric` or a list of them")
        }
        let label = name.map { "rules[\(index)] (\($0))" } ?? "rules[\(index)]"
        return Rule(match: globs, fields: fields, origin: RuleOrigin(file: file, rule: label))
    }

    /// The policies for a comparison: the `--policy` files when given; else every `policies/*.yml`
    /// of the source, in name order; else the built-in default policy.
    public static func load(explicitFiles: [String], source: ArtifactSource) throws -> PolicySet {
        if !explicitFiles.isEmpty {
            return try parse(explicitFiles.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ConfigurationError(file: path, line: nil, keyPath: "", message: "cannot be read: check the --policy path")
                }
                return (path, String(decoding: data, as: UTF8.self))
            })
        }
        let paths = try source.files(matching: [try Glob("policies/*.{yml,yaml}")])
        if paths.isEmpty { return .builtInDefault }
        return try parse(try paths.map { ($0, String(decoding: try source.read($0), as: UTF8.self)) })
    }

    /// The shipped default policy, used when a repository has none.
    public static let builtInDefault: PolicySet = {
        try! parse([("built-in default policy", DefaultPolicy.text)])
    }()
}
