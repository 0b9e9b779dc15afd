import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the commits that moved the metrics matching a glob, most harmful first.",
            discussion: """
                METRIC-GLOB matches metric ids (series/benchmark/metric), as `regress history --format json` \
                lists them: "**/ttft_s", "bench/compile/**". RANGE is REV or A..B, as for `regress history`.
                """
        )

        @Argument(help: "A glob over series/benchmark/metric.")
        var metric: String

        @Argument(help: "The commits to read: REV or A..B; all of HEAD's history when absent.")
        var range: String?

        @Flag(name: .customLong("all-parents"), help: "Follow every parent of merges, not only the first.")
        var allParents = false

        @Option(name: .long, help: "Read at most this many commits of the range, newest first.")
        var limit: Int?

        @Option(name: .long, help: "Any folder inside the repository.")
        var repo: String = "."

        @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).")
        var policy: [String] = []

        @Option(name: .long, help: "markdown, json or text.")
        var format: ReportFormatArgument = .text

        @Option(name: .long, help: "Write the report to this file instead of standard output.")
        var output: String?

        @Flag(name: .long, help: "No progress on standard error.")
        var quiet = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit takes a number of commits, 1 or more") }
        }

        @OptionGroup var configuration: ConfigOption

        func run() throws {
            running {
                var operation = HistoryOperation(repositoryPath: repo, range: range)
                operation.configurationFile = configuration.config
                operation.metrics = [metric]
                operation.firstParent = !allParents
                operation.limit = limit
                operation.policyFiles = policy
                let report = try operation.run(progress: quiet ? nil : Progress.onTerminal("reading history"))
                try writeReport(BlameReportFormat.render(report, metrics: [metric], as: format.value), to: output)
                Foundation.exit(0)
            }
        }
    }
}

extension ReportFormatArgument {
    static let text = ReportFormatArgument(.text)
}
