import Foundation

/// Where a machine's facts are read from: files and commands. The system's by default; tests give
/// fixture copies.
public protocol SystemFacts: Sendable {
    func file(_ path: String) -> String?
    /// Standard output of a command found on PATH, or nil when it is absent or fails.
    func command(_ name: String, _ arguments: [String]) -> String?
    func environment(_ name: String) -> String?
    var architecture: String { get }
    var kernel: String { get }
}

/// Describes this machine: CPU model and vendor, architecture, logical and physical cores, caches,
/// memory, frequency governor and boost, OS and kernel, container and VM hints, GPUs (through
/// `nvidia-smi` when present; nothing when absent, never a failure), and the user-declared fields of
/// `regress.yml`.
public struct MachineProbe: Sendable {
    public let facts: SystemFacts

    public init(facts: SystemFacts = LiveSystem()) {
        self.facts = facts
    }

    public func fingerprint(declared: Configuration.FingerprintFields = .init()) -> Fingerprint {
        var fields: [String: String] = [:]
        fields["cpu.architecture"] = facts.architecture
        fields["os.kernel"] = facts.kernel
        if let text = facts.file("/proc/cpuinfo") { fields.merge(FingerprintParsers.cpuInfo(text)) { a, _ in a } }
        if let text = facts.file("/proc/meminfo") { fields.merge(FingerprintParsers.memInfo(text)) { a, _ in a } }
        if let text = facts.file("/etc/os-release") ?? facts.file("/usr/lib/os-release") {
            fields.merge(FingerprintParsers.osRelease(text)) { a, _ in a }
        }
        for index in 0..<8 {
            let folder = "/sys/devices/system/cpu/cpu0/cache/index\(index)"
            guard let level = facts.file(folder + "/level"), let size = facts.file(folder + "/size") else { continue }
            if let (name, value) = FingerprintParsers.cache(level: level, type: facts.file(folder + "/type") ?? "", size: size) {
                fields[name] = value
            }
        }
        if let governor = facts.file("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor") {
            fields["cpu.governor"] = governor.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let boost = facts.file("/sys/devices/system/cpu/cpufreq/boost") {
            fields["cpu.boost"] = boost.trimmingCharacters(in: .whitespacesAndNewlines) == "1" ? "on" : "off"
        } else if let noTurbo = facts.file("/sys/devices/system/cpu/intel_pstate/no_turbo") {
            fields["cpu.boost"] = noTurbo.trimmingCharacters(in: .whitespacesAndNewlines) == "0" ? "on" : "off"
        }
        if let cpuMax = facts.file("/sys/fs/cgroup/cpu.max") { fields.merge(FingerprintParsers.cgroupCPUMax(cpuMax)) { a, _ in a } }
        if facts.file("/.dockerenv") != nil { fields["container.runtime"] = "docker" }
        if let gpus = facts.command("nvidia-smi", ["--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"]) {
            fields.merge(FingerprintParsers.nvidiaSMI(gpus)) { a, _ in a }
        }
        for name in declared.environment {
            if let value = facts.environment(name) { fields["user.env.\(name)"] = value }
        }
        for (name, command) in declared.commands {
            let words = command.split(separator: " ").map(String.init)
            if let first = words.first, let output = facts.command(first, Array(words.dropFirst())) {
                fields["user.\(name)"] = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            }
        }
        return Fingerprint(fields: fields)
    }
}

/// The real machine.
public struct LiveSystem: SystemFacts {
    public init() {}

    public func file(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func command(_ name: String, _ arguments: [String]) -> String? {
        let path = (environment("PATH") ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    public var architecture: String { uname().machine }
    public var kernel: String { uname().release }

    private func uname() -> (machine: String, release: String) {
        var info = utsname()
        _ = Foundation.uname(&info)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return (text(info.machine), text(info.release))
    }
}
