import Foundation

/// Reads the pipe tables of a Markdown report; prose is ignored. A table is a header row, a
/// `|---|` separator row and body rows. A column whose every non-empty cell is a number (`12.3`,
/// `12.3 ms`, `45 tok/s`, `+3.2%`, `1,234`, `**5.1**`) is a metric, named by its header without the
/// unit (`TTFT (s)` is the metric `TTFT` in `s`); the unit comes from the header's parentheses or
/// brackets, else from the cells. The other cells of a row name its benchmark; in a file with several
/// tables, the benchmark is prefixed with the nearest heading above its table (`Heading › row`).
enum MarkdownTableReader {
    struct Table {
        var heading: String
        var header: [String]
        var rows: [[String]]
    }

    static func read(_ bytes: [UInt8]) -> ArtifactContents {
        let tables = parse(String(decoding: CSVParser.decodeToUTF8(bytes), as: UTF8.self))
        var collector = ArtifactContents.Collector()
        for table in tables {
            let columns = table.header.indices.map { column in table.rows.map { column < $0.count ? $0[column] : "" } }
            let parsed = columns.map { cells in cells.map(cellValue) }
            let numeric = parsed.indices.map { column in
                let values = parsed[column].enumerated().filter { !isEmptyCell(columns[column][$0.offset]) }
                return !values.isEmpty && values.allSatisfy { $0.element != nil }
            }
            for (rowIndex, row) in table.rows.enumerated() {
                let key = row.indices.filter { $0 < numeric.count && !numeric[$0] }.map { clean(row[$0]) }.filter { !$0.isEmpty }
                    .joined(separator: ", ")
                let benchmark = tables.count > 1 && !table.heading.isEmpty ? "\(table.heading) › \(key)" : key
                collector.record(failed: nil)
                for column in table.header.indices where numeric[column] {
                    guard let (value, cellUnit) = parsed[column][rowIndex] else {
                        collector.skip("empty")
                        continue
                    }
                    let (name, headerUnit) = splitHeader(table.header[column])
                    let unit = headerUnit ?? cellUnit ?? ""
                    collector.add(value, benchmark: benchmark, metric: name, unit: unit,
                                  direction: MetricInference.infer(name, unit: unit).direction)
                }
            }
        }
        return collector.contents
    }

    static func parse(_ text: String) -> [Table] {
        var tables: [Table] = []
        var heading = ""
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        var inFence = false
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if inFence {
                index += 1
                continue
            }
            if line.hasPrefix("#") {
                heading = clean(String(line.drop { $0 == "#" }))
            }
            if line.contains("|"), index + 1 < lines.count, isSeparator(lines[index + 1]) {
                var table = Table(heading: heading, header: cells(line), rows: [])
                index += 2
                while index < lines.count, lines[index].contains("|"), !lines[index].isEmpty {
                    table.rows.append(cells(lines[index]))
                    index += 1
                }
                tables.append(table)
                continue
            }
            index += 1
        }
        return tables
    }

    static func isSeparator(_ line: String) -> Bool {
        let parts = cells(line)
        return !parts.isEmpty && parts.allSatisfy { part in
            let core = part.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            return core.count >= 1 && core.allSatisfy { $0 == "-" } && part.contains("-")
        }
    }

    /// The cells of a row, split at `|` not escaped with a backslash.
    static func cells(_ line: String) -> [String] {
        var body = line
        if body.hasPrefix("|") { body.removeFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body.removeLast() }
        var result: [String] = []
        var current = ""
        var escaped = false
        for character in body {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result
    }

    /// Text without emphasis, code marks and links' brackets.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            .replacingOccurrences(of: "`", with: "").trimmingCharacters(in: .whitespaces)
    }

    static func isEmptyCell(_ text: String) -> Bool {
        ["", "-", "—", "–", "n/a", "N/A", "NA", "null", "None"].contains(clean(text))
    }

    /// `12.3 ms` → (12.3, "ms"); `+3.2%` → (3.2, "%"); `1,234` → (1234, nil); nil when not a number.
    static func cellValue(_ text: String) -> (Double, String?)? {
        var cell = clean(text)
        guard !cell.isEmpty else { return nil }
        var end = cell.startIndex
        let signs: Set<Character> = ["+", "-", "−"]
        if let first = cell.first, signs.contains(first) { end = cell.index(after: end) }
        while end < cell.endIndex, cell[end].isNumber || cell[end] == "." || cell[end] == "," { end = cell.index(after: end) }
        if end < cell.endIndex, cell[end] == "e" || cell[end] == "E" {
            var exponent = cell.index(after: end)
            if exponent < cell.endIndex, cell[exponent] == "+" || cell[exponent] == "-" { exponent = cell.index(after: exponent) }
            if exponent < cell.endIndex, cell[exponent].isNumber {
                end = exponent
                while end < cell.endIndex, cell[end].isNumber { end = cell.index(after: end) }
            }
        }
        var number = String(cell[..<end]).replacingOccurrences(of: "−", with: "-")
        if number.contains(",") {
            // Only thousands separators: 1,234,567.
            let integer = number.split(separator: ".", maxSplits: 1)[0].drop { $0 == "+" || $0 == "-" }
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            number = number.replacingOccurrences(of: ",", with: "")
        }
        guard let value = Double(number) else { return nil }
        cell = String(cell[end...]).trimmingCharacters(in: .whitespaces)
        if cell.isEmpty { return (value, nil) }
        guard cell.count <= 8, cell.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "%" || $0 == "µ" }) else { return nil }
        return (value, cell)
    }

    /// `TTFT (s)` → ("TTFT", "s"); `Latency [ms]` → ("Latency", "ms"); `Tokens/s` → ("Tokens/s", nil).
    static func splitHeader(_ header: String) -> (String, String?) {
        let text = clean(header)
        for (open, close) in [("(", ")"), ("[", "]")] {
            if text.hasSuffix(close), let start = text.range(of: open, options: .backwards) {
                let unit = String(text[start.upperBound..<text.index(before: text.endIndex)]).trimmingCharacters(in: .whitespaces)
                let name = String(text[..<start.lowerBound]).trimmingCharacters(in: .whitespaces)
                if !unit.isEmpty, unit.count <= 10, !name.isEmpty { return (name, unit) }
            }
        }
        return (text, nil)
    }
}
