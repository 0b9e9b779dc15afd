import Foundation

/// Parsers of the system files a fingerprint is read from; each takes the file's text, so tests feed
/// them fixture copies.
public enum FingerprintParsers {
    /// `/proc/cpuinfo`: model and vendor, logical cores (processor entries) and physical cores (distinct
    /// physical id and core id pairs, else `cpu cores` per socket), and whether a hypervisor runs it.
    public static func cpuInfo(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        var logical = 0
        var cores: Set<String> = []
        var physicalID = "0"
        var coresPerSocket: Int?
        var sockets: Set<String> = []
        var hypervisor = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "processor": logical += 1
            case "model name", "Model", "cpu model": if fields["cpu.model"] == nil { fields["cpu.model"] = value }
            case "vendor_id", "CPU implementer": if fields["cpu.vendor"] == nil { fields["cpu.vendor"] = value }
            case "physical id":
                physicalID = value
                sockets.insert(value)
            case "core id": cores.insert(physicalID + "/" + value)
            case "cpu cores": coresPerSocket = Int(value)
            case "flags": if value.split(separator: " ").contains("hypervisor") { hypervisor = true }
            default: break
            }
        }
        if logical > 0 { fields["cpu.logical_cores"] = String(logical) }
        if !cores.isEmpty {
            fields["cpu.physical_cores"] = String(cores.count)
        } else if let coresPerSocket {
            fields["cpu.physical_cores"] = String(coresPerSocket * max(1, sockets.count))
        }
        if hypervisor { fields["host.virtualized"] = "true" }
        return fields
    }

    /// `/proc/meminfo`: `MemTotal`, in whole GiB (rounded, so that a few MiB the kernel keeps at boot do
    /// not change the fingerprint).
    public static func memInfo(_ text: String) -> [String: String] {
        for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, let kib = Double(parts[1]) {
                return ["memory.total_gb": String(Int((kib / 1_048_576).rounded()))]
            }
        }
        return [:]
    }

    /// `/etc/os-release`: `NAME` and `VERSION_ID` (quotes removed).
    public static func osRelease(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            var value = String(line[line.index(after: equals)...])
            if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first {
                value = String(value.dropFirst().dropLast())
            }
            if key == "NAME" { fields["os.name"] = value }
            if key == "VERSION_ID" { fields["os.version"] = value }
        }
        return fields
    }

    /// `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader`: one line per GPU.
    /// Models are listed in order, joined with ", " (`NVIDIA A100-SXM4-40GB, NVIDIA A100-SXM4-40GB`).
    public static func nvidiaSMI(_ text: String) -> [String: String] {
        var names: [String] = []
        var memories: [String] = []
        var drivers: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let cells = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, !cells[0].isEmpty else { continue }
            names.append(cells[0])
            memories.append(cells[1])
            drivers.insert(cells[2])
        }
        guard !names.isEmpty else { return [:] }
        return [
            "gpu.models": names.joined(separator: ", "),
            "gpu.count": String(names.count),
            "gpu.memory": memories.joined(separator: ", "),
            "gpu.driver": drivers.sorted().joined(separator: ", "),
        ]
    }

    /// `/sys/fs/cgroup/cpu.max` (cgroup v2): a quota such as `200000 100000` is 2 CPUs; `max` is none.
    public static func cgroupCPUMax(_ text: String) -> [String: String] {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count >= 2, parts[0] != "max", let quota = Double(parts[0]), let period = Double(parts[1]), period > 0 else {
            return [:]
        }
        return ["container.cpu_quota": NumberFormat.value(quota / period)]
    }

    /// A cache size file of `/sys/devices/system/cpu/cpu0/cache/index*/`, with its `level` and `type`.
    public static func cache(level: String, type: String, size: String) -> (String, String)? {
        let level = level.trimmingCharacters(in: .whitespacesAndNewlines)
        let type = type.trimmingCharacters(in: .whitespacesAndNewlines)
        let size = size.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !level.isEmpty, !size.isEmpty else { return nil }
        let suffix: String
        switch type {
        case "Data": suffix = "d"
        case "Instruction": suffix = "i"
        default: suffix = ""
        }
        return ("cpu.cache.l\(level)\(suffix)", size)
    }
}
