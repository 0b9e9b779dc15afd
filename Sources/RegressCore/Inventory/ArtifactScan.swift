import Foundation
import RegressGit

extension Configuration {
    /// What `inventory` and `export` read: every JSON, CSV and Markdown file, and whatever the
    /// configured (or default) globs select, under the configuration's entries and excludes; files of
    /// regress's own, and dependency, virtual-environment and build folders, are left out. Data and fixture
    /// folders, which the default discovery of `compare` passes over, are read: an inventory is of
    /// everything the tree holds.
    public var wideSelection: Configuration {
        var wide = self
        let everywhere = try! Glob("**/*.{json,JSON,csv,CSV,tsv,md,MD,markdown}")
        wide.artifacts = (artifacts.isEmpty ? Configuration.defaultGlobs.map { ArtifactEntry(glob: $0) } : artifacts)
            + [ArtifactEntry(glob: everywhere)]
        // The default exclusions but the first (data and fixture folders): dependencies, virtual
        // environments and build folders stay out.
        wide.exclude = exclude + Configuration.defaultExcluded.dropFirst()
        return wide
    }
}

/// One file as an inventory reads it: its type, and what a reader made of it.
struct ScannedFile {
    let path: String
    let type: FileType
    /// Set when a reader understood the file.
    var format: ArtifactFormat?
    var kind: ArtifactKind?
    /// The run it holds (with its series, fingerprint and failure), when it holds one.
    var run: Run?
    /// Why no reader understood it; nil when one did or it was not read (not an artifact).
    var problem: String?
    /// The field names the artifact carries (JSON keys, CSV and table columns), lower-cased.
    var fieldNames: Set<String> = []
    /// When the run was made: the timestamp in its name, else the date inside it; nil when neither.
    var time: Double?
}

/// Reads the files of a source for an inventory or a working-tree export.
enum ArtifactScan {
    /// Every file below `paths` (all of the tree when empty), each artifact read; sorted by path.
    static func scan(_ source: ArtifactSource, paths: [String], configuration: Configuration,
                     wantsFieldNames: Bool) throws -> [ScannedFile] {
        // A commit's tree is listed once, so that every read (the artifacts, and the sidecars looked
        // for beside each) goes by blob id instead of looking its path up in a folder of thousands.
        let source: ArtifactSource = try (source as? CommitSource).map { commit in
            let files = try commit.repository.files(at: commit.commit!.id)
            return ListedSource(base: commit, files: files.map { ($0.path, $0.blob) }, links: Set(files.filter(\.isLink).map(\.path)))
        } ?? source
        let all = try source.files(matching: try folderGlobs(paths))
        let selection = configuration.wideSelection
        let artifacts = all.filter { path in selection.globs.contains { $0.matches(path) } && !selection.isExcluded(path) }
        let keys = SeriesKey.keys(for: artifacts)
        let isArtifact = Set(artifacts)
        let sizes = source.sizes(of: artifacts)
        var scanned: [ScannedFile] = []
        var runs: [Run] = []
        var runIndex: [Int] = []
        for path in all {
            var file = ScannedFile(path: path, type: FileType(path: path))
            defer { scanned.append(file) }
            guard isArtifact.contains(path) else { continue }
            if let size = sizes[path], size > configuration.maxArtifactBytes {
                file.problem = "\(size) bytes, above max_artifact_bytes (\(configuration.maxArtifactBytes)): not read"
                continue
            }
            do {
                let request = try RunLoader.request(path, from: source, configuration: selection)
                let result = try ArtifactReader.read(request)
                file.format = result.format
                file.kind = result.kind
                let contents = result.contents
                if wantsFieldNames { file.fieldNames = fieldNames(request.bytes, path: path, format: result.format) }
                let key = keys[path] ?? SeriesKey(path: path)
                if result.kind.isMeasured {
                    if contents.measurements.isEmpty && contents.failure == nil {
                        file.format = nil
                        file.kind = nil
                        file.problem = RunLoader.nothingReadReason(result) ?? ArtifactScreening.emptyReason(request.bytes, path: path)
                        continue
                    }
                    file.run = Run(series: key, path: path, format: result.format, measurements: contents.measurements,
                                   skipped: contents.skipped, failure: contents.failure,
                                   fingerprint: contents.fingerprint.map { RunFingerprint(fingerprint: $0, origin: path) })
                    file.time = key.timestamp ?? embeddedTime(request.bytes, format: result.format)
                    runs.append(file.run!)
                    runIndex.append(scanned.count)
                }
            } catch {
                file.problem = problem(error)
            }
        }
        let attached = try FingerprintLocator().attach(to: runs, from: source)
        for (index, run) in zip(runIndex, attached) { scanned[index].run = run }
        return scanned
    }

    /// Globs for every file below the folders (`**` for the whole tree).
    static func folderGlobs(_ paths: [String]) throws -> [Glob] {
        let folders = paths.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }.filter { !$0.isEmpty && $0 != "." }
        if folders.isEmpty { return [try Glob("**")] }
        return try folders.flatMap { folder -> [Glob] in
            let literal = folder.replacingOccurrences(of: "[", with: "[[]").replacingOccurrences(of: "*", with: "[*]")
                .replacingOccurrences(of: "?", with: "[?]").replacingOccurrences(of: "{", with: "[{]")
            return [try Glob(literal + "/**"), try Glob(literal)]
        }
    }

    static func problem(_ error: Error) -> String {
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return message
    }

    /// The time inside a JSON artifact (`date` in milliseconds or seconds, `started_at`); nil for none.
    static func embeddedTime(_ bytes: [UInt8], format: ArtifactFormat) -> Double? {
        guard format != .csv, format != .markdown, format != .goBench,
              let date = JSONParser.topLevelNumber(bytes, keys: ["date", "started_at"]) else { return nil }
        return date > 1e11 ? date / 1000 : date
    }

    /// The names an artifact gives its fields, lower-cased, spaces and dashes as underscores: JSON
    /// object keys at any depth, CSV header columns, Markdown table headers and `- Name: value` lines.
    static func fieldNames(_ bytes: [UInt8], path: String, format: ArtifactFormat) -> Set<String> {
        var names: Set<String> = []
        switch format {
        case .csv:
            if let header = try? CSVParser.parse(bytes).first {
                for field in header.fields { names.insert(normalizedName(field)) }
            }
        case .markdown, .goBench:
            let text = String(decoding: CSVParser.decodeToUTF8(bytes), as: UTF8.self)
            for table in MarkdownTableReader.parse(text) {
                for cell in table.header { names.insert(normalizedName(MarkdownTableReader.splitHeader(cell).0)) }
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* "), let colon = trimmed.firstIndex(of: ":") else { continue }
                names.insert(normalizedName(MarkdownTableReader.clean(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<colon]))))
            }
        default:
            let bytes = BenchmarkActionHistoryAdapter.isScript(bytes) ? BenchmarkActionHistoryAdapter.scriptJSON(bytes) : bytes
            guard let value = try? JSONParser.parse(bytes) else { return [] }
            var stack = [value]
            while let next = stack.popLast() {
                switch next {
                case .object(let members):
                    for (key, member) in members {
                        names.insert(normalizedName(key))
                        stack.append(member)
                    }
                case .array(let items): stack.append(contentsOf: items)
                default: break
                }
            }
        }
        names.remove("")
        return names
    }

    /// A field name as metadata checks compare it: lower-cased, spaces and dashes as underscores.
    static func normalizedName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}

/// A commit's tree whose files are known beforehand, with their blobs: a path is read by its blob id,
/// and a path not listed is absent without a lookup. Sizes and everything else are the commit's own.
struct ListedSource: ArtifactSource {
    let base: CommitSource
    let blobs: [String: ObjectID]
    /// Committed symbolic links: read through the commit, which refuses to follow them.
    let links: Set<String>

    init(base: CommitSource, files: [(String, ObjectID)], links: Set<String> = []) {
        self.base = base
        self.blobs = Dictionary(files, uniquingKeysWith: { first, _ in first })
        self.links = links
    }

    var label: String { base.label }
    var commit: Commit? { base.commit }

    func files(matching globs: [Glob]) throws -> [String] {
        blobs.keys.filter { path in globs.contains { $0.matches(path) } }.sorted()
    }

    func read(_ path: String) throws -> [UInt8] {
        guard let blob = blobs[path] else { throw GitError.pathNotFound(path: path, commit: base.commit!.id) }
        if links.contains(path) { return try base.read(path) }
        return try base.repository.blob(blob)
    }

    func size(of path: String) -> Int? { blobs[path] == nil ? nil : base.size(of: path) }
    func sizes(of paths: [String]) -> [String: Int] { base.sizes(of: paths.filter { blobs[$0] != nil }) }
    func blobID(_ path: String) -> ObjectID? { blobs[path] }
}
