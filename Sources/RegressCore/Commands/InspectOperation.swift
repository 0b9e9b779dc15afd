import Foundation
import RegressGit

/// `regress inspect`: what regress reads from one artifact, and why.
public struct InspectOperation: Sendable {
    /// `FILE` on disk, or `REV:PATH` in the repository's history.
    public var target: String
    /// Any folder inside the repository (for `REV:PATH` and for regress.yml).
    public var repositoryPath: String
    /// `--config FILE`: the regress.yml whose entries say how to read the file; nil means the source's own.
    public var configurationFile: String?

    public init(target: String, repositoryPath: String = ".") {
        self.target = target
        self.repositoryPath = repositoryPath
    }

    public struct Report: Sendable {
        public let path: String
        /// nil for a file in no known format (`reason` says why).
        public let format: ArtifactFormat?
        public let reason: String
        public let series: SeriesKey
        public let contents: ArtifactContents
        public let fingerprint: RunFingerprint?
        /// A run, a history, a fingerprint or metadata.
        public var kind: ArtifactKind = .run
        /// The suites of a history file, with their entries.
        public var history: HistorySummary? = nil
    }

    public func run() throws -> Report {
        let repository = try? Repository(discoveringFrom: repositoryPath)
        if !FileManager.default.fileExists(atPath: target), let colon = target.firstIndex(of: ":"), let repository {
            let revision = String(target[..<colon]), path = String(target[target.index(after: colon)...])
            let source = try CommitSource(repository: repository, revision: revision)
            return try inspect(path, in: source, configuration: try Configuration.load(file: configurationFile, orFrom: source))
        }
        let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: absolute) else { throw RegressError.unreadableFile(path: target) }
        if let repository, let root = repository.workingDirectory.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }),
           absolute.hasPrefix(root + "/") {
            let source = try WorkingTreeSource(repository: repository)
            return try inspect(String(absolute.dropFirst(root.count + 1)), in: source,
                               configuration: try Configuration.load(file: configurationFile, orFrom: source))
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        return try inspect((absolute as NSString).lastPathComponent, in: FolderSource(root: folder),
                           configuration: try configurationFile.map { try Configuration.load(file: $0, orFrom: FolderSource(root: folder)) } ?? .defaults)
    }

    func inspect(_ path: String, in source: ArtifactSource, configuration: Configuration) throws -> Report {
        let request = try RunLoader.request(path, from: source, configuration: configuration)
        let result: ReadResult
        do {
            result = try ArtifactReader.read(request)
        } catch ArtifactError.unknownFormat {
            return Report(path: path, format: nil, reason: ArtifactScreening.unknownReason(request.bytes, path: path),
                          series: SeriesKey(path: path), contents: ArtifactContents(), fingerprint: nil, kind: .unknown)
        } catch ArtifactError.notRead(_, let reason) {
            return Report(path: path, format: nil, reason: reason, series: SeriesKey(path: path), contents: ArtifactContents(),
                          fingerprint: nil, kind: .unknown)
        }
        let series = SeriesKey.keys(for: Self.siblings(of: path, in: source))[path] ?? SeriesKey(path: path)
        var run = Run(series: series, path: path, format: result.format, measurements: result.contents.measurements,
                      fingerprint: result.contents.fingerprint.map { RunFingerprint(fingerprint: $0, origin: path) })
        run = try FingerprintLocator().attach(to: [run], from: source)[0]
        return Report(path: path, format: result.format, reason: result.reason, series: series, contents: result.contents,
                      fingerprint: run.fingerprint, kind: result.kind, history: result.history)
    }
}

extension InspectOperation {
    /// The file and the JSON files beside it, whose names tell whether an all-digit prefix is a commit.
    static func siblings(of path: String, in source: ArtifactSource) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        // A folder name that a glob would read as a pattern is not looked into.
        guard !folder.contains(where: { "*?[]{}".contains($0) }) else { return [path] }
        let pattern = (folder.isEmpty ? "" : folder + "/") + "*-*.json"
        let found = (try? Glob(pattern)).flatMap { try? source.files(matching: [$0]) } ?? []
        return found.contains(path) ? found : found + [path]
    }
}

/// The files of a plain folder, for inspecting a file outside any repository.
public struct FolderSource: ArtifactSource {
    public let root: String
    public var label: String { root }
    public var commit: Commit? { nil }

    public func files(matching globs: [Glob]) throws -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            globs.contains { $0.matches(path) }
        }.sorted()
    }

    /// The file's bytes; a link that leads outside the folder, a FIFO or a device is not read (see `LocalFile`).
    public func read(_ path: String) throws -> [UInt8] {
        try LocalFile.read(path, root: root)
    }

    public func size(of path: String) -> Int? {
        LocalFile.size(path, root: root)
    }
}

extension InspectOperation.Report {
    /// Benchmarks in file order, each with its measurements.
    var benchmarks: [(String, [Measurement])] {
        var order: [String] = []
        var grouped: [String: [Measurement]] = [:]
        for measurement in contents.measurements {
            if grouped[measurement.benchmark] == nil { order.append(measurement.benchmark) }
            grouped[measurement.benchmark, default: []].append(measurement)
        }
        return order.map { ($0, grouped[$0]!) }
    }

    /// What the file is, in words.
    var what: String {
        switch kind {
        case .run: return "a run"
        case .history:
            let entries = history?.entryCount ?? 0, suites = history?.suites.count ?? 0
            return "a history of \(entries) entr\(entries == 1 ? "y" : "ies") in \(suites) suite\(suites == 1 ? "" : "s"); " +
                "the latest entry of each suite is the run"
        case .fingerprint: return "a fingerprint, not a run"
        case .metadata: return "metadata, not a run"
        case .thresholds: return "thresholds (expectations a harness checks runs against), not a run"
        case .unknown: return "not a known format: \(reason)"
        }
    }

    /// The `range` a history's latest entries give, by benchmark.
    var ranges: [String: String] {
        (history?.suites ?? []).reduce(into: [:]) { $0.merge($1.ranges) { a, _ in a } }
    }

    /// `2024-05-01T08:00:00Z`, to the second.
    static func isoTime(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let days = Int((Double(whole) / 86_400).rounded(.down))
        let rest = whole - days * 86_400
        return CompareOperation.civilDate(daysSince1970: days) +
            String(format: "T%02d:%02d:%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// Why a measurement has its direction: the rule its name or unit matched, or the format's word.
    static func directionReason(_ m: Measurement) -> String {
        let byName = MetricInference.infer(m.metric)
        if byName.direction == m.direction { return byName.reason }
        let byUnit = MetricInference.infer(m.metric, unit: m.unit)
        if !m.unit.isEmpty, byUnit.direction == m.direction { return byUnit.reason }
        return "stated by the format"
    }

    public var text: String {
        guard let format else { return [path, "format       none", "what         \(what)"].joined(separator: "\n") + "\n" }
        let variant = contents.variant.map { ", \($0)" } ?? ""
        var lines = [path, "format       \(format.rawValue)\(variant): \(reason)", "what         \(what)", "series       \(series.value)"]
        if let fingerprint {
            let fields = fingerprint.fingerprint.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            lines.append("fingerprint  \(fingerprint.fingerprint.id) from \(fingerprint.origin): \(fields.joined(separator: ", "))")
        } else {
            lines.append("fingerprint  none")
        }
        if let history {
            lines.append("suites       \(history.suites.count)")
            let width = history.suites.map(\.name.count).max() ?? 0
            for suite in history.suites {
                var line = "  " + suite.name.paddedWithSpaces(toLength: width + 2)
                line += "\(suite.entries) entr\(suite.entries == 1 ? "y" : "ies")"
                if let tool = suite.tool { line += ", tool \(tool)" }
                if let commit = suite.latestCommit { line += ", latest \(commit.prefix(7))" }
                if let time = suite.latestTime { line += " at \(Self.isoTime(time))" }
                lines.append(line)
            }
        }
        if let failure = contents.failure {
            lines.append("failed       \(failure.failedRecords) of \(failure.totalRecords) records: \(ReportWording.truncated(failure.firstError, 120))")
        }
        let groups = benchmarks
        if kind == .run || kind == .history {
            lines.append("benchmarks   \(groups.count), metrics \(contents.measurements.count)")
        }
        let width = contents.measurements.map(\.metric.count).max() ?? 0
        for (name, measurements) in groups {
            lines.append("  \(MarkdownReport.display(name))")
            for m in measurements {
                var line = "    " + m.metric.paddedWithSpaces(toLength: width + 2)
                line += (m.unit.isEmpty ? "-" : m.unit).paddedWithSpaces(toLength: 10)
                line += m.direction.rawValue.paddedWithSpaces(toLength: 9)
                line += "\(m.samples.count) sample\(m.samples.count == 1 ? "" : "s")"
                if let median = m.median { line += ", median \(NumberFormat.value(median, unit: m.unit))" }
                if m.failedSamples > 0 { line += ", \(m.failedSamples) failed" }
                if let range = ranges[m.benchmark] { line += ", range \(range)" }
                line += "  (\(Self.directionReason(m)))"
                lines.append(line)
            }
        }
        if !contents.skipped.isEmpty {
            lines.append("skipped")
            for (reason, count) in contents.skipped.sorted(by: { $0.key < $1.key }) { lines.append("  \(reason): \(count)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        JSONWriter.write(.object([
            ("path", .string(path)),
            ("format", format.map { .string($0.rawValue) } ?? .null),
            ("variant", contents.variant.map { .string($0) } ?? .null),
            ("reason", .string(reason)),
            ("kind", .string(kind.rawValue)),
            ("series", .string(series.value)),
            ("history", history.map { history in .object([
                ("suites", .array(history.suites.map { suite in .object([
                    ("name", .string(suite.name)), ("entries", .number(Double(suite.entries))),
                    ("tool", suite.tool.map { .string($0) } ?? .null),
                    ("latest_commit", suite.latestCommit.map { .string($0) } ?? .null),
                    ("latest_time", suite.latestTime.map { .number($0) } ?? .null),
                    ("ranges", .object(suite.ranges.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ]) })),
            ]) } ?? .null),
            ("fingerprint", fingerprint.map { .object([
                ("id", .string($0.fingerprint.id)), ("from", .string($0.origin)),
                ("fields", .object($0.fingerprint.fields.map { ($0.key, .string($0.value)) })),
            ]) } ?? .null),
            ("failure", contents.failure.map { .object([
                ("failed_records", .number(Double($0.failedRecords))), ("total_records", .number(Double($0.totalRecords))),
                ("first_error", .string($0.firstError)),
            ]) } ?? .null),
            ("benchmarks", .array(benchmarks.map { name, measurements in
                .object([
                    ("name", .string(name)),
                    ("metrics", .array(measurements.map { m in
                        .object([
                            ("name", .string(m.metric)), ("unit", .string(m.unit)), ("direction", .string(m.direction.rawValue)),
                            ("samples", .number(Double(m.samples.count))), ("failed_samples", .number(Double(m.failedSamples))),
                            ("median", m.median.map { .number($0) } ?? .null),
                            ("direction_reason", .string(Self.directionReason(m))),
                        ])
                    })),
                ])
            })),
            ("skipped", .array(contents.skipped.sorted { $0.key < $1.key }.map {
                .object([("reason", .string($0.key)), ("count", .number(Double($0.value)))])
            })),
        ]))
    }
}
