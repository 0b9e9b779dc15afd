import Foundation
import RegressGit

/// `regress.yml` (or `.regress.yml`) at the repository root: which files are artifacts and how to
/// read them. Every field has a default; unknown keys are refused with their path.
///
/// ```yaml
/// version: 1
/// artifacts:
///   - path: "bench/results/**/*.csv"   # a glob: `*` stays in one folder, `**` crosses folders
///     format: csv                     # json | csv; default: from the file name
///     keys: [model, prompt_index]     # the fields that name a benchmark
/// exclude: ["**/package.json"]
/// max_artifact_bytes: 134217728       # larger files are skipped with a notice, never loaded (default 128 MiB)
/// fingerprint:                        # fields this machine's fingerprint declares besides the probed ones
///   env: [RUNNER_LABEL]               # user.env.RUNNER_LABEL
///   commands:
///     compiler: "swift --version"     # user.compiler: the first line of the command's output
/// ```
public struct Configuration: Equatable, Sendable {
    public static let currentVersion = 1
    public static let fileNames = ["regress.yml", ".regress.yml"]

    public struct ArtifactEntry: Equatable, Sendable {
        public var glob: Glob
        public var format: ArtifactFormat?
        public var keys: [String]
        /// Which way is better for formats that leave it to the user (github-action-benchmark's
        /// customBiggerIsBetter is `higher`, customSmallerIsBetter `lower`).
        public var direction: Direction?

        public init(glob: Glob, format: ArtifactFormat? = nil, keys: [String] = [], direction: Direction? = nil) {
            self.glob = glob
            self.format = format
            self.keys = keys
            self.direction = direction
        }
    }

    /// User-declared fingerprint fields: environment variables and command outputs.
    public struct FingerprintFields: Equatable, Sendable {
        public var environment: [String] = []
        /// Field name → command line (split at spaces, run without a shell).
        public var commands: [(String, String)] = []

        public init(environment: [String] = [], commands: [(String, String)] = []) {
            self.environment = environment
            self.commands = commands
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.environment == rhs.environment && lhs.commands.map { $0.0 + "\u{0}" + $0.1 } == rhs.commands.map { $0.0 + "\u{0}" + $0.1 }
        }
    }

    /// Where these settings came from ("defaults" when no file exists).
    public var origin: String
    /// Explicit artifact entries; empty means the default discovery globs.
    public var artifacts: [ArtifactEntry]
    public var exclude: [Glob]
    public var fingerprint = FingerprintFields()
    /// Files larger than this are skipped with a notice, never loaded: a run that wrote without end, or
    /// a file that is no result, cannot make regress exhaust memory.
    public var maxArtifactBytes = Configuration.defaultMaxArtifactBytes
    public static let defaultMaxArtifactBytes = 128 << 20

    /// Files searched when `artifacts` is empty: JSON, CSV, benchmark console output (`*.txt`, `*.out`) and XML
    /// anywhere below a folder whose name starts with `bench` or `perf`, or is `results` or `reports`;
    /// criterion's `target/criterion/**/new/estimates.json` (`.criterion/**` before criterion 0.3);
    /// package-benchmark's `.benchmarkBaselines/**/results.json` (and `<host>.results.json`); asv's
    /// `.asv/results/**/*.json`; pytest-benchmark's saved runs, `.benchmarks/**/*.json`.
    public static let defaultGlobs: [Glob] = [
        try! Glob("**/{bench*,Bench*,perf*,results,reports}/**/*.{json,csv,txt,out,xml}"),
        try! Glob("target/criterion/**/new/estimates.json"),
        try! Glob(".criterion/**/new/estimates.json"),
        try! Glob(".benchmarkBaselines/**/results.json"),
        try! Glob(".benchmarkBaselines/**/*.results.json"),
        try! Glob(".asv/results/**/*.json"),
        try! Glob(".benchmarks/**/*.json"),
        // github-action-benchmark's history, `dev/bench/data.js` on the gh-pages branch by default.
        try! Glob("**/{bench*,Bench*,perf*}/**/data.js"),
    ]

    /// Files that are never artifacts: machine fingerprints and descriptions, and regress's own files.
    public static let alwaysExcluded: [Glob] = [
        try! Glob("**/fingerprint.json"),
        try! Glob("**/*.fingerprint.json"),
        try! Glob("**/machine.json"),
        try! Glob("baselines/**"),
        try! Glob("**/{package,package-lock,tsconfig,composer}.json"),
        // Maven's project file: JMH benchmarks conventionally live in a `benchmarks/` module.
        try! Glob("**/pom.xml"),
        // Files that formats read beside their artifact, not artifacts themselves.
        try! Glob("**/{criterion,.criterion}/**/{base,change}/*.json"),
        try! Glob("**/{criterion,.criterion}/**/{sample,benchmark,tukey}.json"),
        try! Glob("**/results/benchmarks.json"),
    ]

    /// Folders the default globs never descend into: test fixtures, input data, dependencies and
    /// virtual environments hold JSON and CSV that are not results, even below a `benchmarks/` folder.
    /// An `artifacts:` entry that names such a folder reads it.
    public static let defaultExcluded: [Glob] = [
        try! Glob("**/{fixtures,fixture,__fixtures__,testdata,test_data,test-data,data,datasets}/**"),
        try! Glob("**/{node_modules,vendor,third_party,.venv,venv,.tox,site-packages,__pycache__}/**"),
        // SwiftPM's build folder (where RegressTesting writes its measurements, checked by their tests).
        try! Glob("**/.build/**"),
    ]

    public static let defaults = Configuration(origin: "defaults", artifacts: [], exclude: [])

    public init(origin: String, artifacts: [ArtifactEntry], exclude: [Glob]) {
        self.origin = origin
        self.artifacts = artifacts
        self.exclude = exclude
    }

    /// The globs that select artifacts.
    public var globs: [Glob] { artifacts.isEmpty ? Configuration.defaultGlobs : artifacts.map(\.glob) }

    /// The entry that governs a path: the first whose glob matches.
    public func entry(for path: String) -> ArtifactEntry? {
        artifacts.first { $0.glob.matches(path) }
    }

    /// True for a path never read: always excluded, excluded by `exclude:`, or, under the default
    /// globs, inside a fixture, data, dependency or environment folder.
    public func isExcluded(_ path: String) -> Bool {
        (Configuration.alwaysExcluded + exclude + (artifacts.isEmpty ? Configuration.defaultExcluded : [])).contains { $0.matches(path) }
    }

    /// Reads `regress.yml` or `.regress.yml` from the root of a source; the defaults when neither exists.
    public static func load(from source: ArtifactSource) throws -> Configuration {
        for name in fileNames {
            let bytes: [UInt8]
            do {
                bytes = try source.read(name)
            } catch let refused as ArtifactError {
                throw refused  // a link out of the repository, a FIFO: said, not taken for "no file"
            } catch {
                continue
            }
            return try parse(String(decoding: bytes, as: UTF8.self), file: name)
        }
        return .defaults
    }

    public static func parse(_ text: String, file: String) throws -> Configuration {
        let root = try YAMLValue.parse(text, file: file)
        var configuration = Configuration(origin: file, artifacts: [], exclude: [])
        var version: Int?
        for (key, value) in try root.mapping(allowed: ["version", "artifacts", "exclude", "fingerprint", "max_artifact_bytes"]) {
            switch key {
            case "version":
                version = try value.formatVersion(current: currentVersion)
            case "artifacts":
                configuration.artifacts = try value.sequence().map(parseEntry)
            case "max_artifact_bytes":
                let limit = try value.int()
                guard limit > 0 else { throw value.error("max_artifact_bytes is a number of bytes above 0") }
                configuration.maxArtifactBytes = limit
            case "exclude":
                configuration.exclude = try value.strings().map { try glob($0, at: value) }
            case "fingerprint":
                for (name, member) in try value.mapping(allowed: ["env", "commands"]) {
                    if name == "env" {
                        configuration.fingerprint.environment = try member.strings()
                    } else {
                        configuration.fingerprint.commands = try member.mapping(allowed: nil).map { ($0.0, try $0.1.string()) }
                    }
                }
            default:
                break
            }
        }
        if version == nil, configuration != Configuration(origin: file, artifacts: [], exclude: []) {
            throw root.error("add `version: 1` so that later versions of regress read this file the same way")
        }
        return configuration
    }

    private static func parseEntry(_ value: YAMLValue) throws -> ArtifactEntry {
        var glob: Glob?
        var entry = ArtifactEntry(glob: try Glob("*"))
        for (key, member) in try value.mapping(allowed: ["path", "format", "keys", "direction"]) {
            switch key {
            case "path":
                glob = try self.glob(try member.string(), at: member)
            case "format":
                let name = try member.string()
                guard let format = ArtifactFormat(rawValue: name) else {
                    throw member.error("unknown format '\(name)'; expected one of: \(ArtifactFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                entry.format = format
            case "keys":
                entry.keys = try member.strings()
            case "direction":
                switch try member.string() {
                case "lower": entry.direction = .lowerIsBetter
                case "higher": entry.direction = .higherIsBetter
                case let other: throw member.error("unknown direction '\(other)'; expected lower or higher")
                }
            default:
                break
            }
        }
        guard let glob else { throw value.error("each artifacts entry needs a `path:` glob") }
        entry.glob = glob
        return entry
    }

    private static func glob(_ pattern: String, at value: YAMLValue) throws -> Glob {
        do {
            return try Glob(pattern)
        } catch let error as GlobError {
            throw value.error(error.description)
        }
    }
}
