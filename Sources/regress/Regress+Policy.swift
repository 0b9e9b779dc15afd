import ArgumentParser
import Foundation
import RegressCore
import RegressGit

extension Regress {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Inspect and start tolerance policies.",
            subcommands: [Explain.self, Init.self, Suggest.self]
        )
    }
}

extension Regress.Policy {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show the resolved policy of one metric and which file and rule set each field.",
            discussion: "METRIC-ID is series/benchmark/metric, as the JSON report's `series`, `benchmark` and `metric` give it."
        )

        @Argument(help: "series/benchmark/metric")
        var metricID: String

        @Option(name: .long, help: "Read policies/ from this revision instead of the working tree.")
        var rev: String?

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @Option(name: .long, help: "text or json.", completion: .list(["text", "json"]))
        var format: String = "text"

        func run() throws {
            running {
                guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
                let repository = try Repository(discoveringFrom: repo)
                let source = try HeadSide.source(repository: repository, revision: rev)
                let policies = try PolicySet.load(explicitFiles: policy, source: source)
                let explanation = PolicyExplanation(metricID: metricID, policies: policies, today: CompareOperation.currentDate())
                try writeReport(format == "json" ? explanation.json : explanation.text, to: nil)
                Foundation.exit(0)
            }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write the built-in default policy, every field documented, to policies/default.yml."
        )

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        func run() throws {
            running {
                let repository = try Repository(discoveringFrom: repo)
                guard let root = repository.workingDirectory else { throw GitError.bareRepository(path: repository.gitDirectory) }
                if (try? FileManager.default.attributesOfItem(atPath: root + "/policies/default.yml")) != nil {
                    throw ValidationError("policies/default.yml already exists: edit it, or remove it first")
                }
                try RepositoryFile.write(Data(DefaultPolicy.text.utf8), to: "policies/default.yml", root: root, replacing: false)
                FileHandle.standardOutput.write(Data("wrote policies/default.yml\n".utf8))
                Foundation.exit(0)
            }
        }
    }

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Suggest a tolerance per metric from the noise between its change points, as policy YAML.",
            discussion: """
                Reads history like `regress history RANGE` and writes a rule for each metric whose current \
                tolerance a stable run would cross by chance, with a comment giving the evidence. Save it as \
                policies/suggested.yml and review it like any change.
                """
        )

        @Argument(help: "The commits to read: REV or A..B; all of HEAD's history when absent.")
        var range: String?

        @OptionGroup var walk: HistoryWalkOptions

        @Option(name: .long, help: "Write the policy to this file instead of standard output.", completion: .file())
        var output: String?

        func run() throws {
            running {
                let report = try walk.operation(range: range).run(progress: walk.progress)
                try writeReport(PolicySuggestion(report: report, policies: report.policies).yaml, to: output)
                Foundation.exit(0)
            }
        }
    }
}
