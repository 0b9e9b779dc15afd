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
                is on disk, committed or not. --base-dir and --head-dir read a side from a folder instead \
                (a checkout of the base built and run on this machine, alternating with the head), with the \
                same policies and report; runs produced there that name no machine are this machine's.
                """
        )

        @Argument(help: "The baseline revision (default: HEAD~1).")
        var base: String?

        @Option(name: .long, help: "Compare with this revision instead of the working tree.")
        var head: String?

        @Option(name: .customLong("base-dir"), help: ArgumentHelp(
            "Read the base side from this folder as it is on disk instead of a revision (A/B runs on one machine).",
            valueName: "dir"), completion: .directory)
        var baseDir: String?

        @Option(name: .customLong("head-dir"), help: ArgumentHelp(
            "Read the head side from this folder instead of the working tree.", valueName: "dir"), completion: .directory)
        var headDir: String?

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @Option(name: .long, help: "The fingerprint of runs that carry none (a file `regress fingerprint --format json` wrote).", completion: .file(extensions: ["json"]))
        var fingerprint: String?

        @OptionGroup var configuration: ConfigOption

        @OptionGroup var report: ReportOptions

        @OptionGroup var github: GitHubOption

        func validate() throws {
            if baseDir != nil, let base { throw ValidationError("name the base side once: the revision \(base) or --base-dir, not both") }
            if headDir != nil, let head { throw ValidationError("name the head side once: --head \(head) or --head-dir, not both") }
        }

        func run() throws {
            running {
                var operation = CompareOperation(repositoryPath: repo, base: base ?? "HEAD~1", head: head, policyFiles: policy)
                operation.baseDirectory = baseDir
                operation.headDirectory = headDir
                operation.fingerprintFile = fingerprint
                operation.configurationFile = configuration.config
                let comparison = try operation.run()
                report.emit(comparison, github: github.github)
            }
        }
    }
}
