import ArgumentParser
import Foundation
import RegressCore
import RegressGit

extension Regress {
    struct FingerprintCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fingerprint",
            abstract: "Describe this machine: CPU, memory, OS, container hints, GPUs and the fields regress.yml declares.",
            discussion: """
                Write it beside the artifacts when the benchmarks run (`regress fingerprint --format json > \
                fingerprint.json`) so that every run says which machine it came from. The id is a hash over \
                cpu.model, cpu.logical_cores, memory.total_gb, gpu.models, os.name and the user.* fields.
                """
        )

        @Option(name: .long, help: "text or json.", completion: .list(["text", "json"]))
        var format: String = "text"

        @Option(name: .long, help: "A folder inside the repository whose regress.yml declares extra fields.", completion: .directory)
        var repo: String = "."

        func run() throws {
            running {
                guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
                var configuration = Configuration.defaults
                if let repository = try? Repository(discoveringFrom: repo), repository.workingDirectory != nil {
                    configuration = try Configuration.load(from: try WorkingTreeSource(repository: repository))
                }
                let fingerprint = MachineProbe().fingerprint(declared: configuration.fingerprint)
                try writeReport(format == "json" ? fingerprint.json : fingerprint.text, to: nil)
                Foundation.exit(0)
            }
        }
    }
}
