import Foundation

/// One stored baseline: the measurements of one series on one machine, as `baselines/` keeps them.
///
/// The file is JSON with sorted keys and one block per measurement, so that `git diff` and
/// `git log -p baselines/` read well:
///
/// ```json
/// {
///   "accepted": [{"commit": "…", "date": "2026-11-29", "metrics": ["…/ttft_s"], "pattern": "**/ttft_s", "reason": "…"}],
///   "fingerprint": {"fields": {"cpu.model": "…", …}, "id": "a743a46ac90e"},
///   "measurements": [
///     {"benchmark": "…", "commit": "…", "date": "…", "direction": "lower", "metric": "ttft_s",
///      "samples": [0.51, 0.49, …], "samples_kept": 5, "summary": {"n": 5, "mean": …, "median": …, "std": …,
///      "mad": …, "min": …, "max": …, "p90": …, "p95": …, "p99": …}, "unit": "s"}
///   ],
///   "regress_baseline": 1,
///   "series": "bench/llm.csv",
///   "source": {"commit": "…", "date": "2026-11-29", "path": "bench/llm.csv"}
/// }
/// ```
/// Above `sampleCap` samples, that many evenly spaced order statistics are kept; the summary is
/// computed from all of them.
public struct BaselineFile: Equatable, Sendable {
    public static let formatVersion = 1
    public static let sampleCap = 1000

    public struct Entry: Equatable, Sendable {
        public var benchmark: String
        public var metric: String
        public var unit: String
        public var direction: Direction
        public var samples: [Double]
        public var summary: Descriptive
        public var commit: String?
        public var date: String
    }

    public struct Acceptance: Equatable, Sendable {
        public var pattern: String
        public var metrics: [String]
        public var reason: String
        public var date: String
        public var commit: String?
    }

    public var series: String
    public var fingerprint: Fingerprint
    public var sourcePath: String
    public var sourceCommit: String?
    public var date: String
    public var entries: [Entry]
    public var accepted: [Acceptance] = []

    /// A baseline of a run, as recorded on `date` from `commit` (nil for uncommitted files).
    public init(run: Run, fingerprint: Fingerprint, commit: String?, date: String) {
        series = run.series.value
        self.fingerprint = fingerprint
        sourcePath = run.path
        sourceCommit = commit
        self.date = date
        entries = run.measurements.compactMap { BaselineFile.entry($0, commit: commit, date: date) }
            .sorted { ($0.benchmark, $0.metric) < ($1.benchmark, $1.metric) }
    }

    static func entry(_ measurement: Measurement, commit: String?, date: String) -> Entry? {
        guard let summary = Descriptive(measurement.samples) else { return nil }
        return Entry(benchmark: measurement.benchmark, metric: measurement.metric, unit: measurement.unit,
                     direction: measurement.direction, samples: capped(measurement.samples), summary: summary,
                     commit: commit, date: date)
    }

    /// At most `sampleCap` samples: all of them, or evenly spaced order statistics.
    static func capped(_ samples: [Double]) -> [Double] {
        guard samples.count > sampleCap else { return samples }
        let sorted = samples.sorted()
        return (0..<sampleCap).map { sorted[Int((Double($0) * Double(sorted.count - 1) / Double(sampleCap - 1)).rounded())] }
    }

    /// Replaces (or adds) the entries of these measurements.
    mutating func replace(with measurements: [Measurement], commit: String?, date: String) {
        for measurement in measurements {
            guard let entry = BaselineFile.entry(measurement, commit: commit, date: date) else { continue }
            entries.removeAll { $0.benchmark == entry.benchmark && $0.metric == entry.metric }
            entries.append(entry)
        }
        entries.sort { ($0.benchmark, $0.metric) < ($1.benchmark, $1.metric) }
    }

    /// The baseline as a run to compare with.
    public func run(path: String) -> Run {
        Run(series: SeriesKey(value: series), path: path, format: .json,
            measurements: entries.map {
                Measurement(benchmark: $0.benchmark, metric: $0.metric, unit: $0.unit, direction: $0.direction, samples: $0.samples)
            },
            fingerprint: RunFingerprint(fingerprint: fingerprint, origin: path))
    }

    public var json: String {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        return JSONWriter.write(.object([
            ("regress_baseline", .number(Double(BaselineFile.formatVersion))),
            ("series", .string(series)),
            ("fingerprint", .object([("id", .string(fingerprint.id)), ("fields", .object(fingerprint.fields.map { ($0.key, .string($0.value)) }))])),
            ("source", .object([("path", .string(sourcePath)), ("commit", optional(sourceCommit)), ("date", .string(date))])),
            ("accepted", .array(accepted.map { acceptance in
                .object([("pattern", .string(acceptance.pattern)), ("metrics", .array(acceptance.metrics.map { .string($0) })),
                         ("reason", .string(acceptance.reason)), ("date", .string(acceptance.date)), ("commit", optional(acceptance.commit))])
            })),
            ("measurements", .array(entries.map { entry in
                let s = entry.summary
                return .object([
                    ("benchmark", .string(entry.benchmark)), ("metric", .string(entry.metric)), ("unit", .string(entry.unit)),
                    ("direction", .string(entry.direction.rawValue)), ("commit", optional(entry.commit)), ("date", .string(entry.date)),
                    ("samples", .array(entry.samples.map { .number($0) })), ("samples_kept", .number(Double(entry.samples.count))),
                    ("summary", .object([
                        ("n", .number(Double(s.n))), ("mean", .number(s.mean)), ("median", .number(s.median)),
                        ("std", .number(s.standardDeviation)), ("mad", .number(s.mad)), ("min", .number(s.min)), ("max", .number(s.max)),
                        ("p90", .number(s.percentile(0.9))), ("p95", .number(s.percentile(0.95))), ("p99", .number(s.percentile(0.99))),
                    ])),
                ])
            })),
        ]))
    }

    /// Reads a baseline file; an error names the file and the key.
    public static func parse(_ bytes: [UInt8], path: String) throws -> BaselineFile {
        func bad(_ key: String, _ reason: String) -> ArtifactError { .malformed(path: path, location: key, reason: reason) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            throw ArtifactError.malformed(path: path, location: "line \(error.line), column \(error.column)", reason: error.reason)
        }
        guard let version = root["regress_baseline"]?.numberValue else { throw bad("regress_baseline", "not a regress baseline file") }
        guard Int(version) <= formatVersion else {
            throw bad("regress_baseline", tooNewVersionMessage(Int(version), understood: formatVersion))
        }
        guard let series = root["series"]?.stringValue else { throw bad("series", "missing or not text") }
        guard let fingerprintValue = root["fingerprint"]?["fields"] else { throw bad("fingerprint.fields", "missing") }
        var fields: [String: String] = [:]
        Fingerprint.flatten(fingerprintValue, prefix: "", into: &fields)
        let source = root["source"]
        var file = BaselineFile(series: series, fingerprint: Fingerprint(fields: fields),
                                sourcePath: source?["path"]?.stringValue ?? "", sourceCommit: source?["commit"]?.stringValue,
                                date: source?["date"]?.stringValue ?? "", entries: [])
        guard case .array(let items)? = root["measurements"] else { throw bad("measurements", "missing or not a list") }
        for (index, item) in items.enumerated() {
            let key = "measurements[\(index)]"
            guard let benchmark = item["benchmark"]?.stringValue, let metric = item["metric"]?.stringValue else {
                throw bad(key, "needs `benchmark` and `metric`")
            }
            guard case .array(let values)? = item["samples"] else { throw bad(key + ".samples", "missing or not a list") }
            let samples = values.compactMap(\.numberValue)
            guard samples.count == values.count, let summary = Descriptive(samples) else {
                throw bad(key + ".samples", "needs at least one number, and only numbers")
            }
            let direction = Direction(rawValue: item["direction"]?.stringValue ?? "unknown") ?? .unknown
            file.entries.append(Entry(benchmark: benchmark, metric: metric, unit: item["unit"]?.stringValue ?? "",
                                      direction: direction, samples: samples, summary: summary,
                                      commit: item["commit"]?.stringValue, date: item["date"]?.stringValue ?? ""))
        }
        if case .array(let items)? = root["accepted"] {
            for item in items {
                let metrics: [String]
                if case .array(let names)? = item["metrics"] { metrics = names.compactMap(\.stringValue) } else { metrics = [] }
                file.accepted.append(Acceptance(pattern: item["pattern"]?.stringValue ?? "", metrics: metrics,
                                                reason: item["reason"]?.stringValue ?? "", date: item["date"]?.stringValue ?? "",
                                                commit: item["commit"]?.stringValue))
            }
        }
        return file
    }

    init(series: String, fingerprint: Fingerprint, sourcePath: String, sourceCommit: String?, date: String, entries: [Entry]) {
        self.series = series
        self.fingerprint = fingerprint
        self.sourcePath = sourcePath
        self.sourceCommit = sourceCommit
        self.date = date
        self.entries = entries
    }

    /// The file name in `baselines/`: the series with every character outside `A-Z a-z 0-9 . _ -`
    /// replaced by `_` (folders become `__`), at most 80 characters of it, then 8 hex digits of a hash
    /// of the full series (so that two series never share a file), then `@` and the fingerprint id.
    /// It never holds a `/`, never starts with a dot, and so never leaves the folder.
    public static func fileName(series: String, fingerprintID: String) -> String {
        var readable = ""
        for scalar in series.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": readable.unicodeScalars.append(scalar)
            case ".": readable += readable.hasSuffix(".") || readable.isEmpty ? "_" : "."
            case "/": readable += "__"
            default: readable += "_"
            }
        }
        readable = String(readable.prefix(80))
        let hash = String(Bootstrap.seed(for: series) >> 32, radix: 16)
        let id = fingerprintID.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } ? fingerprintID : "unknown"
        return "\(readable.isEmpty ? "series" : readable)-\(String(repeating: "0", count: 8 - hash.count) + hash)@\(id).json"
    }

    public var fileName: String { BaselineFile.fileName(series: series, fingerprintID: fingerprint.id) }
}
