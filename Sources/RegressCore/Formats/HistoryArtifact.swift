/// One run held inside a history file or history folder.
public struct HistoryEntry: Sendable {
    /// The full or abbreviated commit hash the entry names, if any.
    public let commit: String?
    /// Seconds since 1970, from the entry's own date.
    public let time: Double?
    /// Its measurements, under the same series key, benchmark and metric names as `compare` reads
    /// them from the same file (so a metric id `series/benchmark/metric` is the same in both).
    public let run: Run

    public init(commit: String?, time: Double?, run: Run) {
        self.commit = commit
        self.time = time
        self.run = run
    }
}

/// The entries read from a history, and the files passed over with the reason.
public struct HistoryRead: Sendable {
    public var entries: [HistoryEntry]
    public var notices: [String]
}

/// Artifacts that are histories themselves: github-action-benchmark's `data.js` / `data.json` and an
/// asv results folder. Each entry is a run at the commit it names.
public enum HistoryArtifact {
    /// Every entry of a data.js / data.json, oldest first (by the entry's `date`; entries of several
    /// suites interleaved); nil when the bytes are not such a file. Each entry is one suite's run: its
    /// benchmarks are `suite › name`, its series the file's, so entries of several suites at one commit
    /// hold different metrics. `direction` is the configuration's word for the file (`direction:`).
    /// Throws `ArtifactError.malformed` for a data.js whose JSON does not parse.
    public static func entries(dataJS bytes: [UInt8], path: String, direction: Direction? = nil) throws -> [HistoryEntry]? {
        let value: JSONValue
        if BenchmarkActionHistoryAdapter.isScript(bytes) {
            value = try ArtifactReader.parseJSON(ReadRequest(bytes: bytes, path: path))
        } else {
            guard let parsed = try? JSONParser.parse(bytes) else { return nil }
            value = parsed
        }
        guard BenchmarkActionHistoryAdapter.recognize(value) != nil else { return nil }
        let history = try BenchmarkActionHistoryAdapter.parse(JSONCursor(value, file: path), direction: direction)
        let series = SeriesKey(path: path)
        var ordered: [(time: Double, suite: Int, index: Int, entry: BenchmarkActionHistory.Entry)] = []
        for (suiteIndex, suite) in history.suites.enumerated() {
            var previous = 0.0
            for (index, entry) in suite.entries.enumerated() {
                // An entry without a date keeps its place after the one before it in its suite.
                previous = entry.time ?? previous
                ordered.append((previous, suiteIndex, index, entry))
            }
        }
        ordered.sort { ($0.time, $0.suite, $0.index) < ($1.time, $1.suite, $1.index) }
        return ordered.map { item in
            HistoryEntry(commit: item.entry.commit, time: item.entry.time,
                         run: Run(series: series, path: path, format: .benchmarkActionHistory,
                                  measurements: item.entry.contents.measurements, skipped: item.entry.contents.skipped))
        }
    }

    /// Every result file of an asv results folder of one source (read via `read`), one entry per result
    /// file (commit from `commit_hash`, time from `date`), oldest first; each under the series key of its
    /// path (`results/<machine>/{commit}-<environment>.json`), so each machine and environment is one
    /// series, as `compare` keys them. `machine.json` and `benchmarks.json` among `paths` are read as
    /// what they are (fingerprint, units), never as entries; a file that is not an asv results file or
    /// does not parse is left out (`read(asvResults:read:)` says which and why).
    public static func entries(asvResults paths: [String], read: (String) throws -> [UInt8]) throws -> [HistoryEntry] {
        try self.read(asvResults: paths, read: read).entries
    }

    /// `entries(asvResults:read:)` with the notices of the files passed over. `known` holds the entries
    /// of files read already (`asvEntry(bytes:run:)`, with the `machine.json` and `benchmarks.json` that
    /// `read` gives): they are not read again, only keyed with the others.
    public static func read(asvResults paths: [String], read: (String) throws -> [UInt8],
                            known: [String: HistoryEntry] = [:]) throws -> HistoryRead {
        var machines: [String: JSONValue?] = [:]
        var declared: [String: [String: (String, Direction)]] = [:]
        var entries: [HistoryEntry] = []
        var notices: [String] = []
        let keys = SeriesKey.keys(for: paths)
        for path in paths.sorted() {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name == "machine.json" || name == "benchmarks.json" { continue }
            if let entry = known[path] {
                var run = entry.run
                run.series = keys[path] ?? SeriesKey(path: path)
                entries.append(HistoryEntry(commit: entry.commit, time: entry.time, run: run))
                continue
            }
            let bytes = try read(path)
            let value: JSONValue
            do {
                value = try ArtifactReader.parseJSON(ReadRequest(bytes: bytes, path: path))
            } catch let error as ArtifactError {
                notices.append("skipped \(error.localizedDescription)")
                continue
            }
            guard ASVAdapter.recognize(value) != nil else {
                if ASVAdapter.companion(value, request: ReadRequest(bytes: bytes, path: path)) == nil {
                    notices.append("skipped \(path): not an asv results file (no `results` with `commit_hash`)")
                }
                continue
            }
            let machinePath = ASVAdapter.machinePath(path)
            if machines[machinePath] == nil {
                machines[machinePath] = .some((try? read(machinePath)).flatMap { try? JSONParser.parse($0) })
            }
            let benchmarksPath = ASVAdapter.benchmarksPath(path)
            if declared[benchmarksPath] == nil {
                declared[benchmarksPath] = (try? read(benchmarksPath)).map(ASVAdapter.declaredKinds) ?? [:]
            }
            let contents: ArtifactContents
            do {
                contents = try ASVAdapter.read(JSONCursor(value, file: path), machine: machines[machinePath]!,
                                               declared: declared[benchmarksPath]!)
            } catch let error as ArtifactError {
                notices.append("skipped \(error.localizedDescription)")
                continue
            }
            let run = Run(series: keys[path] ?? SeriesKey(path: path), path: path, format: .asv, measurements: contents.measurements,
                          skipped: contents.skipped, fingerprint: contents.fingerprint.map { RunFingerprint(fingerprint: $0, origin: path) })
            entries.append(asvEntry(value, run: run))
        }
        entries.sort { ($0.time ?? 0, $0.run.path) < ($1.time ?? 0, $1.run.path) }
        return HistoryRead(entries: entries, notices: notices)
    }

    /// The entry of an asv results file: its run, at the commit of its `commit_hash` and the time of its
    /// `date` (milliseconds, as asv writes it, or seconds).
    static func asvEntry(_ value: JSONValue, run: Run) -> HistoryEntry {
        let date = value["date"]?.numberValue
        return HistoryEntry(commit: value["commit_hash"]?.stringValue, time: date.map { $0 > 1e11 ? $0 / 1000 : $0 }, run: run)
    }

    /// The entry of an asv results file whose run was read already (by `ArtifactReader`, which took the
    /// file for asv's by its content), from its bytes: `commit_hash` and `date` are found by a scan of
    /// its top level, without building the document again. Nil when the bytes do not scan.
    static func asvEntry(bytes: [UInt8], run: Run) -> HistoryEntry? {
        guard let header = JSONParser.topLevelValues(bytes, keys: ["commit_hash", "date"]) else { return nil }
        let entryRun = Run(series: run.series, path: run.path, format: .asv, measurements: run.measurements, skipped: run.skipped,
                           fingerprint: run.fingerprint)
        return asvEntry(.object(header.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }), run: entryRun)
    }
}
