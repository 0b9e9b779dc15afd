/// `go test -bench` output: `BenchmarkName-8  1000  1234 ns/op  56 B/op  2 allocs/op  12.5 MB/s`.
/// Repeated lines of one benchmark (`-count N`) are its samples; the `-8` GOMAXPROCS suffix is not part
/// of the name (it goes to the fingerprint as `go.maxprocs`). `ns/op`, `B/op` and `allocs/op`
/// are lower-is-better, `MB/s` and other `/s` units higher-is-better; other custom units (`tokens/op`)
/// are unknown. The `goos:`, `goarch:`, `pkg:` and `cpu:` header lines feed the fingerprint
/// (`cpu.model`); with several packages, a benchmark is named `pkg.Name`. A `--- FAIL: BenchmarkX`
/// line makes that benchmark failed. Custom metrics (`b.ReportMetric`) are any further `value unit`
/// pairs. A name whose results went to the next line (the benchmark printed something after its name,
/// `BenchmarkX-8  log text`, or the name stands alone) is joined to them. A `Benchmark…` line whose
/// values do not read is skipped with a notice naming the line.
///
/// `go test -json` output (one event a line, `{"Action": "output", "Output": "…"}`) is read as the text
/// its `output` events make, in order (a result line may come in several events); a notice names the
/// line of the event where the text line began.
enum GoBenchAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.goBench

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        let found = text.split(whereSeparator: \.isNewline).contains { parseLine(String($0)) != nil }
        return found ? "`Benchmark…` result lines of `go test -bench`" : nil
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        if let events = testJSONOutput(request.bytes) {
            var contents = try read(Array(events.text.utf8), path: request.path, lineNumbers: events.lines)
            contents.variant = "go test -json"
            return contents
        }
        return try read(Array(text.utf8), path: request.path)
    }

    /// Why the bytes are `go test -json` output (their first line an event with `Action`), or nil.
    static func recognizeTestJSON(_ bytes: [UInt8]) -> String? {
        // A line, not a whole document: a JSON file on one line is not parsed twice.
        guard bytes.first == UInt8(ascii: "{"), let newline = bytes.prefix(65_536).firstIndex(of: 0x0A),
              String(decoding: bytes[..<newline], as: UTF8.self).contains("\"Action\""),
              let event = try? JSONParser.parse(Array(bytes[..<newline])), event["Action"]?.stringValue != nil,
              event["Package"] != nil || event["Time"] != nil else { return nil }
        return "`go test -json` events (`Action`, `Output`)"
    }

    /// The text the `output` events of `go test -json` make, and for each of its lines the line of the
    /// event where it began; nil when the bytes are not such events. Lines that are not events are skipped.
    static func testJSONOutput(_ bytes: [UInt8]) -> (text: String, lines: [Int])? {
        guard recognizeTestJSON(bytes) != nil else { return nil }
        var text = ""
        var lines: [Int] = []
        var atLineStart = true
        for (number, line) in TextFormatSupport.lines(String(decoding: bytes, as: UTF8.self)) where !line.isEmpty {
            guard let event = try? JSONParser.parse(Array(line.utf8)), event["Action"]?.stringValue == "output",
                  let output = event["Output"]?.stringValue else { continue }
            for character in output {
                if atLineStart {
                    lines.append(number)
                    atLineStart = false
                }
                text.append(character)
                if character.isNewline { atLineStart = true }
            }
        }
        return (text, lines)
    }

    static func parseLine(_ line: String) -> (name: String, procs: String?, values: [(Double, String)])? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 4, fields[0].hasPrefix("Benchmark"), Int(fields[1]) != nil, (fields.count - 2) % 2 == 0 else { return nil }
        var values: [(Double, String)] = []
        var index = 2
        while index + 1 < fields.count {
            guard let value = Double(fields[index]) else { return nil }
            values.append((value, fields[index + 1]))
            index += 2
        }
        var name = fields[0]
        var procs: String?
        if let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil {
            procs = String(name[name.index(after: dash)...])
            name = String(name[..<dash])
        }
        return (name, procs, values)
    }

    /// Reads the text output; `lineNumbers` are the file's lines of the text's lines, where they differ.
    static func read(_ bytes: [UInt8], path: String, lineNumbers: [Int]? = nil) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        var problems = TextFormatSupport.Problems(path: path)
        var pendingName: String?
        var fields: [String: String] = [:]
        var package = ""
        var packages: Set<String> = []
        var rows: [(String, [(Double, String)])] = []
        var failed: [String: String] = [:]
        for (number, raw) in TextFormatSupport.lines(String(decoding: bytes, as: UTF8.self)) {
            var line = String(raw).trimmingCharacters(in: .whitespaces)
            if let name = pendingName {
                pendingName = nil
                if let first = line.first, first.isNumber { line = name + " " + line }
            }
            if line.hasPrefix("goos:") { fields["go.os"] = value(line) }
            if line.hasPrefix("goarch:") { fields["go.arch"] = value(line) }
            if line.hasPrefix("cpu:") { fields["cpu.model"] = value(line) }
            if line.hasPrefix("pkg:") {
                package = value(line)
                packages.insert(package)
            }
            if line.hasPrefix("--- FAIL: Benchmark") {
                let name = String(line.dropFirst("--- FAIL: ".count).split(separator: " ").first ?? "")
                failed[qualified(strip(name), package)] = line
            }
            if let parsed = parseLine(line) {
                if let procs = parsed.procs { fields["go.maxprocs"] = procs }
                rows.append((qualified(parsed.name, package), parsed.values))
            } else if line.hasPrefix("Benchmark") {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if fields.count == 1 || Int(fields[1]) == nil {
                    pendingName = String(fields[0])
                } else {
                    let fileLine = lineNumbers.flatMap { number <= $0.count ? $0[number - 1] : nil } ?? number
                    problems.skip(line: fileLine, "not a `go test -bench` result (`name N value unit …`): \(line)", in: &collector)
                }
            }
        }
        for (name, error) in failed.sorted(by: { $0.key < $1.key }) where !rows.contains(where: { $0.0 == name }) {
            collector.record(failed: error)
            collector.addFailed(benchmark: display(name, packages), metric: "ns/op", unit: "ns", direction: .lowerIsBetter)
        }
        for (name, values) in rows {
            collector.record(failed: failed[name])
            for (value, unit) in values {
                let (metric, shownUnit, direction) = describe(unit)
                if failed[name] != nil {
                    collector.addFailed(benchmark: display(name, packages), metric: metric, unit: shownUnit, direction: direction)
                } else {
                    collector.add(value, benchmark: display(name, packages), metric: metric, unit: shownUnit, direction: direction)
                }
            }
        }
        if !fields.isEmpty { collector.fingerprint = Fingerprint(fields: fields) }
        return try problems.finish(collector)
    }

    /// The metric is named by its unit; `ns/op` is shown in `ns`.
    static func describe(_ unit: String) -> (String, String, Direction) {
        switch unit {
        case "ns/op": return ("ns/op", "ns", .lowerIsBetter)
        case "B/op": return ("B/op", "B", .lowerIsBetter)
        case "allocs/op": return ("allocs/op", "", .lowerIsBetter)
        case _ where unit.hasSuffix("/s"): return (unit, unit, .higherIsBetter)
        default: return (unit, unit, .unknown)  // a custom unit (`tokens/op`): either way may be better
        }
    }

    private static func value(_ line: String) -> String {
        String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmingCharacters(in: .whitespaces)
    }

    private static func strip(_ name: String) -> String {
        guard let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil else { return name }
        return String(name[..<dash])
    }

    private static func qualified(_ name: String, _ package: String) -> String { package + "\u{0}" + name }

    private static func display(_ qualified: String, _ packages: Set<String>) -> String {
        let parts = qualified.split(separator: "\u{0}", omittingEmptySubsequences: false)
        let package = String(parts[0]), name = String(parts[1])
        guard packages.count > 1, !package.isEmpty else { return name }
        return "\(package).\(name)"
    }
}
