import Foundation
import RegressGit

/// `regress export`: every measured value of a range of history, or of the working tree, as one row,
/// streamed to a writer.
public struct ExportOperation {
    /// Any folder inside the repository.
    public var repositoryPath: String
    /// REV (all of its history) or A..B; nil is HEAD's history. Ignored with `workingTree`.
    public var range: String?
    /// Read the files of the working tree as they are, instead of history.
    public var workingTree = false
    public var firstParent = true
    /// At most this many commits of the range, newest first.
    public var limit: Int?
    public var configurationFile: String?

    public init(repositoryPath: String = ".", range: String? = nil) {
        self.repositoryPath = repositoryPath
        self.range = range
    }

    /// What an export wrote.
    public struct Summary: Equatable, Sendable {
        public var rows = 0
        public var runs = 0
        /// Commits walked (0 for the working tree).
        public var commits = 0
        public var notices: [String] = []
    }

    /// Writes the header and every row, in order: commits oldest first, runs by path within a commit.
    public func run(format: ExportFormat, to stream: OutputFile.Stream, progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        try run(format: format, progress: progress) { try stream.write($0) }
    }

    /// As `run(format:to:)`, handing each piece of text to `write`.
    public func run(format: ExportFormat, progress: ((Int, Int) -> Void)? = nil, write: (String) throws -> Void) throws -> Summary {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var summary = Summary()
        try write(format.header)
        func emit(_ run: Run, _ commit: Commit?) throws {
            summary.runs += 1
            for row in ExportFormat.rows(of: run, commit: commit) {
                try write(format.line(row))
                summary.rows += 1
            }
        }
        if workingTree {
            let source = try WorkingTreeSource(repository: repository)
            let configuration = try Configuration.load(file: configurationFile, orFrom: source)
            for file in try ArtifactScan.scan(source, paths: [], configuration: configuration, wantsFieldNames: false) {
                guard let run = file.run else {
                    if let problem = file.problem { summary.notices.append("skipped \(file.path): \(problem)") }
                    continue
                }
                try emit(run, source.wasProducedHere(run.path) ? nil : source.commit)
            }
            return summary
        }
        let range = try HistoryRange.parse(self.range, in: repository)
        let tip = try CommitSource(repository: repository, revision: range.tip.hex)
        let configuration = try Configuration.load(file: configurationFile, orFrom: tip).wideSelection
        let reader = HistoryReader(repository: repository, configuration: configuration)
        var source: CommitSource?
        let walked = try reader.stream(range, firstParent: firstParent, limit: limit, progress: progress) { found in
            guard found.inRange else { return }
            var run = found.run
            // Sidecar fingerprints are looked up in the tree of the run's own commit.
            if source?.commit?.id != found.commit.id {
                source = try? CommitSource(repository: repository, revision: found.commit.id.hex)
            }
            if let source { run = try FingerprintLocator().attach(to: [run], from: source)[0] }
            try emit(run, found.commit)
        }
        summary.commits = walked.commits
        summary.notices = walked.notices
        return summary
    }
}
