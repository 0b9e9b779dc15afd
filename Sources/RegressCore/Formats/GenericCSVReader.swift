import Foundation

/// Reads a CSV table (first record is the header):
/// - a column whose every non-empty value is a number is a metric, except id-like columns (`id`,
///   `index`, `*_id`, `*_index`), which name the benchmark, and repetition counters (`run`, `iteration`,
///   `repeat`, `trial`, `sample`, ...), which only tell samples apart;
/// - the key columns (configured, else the other non-numeric columns, leaving out timestamps and
///   failure columns) name the benchmark; rows with the same key are samples of one measurement;
/// - a row with a non-empty `error`, a `status` that is not a success word, or `success` false failed:
///   its values are counted as failed, never as measurements. An error column whose every value is a
///   number counts errors: it is a metric.
struct GenericCSVReader {
    static let repetitionColumns: Set<String> = [
        "run", "runs", "run_id", "run_index", "run_number", "iteration", "iter", "repeat", "repetition", "rep",
        "trial", "sample", "round", "attempt",
    ]
    static let timestampColumns: Set<String> = [
        "timestamp", "time_stamp", "date", "datetime", "started", "finished", "created", "generated",
    ]

    enum Role: Equatable {
        case key, metric, failure, ignored
    }

    struct Schema {
        let header: [String]
        let roles: [Role]
        /// Key columns shown as `name=value` in the benchmark's name (a profile's parameters).
        var labelled: Set<Int> = []
        /// Per metric column, the value of each row as classifying read it (`emptyCell` for an empty
        /// cell), so that no cell is parsed twice; nil for the other columns.
        var numbers: [[Double]?] = []
    }

    /// A NaN with a payload no parsed cell keeps (a parsed NaN is stored as `Double.nan`): an empty cell.
    static let emptyCell = Double(nan: 0x0E_3E7, signaling: false)

    static func isEmptyCell(_ value: Double) -> Bool { value.bitPattern == emptyCell.bitPattern }

    static func read(_ bytes: [UInt8], path: String, keys: [String]) throws -> ArtifactContents {
        var table: CSVColumns
        do {
            table = try CSVColumns(bytes)
        } catch let error as CSVParser.SyntaxError {
            throw ArtifactError.malformed(path: path, location: "line \(error.line)", reason: error.reason)
        }
        guard !table.header.isEmpty else { return ArtifactContents() }
        let header = table.header.map { $0.trimmedSpaces }
        if let duplicate = ArtifactScreening.duplicateColumn(header, path: path) { throw duplicate }
        if let wide = table.firstWideRow {
            throw ArtifactError.malformed(path: path, location: "line \(wide.line)",
                                          reason: "the row has \(wide.fields) fields, the header has \(header.count)")
        }
        let schema = try classify(header: header, table: &table, path: path, keys: keys)
        var collector = ArtifactContents.Collector()
        let keyColumns = schema.roles.indices.filter { schema.roles[$0] == .key }
        let keyTexts = keyColumns.map { table.text($0) }
        let failureColumns = schema.roles.indices.filter { schema.roles[$0] == .failure }
        let failureTexts = failureColumns.map { table.text($0) }
        // The measurement of each column for the benchmark of the rows just read (rows of one
        // benchmark usually follow each other).
        var keysBenchmark: String?
        var columnKeys = [Int?](repeating: nil, count: header.count)
        let metricColumns = schema.roles.indices.compactMap { column in
            schema.roles[column] == .metric ? schema.numbers[column].map { (column, $0) } : nil
        }
        for rowIndex in 0..<table.rowCount {
            var error: String?
            for (index, column) in failureColumns.enumerated() {
                error = error ?? RecordFailure.error(field: header[column], value: failureTexts[index][rowIndex])
            }
            collector.record(failed: error)
            let benchmark = keyColumns.isEmpty ? "" : keyColumns.indices
                .map { index in
                    let column = keyColumns[index]
                    let text = keyTexts[index][rowIndex].trimmedSpaces
                    return schema.labelled.contains(column) ? "\(header[column])=\(text)" : text
                }
                .joined(separator: ", ")
            for (column, numbers) in metricColumns {
                if error != nil {
                    collector.addFailed(benchmark: benchmark, metric: header[column])
                    continue
                }
                let number = numbers[rowIndex]
                if isEmptyCell(number) {
                    collector.skip("empty")
                    continue
                }
                if keysBenchmark != benchmark {
                    keysBenchmark = benchmark
                    for index in columnKeys.indices { columnKeys[index] = nil }
                }
                if let key = columnKeys[column] {
                    collector.add(number, position: key)
                } else {
                    columnKeys[column] = collector.addReturningPosition(number, benchmark: benchmark, metric: header[column])
                    // Without key columns every row is the one benchmark: the rest of the column is its samples.
                    if keyColumns.isEmpty, let position = columnKeys[column] {
                        collector.reserveSamples(table.rowCount - rowIndex - 1, position: position)
                    }
                }
            }
        }
        return collector.contents
    }

    static func classify(header: [String], table: inout CSVColumns, path: String, keys: [String]) throws -> Schema {
        for key in keys where !header.contains(key) {
            throw ArtifactError.unknownKey(path: path, key: key, available: header)
        }
        var roles: [Role] = []
        var numbers: [[Double]?] = []
        for (column, name) in header.enumerated() {
            let lower = name.lowercased()
            let columnNumbers = table.numbers[column]
            let nonEmpty = table.nonEmpty[column]
            numbers.append(columnNumbers)
            let numeric = columnNumbers != nil && nonEmpty > 0
            // Only a column that is not all numbers is read as text here (to tell timestamps).
            let values = numeric || nonEmpty == 0 ? [] : table.text(column).map(\.trimmedSpaces).filter { !$0.isEmpty }
            // An error column of numbers counts errors (as `"errors": 3` does in JSON): a metric.
            if RecordFailure.isFailureField(name), !(numeric && RecordFailure.errorFields.contains(lower)) {
                roles.append(.failure)
                continue
            }
            if !keys.isEmpty, keys.contains(name) {
                roles.append(.key)
                continue
            }
            if repetitionColumns.contains(lower) && (numeric || nonEmpty == 0) {
                roles.append(.ignored)
            } else if numeric {
                let idLike = ["id", "index", "idx"].contains(lower) || lower.hasSuffix("_id") || lower.hasSuffix("_index")
                    || lower.hasSuffix("_idx")
                roles.append(idLike && keys.isEmpty ? .key : (idLike ? .ignored : .metric))
            } else if isTimestampColumn(lower, values: values) {
                roles.append(.ignored)
            } else {
                roles.append(keys.isEmpty ? .key : .ignored)
            }
        }
        var labelled: Set<Int> = []
        if keys.isEmpty { labelled = LLMProfile.adjust(header: header, roles: &roles) }
        for column in roles.indices where roles[column] != .metric { numbers[column] = nil }
        return Schema(header: header, roles: roles, labelled: labelled, numbers: numbers)
    }

    /// The number a cell holds, spaces at either end trimmed: `emptyCell` when it is empty, nil when it
    /// is no number (a NaN is `Double.nan`).
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first, let last = bytes.last else { return emptyCell }
        func mayBeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte >= 0x80 }
        if !mayBeSpace(first), !mayBeSpace(last), let value = DecimalNumber.fastPath(bytes) { return value }
        let text = String(decoding: bytes, as: UTF8.self).trimmedSpaces
        if text.isEmpty { return emptyCell }
        return parseNumber(text).map { $0.isNaN ? .nan : $0 }
    }

    private static func isTimestampColumn(_ name: String, values: [String]) -> Bool {
        if timestampColumns.contains(name) || name.hasSuffix("_at") || name.hasSuffix("_time") && !values.isEmpty
            && values.allSatisfy({ SeriesKey(path: $0).timestamp != nil }) {
            return true
        }
        return !values.isEmpty && values.allSatisfy { SeriesKey(path: $0).value.hasPrefix(SeriesKey.placeholder) }
    }

    /// A plain decimal number, or `nan`/`inf` (which are then skipped and counted).
    static func parseNumber(_ text: String) -> Double? {
        if let value = DecimalNumber.parse(text) { return value }
        switch text.lowercased() {
        case "nan", "-nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }
}

extension String {
    /// The text without the spaces and tabs (and other Unicode spaces) at either end, as
    /// `trimmingCharacters(in: .whitespaces)`, returned as is when it starts and ends with neither.
    var trimmedSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func mayBeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte >= 0x80 }
        guard mayBeSpace(first) || mayBeSpace(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// The text cut or padded with spaces to `length` UTF-16 units, as
    /// `padding(toLength: length, withPad: " ", startingAt: 0)` makes it, without Foundation for ASCII
    /// text (a column of a report).
    func paddedWithSpaces(toLength length: Int) -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return padding(toLength: length, withPad: " ", startingAt: 0) }
        let count = utf8.count
        guard count < length else { return String(decoding: utf8.prefix(length), as: UTF8.self) }
        return self + String(repeating: " ", count: length - count)
    }
}
