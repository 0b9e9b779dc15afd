import Foundation
import RegressGit

/// `regress inventory`: what the benchmark files of a tree (the working tree, or a revision) hold
/// and lack.
public struct InventoryOperation {
    /// Any folder inside the repository.
    public var repositoryPath: String
    /// A revision whose tree is read through libgit2; nil reads the working tree.
    public var revision: String?
    /// Folders to look at, relative to the repository root; empty looks at the whole tree.
    public var paths: [String] = []
    /// How deep the per-folder coverage goes (1: the top folders).
    public var depth = 2
    public var policyFiles: [String] = []
    public var configurationFile: String?

    public init(repositoryPath: String = ".", revision: String? = nil) {
        self.repositoryPath = repositoryPath
        self.revision = revision
    }

    public func run() throws -> Inventory {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let source: ArtifactSource = try revision.map { try CommitSource(repository: repository, revision: $0) }
            ?? WorkingTreeSource(repository: repository)
        let configuration = try Configuration.load(file: configurationFile, orFrom: source)
        let policies = try PolicySet.load(explicitFiles: policyFiles, source: source)
        let wantsFields = policies.requiresMetadata
        let files = try ArtifactScan.scan(source, paths: paths, configuration: configuration, wantsFieldNames: wantsFields)
        for path in paths.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }) where !path.isEmpty && path != "." {
            guard files.contains(where: { $0.path == path || $0.path.hasPrefix(path + "/") }) else {
                throw RegressError.nothingToRead(what: "no file at or below '\(path)' in \(source.label): name a folder of the tree" +
                                                 (revision == nil ? ", or a revision first" : ""))
            }
        }
        let folders = InventoryBuilder.folderPaths(files.map(\.path), depth: depth).map { $0 == "." ? "" : $0 }
        let latest = try source.commit.map { try repository.lastCommits(touching: folders, from: $0.id) } ?? [:]
        return InventoryBuilder.build(source: source.label, paths: paths, depth: depth, files: files, latest: latest, policies: policies)
    }

    /// Splits `[REV] [PATH...]`: the first argument is a revision when it names no file or folder of
    /// the working tree and resolves as a revision; the paths are made relative to the repository root
    /// (a path that exists from the current folder is taken from there).
    public static func split(_ arguments: [String], repositoryPath: String = ".") throws -> (revision: String?, paths: [String]) {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var rest = arguments
        var revision: String?
        if let first = rest.first, !FileManager.default.fileExists(atPath: first),
           !(repository.workingDirectory.map { FileManager.default.fileExists(atPath: $0 + "/" + first) } ?? false),
           (try? repository.resolveCommit(first)) != nil {
            revision = first
            rest.removeFirst()
        }
        let root = repository.workingDirectory.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        let paths = try rest.map { path -> String in
            guard let root, FileManager.default.fileExists(atPath: path) else { return path }
            let absolute = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if absolute == root { return "" }
            guard absolute.hasPrefix(root + "/") else { throw RegressError.pathOutsideRepository(path: path, root: root) }
            return String(absolute.dropFirst(root.count + 1))
        }
        return (revision, paths)
    }
}

extension PolicySet {
    /// True when any defaults block or rule sets `required_metadata`.
    var requiresMetadata: Bool {
        defaults.contains { ($0.0.requiredMetadata ?? []).isEmpty == false } || rules.contains { ($0.fields.requiredMetadata ?? []).isEmpty == false }
    }
}
