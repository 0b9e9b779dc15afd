import Foundation
@testable import RegressCore
import Testing

/// A machine made of fixture files.
struct FixtureSystem: SystemFacts {
    var files: [String: String]
    var commands: [String: String] = [:]
    var variables: [String: String] = [:]

    static func fixture(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fingerprint/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func xeon(gpus: String? = nil) -> FixtureSystem {
        var system = FixtureSystem(files: [
            "/proc/cpuinfo": fixture("cpuinfo-xeon-2cpu.txt"),
            "/proc/meminfo": fixture("meminfo-24g.txt"),
            "/etc/os-release": fixture("os-release-debian12.txt"),
            "/sys/devices/system/cpu/cpu0/cache/index0/level": "1\n",
            "/sys/devices/system/cpu/cpu0/cache/index0/type": "Data\n",
            "/sys/devices/system/cpu/cpu0/cache/index0/size": "48K\n",
            "/sys/devices/system/cpu/cpu0/cache/index3/level": "3\n",
            "/sys/devices/system/cpu/cpu0/cache/index3/type": "Unified\n",
            "/sys/devices/system/cpu/cpu0/cache/index3/size": "266240K\n",
            "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor": "performance\n",
            "/sys/devices/system/cpu/intel_pstate/no_turbo": "1\n",
            "/sys/fs/cgroup/cpu.max": "200000 100000\n",
        ])
        if let gpus { system.commands["nvidia-smi"] = gpus }
        return system
    }

    func file(_ path: String) -> String? { files[path] }
    func command(_ name: String, _ arguments: [String]) -> String? { commands[([name] + arguments).joined(separator: " ")] ?? commands[name] }
    func environment(_ name: String) -> String? { variables[name] }
    var architecture: String { "x86_64" }
    var kernel: String { "6.1.0-test" }
}

struct FingerprintTests {
    @Test func readsTheCPUMemoryOSCachesGovernorAndContainerHints() {
        let fingerprint = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
        #expect(fingerprint.fields == [
            "cpu.architecture": "x86_64", "os.kernel": "6.1.0-test",
            "cpu.model": "Intel(R) Xeon(R) Processor", "cpu.vendor": "GenuineIntel",
            "cpu.logical_cores": "2", "cpu.physical_cores": "2", "host.virtualized": "true",
            "memory.total_gb": "24", "os.name": "Debian GNU/Linux", "os.version": "12",
            "cpu.cache.l1d": "48K", "cpu.cache.l3": "266240K", "cpu.governor": "performance", "cpu.boost": "off",
            "container.cpu_quota": "2",
        ])
    }

    @Test func countsPhysicalCoresPerSocket() {
        let fields = FingerprintParsers.cpuInfo(FixtureSystem.fixture("cpuinfo-epyc-2socket.txt"))
        #expect(fields == ["cpu.model": "AMD EPYC 7B13 64-Core Processor", "cpu.vendor": "AuthenticAMD",
                           "cpu.logical_cores": "4", "cpu.physical_cores": "2"])
    }

    @Test func gpusComeFromNvidiaSMIAndTheirAbsenceIsNoFailure() {
        let withGPUs = MachineProbe(facts: FixtureSystem.xeon(gpus: FixtureSystem.fixture("nvidia-smi-2xa100.csv"))).fingerprint()
        #expect(withGPUs.fields["gpu.models"] == "NVIDIA A100-SXM4-40GB, NVIDIA A100-SXM4-40GB")
        #expect(withGPUs.fields["gpu.count"] == "2")
        #expect(withGPUs.fields["gpu.memory"] == "40960 MiB, 40960 MiB")
        #expect(withGPUs.fields["gpu.driver"] == "535.104.05")
        let emptyOutput = MachineProbe(facts: FixtureSystem.xeon(gpus: FixtureSystem.fixture("nvidia-smi-no-gpu.csv"))).fingerprint()
        let noTool = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
        #expect(emptyOutput.fields.keys.filter { $0.hasPrefix("gpu.") }.isEmpty)
        #expect(emptyOutput == noTool)
        #expect(withGPUs.id != noTool.id)
    }

    @Test func theIdIsStableAndChangesWithTheCoreCount() {
        let first = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
        let second = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
        #expect(first.id == second.id)
        #expect(first.id.count == 12)
        var more = FixtureSystem.xeon()
        more.files["/proc/cpuinfo"] = FixtureSystem.fixture("cpuinfo-xeon-2cpu.txt") + "\nprocessor\t: 2\n"
        #expect(MachineProbe(facts: more).fingerprint().id != first.id)
        var kernel = first
        kernel.fields["os.kernel"] = "6.2"
        #expect(kernel.id == first.id, "the kernel is described, not part of the id")
    }

    @Test func declaredFieldsComeFromTheEnvironmentAndCommands() throws {
        var system = FixtureSystem.xeon()
        system.variables["RUNNER_LABEL"] = "gpu-a100"
        system.commands["swift --version"] = "Swift version 6.3.1 (swift-6.3.1-RELEASE)\nTarget: x86_64\n"
        let configuration = try Configuration.parse("""
            version: 1
            fingerprint:
              env: [RUNNER_LABEL, ABSENT]
              commands:
                compiler: swift --version
            """, file: "regress.yml")
        let fingerprint = MachineProbe(facts: system).fingerprint(declared: configuration.fingerprint)
        #expect(fingerprint.fields["user.env.RUNNER_LABEL"] == "gpu-a100")
        #expect(fingerprint.fields["user.compiler"] == "Swift version 6.3.1 (swift-6.3.1-RELEASE)")
        #expect(fingerprint.fields["user.env.ABSENT"] == nil)
        #expect(fingerprint.id != MachineProbe(facts: system).fingerprint().id)
    }

    @Test func theJSONFormRoundTrips() throws {
        let fingerprint = MachineProbe(facts: FixtureSystem.xeon()).fingerprint()
        let parsed = try Fingerprint.parse(Array(fingerprint.json.utf8), path: "fingerprint.json")
        #expect(parsed == fingerprint)
        #expect(throws: ArtifactError.malformed(path: "f.json", location: "top level", reason: "a fingerprint is a JSON object")) {
            try Fingerprint.parse(Array("[1]".utf8), path: "f.json")
        }
    }
}
