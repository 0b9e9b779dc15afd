import RegressGit

/// `regress noise`: how reproducible each metric of a source is, and which cannot be gated at their
/// policy's tolerance.
public struct NoiseOperation: Sendable {
    public var repositoryPath: String
    /// A revision, or nil for the working tree.
    public var source: String?
    /// Also read the runs of this many earlier commits (first parent) for the between-run figures.
    public var last: Int
    public var policyFiles: [String]
    /// `--config FILE`: the regress.yml to read every commit with; nil means the source's own.
    public var configurationFile: String?

    public init(repositoryPath: String, source: String? = nil, last: Int = 0, policyFiles: [String] = []) {
        self.repositoryPath = repositoryPath
        self.source = source
        self.last = last
        self.policyFiles = policyFiles
    }

    public func run() throws -> NoiseReport {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let current = try HeadSide.source(repository: repository, revision: source)
        let configuration = try Configuration.load(file: configurationFile, orFrom: current)
        let policies = try PolicySet.load(explicitFiles: policyFiles, source: current)
        let loaded = try RunLoader.load(current, configuration: configuration)
        var notices = loaded.notices
        var earlier: [SeriesKey: [Run]] = [:]
        for run in loaded.runs {
            earlier[run.series] = RunLoader.earlierRuns(of: run, from: current, configuration: configuration)
        }
        var origins: [String] = []
        if loaded.runs.contains(where: { !$0.earlierPaths.isEmpty }) { origins.append("timestamped runs in the tree") }
        if last > 0, let start = current.commit {
            // The working tree's own commit is history; a commit source's is the current run.
            let skip = source == nil ? 0 : 1
            let history = try repository.history(from: start.id, firstParent: true, limit: last + skip)
            if let notice = history.shallowNotice { notices.append(notice) }
            let commits = history.ids.dropFirst(skip)
            for id in commits {
                let past = try CommitSource(repository: repository, revision: id.hex)
                for run in try RunLoader.load(past, configuration: configuration).runs where earlier[run.series] != nil {
                    let known = [loaded.runs.first { $0.series == run.series }!] + earlier[run.series]!
                    // The same artifact unchanged across commits is one run, not several.
                    if !known.contains(where: { $0.measurements == run.measurements }) { earlier[run.series]!.append(run) }
                }
            }
            origins.append("the last \(commits.count) commit\(commits.count == 1 ? "" : "s")")
        }
        if loaded.runs.isEmpty {
            throw RegressError.noArtifacts(base: current.label, head: current.label, configuration: configuration.origin)
        }
        return NoiseReport(source: ComparisonSide(label: current.label, commit: current.commit),
                           runsFrom: origins.isEmpty ? "this run only" : origins.joined(separator: " and "),
                           policyFiles: policies.files,
                           metrics: NoiseAnalysis.analyze(current: loaded.runs, earlier: earlier, policies: policies),
                           notices: notices)
    }
}
