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

        @OptionGroup var walk: WalkOptions

        func validate() throws {
            if ExportFormat(rawValue: format) == nil { throw ValidationError("--format is csv or jsonl") }
            if workingTree && range != nil { throw ValidationError("RANGE and --working-tree exclude each other") }
        }

        func run() throws {
            running {
                var operation = ExportOperation(repositoryPath: walk.repo, range: range)
                operation.workingTree = workingTree
                operation.firstParent = !walk.allParents
                operation.limit = walk.limit
                operation.configurationFile = walk.configuration.config
                let stream = try OutputFile.Stream(to: output)
                let summary: ExportOperation.Summary
                do {
                    summary = try operation.run(format: ExportFormat(rawValue: format)!, to: stream,
                                                progress: walk.progress("exporting"))
                    try stream.finish()
                } catch {
                    stream.discard()
                    throw error
                }
                if !walk.quiet {
                    for notice in summary.notices { FileHandle.standardError.write(Data("note: \(ControlCharacters.escape(notice))\n".utf8)) }
                }
                Foundation.exit(0)
            }
        }
    }
}
