import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Show what regress reads from one artifact: its format and why, its series, benchmarks, metrics and what it skipped.",
            discussion: "TARGET is a file on disk, or REV:PATH to read a file of a commit (HEAD~2:bench/results.json)."
        )

        @Argument(help: "FILE or REV:PATH.", completion: .file())
        var target: String

        @Option(name: .long, help: "text or json.", completion: .list(["text", "json"]))
        var format: String = "text"

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @OptionGroup var configuration: ConfigOption

        func run() throws {
            running {
                guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
                var operation = InspectOperation(target: target, repositoryPath: repo)
                operation.configurationFile = configuration.config
                let report = try operation.run()
                try writeReport(format == "json" ? report.json : report.text, to: nil)
                Foundation.exit(0)
            }
        }
    }
}
