import Foundation
import RegressGit

/// What `baseline record`, `baseline accept` and `check` share: the runs of the working tree (or a
/// revision) with their fingerprints, and the baselines folder.
struct BaselineContext {
    let repository: Repository
    let source: ArtifactSource
    let configuration: Configuration
    let runs: LoadedRuns
    let folder: String

    init(repositoryPath: String, revision: String?, folder: String, fingerprintFile: String?, configurationFile: String? = nil,
         thisMachine: @escaping @Sendable (Configuration) -> Fingerprint) throws {
        guard !folder.hasPrefix("/"), !folder.split(separator: "/").contains("..") else {
            throw RegressError.baselineFolderOutsideRepository(folder)
        }
        repository = try Repository(discoveringFrom: repositoryPath)
        source = try HeadSide.source(repository: repository, revision: revision)
        let configuration = try Configuration.load(file: configurationFile, orFrom: source)
        self.configuration = configuration
        let locator = FingerprintLocator(explicit: try CompareOperation.explicitFingerprint(fingerprintFile),
                                         thisMachine: { thisMachine(configuration) })
        var runs = try RunLoader.load(source, configuration: configuration)
        runs.runs = try locator.attach(to: runs.runs, from: source)
        self.runs = runs
        self.folder = folder
    }

    /// The commit the runs belong to, and the day they are dated: the commit's for a revision, today
    /// (on the working tree's HEAD) for the working tree.
    func provenance(today: String) -> (commit: String?, date: String) {
        guard let commit = source.commit else { return (nil, today) }
        if source is WorkingTreeSource { return (commit.id.hex, today) }
        return (commit.id.hex, CompareOperation.civilDate(daysSince1970: Int(commit.time / 86_400)))
    }

    func fingerprint(of run: Run) throws -> Fingerprint {
        guard let found = run.fingerprint else { throw RegressError.noFingerprint(path: run.path, revision: source.label) }
        return found.fingerprint
    }

    var root: String {
        get throws {
            guard let root = repository.workingDirectory else { throw GitError.bareRepository(path: repository.gitDirectory) }
            return root
        }
    }
}

/// `regress baseline record`: writes or updates the stored baselines of the runs' fingerprint.
public struct BaselineRecordOperation: Sendable {
    public var repositoryPath: String
    public var revision: String?
    public var folder: String
    public var fingerprintFile: String?
    /// `--config FILE`: the regress.yml to read the runs with, instead of the source's own.
    public var configurationFile: String?
    public var today: String
    /// `--branch NAME`: commit the baselines onto this branch through libgit2 instead of writing them
    /// into the working tree (which, with HEAD and the index, stays as it is).
    public var branch: String?
    /// Who commits onto `branch`; nil means `BaselineBranch.signature` at the current time.
    public var signature: Signature?
    public var thisMachine: @Sendable (Configuration) -> Fingerprint = { MachineProbe().fingerprint(declared: $0.fingerprint) }

    public init(repositoryPath: String, revision: String? = nil, folder: String = "baselines", fingerprintFile: String? = nil,
                today: String = CompareOperation.currentDate()) {
        self.repositoryPath = repositoryPath
        self.revision = revision
        self.folder = folder
        self.fingerprintFile = fingerprintFile
        self.today = today
    }

    /// One line per file written, one per failed run left out, and one for the runs left out because
    /// they name no machine (a count and the first few paths).
    public func run() throws -> [String] {
        let context = try BaselineContext(repositoryPath: repositoryPath, revision: revision, folder: folder,
                                          fingerprintFile: fingerprintFile, configurationFile: configurationFile, thisMachine: thisMachine)
        let root = branch == nil ? try context.root : ""
        let lock = try BaselineLock(gitDirectory: context.repository.gitDirectory, command: "baseline record")
        defer { withExtendedLifetime(lock) {} }
        let store = BaselineStore(folder: folder)
        let target = try branch.map { try BaselineBranch(repository: context.repository, name: $0) }
        let existing: [BaselineStore.Stored]
        if let target {
            existing = try target.parentSource.map { try store.load(from: $0) } ?? []
        } else {
            existing = (try? store.load(from: WorkingTreeSource(repository: context.repository))) ?? []
        }
        let (commit, date) = context.provenance(today: today)
        var lines: [String] = []
        var unattributed: [String] = []
        var committing: [(file: BaselineFile, path: String)] = []
        for run in context.runs.runs {
            if run.isFailed {
                lines.append("left out \(run.path): every record failed (\(ReportWording.truncated(run.failure!.firstError, 100)))")
                continue
            }
            // A run that names no machine and was not produced here is not stamped with this machine.
            guard let fingerprint = run.fingerprint?.fingerprint else {
                unattributed.append(run.path)
                continue
            }
            if target != nil {
                let file = store.baseline(of: run, fingerprint: fingerprint, commit: commit, date: date, existing: existing)
                let path = store.path(of: file)
                committing.append((file, path))
                lines.append("recorded \(path): \(file.entries.count) metric\(file.entries.count == 1 ? "" : "s") of \(run.path)")
            } else {
                let (path, file) = try store.record(run, fingerprint: fingerprint, commit: commit, date: date, existing: existing, root: root)
                lines.append("wrote \(path): \(file.entries.count) metric\(file.entries.count == 1 ? "" : "s") of \(run.path)")
            }
        }
        if context.runs.runs.isEmpty {
            throw RegressError.noArtifacts(base: context.source.label, head: context.source.label, configuration: context.configuration.origin)
        }
        if !unattributed.isEmpty {
            if !lines.contains(where: { $0.hasPrefix("wrote ") || $0.hasPrefix("recorded ") }) {
                throw RegressError.noFingerprint(path: ReportWording.someRuns(unattributed), revision: context.source.label)
            }
            lines.append("left out \(ReportWording.someRuns(unattributed)) with no fingerprint: " +
                         "they name no machine and were not produced here")
        }
        if let target {
            guard !committing.isEmpty else {
                lines.append("nothing to record: no commit made on \(target.name)")
                return lines
            }
            let signature = signature ?? BaselineBranch.signature(repository: context.repository,
                                                                  environment: ProcessInfo.processInfo.environment,
                                                                  time: Int64(Date().timeIntervalSince1970))
            let message = BaselineBranch.message(files: committing, source: context.source.label, commit: commit)
            let made = try target.commit(committing.map { ($0.path, Array($0.file.json.utf8)) }, message: message, signature: signature)
            lines.append(target.outcome(made))
        }
        return lines
    }
}

/// `regress baseline accept`: takes the current values of the matching metrics into the stored
/// baseline of their fingerprint, and records the reason and date in the file.
public struct BaselineAcceptOperation: Sendable {
    public var repositoryPath: String
    public var pattern: String
    public var reason: String
    public var revision: String?
    public var folder: String
    public var fingerprintFile: String?
    /// `--config FILE`: the regress.yml to read the runs with, instead of the source's own.
    public var configurationFile: String?
    public var today: String
    public var thisMachine: @Sendable (Configuration) -> Fingerprint = { MachineProbe().fingerprint(declared: $0.fingerprint) }

    public init(repositoryPath: String, pattern: String, reason: String, revision: String? = nil, folder: String = "baselines",
                fingerprintFile: String? = nil, today: String = CompareOperation.currentDate()) {
        self.repositoryPath = repositoryPath
        self.pattern = pattern
        self.reason = reason
        self.revision = revision
        self.folder = folder
        self.fingerprintFile = fingerprintFile
        self.today = today
    }

    public func run() throws -> [String] {
        let glob = try Glob(pattern)
        let context = try BaselineContext(repositoryPath: repositoryPath, revision: revision, folder: folder,
                                          fingerprintFile: fingerprintFile, configurationFile: configurationFile, thisMachine: thisMachine)
        let root = try context.root
        let lock = try BaselineLock(gitDirectory: context.repository.gitDirectory, command: "baseline accept")
        defer { withExtendedLifetime(lock) {} }
        let store = BaselineStore(folder: folder)
        let existing = try store.load(from: WorkingTreeSource(repository: context.repository))
        let (commit, date) = context.provenance(today: today)
        var lines: [String] = []
        for run in context.runs.runs {
            let matching = run.measurements.filter { !$0.samples.isEmpty && glob.matches("\(run.series.value)/\($0.benchmark)/\($0.metric)") }
            guard !matching.isEmpty else { continue }
            let fingerprint = try context.fingerprint(of: run)
            guard var file = existing.first(where: { $0.file.series == run.series.value && $0.file.fingerprint.id == fingerprint.id })?.file else {
                throw RegressError.noBaselineToAcceptInto(series: run.series.value, fingerprint: fingerprint.id)
            }
            file.replace(with: matching, commit: commit, date: date)
            let ids = matching.map { "\(run.series.value)/\($0.benchmark)/\($0.metric)" }
            file.accepted.append(.init(pattern: pattern, metrics: ids, reason: reason, date: today, commit: commit))
            let path = try store.write(file, root: root)
            lines.append("accepted \(matching.count) metric\(matching.count == 1 ? "" : "s") into \(path): \(reason)")
        }
        guard !lines.isEmpty else { throw RegressError.nothingMatches(pattern: pattern) }
        return lines
    }
}

/// `regress baseline show`: what is stored, per fingerprint.
public struct BaselineShowOperation: Sendable {
    public var repositoryPath: String
    public var pattern: String?
    public var folder: String
    /// Read the folder from this revision instead of the working tree.
    public var revision: String?

    public init(repositoryPath: String, pattern: String? = nil, folder: String = "baselines", revision: String? = nil) {
        self.repositoryPath = repositoryPath
        self.pattern = pattern
        self.folder = folder
        self.revision = revision
    }

    public func run() throws -> String {
        let glob = try pattern.map { try Glob($0) }
        let repository = try Repository(discoveringFrom: repositoryPath)
        let source = try HeadSide.source(repository: repository, revision: revision)
        let stored = try BaselineStore(folder: folder).load(from: source)
        var byFingerprint: [String: [BaselineStore.Stored]] = [:]
        for item in stored { byFingerprint[item.file.fingerprint.id, default: []].append(item) }
        var out = ""
        for id in byFingerprint.keys.sorted() {
            let items = byFingerprint[id]!.sorted { $0.file.series < $1.file.series }
            let fields = items[0].file.fingerprint.fields
            let described = Fingerprint.identityFields.compactMap { name in fields[name].map { "\(name)=\($0)" } }
            var block = "fingerprint \(id): \(described.joined(separator: ", "))\n"
            var any = false
            for item in items {
                let entries = item.file.entries.filter { glob?.matches("\(item.file.series)/\($0.benchmark)/\($0.metric)") ?? true }
                guard !entries.isEmpty else { continue }
                any = true
                block += "  \(item.file.series) (\(item.path), recorded \(item.file.date)" +
                    (item.file.sourceCommit.map { " at \(String($0.prefix(7)))" } ?? "") + ")\n"
                for entry in entries {
                    let name = entry.benchmark.isEmpty ? entry.metric : "\(entry.benchmark) \(entry.metric)"
                    block += "    \(name): median \(NumberFormat.value(entry.summary.median, unit: entry.unit)), n=\(entry.summary.n)\n"
                }
                for acceptance in item.file.accepted {
                    block += "    accepted \(acceptance.date): \(acceptance.metrics.count) metric(s) matching \(acceptance.pattern): \(acceptance.reason)\n"
                }
            }
            if any { out += block }
        }
        return out.isEmpty ? "no stored baselines in \(folder)/ of \(source.label)\(pattern.map { " match \($0)" } ?? "")\n" : out
    }
}
