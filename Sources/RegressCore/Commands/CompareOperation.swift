import RegressGit

/// `regress compare`: a baseline revision against the working tree or a head revision.
public struct CompareOperation: Sendable {
    /// Any folder inside the repository.
    public var repositoryPath: String
    /// The baseline revision (`HEAD~1`, a tag, `origin/main...HEAD`).
    public var base: String
    /// The head revision; nil means the working tree as it is on disk.
    public var head: String?
    public var tolerance: Double

    public init(repositoryPath: String, base: String = "HEAD~1", head: String? = nil, tolerance: Double = 0.05) {
        self.repositoryPath = repositoryPath
        self.base = base
        self.head = head
        self.tolerance = tolerance
    }

    public func run() throws -> Comparison {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let baseSource = try CommitSource(repository: repository, revision: base)
        let headSource: ArtifactSource = try head.map { try CommitSource(repository: repository, revision: $0) }
            ?? WorkingTreeSource(repository: repository)
        let configuration = try Configuration.load(from: headSource)
        let baseRuns = try RunLoader.load(baseSource, configuration: configuration)
        let headRuns = try RunLoader.load(headSource, configuration: configuration)
        if baseRuns.runs.isEmpty && headRuns.runs.isEmpty {
            throw RegressError.noArtifacts(base: baseSource.label, head: headSource.label, configuration: configuration.origin)
        }
        return Comparator(tolerance: tolerance).compare(
            base: baseRuns, head: headRuns,
            baseSide: ComparisonSide(label: baseSource.label, commit: baseSource.commit),
            headSide: ComparisonSide(label: headSource.label, commit: headSource.commit))
    }
}
