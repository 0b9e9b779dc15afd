import Foundation
import RegressGit

/// The commits a history covers: every commit reachable from `tip`, and of those, the ones not
/// reachable from `boundary` are "in range" (`v1.0..HEAD`, `origin/main..HEAD`).
public struct HistoryRange: Sendable {
    public let tip: ObjectID
    /// The merge base of the range's left side with the tip; nil when the whole history is in range.
    public let boundary: ObjectID?
    /// How reports name the range: `HEAD`, `v1.0..HEAD`.
    public let label: String

    /// Parses `REV`, `A..B` or `A...B` (both: the commits of B since its merge base with A; an empty
    /// side is HEAD).
    public static func parse(_ text: String?, in repository: Repository) throws -> HistoryRange {
        let text = text ?? "HEAD"
        for separator in ["...", ".."] {
            guard let range = text.range(of: separator) else { continue }
            let left = String(text[..<range.lowerBound]), right = String(text[range.upperBound...])
            let tip = try repository.resolveCommit(right.isEmpty ? "HEAD" : right)
            let boundary = try repository.resolveCommit("\(left.isEmpty ? "HEAD" : left)...\(tip.hex)")
            return HistoryRange(tip: tip, boundary: boundary, label: text)
        }
        return HistoryRange(tip: try repository.resolveCommit(text), boundary: nil, label: text)
    }
}

/// One run found in history: the commit that added or changed its artifact, and what it holds.
public struct HistoryRun: Sendable {
    public let commit: Commit
    public let run: Run
    public let inRange: Bool
    /// The artifact's blob.
    public let blob: ObjectID
}

/// What a walk over history read.
public struct HistoryRuns: Sendable {
    /// The commits walked, oldest first.
    public var commits: [ObjectID]
    /// The runs, oldest first: by commit, then by the timestamp in their path, then by path.
    public var runs: [HistoryRun]
    public var notices: [String]
    /// Distinct artifact blobs parsed.
    public var blobsRead: Int
}

/// A file of the walk that holds many runs (github-action-benchmark's data.js, an asv results file),
/// read after the walk as its last commit read has it.
struct HistoryFile {
    /// An asv results file's entry, read by the walk, with the blobs of the `machine.json` and
    /// `benchmarks.json` it was read with (by path; a missing one left out).
    struct Known {
        let entry: HistoryEntry
        let siblings: [String: ObjectID]
    }

    let format: ArtifactFormat
    let blob: ObjectID
    let known: Known?
}

/// Reads the runs of a stretch of history without a checkout. Each commit is compared with its first
/// parent through libgit2, below the folders the artifact globs can match, so unchanged subtrees cost
/// nothing; an artifact that a commit adds or changes is a run of that commit (several timestamped
/// runs added at once are ordered by their timestamps); a blob is parsed once, however many commits
/// or paths hold it, and a file moved within its series is not a new run. A shallow clone's edge ends
/// the walk with a notice.
public final class HistoryReader {
    public let repository: Repository
    public let configuration: Configuration
    /// Per folder, the keys of its commit-named runs at the tip (for all-digit commit prefixes).
    private var commitKeys: [String: Set<String>] = [:]

    public init(repository: Repository, configuration: Configuration) {
        self.repository = repository
        self.configuration = configuration
    }

    /// - Parameters:
    ///   - firstParent: follow only the first parent of merges (`git log --first-parent`).
    ///   - limit: read at most this many commits of the range, newest first.
    ///   - context: commits before the range to read as well, for the levels before its first commit.
    ///   - series: read only the artifacts of these series (keys' values); nil reads every artifact.
    ///   - progress: called with (commits done, commits in all) as the walk goes.
    public func read(_ range: HistoryRange, firstParent: Bool, limit: Int? = nil, context: Int = 0,
                     series wanted: Set<String>? = nil, progress: ((Int, Int) -> Void)? = nil) throws -> HistoryRuns {
        var runs: [HistoryRun] = []
        // The commits' times place the entries of history files between them.
        var times: [Int64] = []
        let walked = try walk(range, firstParent: firstParent, limit: limit, context: context, series: wanted, memoize: true,
                              progress: progress, observe: { commit, _, _ in times.append(commit.time) }) { runs.append($0) }
        var notices = walked.notices
        if !walked.historyFiles.isEmpty {
            let placed = try entriesOfHistoryFiles(walked.historyFiles, walk: walked.commits, range: range, notices: &notices)
            runs = merge(runs, placed, walk: walked.commits.map(\.id), times: times)
        }
        return HistoryRuns(commits: walked.commits.map(\.id), runs: runs, notices: notices, blobsRead: walked.blobsRead)
    }

    /// Hands each run of the range to `body` as the walk reaches it, oldest commit first, keeping
    /// none: memory follows the largest commit, not the length of history. The runs of history files
    /// (data.js, asv results), which the tip holds, come last. Returns the commits walked and notices.
    /// `observe`, when given, sees every file each commit changed below the globs' folders, before
    /// that commit's runs are handed on, with the commit's parent in the walk (nil for a root commit).
    public func stream(_ range: HistoryRange, firstParent: Bool, limit: Int? = nil, progress: ((Int, Int) -> Void)? = nil,
                       observe: ((Commit, ObjectID?, [FileChange]) throws -> Void)? = nil,
                       _ body: (HistoryRun) throws -> Void) throws -> (commits: Int, notices: [String]) {
        let walked = try walk(range, firstParent: firstParent, limit: limit, context: 0, series: nil, memoize: false,
                              progress: progress, observe: observe, body)
        var notices = walked.notices
        if !walked.historyFiles.isEmpty {
            for entry in try entriesOfHistoryFiles(walked.historyFiles, walk: walked.commits, range: range, notices: &notices) {
                try body(entry.run)
            }
        }
        return (walked.commits.count, notices)
    }

    /// The walk behind `read` and `stream`: each commit's new runs go to `emit`; with `memoize`, a
    /// blob's run is kept and reused when another commit or path holds the same blob. A commit's
    /// details are read when the walk reaches it, and let go after its runs are handed on.
    private func walk(_ range: HistoryRange, firstParent: Bool, limit: Int?, context: Int, series wanted: Set<String>?,
                      memoize: Bool, progress: ((Int, Int) -> Void)?, observe: ((Commit, ObjectID?, [FileChange]) throws -> Void)? = nil,
                      _ emit: (HistoryRun) throws -> Void) throws
        -> (commits: [WalkedCommit], notices: [String], blobsRead: Int,
            historyFiles: [String: HistoryFile])
    {
        let walk = try commits(range, firstParent: firstParent, limit: limit, context: context)
        var notices: [String] = []
        if let shallow = walk.shallowAt {
            notices.append("history is shallow at \(shallow.short): runs before it were not read; fetch with full depth " +
                           "(`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout) to read them")
        }
        let prefixes = Array(Set(configuration.globs.flatMap(\.literalPrefixes)))
        let boundaries = repository.shallowBoundaries
        var parsed: [ObjectID: Run?] = [:]
        var blobsRead = 0
        var failedPaths: Set<String> = []
        var historyFiles: [String: HistoryFile] = [:]
        let differ = try TreeDiffer(repository: repository)
        for (done, entry) in walk.commits.enumerated() {
            progress?(done, walk.commits.count)
            let commit = try repository.commit(entry.id)
            // The first parent, unless the clone is cut there; a parent outside the walk is still read,
            // so the oldest commit walked contributes what it changed, not its whole tree.
            let parent = boundaries.contains(commit.id) ? nil : commit.parents.first
            var found: [(key: SeriesKey, path: String, blob: ObjectID)] = []
            let all = try differ.changes(in: commit.id, since: parent, under: prefixes)
            try observe?(commit, parent, all)
            let changes = all.filter { isArtifact($0.path) }
            // A blob this commit deleted and added again in the same series was moved, not run again.
            let moved = Set(changes.filter { $0.kind == .deleted }.map { seriesKey($0.path, tip: range.tip).value + "\u{0}" + $0.blob.hex })
            // Following every parent, a merge brings runs its other parents already had: those are theirs.
            let others = firstParent ? [] : Array(commit.parents.dropFirst())
            for change in changes where change.kind != .deleted {
                let key = seriesKey(change.path, tip: range.tip)
                if let wanted, !wanted.contains(key.value) { continue }
                guard !moved.contains(key.value + "\u{0}" + change.blob.hex) else { continue }
                if try others.contains(where: { try repository.blobID(at: $0, path: change.path) == change.blob }) { continue }
                found.append((key, change.path, change.blob))
            }
            found.sort { ($0.key.timestamp ?? 0, $0.path) < ($1.key.timestamp ?? 0, $1.path) }
            for item in found {
                let run: Run?
                // The entry of an asv results file read here, so that it is not read again as a history file.
                var entryRead: HistoryFile.Known?
                if let cached = parsed[item.blob] {
                    run = cached.map { rekeyed($0, series: item.key, path: item.path) }
                } else if let known = RunLoader.knownRun(blob: item.blob, path: item.path, series: item.key, configuration: configuration) {
                    run = known
                    parsed[item.blob] = .some(known)
                } else {
                    do {
                        let bytes: [UInt8]
                        do {
                            let size = try repository.blobSize(item.blob)
                            if size > configuration.maxArtifactBytes {
                                if failedPaths.insert(item.path).inserted {
                                    notices.append("\(commit.id.short): skipped \(item.path): \(size) bytes, above max_artifact_bytes " +
                                                   "(\(configuration.maxArtifactBytes)): not read")
                                }
                                blobsRead += 1
                                if memoize { parsed[item.blob] = .some(nil) }
                                continue
                            }
                            bytes = try repository.blob(item.blob)
                        } catch GitError.missingObject(let id, _, let message) {
                            throw GitError.missingObject(id: id, what: "the content of '\(item.path)' at commit \(commit.id.short)", message: message)
                        }
                        let request = RunLoader.request(item.path, bytes: bytes, configuration: configuration, sibling: { [repository] sibling in
                            try? repository.fileContents(at: commit.id, path: sibling)
                        })
                        run = try RunLoader.read(request, series: item.key, configuration: configuration)
                        if let run, run.format == .asv, configuration.entry(for: item.path)?.format == nil,
                           let entry = HistoryArtifact.asvEntry(bytes: bytes, run: run) {
                            entryRead = HistoryFile.Known(entry: entry, siblings: asvSiblings(of: item.path, at: commit.id))
                        }
                    } catch {
                        if failedPaths.insert(item.path).inserted {
                            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                            notices.append("\(commit.id.short): skipped \(message)")
                        }
                        run = nil
                    }
                    blobsRead += 1
                    if memoize { parsed[item.blob] = .some(run) }
                }
                guard let run else { continue }
                // History files hold many runs: they are read once, as the walk's tip has them.
                if run.format == .benchmarkActionHistory || run.format == .asv {
                    historyFiles[item.path] = HistoryFile(format: run.format, blob: item.blob, known: entryRead)
                    continue
                }
                try emit(HistoryRun(commit: commit, run: run, inRange: entry.inRange, blob: item.blob))
            }
        }
        progress?(walk.commits.count, walk.commits.count)
        return (walk.commits, notices, blobsRead, historyFiles)
    }

    /// The runs held in history files (github-action-benchmark's data.js, asv result files), each at
    /// the commit it names: that commit when the repository has it, else the moment of its own date.
    func entriesOfHistoryFiles(_ files: [String: HistoryFile], walk: [WalkedCommit],
                               range: HistoryRange, notices: inout [String]) throws -> [(run: HistoryRun, time: Double)] {
        var entries: [HistoryEntry] = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) where file.format == .benchmarkActionHistory {
            let bytes = try repository.blob(file.blob)
            entries += (try? HistoryArtifact.entries(dataJS: bytes, path: path, direction: configuration.entry(for: path)?.direction)) ?? nil ?? []
        }
        let asv = files.filter { $0.value.format == .asv }
        if !asv.isEmpty {
            let read = try HistoryArtifact.read(asvResults: asv.keys.sorted(), read: { path in
                if let file = asv[path] { return try repository.blob(file.blob) }
                return try repository.fileContents(at: range.tip, path: path)
            }, known: knownEntries(asv, tip: range.tip))
            entries += read.entries
            notices += read.notices
        }
        let inRange = Dictionary(walk.map { ($0.id, $0.inRange) }, uniquingKeysWith: { a, _ in a })
        var resolved: [String: Commit?] = [:]
        return entries.map { entry in
            var commit: Commit?
            if let hash = entry.commit {
                if resolved[hash] == nil {
                    resolved[hash] = .some((try? repository.resolveCommit(hash)).flatMap { try? repository.commit($0) })
                }
                commit = resolved[hash] ?? nil
            }
            let time = commit.map { Double($0.time) } ?? entry.time ?? 0
            let placed = commit ?? Commit(id: entry.commit.flatMap { ObjectID(hex: $0) } ?? ObjectID(hex: String(repeating: "0", count: 40))!,
                                          parents: [], summary: "(a commit this repository does not have)", authorName: "",
                                          time: Int64(time))
            let within = commit.flatMap { inRange[$0.id] } ?? (range.boundary == nil)
            // An asv results file is one entry, so its blob names the run; a data.js blob holds them all.
            let blob = entry.run.format == .asv ? files[entry.run.path]?.blob : nil
            return (HistoryRun(commit: placed, run: entry.run, inRange: within, blob: blob ?? ObjectID(hex: String(repeating: "0", count: 40))!), time)
        }
    }

    /// The entries the walk read of asv results files, those read with the same `machine.json` and
    /// `benchmarks.json` as the tip has (which `HistoryArtifact` reads them with; none of those among
    /// the history files).
    func knownEntries(_ files: [String: HistoryFile], tip: ObjectID) -> [String: HistoryEntry] {
        var atTip: [String: [String: ObjectID]] = [:]
        var known: [String: HistoryEntry] = [:]
        for (path, file) in files {
            guard let read = file.known else { continue }
            // Keyed by the machine.json path: one per folder of results.
            let machine = ASVAdapter.machinePath(path)
            if atTip[machine] == nil { atTip[machine] = asvSiblings(of: path, at: tip) }
            guard read.siblings == atTip[machine], files[machine] == nil, files[ASVAdapter.benchmarksPath(path)] == nil else { continue }
            known[path] = read.entry
        }
        return known
    }

    /// The blobs of the `machine.json` and `benchmarks.json` that an asv results file is read with, at a commit.
    private func asvSiblings(of path: String, at commit: ObjectID) -> [String: ObjectID] {
        (try? repository.fileBlobIDs(at: commit, paths: [ASVAdapter.machinePath(path), ASVAdapter.benchmarksPath(path)])) ?? [:]
    }

    /// The walk's runs with the history files' entries placed among them: an entry at a walked commit
    /// goes with that commit's runs, any other after the last walked commit not newer than it.
    /// `times` are the walked commits' times, in the order of `walk`.
    func merge(_ runs: [HistoryRun], _ entries: [(run: HistoryRun, time: Double)], walk: [ObjectID], times: [Int64]) -> [HistoryRun] {
        let position = Dictionary(walk.enumerated().map { ($0.element, Double($0.offset)) }, uniquingKeysWith: { a, _ in a })
        let times = times.map(Double.init)
        func key(_ commit: Commit, _ time: Double) -> Double {
            if let index = position[commit.id] { return index }
            // The last walked commit at or before this moment (walk times rise with the walk, mostly).
            var low = 0, high = times.count
            while low < high {
                let middle = (low + high) / 2
                if times[middle] <= time { low = middle + 1 } else { high = middle }
            }
            return Double(low) - 0.5
        }
        let keyed = runs.enumerated().map { (key: key($0.element.commit, 0), order: Double($0.offset), run: $0.element) }
            + entries.enumerated().map { (key: key($0.element.run.commit, $0.element.time), order: Double(runs.count + $0.offset), run: $0.element.run) }
        return keyed.sorted { ($0.key, $0.order) < ($1.key, $1.order) }.map(\.run)
    }

    /// A commit of the walk: its id, and whether it is in the range or read as context before it.
    struct WalkedCommit: Equatable {
        let id: ObjectID
        let inRange: Bool
    }

    /// The commits of the range, oldest first, each marked in or out of the range.
    func commits(_ range: HistoryRange, firstParent: Bool, limit: Int?, context: Int) throws
        -> (commits: [WalkedCommit], shallowAt: ObjectID?)
    {
        let history = try repository.history(from: range.tip, firstParent: firstParent,
                                             limit: range.boundary == nil ? limit : nil)
        var marked: [WalkedCommit] = []
        var inRangeCount = 0, contextCount = 0
        var leftRange = false
        for id in history.ids {
            var inRange = true
            if let boundary = range.boundary {
                // On a first-parent walk, every commit after the first one outside the range is outside too.
                if leftRange && firstParent {
                    inRange = false
                } else {
                    inRange = !(try repository.isAncestor(id, of: boundary))
                }
            }
            if inRange {
                if let limit, inRangeCount >= limit { continue }
                inRangeCount += 1
            } else {
                leftRange = true
                if contextCount >= context { if firstParent { break } else { continue } }
                contextCount += 1
            }
            marked.append(WalkedCommit(id: id, inRange: inRange))
        }
        marked.reverse()
        return (marked, history.shallowAt)
    }

    /// The series key of a path as its folder at the tip folds it: a commit prefix of all digits or
    /// all letters (`06264258-py3.json`, `ecebaffb-py3.json`) is `{commit}` when runs with hex
    /// prefixes share the key.
    private func seriesKey(_ path: String, tip: ObjectID) -> SeriesKey {
        let plain = SeriesKey(path: path)
        guard !plain.foldsCommits else { return plain }
        let uniform = SeriesKey(path: path, uniformCommits: true)
        guard uniform.foldsCommits else { return plain }
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        if commitKeys[folder] == nil {
            let files = (try? repository.files(at: tip, under: [folder]).map(\.path)) ?? []
            commitKeys[folder] = Set(files.map { SeriesKey(path: $0) }.filter(\.foldsCommits).map(\.value))
        }
        return commitKeys[folder]!.contains(uniform.value) ? uniform : plain
    }

    func isArtifact(_ path: String) -> Bool {
        configuration.globs.contains { $0.matches(path) } && !configuration.isExcluded(path)
    }

    /// A run parsed from the same blob under another path or series.
    private func rekeyed(_ run: Run, series: SeriesKey, path: String) -> Run {
        guard run.path != path || run.series != series else { return run }
        var copy = Run(series: series, path: path, format: run.format, measurements: run.measurements, skipped: run.skipped,
                       failure: run.failure, fingerprint: run.fingerprint)
        copy.earlierPaths = []
        return copy
    }
}
