import Foundation
import RegressGit

/// `regress check`: the working tree (or a revision) against the stored baselines of its machine,
/// under the policies, with the same report and exit codes as `compare`.
public struct CheckOperation: Sendable {
    public var repositoryPath: String
    /// The head revision; nil means the working tree.
    public var revision: String?
    public var folder: String
    /// Read the baselines folder from this revision (`origin/main`) through libgit2, without a checkout.
    public var baselinesRevision: String?
    public var policyFiles: [String]
    public var fingerprintFile: String?
    /// `--config FILE`: the regress.yml to read the runs with, instead of the source's own.
    public var configurationFile: String?
    public var today: String
    public var thisMachine: @Sendable (Configuration) -> Fingerprint = { MachineProbe().fingerprint(declared: $0.fingerprint) }

    public init(repositoryPath: String, revision: String? = nil, folder: String = "baselines", baselinesRevision: String? = nil,
                policyFiles: [String] = [], fingerprintFile: String? = nil, today: String = CompareOperation.currentDate()) {
        self.repositoryPath = repositoryPath
        self.revision = revision
        self.folder = folder
        self.baselinesRevision = baselinesRevision
        self.policyFiles = policyFiles
        self.fingerprintFile = fingerprintFile
        self.today = today
    }

    public func run() throws -> Comparison {
        let context = try BaselineContext(repositoryPath: repositoryPath, revision: revision, folder: folder,
                                          fingerprintFile: fingerprintFile, configurationFile: configurationFile, thisMachine: thisMachine)
        let policies = try PolicySet.load(explicitFiles: policyFiles, source: context.source)
        let baselineSource: ArtifactSource = try baselinesRevision.map { try CommitSource(repository: context.repository, revision: $0) }
            ?? (context.repository.isBare ? context.source : WorkingTreeSource(repository: context.repository))
        let stored = try BaselineStore(folder: folder).load(from: baselineSource)
        if context.runs.runs.isEmpty {
            throw RegressError.noArtifacts(base: "\(folder)/", head: context.source.label, configuration: context.configuration.origin)
        }
        var comparator = Comparator(policies: policies, today: today)
        // Single runs are judged against the noise of the head side's committed history.
        if let commit = context.source.commit {
            comparator.earlierRuns = try EarlierRuns.values(for: context.runs.runs, at: commit.id, source: context.source,
                                                            repository: context.repository, configuration: context.configuration,
                                                            policies: policies)
        }
        let label = baselinesRevision.map { revision in
            "\(folder)/ at \(revision)" + ((baselineSource.commit?.id.short).map { " (\($0))" } ?? "")
        } ?? "\(folder)/"
        return CheckOperation.judge(
            head: context.runs, stored: stored, comparator: comparator,
            baseSide: ComparisonSide(label: label, commit: baselinesRevision == nil ? nil : baselineSource.commit),
            headSide: ComparisonSide(label: context.source.label, commit: context.source.commit),
            howToRecord: "record one on this machine with `regress baseline record`")
    }

    /// Runs against the stored baselines: each run with the baseline of its own machine, else one equal
    /// on the fields its policy matches, else the nearest (reported incomparable); a series with no
    /// baseline at all gets a notice that names the fingerprint and says how to record one (`howToRecord`).
    public static func judge(head: LoadedRuns, stored: [BaselineStore.Stored], comparator: Comparator,
                             baseSide: ComparisonSide, headSide: ComparisonSide, howToRecord: String) -> Comparison {
        let policies = comparator.policies
        var comparator = comparator
        var chosen: [Run] = []
        var notices: [String] = []
        var unattributed: [String] = []
        var withoutBaseline: [String: [String]] = [:]
        let headIDs = Set(head.runs.compactMap { $0.fingerprint?.fingerprint.id })
        for run in head.runs {
            let candidates = stored.filter { $0.file.series == run.series.value }
            guard let machine = run.fingerprint?.fingerprint else {
                unattributed.append(run.path)
                continue
            }
            guard !candidates.isEmpty else {
                withoutBaseline[machine.id, default: []].append(run.series.value)
                continue
            }
            let policy = policies.resolve(seriesOf: run)
            // The same machine; else one equal on the fields that decide; else the nearest, which the
            // comparison then reports as incomparable.
            let best = candidates.first { $0.file.fingerprint.id == machine.id }
                ?? candidates.first { machine.differences(from: $0.file.fingerprint, on: policy.fingerprintMatch).isEmpty }
                ?? candidates.min { a, b in
                    (machine.differences(from: a.file.fingerprint, on: policy.fingerprintMatch).count, a.path)
                        < (machine.differences(from: b.file.fingerprint, on: policy.fingerprintMatch).count, b.path)
                }!
            chosen.append(best.file.run(path: best.path))
        }
        // Baselines of this machine whose series the head no longer has: their metrics are missing.
        for item in stored where headIDs.contains(item.file.fingerprint.id) && !head.runs.contains(where: { $0.series.value == item.file.series }) {
            chosen.append(item.file.run(path: item.path))
        }
        // A series that moved since its baseline was recorded is matched with it, machine by machine.
        var moves: [SeriesMove] = []
        for id in headIDs.sorted() {
            let ofMachine = chosen.indices.filter { chosen[$0].fingerprint?.fingerprint.id == id }
            var group = LoadedRuns(runs: ofMachine.map { chosen[$0] }, notices: [])
            let heads = LoadedRuns(runs: head.runs.filter { $0.fingerprint?.fingerprint.id == id }, notices: [])
            moves += RenameMatching.follow(base: &group, head: heads, renames: { [] })
            for (index, run) in zip(ofMachine, group.runs) { chosen[index] = run }
        }
        let movedTo = Set(moves.map(\.to))
        withoutBaseline = withoutBaseline.mapValues { $0.filter { !movedTo.contains($0) } }.filter { !$0.value.isEmpty }
        comparator.againstStoredBaselines = true
        var comparison = comparator.compare(
            base: LoadedRuns(runs: chosen, notices: []), head: head,
            baseSide: baseSide, headSide: headSide)
        for (id, series) in withoutBaseline.sorted(by: { $0.key < $1.key }) {
            notices.append("no stored baseline of \(ReportWording.someSeries(series)) for fingerprint \(id): " +
                           howToRecord)
        }
        if !unattributed.isEmpty {
            notices.append("no fingerprint for \(ReportWording.someRuns(unattributed)): they name no machine and were not produced here, " +
                           "so no stored baseline applies; pass --fingerprint FILE or write a fingerprint.json beside them")
        }
        comparison.notices = notices + comparison.notices
        comparison.moves = moves.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        comparison.comparedFiles = ComparedFiles.listing(base: chosen, head: head.runs)
        return comparison
    }
}