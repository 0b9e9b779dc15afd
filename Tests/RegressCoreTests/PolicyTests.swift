import Foundation
@testable import RegressCore
import Testing

struct PolicyTests {
    @Test func theBuiltInDefaultsAreWhatTheDocumentedDefaultFileSays() {
        let policy = PolicySet.builtInDefault.resolve("any/b/latency_ms")
        #expect(policy.direction == nil)
        #expect(policy.relativeTolerance == 0.05)
        #expect(policy.absoluteTolerance == nil)
        #expect(policy.test == .mannWhitney)
        #expect(policy.alpha == 0.01)
        #expect(policy.minSamples == 5)
        #expect(policy.aggregate == .median)
        #expect(policy.severity == .fail)
        #expect(policy.onMissing == .warn)
        #expect(policy.onNew == .ignore)
        #expect(policy.onFailedRun == .warn)
        #expect(policy.maxCV == nil)
        #expect(policy.normalizeBy == nil)
        var untouched = MetricPolicy()
        untouched.origins = policy.origins
        untouched.decidingRule = policy.decidingRule
        #expect(untouched == policy, "the shipped file restates the built-in values")
    }

    @Test func thisRepositorysDefaultPolicyFileIsTheShippedOne() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies/default.yml")
        #expect(try String(contentsOf: url, encoding: .utf8) == DefaultPolicy.text)
    }

    @Test func laterFilesAndRulesOverrideTheFieldsTheySet() throws {
        let first = """
            version: 1
            defaults:
              tolerance: { relative: 10% }
            rules:
              - name: llm
                match: "bench/llm.csv/**"
                test: welch
                alpha: 0.05
              - match: ["**/ttft_s", "**/tpot_s"]
                tolerance: { relative: 20%, absolute: 0.05 }
                reason: shared GPU runners
                expires: 2027-03-31
            """
        let second = """
            version: 1
            defaults:
              min_samples: 8
            rules:
              - match: "**/ttft_s"
                direction: lower
                severity: warn
            """
        let set = try PolicySet.parse([("policies/a.yml", first), ("policies/b.yml", second)])
        let ttft = set.resolve("bench/llm.csv/m/ttft_s")
        #expect(ttft.relativeTolerance == 0.2)
        #expect(ttft.absoluteTolerance == 0.05)
        #expect(ttft.test == .welch)
        #expect(ttft.alpha == 0.05)
        #expect(ttft.minSamples == 8)
        #expect(ttft.direction == .lowerIsBetter)
        #expect(ttft.severity == .warn)
        #expect(ttft.reason == "shared GPU runners")
        #expect(ttft.origin(of: "tolerance.relative") == RuleOrigin(file: "policies/a.yml", rule: "rules[1]"))
        #expect(ttft.origin(of: "test") == RuleOrigin(file: "policies/a.yml", rule: "rules[0] (llm)"))
        #expect(ttft.origin(of: "min_samples") == RuleOrigin(file: "policies/b.yml", rule: "defaults"))
        #expect(ttft.origin(of: "aggregate") == .builtIn)
        #expect(ttft.decidingRule == RuleOrigin(file: "policies/b.yml", rule: "rules[0]"))
        #expect(ttft.isExpired(today: "2027-04-01"))
        #expect(!ttft.isExpired(today: "2027-03-31"))
        let other = set.resolve("bench/compile.json/eager/mean_time_ms")
        #expect(other.relativeTolerance == 0.1)
        #expect(other.test == .mannWhitney)
        #expect(other.decidingRule == RuleOrigin(file: "policies/b.yml", rule: "defaults"))
    }

    @Test(arguments: [
        ("version: 1\ndefaults:\n  tolerence: { relative: 5% }\n", "p.yml:3: defaults.tolerence: unknown key; expected one of: direction, tolerance, test, alpha, min_samples, aggregate, severity, on_missing, on_new, on_failed_run, noise, normalize, fingerprint, reason, expires, history, required_metadata"),
        ("version: 1\ndefaults:\n  history: { window: 1 }\n", "p.yml:3: defaults.history.window: history.window must be at least 2 runs"),
        ("version: 1\ndefaults:\n  history: { min_shift: 0 }\n", "p.yml:3: defaults.history.min_shift: history.min_shift is a number of noise units above 0, as in 3"),
        ("version: 1\ndefaults:\n  history: { windows: 20 }\n", "p.yml:3: defaults.history.windows: unknown key; expected one of: window, min_runs, min_shift, significance, min_segment"),
        ("version: 1\ndefaults:\n  tolerance: { relative: 5 }\n", "p.yml:3: defaults.tolerance.relative: expected a percentage such as 5%, got '5'"),
        ("version: 1\ndefaults:\n  tolerance: { relative: five% }\n", "p.yml:3: defaults.tolerance.relative: expected a percentage such as 5%, got 'five%'"),
        ("version: 1\ndefaults:\n  alpha: 2\n", "p.yml:3: defaults.alpha: alpha must be between 0 and 1, as in 0.01"),
        ("version: 1\ndefaults:\n  min_samples: [5]\n", "p.yml:3: defaults.min_samples: expected a whole number"),
        ("version: 1\ndefaults:\n  test: t-test\n", "p.yml:3: defaults.test: unknown test 't-test'; expected one of: mann-whitney, welch, bootstrap, none"),
        ("version: 1\ndefaults:\n  aggregate: p50\n", "p.yml:3: defaults.aggregate: unknown aggregate 'p50'; expected one of: median, mean, min, max, p90, p95, p99"),
        ("version: 1\ndefaults:\n  severity: error\n", "p.yml:3: defaults.severity: unknown value 'error'; expected fail, warn or ignore"),
        ("version: 1\nrules:\n  - match: \"a/**b\"\n", "p.yml:3: rules[0].match: invalid glob 'a/**b': '**' must be a whole path segment, as in 'a/**/b'"),
        ("version: 1\nrules:\n  - severity: warn\n", "p.yml:3: rules[0]: each rule needs `match:`, a glob over `series/benchmark/metric` or a list of them"),
        ("version: 1\nrules:\n  - match: x\n    expires: 31/03/2027\n", "p.yml:4: rules[0].expires: expected a date as YYYY-MM-DD, got '31/03/2027'"),
        ("version: 3\n", "p.yml:1: version: version 3 is newer than this regress understands (1): upgrade regress"),
        ("defaults:\n  alpha: 0.05\n", "p.yml:1: a policy file starts with `version: 1`"),
        ("version: 1\ndefaults:\n  direction: up\n", "p.yml:3: defaults.direction: unknown direction 'up'; expected lower, higher, none or infer"),
        ("version: 1\ndefaults:\n  normalize: eval_count\n", "p.yml:3: defaults.normalize: expected a mapping of keys to values"),
        ("version: 1\ndefaults:\n  normalize: { per: eval_count }\n", "p.yml:3: defaults.normalize.per: unknown key; expected one of: by"),
        ("version: 1\ndefaults:\n  normalize: { by: \"**/eval_count\" }\n", "p.yml:3: defaults.normalize.by: expected the name of a metric of the same benchmark, such as eval_count, got '**/eval_count'"),
        ("version: 1\ndefaults:\n  normalize: { by: [a, b] }\n", "p.yml:3: defaults.normalize.by: expected a text value"),
        ("version: 1\ndefaults:\n  required_metadata: model\n", "p.yml:3: defaults.required_metadata: expected a list of field names, as in [model, batch_size, dtype]"),
        ("version: 1\ndefaults:\n  required_metadata:\n    - model\n    - batch size\n", "p.yml:5: defaults.required_metadata[1]: expected a field name such as batch_size, got 'batch size'"),
        ("version: 1\nrules:\n  - match: x\n    required_metadata: [model, dtype, model]\n", "p.yml:4: rules[0].required_metadata[2]: 'model' is given twice"),
    ])
    func errorsNameTheFileLineAndKeyPath(text: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try PolicySet.parse([("p.yml", text)]) }
        #expect(error?.errorDescription == message)
    }

    @Test func explainSaysWhichRuleSetEachField() throws {
        let set = try PolicySet.parse([("policies/llm.yml", """
            version: 1
            rules:
              - name: slow first token
                match: "**/ttft_s"
                tolerance: { relative: 15% }
                noise: { max_cv: 25% }
                expires: 2026-01-01
            """)])
        let explanation = PolicyExplanation(metricID: "bench/llm.csv/m/ttft_s", policies: set, today: "2026-06-01")
        #expect(explanation.text == """
            policy for bench/llm.csv/m/ttft_s
            files: policies/llm.yml
            decided by: policies/llm.yml rules[0] (slow first token) (expired: it still applies)

            direction                lower (inferred from 'ttft_s': time unit 's')                       built-in defaults
            tolerance.relative       15.0%                                                               policies/llm.yml rules[0] (slow first token)
            tolerance.absolute       none                                                                built-in defaults
            test                     mann-whitney                                                        built-in defaults
            alpha                    0.01                                                                built-in defaults
            min_samples              5                                                                   built-in defaults
            aggregate                median                                                              built-in defaults
            severity                 fail                                                                built-in defaults
            on_missing               warn                                                                built-in defaults
            on_new                   ignore                                                              built-in defaults
            on_failed_run            warn                                                                built-in defaults
            noise.max_cv             25.0%                                                               policies/llm.yml rules[0] (slow first token)
            normalize.by             none                                                                built-in defaults
            fingerprint.match        cpu.model, cpu.logical_cores, memory.total_gb, gpu.models, os.name  built-in defaults
            fingerprint.on_mismatch  fail                                                                built-in defaults
            history                  on                                                                  built-in defaults
            history.window           20                                                                  built-in defaults
            history.min_runs         5                                                                   built-in defaults
            history.min_shift        1                                                                   built-in defaults
            history.significance     0.01                                                                built-in defaults
            history.min_segment      3                                                                   built-in defaults
            required_metadata        none                                                                built-in defaults
            reason                   none                                                                built-in defaults
            expires                  2026-01-01                                                          policies/llm.yml rules[0] (slow first token)

            """)
    }

    @Test func normalizeNamesTheMetricToDivideByAndNoneSwitchesItOff() throws {
        let set = try PolicySet.parse([("policies/llm.yml", """
            version: 1
            defaults:
              normalize: { by: eval_count }
            rules:
              - match: "**/load_s"
                normalize: { by: none }
            """)])
        #expect(set.resolve("bench/llm.csv/m/total_duration_s").normalizeBy == "eval_count")
        #expect(set.resolve("bench/llm.csv/m/load_s").normalizeBy == nil)
        let explanation = PolicyExplanation(metricID: "bench/llm.csv/m/total_duration_s", policies: set, today: "2026-06-01")
        #expect(explanation.lines.first { $0.field == "normalize.by" }
            == PolicyExplanation.Line(field: "normalize.by", value: "eval_count", origin: "policies/llm.yml defaults"))
    }
}
