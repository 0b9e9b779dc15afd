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
        var text = ""
        func emit(_ run: Run, _ commit: Commit?) throws {
            summary.runs += 1
            text.removeAll(keepingCapacity: true)
            summary.rows += format.append(run, commit: commit, to: &text)
            try write(text)
        }
        if workingTree {
            let source = try WorkingTreeSource(repository: repository)
            let configuration = try Configuration.load(file: configurationFile, orFrom: source)
            // HEAD's blobs, listed once: a file whose bytes hash to its blob there is committed as it is.
            let committed = try source.commit.map { head in
                Dictionary(try repository.files(at: head.id).map { ($0.path, $0.blob) }, uniquingKeysWith: { a, _ in a })
            } ?? [:]
            for file in try ArtifactScan.scan(source, paths: [], configuration: configuration, wantsFieldNames: false) {
                guard let run = file.run else {
                    if let problem = file.problem { summary.notices.append("skipped \(file.path): \(problem)") }
                    continue
                }
                let asCommitted = try committed[run.path].map { try ObjectID.blob(of: source.read(run.path)) == $0 } ?? false
                try emit(run, asCommitted ? source.commit : nil)
            }
            return summary
        }
        // Each commit is read once: libgit2's cache would only keep every one of them.
        Repository.setObjectCache(enabled: false)
        defer { Repository.setObjectCache(enabled: true) }
        let range = try HistoryRange.parse(self.range, in: repository)
        let tip = try CommitSource(repository: repository, revision: range.tip.hex)
        let configuration = try Configuration.load(file: configurationFile, orFrom: tip).wideSelection
        let reader = HistoryReader(repository: repository, configuration: configuration)
        // The fingerprint files of the tree as the walk goes (path → blob), followed through each
        // commit's changes, so that finding a run's sidecar costs no lookup in its folder.
        var sidecars: [String: ObjectID] = [:]
        var seeded = false
        var source: ListedSource?
        let observe: (Commit, ObjectID?, [FileChange]) throws -> Void = { commit, parent, changes in
            if !seeded, let parent {
                for file in try repository.files(at: parent) where Self.isSidecar(file.path) { sidecars[file.path] = file.blob }
            }
            seeded = true
            for change in changes where Self.isSidecar(change.path) {
                sidecars[change.path] = change.kind == .deleted ? nil : change.blob
            }
            source = nil
        }
        let walked = try reader.stream(range, firstParent: firstParent, limit: limit, progress: progress, observe: observe) { found in
            guard found.inRange else { return }
            var run = found.run
            if source?.commit?.id != found.commit.id {
                // An entry of a history file can name a commit this repository does not have (asv
                // results published apart from their code): its sidecars are the tip's.
                let known = (try? repository.commit(found.commit.id)) != nil
                source = ListedSource(base: try CommitSource(repository: repository, revision: known ? found.commit.id.hex : range.tip.hex),
                                      files: sidecars.map { ($0.key, $0.value) })
            }
            run = try FingerprintLocator().attach(to: [run], from: source!)[0]
            try emit(run, found.commit)
        }
        summary.commits = walked.commits
        summary.notices = walked.notices
        return summary
    }

    /// A file `FingerprintLocator` reads beside artifacts: `*.fingerprint.json`, `fingerprint.json`, `machine.json`.
    static func isSidecar(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name == "fingerprint.json" || name == "machine.json" || name.hasSuffix(".fingerprint.json")
    }
}
