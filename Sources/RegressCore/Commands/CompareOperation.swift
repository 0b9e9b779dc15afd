import Foundation
import RegressGit

/// `regress compare`: a baseline revision against the working tree or a head revision.
public struct CompareOperation: Sendable {
    /// Any folder inside the repository.
    public var repositoryPath: String
    /// The baseline revision (`HEAD~1`, a tag, `origin/main...HEAD`).
    public var base: String
    /// The head revision; nil means the working tree as it is on disk.
    public var head: String?
    /// `--policy` files; empty means `policies/*.yml` of the head side, else the built-in default.
    public var policyFiles: [String]
    /// Today as `YYYY-MM-DD`, to tell expired policy rules.
    public var today: String
    /// `--fingerprint FILE`: the fingerprint of runs that carry none.
    public var fingerprintFile: String?
    /// `--config FILE`: the regress.yml that reads both sides; nil means the head side's own.
    public var configurationFile: String?
    /// This machine's fingerprint, for artifacts produced in the working tree.
    public var thisMachine: @Sendable (Configuration) -> Fingerprint = { MachineProbe().fingerprint(declared: $0.fingerprint) }

    public init(repositoryPath: String, base: String = "HEAD~1", head: String? = nil, policyFiles: [String] = [],
                today: String = CompareOperation.currentDate()) {
        self.repositoryPath = repositoryPath
        self.base = base
        self.head = head
        self.policyFiles = policyFiles
        self.today = today
    }

    /// `--base-dir DIR`: read the base side from this folder (as it is on disk) instead of a revision.
    public var baseDirectory: String?
    /// `--head-dir DIR`: read the head side from this folder instead of the working tree.
    public var headDirectory: String?

    public func run() throws -> Comparison {
        // Two folders need no repository at all.
        let repository = baseDirectory != nil && headDirectory != nil ? nil : try Repository(discoveringFrom: repositoryPath)
        let baseSource: ArtifactSource = try baseDirectory.map { try WorkingTreeSource.side(folder: $0) }
            ?? CommitSource(repository: repository!, revision: base)
        let headSource: ArtifactSource = try headDirectory.map { try WorkingTreeSource.side(folder: $0) }
            ?? HeadSide.source(repository: repository!, revision: head)
        let configuration = try Configuration.load(file: configurationFile, orFrom: headSource)
        let policies = try PolicySet.load(explicitFiles: policyFiles, source: headSource)
        let locator = FingerprintLocator(explicit: try Self.explicitFingerprint(fingerprintFile),
                                         thisMachine: { thisMachine(configuration) })
        var baseRuns = try RunLoader.load(baseSource, configuration: configuration)
        var headRuns = try RunLoader.load(headSource, configuration: configuration)
        baseRuns.runs = try locator.attach(to: baseRuns.runs, from: baseSource)
        headRuns.runs = try locator.attach(to: headRuns.runs, from: headSource)
        if baseRuns.runs.isEmpty && headRuns.runs.isEmpty {
            throw RegressError.noArtifacts(base: baseSource.label, head: headSource.label, configuration: configuration.origin)
        }
        var comparator = Comparator(policies: policies, today: today)
        // A folder's commit is that of the checkout it may be in: its history and renames are not this comparison's.
        let folders = baseDirectory != nil || headDirectory != nil
        if !folders, let base = baseSource.commit, let repository {
            comparator.earlierRuns = try EarlierRuns.values(for: baseRuns.runs, at: base.id, source: baseSource, repository: repository,
                                                            configuration: configuration, policies: policies)
        }
        let moves = try RenameMatching.follow(base: &baseRuns, head: headRuns, renames: { folders ? [] : try renames(repository, baseSource, headSource) })
        comparator.earlierRuns = RenameMatching.moving(comparator.earlierRuns, by: moves)
        var comparison = comparator.compare(
            base: baseRuns, head: headRuns,
            baseSide: ComparisonSide(label: baseSource.label, commit: baseSource.commit),
            headSide: ComparisonSide(label: headSource.label, commit: headSource.commit))
        comparison.moves = moves
        comparison.comparedFiles = ComparedFiles.listing(base: baseRuns.runs, head: headRuns.runs)
        UnchangedFailures.settle(&comparison, base: baseRuns.runs, baseSource: baseSource, head: headRuns.runs, headSource: headSource)
        if let notice = Configuration.baseNotice(base: baseSource, used: configuration, explicit: configurationFile != nil) {
            comparison.notices.insert(notice, at: 0)
        }
        return comparison
    }

    /// The files git's rename detection moved between the base commit and the head commit (for the
    /// working tree, the commit it is on; moves not yet committed are matched by content).
    func renames(_ repository: Repository?, _ base: ArtifactSource, _ head: ArtifactSource) throws -> [Rename] {
        guard let repository, let from = base.commit?.id, let to = head.commit?.id, from != to else { return [] }
        return try repository.renames(from: from, to: to)
    }

    /// Reads a `--fingerprint` file.
    public static func explicitFingerprint(_ path: String?) throws -> RunFingerprint? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw RegressError.unreadableFile(path: path) }
        return RunFingerprint(fingerprint: try Fingerprint.parse(Array(data), path: path), origin: path)
    }

    /// Today in UTC as `YYYY-MM-DD`.
    public static func currentDate() -> String {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return civilDate(daysSince1970: days)
    }

    /// `YYYY-MM-DD` of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civilDate(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
    }

    /// `value` with leading zeros to `width` characters, the sign counted (as printf's `%0*d`).
    static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }
}

/// The head side of a comparison: a commit when named, else the working tree.
public enum HeadSide {
    public static func source(repository: Repository, revision: String?) throws -> ArtifactSource {
        if let revision { return try CommitSource(repository: repository, revision: revision) }
        return try WorkingTreeSource(repository: repository)
    }
}
