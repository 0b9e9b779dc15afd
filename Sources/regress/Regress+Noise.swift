import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Noise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "noise",
            abstract: "Report how reproducible each metric is, and which cannot be gated at their tolerance.",
            discussion: """
                SOURCE is a revision; without it, the working tree. Between-run figures come from older \
                timestamped artifacts of a series in the same tree and, with --last N, from the runs of the \
                N commits before it (first parent).
                """
        )

        @Argument(help: "A revision to read; the working tree when absent.")
        var source: String?

        @Option(name: .long, help: "Also read the runs of this many earlier commits.")
        var last: Int = 0

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @OptionGroup var configuration: ConfigOption

        @Option(name: .long, help: "markdown or json.", completion: .list(["markdown", "json"]))
        var format: String = "markdown"

        @Option(name: .long, help: "Write the report to this file instead of standard output.", completion: .file())
        var output: String?

        func run() throws {
            running {
                guard ["markdown", "json"].contains(format) else { throw ValidationError("--format is markdown or json") }
                guard last >= 0 else { throw ValidationError("--last takes a number of commits, 0 or more") }
                var operation = NoiseOperation(repositoryPath: repo, source: source, last: last, policyFiles: policy)
                operation.configurationFile = configuration.config
                let report = try operation.run()
                let text = format == "json" ? NoiseReportFormat.json(report) : NoiseReportFormat.markdown(report)
                try writeReport(text, to: output)
                Foundation.exit(0)
            }
        }
    }
}
