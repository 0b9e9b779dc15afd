import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every measured value of a range of history as one table (CSV or JSON Lines).",
            discussion: """
                One row per value: commit, commit time, series, artifact path, format, benchmark, metric, \
                unit, direction, sample index, value, run status and error, and the run's fingerprint. \
                RANGE is a revision (all of its history) or A..B; without it, all of HEAD's history. A run \
                is the artifact a commit added or changed. Rows are written as the walk goes, so memory \
                does not grow with the length of history.
                """
        )

        @Argument(help: "The commits to read: REV or A..B.")
        var range: String?

        @Flag(name: .customLong("working-tree"), help: "Export the files of the working tree as they are, instead of history.")
        var workingTree = false

        @Option(name: .long, help: "csv or jsonl.", completion: .list(["csv", "jsonl"]))
        var format: String = "csv"

        @Option(name: .long, help: "Write to this file instead of standard output.", completion: .file())
        var output: String?

        @Flag(name: .customLong("all-parents"), help: "Follow every parent of merges (default: the first parent only).")
        var allParents = false

        @Option(name: .long, help: "Read at most this many commits of the range, newest first.")
        var limit: Int?

        @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
        var repo: String = "."

        @OptionGroup var configurationOption: ConfigOption

        @Flag(name: .long, help: "No progress on standard error.")
        var quiet = false

        func validate() throws {
            if ExportFormat(rawValue: format) == nil { throw ValidationError("--format is csv or jsonl") }
            if workingTree && range != nil { throw ValidationError("RANGE and --working-tree exclude each other") }
            if let limit, limit < 1 { throw ValidationError("--limit takes a number of commits, 1 or more") }
        }

        func run() throws {
            running {
                var operation = ExportOperation(repositoryPath: repo, range: range)
                operation.workingTree = workingTree
                operation.firstParent = !allParents
                operation.limit = limit
                operation.configurationFile = configurationOption.config
                let stream = try OutputFile.Stream(to: output)
                let summary: ExportOperation.Summary
                do {
                    summary = try operation.run(format: ExportFormat(rawValue: format)!, to: stream,
                                                progress: quiet ? nil : Progress.onTerminal("exporting"))
                    try stream.finish()
                } catch {
                    stream.discard()
                    throw error
                }
                if !quiet {
                    for notice in summary.notices { FileHandle.standardError.write(Data("note: \(ControlCharacters.escape(notice))\n".utf8)) }
                }
                Foundation.exit(0)
            }
        }
    }
}
