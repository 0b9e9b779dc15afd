/// github-action-benchmark's history file: `data.js` on the `gh-pages` branch
/// (`window.BENCHMARK_DATA = {…}`) or the same object as JSON (`external-data-json-path`):
/// `{"lastUpdate", "repoUrl", "entries": {suite: [{"commit": {"id", "timestamp", …}, "date", "tool",
/// "benches": [{"name", "value", "unit", "range", "extra"}]}]}}`, each suite's entries oldest first.
///
/// As a run (`compare`, `check`), the latest entry of every suite is read; each bench is the benchmark
/// `suite › name` with the metric `value`. Which way is better: the `direction:` of the configuration
/// entry; else the tool (`customBiggerIsBetter` higher, `customSmallerIsBetter` lower); else the unit
/// (`ns/iter`, `ns/op`, `ms` lower; `ops/sec`, `iter/sec` higher); else what the action assumes of the
/// tool (`benchmarkjs` and `pytest` higher, the others lower). An entry or bench that breaks the
/// schema is skipped with a reason naming its JSON path; the rest is read.
enum BenchmarkActionHistoryAdapter: JSONFormatAdapter {
    static let format = ArtifactFormat.benchmarkActionHistory
    static let scriptPrefix = Array("window.BENCHMARK_DATA".utf8)
    static let metric = "value"

    /// Tools whose values the action treats as bigger-is-better when the unit does not say.
    static let biggerIsBetterTools: Set<String> = ["benchmarkjs", "pytest", "customBiggerIsBetter"]

    static func recognize(_ value: JSONValue) -> String? {
        guard let suites = value["entries"]?.objectMembers else { return nil }
        let hasBenches = suites.contains { _, entries in
            if case .array(let items) = entries, let first = items.first { return first["benches"] != nil }
            return false
        }
        guard value["lastUpdate"] != nil || value["repoUrl"] != nil || hasBenches else { return nil }
        return "`entries` of suites with `benches` (github-action-benchmark's history, as in data.js)"
    }

    /// True when the bytes are a `data.js`: `window.BENCHMARK_DATA = {…}`.
    static func isScript(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        return bytes[start...].starts(with: scriptPrefix)
    }

    /// The JSON object of a `data.js`, with the assignment before it and a `;` after it blanked out, so
    /// that a syntax error's line and column are those of the file.
    static func scriptJSON(_ bytes: [UInt8]) -> [UInt8] {
        var json = bytes
        if let brace = json.firstIndex(of: UInt8(ascii: "{")) {
            for index in 0..<brace where json[index] != 0x0A { json[index] = 0x20 }
        }
        var end = json.count - 1
        while end >= 0, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";")].contains(json[end]) {
            json[end] = 0x20
            end -= 1
        }
        return json
    }

    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents {
        try parse(root, direction: request.direction).latestContents
    }

    static func parse(_ root: JSONCursor, direction: Direction? = nil) throws -> BenchmarkActionHistory {
        var history = BenchmarkActionHistory()
        for (name, list) in try root.required("entries").object() {
            guard let items = list.elements else {
                history.skipped["\(list.path): not a list of entries", default: 0] += 1
                continue
            }
            var suite = BenchmarkActionHistory.Suite(name: name, entries: [])
            for item in items {
                if let entry = entry(item, suite: name, direction: direction, skipped: &history.skipped) {
                    suite.entries.append(entry)
                }
            }
            history.suites.append(suite)
        }
        return history
    }

    private static func entry(_ item: JSONCursor, suite: String, direction configured: Direction?,
                              skipped: inout [String: Int]) -> BenchmarkActionHistory.Entry? {
        guard item.members != nil else {
            skipped["\(item.path): not an object", default: 0] += 1
            return nil
        }
        guard let benches = item.child("benches")?.elements else {
            skipped["\(item.path): no `benches` list", default: 0] += 1
            return nil
        }
        let tool = item.child("tool")?.value.stringValue
        let commit = item.child("commit")
        let id = commit?.child("id")?.value.stringValue
        let time = item.child("date")?.value.numberValue.map { $0 > 1e11 ? $0 / 1000 : $0 }
            ?? commit?.child("timestamp")?.value.stringValue.flatMap(ISOTimestamp.seconds)
        var entry = BenchmarkActionHistory.Entry(commit: id, time: time, tool: tool, path: item.path)
        var collector = ArtifactContents.Collector()
        for bench in benches {
            guard let name = bench.child("name")?.value.stringValue, !name.isEmpty else {
                collector.drop("\(bench.path): no `name`")
                continue
            }
            let benchmark = "\(suite) › \(name)"
            guard let value = number(bench.child("value")) else {
                collector.drop("\(bench.path): `value` is not a number")
                continue
            }
            let unit = bench.child("unit")?.value.stringValue ?? ""
            collector.add(value, benchmark: benchmark, metric: metric, unit: unit,
                          direction: configured ?? self.direction(tool: tool, unit: unit, name: name))
            if let range = bench.child("range")?.scalarText, !range.isEmpty { entry.ranges[benchmark] = range }
        }
        entry.contents = collector.contents
        return entry
    }

    /// A number, or text that is one (`"31"`, as some custom scripts write it); nil otherwise.
    private static func number(_ cursor: JSONCursor?) -> Double? {
        switch cursor?.value {
        case .number(let value)?: return value
        case .string(let text)?: return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func direction(tool: String?, unit: String, name: String) -> Direction {
        switch tool {
        case "customBiggerIsBetter": return .higherIsBetter
        case "customSmallerIsBetter": return .lowerIsBetter
        default: break
        }
        if let byUnit = MetricInference.direction(ofUnit: unit) { return byUnit }
        guard let tool else { return MetricInference.infer(name).direction }
        return biggerIsBetterTools.contains(tool) ? .higherIsBetter : .lowerIsBetter
    }
}

/// A github-action-benchmark history as read: its suites, each with its entries oldest first.
struct BenchmarkActionHistory {
    struct Entry {
        var commit: String?
        var time: Double?
        var tool: String?
        /// The JSON path of the entry (`entries.Rust Benchmark[4]`).
        var path: String
        var contents = ArtifactContents()
        /// `range` of each bench (`± 1.2`, `+/- 56`, `stddev: 0.0002`), by benchmark name.
        var ranges: [String: String] = [:]
    }

    struct Suite {
        var name: String
        var entries: [Entry]
    }

    var suites: [Suite] = []
    /// Entries and suites that break the schema, by reason.
    var skipped: [String: Int] = [:]

    /// The latest entry of every suite, as one run's contents.
    var latestContents: ArtifactContents {
        var contents = ArtifactContents()
        contents.skipped = skipped
        for suite in suites {
            guard let latest = suite.entries.last else { continue }
            contents.measurements += latest.contents.measurements
            contents.skipped.merge(latest.contents.skipped, uniquingKeysWith: +)
        }
        return contents
    }

    var summary: HistorySummary {
        HistorySummary(suites: suites.map { suite in
            let latest = suite.entries.last
            return HistorySummary.Suite(name: suite.name, entries: suite.entries.count, tool: latest?.tool,
                                        latestCommit: latest?.commit, latestTime: latest?.time, ranges: latest?.ranges ?? [:])
        })
    }
}

/// What a history file holds, for `inspect`: its suites, how many entries each has, and its latest entry.
public struct HistorySummary: Sendable, Equatable {
    public struct Suite: Sendable, Equatable {
        public let name: String
        public let entries: Int
        public let tool: String?
        public let latestCommit: String?
        /// Seconds since 1970.
        public let latestTime: Double?
        /// The `range` the latest entry gives for each benchmark.
        public let ranges: [String: String]
    }

    public let suites: [Suite]

    public var entryCount: Int { suites.reduce(0) { $0 + $1.entries } }
}

/// ISO 8601 times as git hosts write them: `2024-05-01T10:00:00+02:00`, `2024-05-01T08:00:00Z`,
/// optional fractional seconds.
enum ISOTimestamp {
    static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var seconds = Double(SeriesKey.daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let start = index
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            seconds += Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? 0
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let offsetHours = digits(index + 1, 2) else { return nil }
            let minutesStart = index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? index + 4 : index + 3
            let offset = Double(offsetHours * 3600 + (digits(minutesStart, 2) ?? 0) * 60)
            seconds += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        }
        return seconds
    }
}
