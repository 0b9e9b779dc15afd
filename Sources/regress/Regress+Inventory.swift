import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Inventory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inventory",
            abstract: "Account for what a benchmark tree holds and lacks.",
            discussion: """
                Reads the working tree, or REV's tree through libgit2 (HEAD~10, a tag), below each PATH \
                (the whole tree without one): files by type per folder with the latest commit that \
                changed it, runs, series, benchmarks, metrics and samples, each metric's range, and the \
                gaps that stand in the way of a trustworthy comparison. The first argument is REV when no \
                file or folder has that name and it resolves as a revision.
                """
        )

        @Argument(help: "[REV] [PATH...]: a revision, then folders relative to the repository root.")
        var arguments: [String] = []

        @Option(name: .long, help: "How many folder levels the coverage table goes down.")
        var depth: Int = 2

        @Option(name: .long, help: "markdown or json.", completion: .list(["markdown", "json"]))
        var format: String = "markdown"

        @Option(name: .long, help: "Write the report to this file instead of standard output.", completion: .file())
        var output: String?

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
        var policy: [String] = []

        @OptionGroup var configurationOption: ConfigOption

        func validate() throws {
            if depth < 1 { throw ValidationError("--depth takes a number of folder levels, 1 or more") }
            if InventoryReportFormat.Format(rawValue: format) == nil { throw ValidationError("--format is markdown or json") }
        }

        func run() throws {
            running {
                let (revision, paths) = try InventoryOperation.split(arguments, repositoryPath: repo)
                var operation = InventoryOperation(repositoryPath: repo, revision: revision)
                operation.paths = paths
                operation.depth = depth
                operation.policyFiles = policy
                operation.configurationFile = configurationOption.config
                let inventory = try operation.run()
                try OutputFile.write(InventoryReportFormat.render(inventory, as: InventoryReportFormat.Format(rawValue: format)!), to: output)
                Foundation.exit(0)
            }
        }
    }
}
