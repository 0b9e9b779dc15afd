import Foundation
import RegressGit

/// The runs of one source: the artifacts the configuration selects, grouped by series key, the newest
/// of each series read into a `Run`.
public struct LoadedRuns: Sendable {
    public var runs: [Run]
    /// Files passed over, with the reason, for the report.
    public var notices: [String]
    /// The series whose newest artifact did not parse: its path and what was wrong. A comparison reads
    /// it as a failed run when the other side has that series.
    public var broken: [SeriesKey: BrokenArtifact] = [:]

    public init(runs: [Run], notices: [String], broken: [SeriesKey: BrokenArtifact] = [:]) {
        self.runs = runs
        self.notices = notices
        self.broken = broken
    }
}

/// An artifact that did not parse.
public struct BrokenArtifact: Equatable, Sendable {
    public let path: String
    public let message: String
}

public enum RunLoader {
    public static func load(_ source: ArtifactSource, configuration: Configuration) throws -> LoadedRuns {
        var notices: [String] = []
        let selected = try source.files(matching: configuration.globs).filter { !configuration.isExcluded($0) }
        let sizes = source.sizes(of: selected)
        let paths = selected.filter { path in
            if let size = sizes[path], size > configuration.maxArtifactBytes {
                notices.append("skipped \(path): \(size) bytes, above max_artifact_bytes (\(configuration.maxArtifactBytes)): not read")
                return false
            }
            return true
        }
        var bySeries: [SeriesKey: [(path: String, key: SeriesKey)]] = [:]
        let keys = SeriesKey.keys(for: paths)
        for path in paths {
            let key = keys[path]!
            bySeries[key, default: []].append((path, key))
        }
        var runs: [Run] = []
        var broken: [SeriesKey: BrokenArtifact] = [:]
        for series in bySeries.keys.sorted() {
            // Newest first: by the folded timestamp, then by path. Commit-named runs go by where their
            // commits stand in the history of the source; when one of those commits is not there (or
            // its abbreviation is ambiguous), by the time inside each file.
            let commitNamed = series.foldsCommits && bySeries[series]!.count > 1 && series.timestamp == nil
            let positions = commitNamed ? historyPositions(bySeries[series]!.map(\.path), in: source) : nil
            let moments = !commitNamed ? [:]
                : positions.map { $0.mapValues { -Double($0) } } ?? embeddedTimes(bySeries[series]!.map(\.path), in: source)
            let members = bySeries[series]!.sorted { a, b in
                (a.key.timestamp ?? moments[a.path] ?? 0, a.path) > (b.key.timestamp ?? moments[b.path] ?? 0, b.path)
            }
            do {
                guard var run = try read(members[0].path, series: series, from: source, configuration: configuration) else {
                    notices.append("\(members[0].path): \(try notRunReason(members[0].path, from: source, configuration: configuration))")
                    continue
                }
                run.earlierPaths = members.dropFirst().map(\.path)
                if !run.dropped.isEmpty { notices.append("\(run.path): read in part, skipped \(listed(run.dropped))") }
                runs.append(run)
            } catch let error as ArtifactError {
                notices.append("skipped \(error.localizedDescription)")
                broken[series] = BrokenArtifact(path: members[0].path, message: error.localizedDescription)
            }
        }
        return LoadedRuns(runs: runs, notices: notices, broken: broken)
    }

    /// Why a file that read gave no run: what it is instead (a fingerprint, metadata, thresholds), or that it holds no number.
    static func notRunReason(_ path: String, from source: ArtifactSource, configuration: Configuration) throws -> String {
        let request = try request(path, from: source, configuration: configuration)
        let result = try ArtifactReader.read(request)
        guard result.kind.isMeasured else { return result.reason }
        return nothingReadReason(result) ?? ArtifactScreening.emptyReason(request.bytes, path: path)
    }

    /// Why nothing of a recognised file that parsed could be read, when its every value was dropped.
    static func nothingReadReason(_ result: ReadResult) -> String? {
        let contents = result.contents
        guard contents.measurements.isEmpty, contents.failure == nil, !contents.dropped.isEmpty else { return nil }
        return "nothing could be read: " + listed(contents.dropped)
    }

    /// The first three reasons, and how many more.
    static func listed(_ reasons: [String]) -> String {
        reasons.prefix(3).joined(separator: "; ") + (reasons.count > 3 ? "; and \(reasons.count - 3) more (see `regress inspect`)" : "")
    }

    /// Where the commit each path names (`SeriesKey.commitPrefix(of:)`) stands in the history of the
    /// source's commit, newest 0; nil unless every path names a commit of that history unambiguously.
    static func historyPositions(_ paths: [String], in source: ArtifactSource) -> [String: Int]? {
        guard let repository = source.historyRepository, let start = source.commit?.id else { return nil }
        var named: [String: ObjectID] = [:]
        for path in paths {
            guard let prefix = SeriesKey.commitPrefix(of: path),
                  case .commit(let id) = repository.commit(abbreviated: prefix) else { return nil }
            named[path] = id
        }
        let commits = Set(named.values)
        guard let positions = try? repository.positions(of: commits, from: start), positions.count == commits.count else {
            return nil
        }
        return named.mapValues { positions[$0]! }
    }

    /// The time each JSON artifact of `paths` says it was made (`date` in milliseconds, as asv writes
    /// it), in seconds: its top-level `date`, else `started_at`, scanned for without building the
    /// document (0 for none, and for a file that cannot be read, as a committed symbolic link). A blob is
    /// scanned once per process, whichever path, side or revision it is read from; the blobs of a
    /// commit not scanned yet are read in the order the repository stores them (`storageOrder(of:)`).
    static func embeddedTimes(_ paths: [String], in source: ArtifactSource) -> [String: Double] {
        var times: [String: Double] = [:]
        let blobs = source.historyRepository == nil ? [:] : source.blobIDs(of: paths)
        if let repository = source.historyRepository, !blobs.isEmpty {
            let unread = Set(blobs.values).filter { embeddedTimeMemo.value(for: $0) == nil }
            for blob in repository.storageOrder(of: unread.sorted()) {
                embeddedTimeMemo.store(embeddedTime(try? repository.blob(blob)), for: blob)
            }
        }
        for path in paths {
            if let blob = blobs[path], let known = embeddedTimeMemo.value(for: blob) {
                times[path] = known
            } else {
                // A file on disk, or one of a source that cannot tell blobs apart: read by its path.
                times[path] = embeddedTime(try? source.read(path))
            }
        }
        return times
    }

    /// The time a file's bytes say it was made (see `embeddedTimes(_:in:)`); 0 for none or no bytes.
    static func embeddedTime(_ bytes: [UInt8]?) -> Double {
        guard let bytes, let date = JSONParser.topLevelNumber(bytes, keys: ["date", "started_at"]) else { return 0 }
        return date > 1e11 ? date / 1000 : date
    }

    private static let embeddedTimeMemo = BlobMemo<Double>()

    /// Reads one artifact into a run; nil when it holds no numeric value and no failed record. A file
    /// the configuration names must parse (its error is thrown on); one found by the default globs may
    /// be anything (its error is thrown as `ArtifactError` for the caller to report as a notice).
    public static func read(_ path: String, series: SeriesKey, from source: ArtifactSource,
                            configuration: Configuration) throws -> Run? {
        let key = source.blobID(path).map { ReadKey($0, path: path, configuration: configuration) }
        if let key, let known = readRuns.value(for: key) { return known.map { rekeyed($0, series: series) } }
        var request = try request(path, from: source, configuration: configuration)
        // A run that read files beside it depends on more than its blob: it is not kept.
        let siblingRead = Flag()
        let sibling = request.sibling
        request.sibling = { siblingRead.raise(); return sibling($0) }
        let run = try read(request, series: series, configuration: configuration)
        if let key, !siblingRead.isRaised { readRuns.store(run, for: key) }
        return run
    }

    /// The run a blob read as at `path` earlier in this process (`.some(nil)`: it held no run), nil when
    /// it was not read: the base and head of a comparison, and a history walk after them, share one
    /// reading of an identical file.
    static func knownRun(blob: ObjectID, path: String, series: SeriesKey, configuration: Configuration) -> Run?? {
        readRuns.value(for: ReadKey(blob, path: path, configuration: configuration)).map { $0.map { rekeyed($0, series: series) } }
    }

    /// What reading a blob depends on: the blob, its path (the format can follow the file name) and
    /// what the configuration says of that path.
    struct ReadKey: Hashable, Sendable {
        let blob: ObjectID
        let path: String
        let format: ArtifactFormat?
        let keys: [String]
        let direction: Direction?

        init(_ blob: ObjectID, path: String, configuration: Configuration) {
            let entry = configuration.entry(for: path)
            self.blob = blob
            self.path = path
            format = entry?.format
            keys = entry?.keys ?? []
            direction = entry?.direction
        }
    }

    /// Runs read by `read(_:series:from:configuration:)`, the files a command compares: bounded by them.
    private static let readRuns = Memo<ReadKey, Run?>()

    private static func rekeyed(_ run: Run, series: SeriesKey) -> Run {
        var run = run
        run.series = series
        return run
    }

    /// Reads the artifact of a request into a run, as `read(_:series:from:configuration:)` does.
    public static func read(_ request: ReadRequest, series: SeriesKey, configuration: Configuration) throws -> Run? {
        let path = request.path
        let entry = configuration.entry(for: path)
        do {
            let result = try ArtifactReader.read(request)
            let contents = result.contents
            if entry != nil, result.kind.isMeasured, let reason = nothingReadReason(result) {
                // A configured artifact of which every value was skipped: the check cannot run.
                throw ArtifactError.notRead(path: path, reason: reason)
            }
            if contents.measurements.isEmpty && contents.failure == nil || !result.kind.isMeasured {
                return nil
            }
            var run = Run(series: series, path: path, format: result.format, measurements: contents.measurements,
                          skipped: contents.skipped, failure: contents.failure,
                          fingerprint: contents.fingerprint.map { RunFingerprint(fingerprint: $0, origin: path) })
            run.dropped = contents.dropped
            return run
        } catch let error as ArtifactError where entry != nil {
            throw ConfiguredArtifactError(error)
        }
    }

    /// What reading `path` of a source needs, with the configuration's word on its format, keys and
    /// direction, and the source's other files for formats that read files beside the artifact.
    public static func request(_ path: String, from source: ArtifactSource, configuration: Configuration) throws -> ReadRequest {
        request(path, bytes: try source.read(path), configuration: configuration, sibling: { try? source.read($0) })
    }

    /// What reading `path` with these bytes needs; `sibling` reads the files beside it.
    public static func request(_ path: String, bytes: [UInt8], configuration: Configuration,
                               sibling: @escaping (String) -> [UInt8]?) -> ReadRequest {
        let entry = configuration.entry(for: path)
        return ReadRequest(bytes: bytes, path: path, format: entry?.format, keys: entry?.keys ?? [],
                           direction: entry?.direction, sibling: sibling)
    }

    /// The older runs of a series in the same source (its `earlierPaths`), newest first; files that do
    /// not read are left out.
    public static func earlierRuns(of run: Run, from source: ArtifactSource, configuration: Configuration) -> [Run] {
        run.earlierPaths.compactMap { path in
            (try? read(path, series: run.series, from: source, configuration: configuration)) ?? nil
        }
    }
}

/// An artifact that a configured entry selects and that does not parse: the check cannot run.
public struct ConfiguredArtifactError: Error, LocalizedError, Equatable {
    public let underlying: ArtifactError

    init(_ underlying: ArtifactError) {
        self.underlying = underlying
    }

    public var errorDescription: String? { underlying.errorDescription }
}

/// Values computed from a blob's bytes, by blob id (or a key that holds one): identical files in two
/// trees are read once.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func value(for key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func store(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        values[key] = value
    }
}

typealias BlobMemo<Value> = Memo<ObjectID, Value>

/// The value last computed, kept with its input: computed again only when the input changes (a file
/// that every run of a walk reads beside its own, as asv's `benchmarks.json`).
final class LastComputed<Input: Equatable, Value>: @unchecked Sendable {
    private var last: (input: Input, value: Value)?
    private let lock = NSLock()

    func value(for input: Input, compute: (Input) -> Value) -> Value {
        lock.lock()
        if let last, last.input == input {
            lock.unlock()
            return last.value
        }
        lock.unlock()
        let value = compute(input)
        lock.lock()
        last = (input, value)
        lock.unlock()
        return value
    }
}

/// Set once something happened (a closure ran), read afterwards.
final class Flag: @unchecked Sendable {
    private var raised = false
    private let lock = NSLock()

    func raise() {
        lock.lock()
        defer { lock.unlock() }
        raised = true
    }

    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}
