import ArgumentParser
import RegressCore

extension Regress {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compare the working tree's runs with the stored baselines of this machine.",
            discussion: """
                The report, JSON and exit codes are those of `compare`. --baselines-rev origin/main reads the \
                baselines from that commit through libgit2, so a pull request is checked against main's \
                baselines without a checkout. A series with no baseline for this machine is reported with how \
                to record one; whether that fails is the policy's on_missing.
                """
        )

        @OptionGroup var runs: RunSourceOptions

        @Option(name: .customLong("baselines-rev"), help: "Read the baselines folder from this revision.")
        var baselinesRev: String?

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @OptionGroup var options: BaselineOptions

        @OptionGroup var report: ReportOptions

        @OptionGroup var github: GitHubOption

        func run() throws {
            running {
                var operation = CheckOperation(repositoryPath: options.repo, revision: runs.rev, folder: options.baselines,
                                               baselinesRevision: baselinesRev, policyFiles: policy, fingerprintFile: runs.fingerprint)
                operation.configurationFile = runs.config
                let comparison = try operation.run()
                report.emit(comparison, github: github.github)
            }
        }
    }
}
