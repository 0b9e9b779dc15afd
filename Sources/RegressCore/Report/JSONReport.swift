/// The machine-readable report: `outcome` (what decided the exit code), `verdict`, `counts` (of
/// `results`, every metric) and `ignored` (those of them reports leave out), `base`, `head`, `results`,
/// `failed_runs`, `moves`, `files`, `notices`.
public enum JSONReport {
    public static func render(_ comparison: Comparison) -> String {
        // The results, most of a large report, are written straight to bytes (on every core), not
        // built as values first; `document` lists the same members, so the text is the same.
        let results = comparison.results
        return JSONWriter.write(document(comparison, results: []), records: JSONWriter.Records(key: "results", count: results.count) { index, object in
            members(of: results[index]) { object.member($0, $1) }
        })
    }

    public static func document(_ comparison: Comparison) -> JSONValue {
        document(comparison, results: ParallelMap.map(comparison.results) { result in
            var object: [(String, JSONValue)] = []
            members(of: result) { object.append(($0, $1)) }
            return .object(object)
        })
    }

    /// The members of one result, in key order (as the writer puts them: it then has nothing to sort,
    /// and `render` can write them as they come).
    static func members(of result: MetricResult, _ emit: (String, JSONValue) -> Void) {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        emit("aggregate", .string(result.aggregate.rawValue))
        emit("base", number(result.base))
        emit("benchmark", .string(result.benchmark))
        emit("ci_high", number(result.ciHigh))
        emit("ci_low", number(result.ciLow))
        emit("cv_base", number(result.cvBase))
        emit("cv_head", number(result.cvHead))
        emit("direction", .string(result.direction.rawValue))
        emit("expired", result.expired.map { .string($0) } ?? .null)
        emit("head", number(result.head))
        emit("metric", .string(result.metric))
        emit("note", result.note.map { .string($0) } ?? .null)
        emit("p_value", number(result.pValue))
        emit("p_value_adjusted", number(result.pValueAdjusted))
        emit("relative_change", number(result.relativeChange))
        emit("rule", .string(result.rule.description))
        emit("samples_base", .number(Double(result.samplesBase)))
        emit("samples_head", .number(Double(result.samplesHead)))
        emit("series", .string(result.series))
        emit("severity", .string(result.severity.rawValue))
        emit("test", result.test.map { .string($0.rawValue) } ?? .null)
        emit("unit", .string(result.unit))
        emit("verdict", .string(result.verdict.rawValue))
    }

    private static func document(_ comparison: Comparison, results: [JSONValue]) -> JSONValue {
        func side(_ side: ComparisonSide) -> JSONValue {
            .object([
                ("label", .string(side.label)),
                ("commit", side.commit.map { .string($0.id.hex) } ?? .null),
                ("summary", side.commit.map { .string($0.summary) } ?? .null),
            ])
        }
        let counts = comparison.allCounts, ignored = comparison.ignoredCounts
        func path(_ path: String?) -> JSONValue { path.map { .string($0) } ?? .null }
        return .object([
            ("outcome", .string(comparison.outcome)),
            ("verdict", .string(comparison.verdict.rawValue)),
            ("exit_code", .number(Double(comparison.exitCode))),
            ("policies", .array(comparison.policyFiles.map { .string($0) })),
            ("counts", .object(Verdict.allCases.map { ($0.rawValue, .number(Double(counts[$0] ?? 0))) })),
            ("ignored", .object(Verdict.allCases.map { ($0.rawValue, .number(Double(ignored[$0] ?? 0))) })),
            ("moves", .array(comparison.moves.map { move in
                .object([("from", .string(move.from)), ("to", .string(move.to)), ("evidence", .string(move.evidence.rawValue))])
            })),
            ("files", .array(comparison.comparedFiles.map { files in
                .object([
                    ("series", .string(files.series)),
                    ("base_path", path(files.basePath)), ("base_runs", .number(Double(files.baseRuns))),
                    ("head_path", path(files.headPath)), ("head_runs", .number(Double(files.headRuns))),
                ])
            })),
            ("base", side(comparison.base)),
            ("head", side(comparison.head)),
            ("results", .array(results)),
            ("failed_runs", .array(comparison.failedRuns.map { run in
                .object([
                    ("series", .string(run.series)),
                    ("path", .string(run.path)),
                    ("failed_records", .number(Double(run.failure.failedRecords))),
                    ("total_records", .number(Double(run.failure.totalRecords))),
                    ("first_error", .string(run.failure.firstError)),
                    ("unchanged_since_base", .bool(run.unchangedSinceBase)),
                ])
            })),
            ("incomparable_runs", .array(comparison.incomparableRuns.map { run in
                .object([
                    ("series", .string(run.series)),
                    ("base", .object([("fingerprint", .string(run.base.fingerprint.id)), ("from", .string(run.base.origin))])),
                    ("head", .object([("fingerprint", .string(run.head.fingerprint.id)), ("from", .string(run.head.origin))])),
                    ("differences", .array(run.differences.map { field in
                        .object([
                            ("field", .string(field)),
                            ("base", run.base.fingerprint.fields[field].map { .string($0) } ?? .null),
                            ("head", run.head.fingerprint.fields[field].map { .string($0) } ?? .null),
                        ])
                    })),
                ])
            })),
            ("notices", .array(comparison.notices.map { .string($0) })),
        ])
    }
}
