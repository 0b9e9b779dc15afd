import ArgumentParser
import RegressCore

extension Regress {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare the benchmark artifacts of a base revision with the working tree or a head revision.",
            discussion: """
                BASE is any revision: HEAD~1 (the default), a hash, a branch, a tag, or A...B for the merge \
                base of A and B (origin/main...HEAD). Without --head the head side is the working tree as it \
                is on disk, committed or not.
                """
        )

        @Argument(help: "The baseline revision.")
        var base: String = "HEAD~1"

        @Option(name: .long, help: "Compare with this revision instead of the working tree.")
        var head: String?

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @Option(name: .long, help: "The fingerprint of runs that carry none (a file `regress fingerprint --format json` wrote).", completion: .file(extensions: ["json"]))
        var fingerprint: String?

        @OptionGroup var configuration: ConfigOption

        @OptionGroup var report: ReportOptions

        @OptionGroup var github: GitHubOption

        func run() throws {
            running {
                var operation = CompareOperation(repositoryPath: repo, base: base, head: head, policyFiles: policy)
                operation.fingerprintFile = fingerprint
                operation.configurationFile = configuration.config
                let comparison = try operation.run()
                report.emit(comparison, github: github.github)
            }
        }
    }
}
