/// Catch2 benchmarks (`BENCHMARK`), in the console reporter's tables (v2: `estimated`, v3: `est run time`)
/// and the XML reporter (`-r xml`: `<BenchmarkResults name samples iterations>` holding `<mean value
/// lowerBound upperBound>` and `<standardDeviation …>`, in nanoseconds).
///
/// Each benchmark gives `mean`, `low_mean`, `high_mean` (the bounds of the mean's bootstrap interval)
/// in ns, lower is better; `std_dev` in ns (a spread: no direction); `samples` and `iterations` (counts,
/// no direction). The console prints each value in its own unit (`ns`, `us`, `ms`, `s`): all are
/// converted to ns. A name the console wraps over several lines is joined again. With
/// `--benchmark-no-analysis` the console's one row ends in the mean, and the XML's interval is empty
/// (`ci="0"`): only `mean`, `samples` and `iterations` are read. `Benchmark failed
/// (…)` (console) or `<failed message>` (XML) makes that benchmark failed. A name used in two test cases
/// is prefixed with its test case (`Containers › fill`).
enum Catch2Adapter: TextFormatAdapter {
    static let format = ArtifactFormat.catch2

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        if text.contains("<BenchmarkResults"), text.contains("<Catch") {
            return "`<BenchmarkResults>` elements of Catch2's XML reporter"
        }
        let header = text.split(whereSeparator: \.isNewline).contains {
            $0.hasPrefix("benchmark name") && $0.contains("samples") && $0.contains("iterations")
                && ($0.contains("estimated") || $0.contains("est run time") || $0.hasSuffix("mean"))
        }
        guard header else { return nil }
        return "a Catch2 console benchmark table (`benchmark name  samples  iterations`)"
    }

    /// The Catch2 version the output names: `Catch v2.13.10`, `Catch2 v3.4.0`, `catch2-version="3.4.0"`.
    static func version(_ text: Substring) -> String? {
        if let match = text.firstMatch(of: /Catch2? v(\d+\.\d+\.\d+)/) { return "Catch2 v\(match.1)" }
        if let match = text.firstMatch(of: /catch2-version="([^"]+)"/) { return "Catch2 v\(match.1)" }
        return nil
    }

    /// One benchmark as read: its values in ns, or the error it failed with.
    struct Row {
        var testCase: String
        var name: String
        var line: Int
        var samples: Double?
        var iterations: Double?
        var mean: [Double] = []
        var standardDeviation: [Double] = []
        var error: String?
        /// A value element that did not read (already said in a notice).
        var broken = false
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        var problems = TextFormatSupport.Problems(path: request.path)
        var collector = ArtifactContents.Collector()
        let xml = text.contains("<BenchmarkResults")
        let start = text.prefix(ArtifactReader.recognitionPrefix)
        collector.variant = [version(start), xml ? "XML reporter" : "console"].compactMap { $0 }.joined(separator: ", ")
        let rows = xml
            ? readXML(text, problems: &problems, collector: &collector)
            : readConsole(text, problems: &problems, collector: &collector)
        let counts = Dictionary(rows.map { ($0.name, Set([$0.testCase])) }, uniquingKeysWith: { $0.union($1) })
        for row in rows {
            let name = (counts[row.name]?.count ?? 0) > 1 && !row.testCase.isEmpty ? "\(row.testCase) › \(row.name)" : row.name
            collector.record(failed: row.error)
            if row.error != nil {
                collector.addFailed(benchmark: name, metric: "mean", unit: "ns", direction: .lowerIsBetter)
                continue
            }
            guard let mean = row.mean.first else {
                if !row.broken { problems.skip(line: row.line, "`\(row.name)`: no mean", in: &collector) }
                continue
            }
            collector.add(mean, benchmark: name, metric: "mean", unit: "ns", direction: .lowerIsBetter)
            if row.mean.count == 3 {
                collector.add(row.mean[1], benchmark: name, metric: "low_mean", unit: "ns", direction: .lowerIsBetter)
                collector.add(row.mean[2], benchmark: name, metric: "high_mean", unit: "ns", direction: .lowerIsBetter)
            }
            if let deviation = row.standardDeviation.first {
                collector.add(deviation, benchmark: name, metric: "std_dev", unit: "ns", direction: .unknown)
            }
            if let samples = row.samples { collector.add(samples, benchmark: name, metric: "samples", unit: "", direction: .unknown) }
            if let iterations = row.iterations {
                collector.add(iterations, benchmark: name, metric: "iterations", unit: "", direction: .unknown)
            }
        }
        return try problems.finish(collector)
    }

    // MARK: console

    /// Where the console reader is: between sections, in a test case's heading, in a table's heading or body.
    enum ConsoleState { case outside, caseName, caseSections, tableHeading, table }

    static func readConsole(_ text: String, problems: inout TextFormatSupport.Problems,
                            collector: inout ArtifactContents.Collector) -> [Row] {
        var rows: [Row] = []
        var state = ConsoleState.outside
        var testCase = ""
        var current: Row?
        var pendingName: [(line: Int, text: String)] = []
        // Without analysis (`--benchmark-no-analysis`) a row's last column is the mean, not the estimated run time.
        var rowEndsInMean = false

        func flush() {
            if let row = current { rows.append(row) }
            current = nil
        }
        func dropPending() {
            if let first = pendingName.first {
                problems.skip(line: first.line, "not a benchmark row: \(pendingName.map(\.text).joined(separator: " "))", in: &collector)
            }
            pendingName = []
        }
        func startRow(_ line: Int, namePart: Substring) -> Row {
            let name = (pendingName.map(\.text) + [namePart.trimmingCharacters(in: .whitespaces)]).filter { !$0.isEmpty }.joined(separator: " ")
            pendingName = []
            return Row(testCase: testCase, name: name, line: line)
        }

        for (number, line) in TextFormatSupport.lines(text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let isRule = trimmed.count >= 10 && trimmed.allSatisfy { $0 == "-" }
            if line.hasPrefix("benchmark name") && line.contains("iterations") {
                flush()
                dropPending()
                rowEndsInMean = trimmed.hasSuffix("mean")
                state = .tableHeading
                continue
            }
            switch state {
            case .outside:
                if isRule { state = .caseName }
            case .caseName:
                testCase = trimmed
                state = .caseSections
            case .caseSections:
                if isRule { state = .outside }
            case .tableHeading:
                if isRule { state = .table }
            case .table:
                if isRule || (trimmed.count >= 10 && trimmed.allSatisfy { $0 == "=" }) {
                    flush()
                    dropPending()
                    state = isRule ? .caseName : .outside
                } else if trimmed.isEmpty {
                    flush()
                } else if let match = line.wholeMatch(of: /(.*?)\s+(\d+)\s+(\d+)\s+([0-9.eE+-]+)\s+(ps|ns|us|µs|μs|ms|s)\s*/) {
                    flush()
                    var row = startRow(number, namePart: match.1)
                    row.samples = Double(match.2)
                    row.iterations = Double(match.3)
                    if rowEndsInMean, let value = Double(match.4), let factor = TextFormatSupport.nanosecondsPer(match.5) {
                        row.mean = [value * factor]
                    }
                    current = row
                } else if let range = line.range(of: "Benchmark failed (") {
                    flush()
                    var row = startRow(number, namePart: line[..<range.lowerBound])
                    var message = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    if message.hasSuffix(")") { message.removeLast() }
                    row.error = message.isEmpty ? "Benchmark failed" : message
                    rows.append(row)
                } else if let values = durations(trimmed) {
                    guard var row = current else {
                        dropPending()
                        problems.skip(line: number, "values without a benchmark row above them", in: &collector)
                        continue
                    }
                    if row.mean.isEmpty { row.mean = values } else if row.standardDeviation.isEmpty { row.standardDeviation = values }
                    current = row
                } else {
                    flush()
                    pendingName.append((number, trimmed))
                }
            }
        }
        flush()
        dropPending()
        return rows
    }

    /// One to three durations (`9.01888 us    8.72763 us    10.1765 us`) in ns; nil for other text.
    static func durations(_ text: String) -> [Double]? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty, tokens.count % 2 == 0, tokens.count <= 6 else { return nil }
        var values: [Double] = []
        for index in stride(from: 0, to: tokens.count, by: 2) {
            guard let value = Double(tokens[index]), let factor = TextFormatSupport.nanosecondsPer(tokens[index + 1]) else { return nil }
            values.append(value * factor)
        }
        return values
    }

    // MARK: XML

    static func readXML(_ text: String, problems: inout TextFormatSupport.Problems,
                        collector: inout ArtifactContents.Collector) -> [Row] {
        var rows: [Row] = []
        var testCase = ""
        var current: Row?
        for tag in tags(text) {
            let attributes = tag.attributes
            switch (tag.name, tag.closing) {
            case ("TestCase", false):
                testCase = attributes["name"] ?? ""
            case ("BenchmarkResults", false):
                if let row = current { rows.append(row) }
                var row = Row(testCase: testCase, name: attributes["name"] ?? "", line: tag.line)
                row.samples = attributes["samples"].flatMap(Double.init)
                row.iterations = attributes["iterations"].flatMap(Double.init)
                current = tag.selfClosing ? nil : row
                if tag.selfClosing { rows.append(row) }
            case ("BenchmarkResults", true):
                if let row = current { rows.append(row) }
                current = nil
            case ("mean", false), ("standardDeviation", false):
                guard current != nil else { continue }
                guard let values = bounds(attributes) else {
                    problems.skip(line: tag.line, "`<\(tag.name)>` of `\(current!.name)`: `value`, `lowerBound` or `upperBound` is not a number",
                                  in: &collector)
                    current!.broken = true
                    continue
                }
                // An interval of confidence 0 is no interval: the run was not analysed.
                let analysed = attributes["ci"].flatMap(Double.init) != 0
                if tag.name == "mean" {
                    current!.mean = analysed ? values : [values[0]]
                } else if analysed {
                    current!.standardDeviation = values
                }
            case ("failed", false):
                current?.error = attributes["message"].map { $0.isEmpty ? "failed" : $0 } ?? "failed"
            default:
                continue
            }
        }
        if let row = current { rows.append(row) }
        return rows
    }

    /// `value`, `lowerBound`, `upperBound` as numbers (the bounds optional).
    static func bounds(_ attributes: [String: String]) -> [Double]? {
        guard let value = attributes["value"].flatMap(Double.init) else { return nil }
        guard let lower = attributes["lowerBound"], let upper = attributes["upperBound"] else { return [value] }
        guard let low = Double(lower), let high = Double(upper) else { return nil }
        return [value, low, high]
    }

    /// One start or end tag of an XML document, with the line it starts on.
    struct Tag {
        var closing: Bool
        var name: String
        var selfClosing: Bool
        var attributes: [String: String]
        var line: Int
    }

    /// The tags of an XML document in order, scanned byte by byte (comments, processing instructions
    /// and declarations skipped; attribute values unescaped). A tag cut off at the end is dropped.
    static func tags(_ text: String) -> [Tag] {
        let bytes = Array(text.utf8)
        var tags: [Tag] = []
        var index = 0, line = 1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        /// Moves to `target` (an index past the current one), counting the line breaks passed.
        func advance(to target: Int) {
            while index < min(target, bytes.count) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
        }
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var position = start
            while position + pattern.count <= bytes.count {
                if bytes[position] == pattern[0] && bytes[position..<position + pattern.count].elementsEqual(pattern) { return position }
                position += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                advance(to: index + 1)
                continue
            }
            let tagLine = line
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                advance(to: (find(Array("-->".utf8), from: index + 4) ?? bytes.count) + 3)
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") || bytes[index + 1] == UInt8(ascii: "!") {
                advance(to: (find([UInt8(ascii: ">")], from: index + 1) ?? bytes.count) + 1)
                continue
            }
            var position = index + 1
            let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
            if closing { position += 1 }
            let nameStart = position
            while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
            guard position > nameStart else {
                advance(to: index + 1)
                continue
            }
            var tag = Tag(closing: closing, name: String(decoding: bytes[nameStart..<position], as: UTF8.self), selfClosing: false,
                          attributes: [:], line: tagLine)
            var complete = false
            while position < bytes.count {
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count else { break }
                if bytes[position] == UInt8(ascii: ">") {
                    complete = true
                    position += 1
                    break
                }
                if bytes[position] == UInt8(ascii: "/") {
                    tag.selfClosing = true
                    position += 1
                    continue
                }
                let attributeStart = position
                while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
                let attribute = String(decoding: bytes[attributeStart..<position], as: UTF8.self)
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                guard !attribute.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else { break }
                position += 1
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else { break }
                let quote = bytes[position]
                position += 1
                let valueStart = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                guard position < bytes.count else { break }
                tag.attributes[attribute] = unescape(Substring(String(decoding: bytes[valueStart..<position], as: UTF8.self)))
                position += 1
            }
            if complete { tags.append(tag) }
            advance(to: complete ? position : index + 1)
        }
        return tags
    }

    /// XML's predefined entities and numeric character references.
    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let code, let scalar = Unicode.Scalar(code) { result.unicodeScalars.append(scalar) } else { result += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
