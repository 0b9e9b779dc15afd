import RegressGit

/// The columns and encodings of `regress export`: CSV (RFC 4180: a field with a comma, a quote or a
/// line break is quoted, quotes doubled; lines end in LF) and JSON Lines (one object per row, keys in
/// column order). The column order is fixed; new columns are only ever added at the end.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv
    case jsonl

    /// `commit` (the full hash) and `commit_time` (the committer time, `2025-10-02T17:08:37Z`) are
    /// empty for a file of the working tree that is not committed as it is; `direction` is `lower`,
    /// `higher` or `unknown`; `value` is empty (`null`) for a value of a record that reported an
    /// error; `run_status` is `failed` when records of the run reported an error (the first is
    /// `error`), else `ok`; the `fingerprint_*` columns are the values of `Fingerprint.identityFields`,
    /// in that order ("" where unknown).
    public static let columns = ["commit", "commit_time", "series", "path", "format", "benchmark", "metric", "unit", "direction",
                                 "sample_index", "value", "run_status", "error", "fingerprint_id"]
        + Fingerprint.identityFields.map { "fingerprint_" + $0.replacingOccurrences(of: ".", with: "_") }

    /// What comes before the rows: the CSV header line; nothing for JSON Lines.
    public var header: String {
        self == .csv ? ExportFormat.columns.joined(separator: ",") + "\n" : ""
    }

    /// Appends the rows of one run to `out`, and returns how many: every value of every measurement
    /// (`sample_index` from 0), then the values of its failed records (an empty `value`, `null` in
    /// JSON Lines). The fields that are the same for a whole run or measurement (the commit and its
    /// time, the series, path and format; the run's status and fingerprint; the benchmark, metric,
    /// unit and direction) are encoded once, not per row.
    @discardableResult
    public func append(_ run: Run, commit: Commit?, to out: inout String) -> Int {
        let fingerprint = run.fingerprint?.fingerprint
        let runFields = [commit?.id.hex ?? "", commit.map { InspectOperation.Report.isoTime(Double($0.time)) } ?? "", run.series.value,
                         run.path, run.format.rawValue]
        let tailFields = [run.failure == nil ? "ok" : "failed", run.failure?.firstError ?? "", fingerprint?.id ?? ""]
            + Fingerprint.identityFields.map { fingerprint?.fields[$0] ?? "" }
        let columns = ExportFormat.columns
        let head: String, tail: String
        switch self {
        case .csv:
            head = runFields.map(ExportFormat.csvField).joined(separator: ",") + ","
            tail = "," + tailFields.map(ExportFormat.csvField).joined(separator: ",") + "\n"
        case .jsonl:
            head = "{" + zip(columns.prefix(5), runFields).map { "\"\($0)\":\(JSONWriter.quote($1))," }.joined()
            tail = "," + zip(columns.dropFirst(11), tailFields).map { "\"\($0)\":\(JSONWriter.quote($1))" }.joined(separator: ",") + "}\n"
        }
        var rows = 0
        for m in run.measurements {
            let measurementFields = [m.benchmark, m.metric, m.unit, m.direction.rawValue]
            let prefix: String
            switch self {
            case .csv:
                prefix = head + measurementFields.map(ExportFormat.csvField).joined(separator: ",") + ","
            case .jsonl:
                prefix = head + zip(columns[5..<9], measurementFields).map { "\"\($0)\":\(JSONWriter.quote($1))," }.joined()
                    + "\"sample_index\":"
            }
            let separator = self == .csv ? "," : ",\"value\":"
            let missing = self == .csv ? "" : "null"
            for index in 0..<(m.samples.count + m.failedSamples) {
                out += prefix
                out += String(index)
                out += separator
                out += index < m.samples.count ? JSONWriter.format(m.samples[index]) : missing
                out += tail
            }
            rows += m.samples.count + m.failedSamples
        }
        return rows
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

}
