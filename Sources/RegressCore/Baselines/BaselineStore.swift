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

    /// Writes a baseline into the folder under `root`, atomically: a temporary file beside it, then a
    /// rename over the old one, so that an interrupted write leaves the old baseline as it was.
    /// `beforeRename` lets tests interrupt the write.
    @discardableResult
    public func write(_ file: BaselineFile, root: String, beforeRename: (() throws -> Void)? = nil) throws -> String {
        let name = file.fileName
        precondition(!name.contains("/") && !name.hasPrefix("."), "baseline file names stay inside the folder")
        let directory = root + "/" + folder
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = directory + "/" + name
        let temporary = directory + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: Data(file.json.utf8)) else {
                throw RegressError.cannotWriteOutput(path: temporary, reason: "the file could not be created")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.synchronize()
            try handle.close()
            try beforeRename?()
            guard rename(temporary, target) == 0 else {
                throw RegressError.cannotWriteOutput(path: target, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return (folder.isEmpty ? "" : folder + "/") + name
    }
}
