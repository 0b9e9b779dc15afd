import Foundation
import RegressGit

/// The `baselines/` folder: read from disk or from a commit, written on disk atomically.
public struct BaselineStore {
    /// A baseline and the path it was read from (relative to the repository root).
    public struct Stored: Sendable {
        public let path: String
        public let file: BaselineFile
    }

    /// The folder relative to the repository root (`baselines`).
    public let folder: String

    public init(folder: String = "baselines") {
        self.folder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    /// Every `*.json` file of the folder in a source (the working tree, or a commit through libgit2).
    public func load(from source: ArtifactSource) throws -> [Stored] {
        let glob = try Glob(folder.isEmpty ? "*.json" : "\(folder)/*.json")
        return try source.files(matching: [glob]).map { path in
            Stored(path: path, file: try BaselineFile.parse(try source.read(path), path: path))
        }
    }

    /// The baseline of a run on a machine, keeping what was accepted into the one it replaces (among `existing`).
    public func baseline(of run: Run, fingerprint: Fingerprint, commit: String?, date: String, existing: [Stored]) -> BaselineFile {
        var file = BaselineFile(run: run, fingerprint: fingerprint, commit: commit, date: date)
        if let old = existing.first(where: { $0.file.series == file.series && $0.file.fingerprint.id == fingerprint.id }) {
            file.accepted = old.file.accepted
        }
        return file
    }

    /// Writes the baseline of a run on a machine, keeping what was accepted into the one it replaces
    /// (among `existing`); returns the path written and the file.
    public func record(_ run: Run, fingerprint: Fingerprint, commit: String?, date: String, existing: [Stored],
                       root: String) throws -> (path: String, file: BaselineFile) {
        let file = baseline(of: run, fingerprint: fingerprint, commit: commit, date: date, existing: existing)
        return (try write(file, root: root), file)
    }

    /// Where a baseline is kept, relative to the repository root.
    public func path(of file: BaselineFile) -> String {
        (folder.isEmpty ? "" : folder + "/") + file.fileName
    }

    /// Writes a baseline into the folder under `root` (see `RepositoryFile`): atomically, never outside
    /// the repository and never over anything but a regular file, so that an interrupted write leaves
    /// the old baseline as it was. `beforeRename` lets tests interrupt the write.
    @discardableResult
    public func write(_ file: BaselineFile, root: String, beforeRename: (() throws -> Void)? = nil) throws -> String {
        let name = file.fileName
        precondition(!name.contains("/") && !name.hasPrefix("."), "baseline file names stay inside the folder")
        try RepositoryFile.write(Data(file.json.utf8), to: (folder.isEmpty ? "" : folder + "/") + name, root: root,
                                 beforeRename: beforeRename)
        return (folder.isEmpty ? "" : folder + "/") + name
    }
}
