import RegressGit

/// One measured value as `regress export` writes it.
public struct ExportRow: Sendable {
    /// The full hash of the commit, and its committer time as `2025-10-02T17:08:37Z`; empty for a
    /// file of the working tree that is not committed as it is.
    public var commit: String
    public var commitTime: String
    public var series: String
    public var path: String
    public var format: String
    public var benchmark: String
    public var metric: String
    public var unit: String
    /// `lower`, `higher` or `unknown`.
    public var direction: String
    /// 0-based, within the measurement; the values of failed records come after the valid ones.
    public var sampleIndex: Int
    /// Nil for a value of a record that reported an error.
    public var value: Double?
    /// `failed` when records of the run reported an error (the first is `error`), else `ok`.
    public var runStatus: String
    public var error: String
    public var fingerprintID: String
    /// The values of `Fingerprint.identityFields`, in that order ("" where unknown).
    public var fingerprintFields: [String]
}

/// The columns and encodings of `regress export`: CSV (RFC 4180: a field with a comma, a quote or a
/// line break is quoted, quotes doubled; lines end in LF) and JSON Lines (one object per row, keys in
/// column order). The column order is fixed; new columns are only ever added at the end.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv
    case jsonl

    public static let columns = ["commit", "commit_time", "series", "path", "format", "benchmark", "metric", "unit", "direction",
                                 "sample_index", "value", "run_status", "error", "fingerprint_id"]
        + Fingerprint.identityFields.map { "fingerprint_" + $0.replacingOccurrences(of: ".", with: "_") }

    /// What comes before the rows: the CSV header line; nothing for JSON Lines.
    public var header: String {
        self == .csv ? ExportFormat.columns.joined(separator: ",") + "\n" : ""
    }

    public func line(_ row: ExportRow) -> String {
        let value = row.value.map(JSONWriter.format) ?? ""
        switch self {
        case .csv:
            let fields = [row.commit, row.commitTime, row.series, row.path, row.format, row.benchmark, row.metric, row.unit,
                          row.direction, String(row.sampleIndex), value, row.runStatus, row.error, row.fingerprintID]
                + row.fingerprintFields
            return fields.map(ExportFormat.csvField).joined(separator: ",") + "\n"
        case .jsonl:
            func text(_ value: String) -> String { JSONWriter.quote(value) }
            var members = [text(row.commit), text(row.commitTime), text(row.series), text(row.path), text(row.format),
                           text(row.benchmark), text(row.metric), text(row.unit), text(row.direction), String(row.sampleIndex),
                           row.value.map(JSONWriter.format) ?? "null", text(row.runStatus), text(row.error), text(row.fingerprintID)]
            members += row.fingerprintFields.map(text)
            return "{" + zip(ExportFormat.columns, members).map { "\"\($0)\":\($1)" }.joined(separator: ",") + "}\n"
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of one run: every value of every measurement, then the values of its failed records.
    public static func rows(of run: Run, commit: Commit?) -> [ExportRow] {
        let fingerprint = run.fingerprint?.fingerprint
        let fields = Fingerprint.identityFields.map { fingerprint?.fields[$0] ?? "" }
        let time = commit.map { InspectOperation.Report.isoTime(Double($0.time)) } ?? ""
        let status = run.failure == nil ? "ok" : "failed"
        let error = run.failure?.firstError ?? ""
        var rows: [ExportRow] = []
        for m in run.measurements {
            let values: [Double?] = m.samples.map { $0 } + Array(repeating: nil, count: m.failedSamples)
            for (index, value) in values.enumerated() {
                rows.append(ExportRow(commit: commit?.id.hex ?? "", commitTime: time, series: run.series.value, path: run.path,
                                      format: run.format.rawValue, benchmark: m.benchmark, metric: m.metric, unit: m.unit,
                                      direction: m.direction.rawValue, sampleIndex: index, value: value, runStatus: status,
                                      error: error, fingerprintID: fingerprint?.id ?? "", fingerprintFields: fields))
            }
        }
        return rows
    }
}
