import Foundation
import RegressCore

/// What a package's `swift test` calls to gate on performance: `regress check` on the package's
/// working tree (its artifacts, `baselines/`, `policies/` and the fingerprint rule), and timings taken
/// inside a test checked against the stored baseline of this machine.
///
/// A gate is a value: every call reads and writes the files it names and nothing else, so tests that
/// run in parallel, each with its own gate or sharing one, do not interfere (baseline writes of one
/// process take turns under `BaselineLock`).
///
/// With `REGRESS_RECORD=1` (or `true`, `yes`) in the environment, the same calls record the baselines
/// of this machine instead of checking, and say where they wrote.
public struct PerformanceGate: Sendable {
    /// The package folder: artifacts, `baselines/`, `policies/` and `regress.yml` are read relative to it.
    public var root: String
    /// The stored baselines, relative to `root`.
    public var baselinesFolder = "baselines"
    /// Where measurements taken in tests are written (`<name>.json` in regress's measurements format),
    /// relative to `root`. The artifact check leaves this folder to the tests that measure.
    public var measurementsFolder = ".build/regress"
    /// Policy files to use instead of `policies/*.yml` of the package (paths as given).
    public var policyFiles: [String] = []
    /// Record this machine's baselines instead of checking (`REGRESS_RECORD`).
    public var recording: Bool
    /// Today as `YYYY-MM-DD`, for recorded baselines and expired rules.
    public var today = CompareOperation.currentDate()
    /// This machine's fingerprint (tests give a fixed one).
    public var thisMachine: @Sendable (Configuration) -> Fingerprint = { MachineProbe().fingerprint(declared: $0.fingerprint) }

    /// A gate for the package around the calling test file (the nearest folder above it with a
    /// `Package.swift`), or for `root`; `REGRESS_RECORD` is read from `environment`.
    public init(root: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                filePath: String = #filePath) {
        self.root = root ?? PerformanceGate.packageRoot(containing: filePath)
        recording = PerformanceGate.isRecording(environment)
    }

    /// The nearest folder above `file` that holds a `Package.swift`; the current folder when none does.
    public static func packageRoot(containing file: String) -> String {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }

    /// True when `REGRESS_RECORD` is set to anything but empty, `0`, `false` or `no`.
    public static func isRecording(_ environment: [String: String]) -> Bool {
        guard let value = environment["REGRESS_RECORD"]?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// What to do on a machine without a baseline of its own.
    var howToRecord: String {
        "record one with `REGRESS_RECORD=1 swift test` (it writes \(baselinesFolder)/ of \(root))"
    }

    /// The package's policies (or `policyFiles`) over RegressTesting's defaults: the same as regress's
    /// built-in ones, except that runs of another machine warn rather than fail
    /// (`fingerprint.on_mismatch: warn`), so that a fresh CI machine passes with a note. A policy file
    /// that sets `on_mismatch` decides.
    func policies(_ source: WorkingTreeSource) throws -> PolicySet {
        let loaded = try PolicySet.load(explicitFiles: policyFiles.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }, source: source)
        let defaults = try PolicySet.parse([(PerformanceGate.defaultPolicyName, PerformanceGate.defaultPolicyText)])
        return loaded.files == PolicySet.builtInDefault.files ? loaded.followed(by: defaults) : defaults.followed(by: loaded)
    }

    static let defaultPolicyName = "built-in default for tests: a machine without its own baseline warns"
    static let defaultPolicyText = """
        version: 1
        defaults:
          fingerprint:
            on_mismatch: warn
        """

    /// Whether a path (relative to `root`) lies in the measurements folder.
    func isMeasurement(_ path: String) -> Bool {
        let folder = measurementsFolder.hasSuffix("/") ? measurementsFolder : measurementsFolder + "/"
        return path.hasPrefix(folder)
    }

    /// The artifact of the measurements named `name`: its name with every character outside
    /// `A-Z a-z 0-9 . _ -` replaced by `-`.
    func artifactPath(_ name: String) -> String {
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": return Character(scalar)
            case ".": return "."
            default: return "-"
            }
        })
        let trimmed = safe.drop { $0 == "." || $0 == "-" }
        return (measurementsFolder.hasSuffix("/") ? String(measurementsFolder.dropLast()) : measurementsFolder) +
            "/" + (trimmed.isEmpty ? "measurements" : String(trimmed)) + ".json"
    }

    /// Where baseline writes take turns: the git folder of the repository around the package, else
    /// the package's `.build`.
    func lockFolder(_ source: WorkingTreeSource) throws -> String {
        if let repository = source.repository { return repository.gitDirectory }
        let folder = root + "/.build"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
