import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Record, accept and show the stored baselines in baselines/, one file per series and machine.",
            subcommands: [Record.self, Accept.self, Show.self]
        )
    }
}

/// Which runs `baseline record`, `baseline accept` and `check` read: the working tree's, or a commit's.
struct RunSourceOptions: ParsableArguments {
    @Option(name: .long, help: "Read the artifacts of this revision instead of the working tree (they need a fingerprint).")
    var rev: String?

    @Option(name: .long, help: "The fingerprint of runs that carry none (a file `regress fingerprint --format json` wrote).", completion: .file(extensions: ["json"]))
    var fingerprint: String?

    @Option(name: .long, help: "Read artifacts with this regress.yml instead of the source's own.", completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
}

/// Options every baseline command shares.
struct BaselineOptions: ParsableArguments {
    @Option(name: .long, help: "The baselines folder, relative to the repository root.", completion: .directory)
    var baselines: String = "baselines"

    @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
    var repo: String = "."
}

extension Regress.Baseline {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Write or update the baselines of this machine's fingerprint from the working tree (or a commit)."
        )

        @OptionGroup var runs: RunSourceOptions

        @OptionGroup var options: BaselineOptions

        @Option(name: .long, help: ArgumentHelp(
            "Commit the baselines onto this branch instead of writing them into the working tree.",
            discussion: "The commit is made through libgit2 on the branch's tip (or origin/BRANCH's, or as a first commit); HEAD, the index and the working tree stay as they are. The committer is GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL when set, else git's user.name and user.email. Push the branch, then check with --baselines-rev origin/BRANCH."))
        var branch: String?

        func run() throws {
            running {
                var operation = BaselineRecordOperation(repositoryPath: options.repo, revision: runs.rev, folder: options.baselines,
                                                        fingerprintFile: runs.fingerprint)
                operation.configurationFile = runs.config
                operation.branch = branch
                let lines = try operation.run()
                try writeReport(lines.joined(separator: "\n") + "\n", to: nil)
                Foundation.exit(0)
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Take the current values of the matching metrics into the stored baseline, with a reason.",
            discussion: "The reason and the date are written into the baseline file, so that review and `git log -p baselines/` show them."
        )

        @Argument(help: "A glob over series/benchmark/metric.")
        var metrics: String

        @Option(name: .long, help: "Why this change is accepted.")
        var reason: String

        @OptionGroup var runs: RunSourceOptions

        @OptionGroup var options: BaselineOptions

        func run() throws {
            running {
                guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
                var operation = BaselineAcceptOperation(repositoryPath: options.repo, pattern: metrics, reason: reason, revision: runs.rev,
                                                        folder: options.baselines, fingerprintFile: runs.fingerprint)
                operation.configurationFile = runs.config
                let lines = try operation.run()
                try writeReport(lines.joined(separator: "\n") + "\n", to: nil)
                Foundation.exit(0)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "List what is stored, per fingerprint.")

        @Argument(help: "Only metrics whose series/benchmark/metric matches this glob.")
        var metrics: String?

        @Option(name: .customLong("baselines-rev"), help: "Read the baselines folder from this revision.")
        var baselinesRev: String?

        @OptionGroup var options: BaselineOptions

        func run() throws {
            running {
                let text = try BaselineShowOperation(repositoryPath: options.repo, pattern: metrics, folder: options.baselines,
                                                     revision: baselinesRev).run()
                try writeReport(text, to: nil)
                Foundation.exit(0)
            }
        }
    }
}
