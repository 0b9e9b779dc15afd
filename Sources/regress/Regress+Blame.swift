import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blame",
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

        @OptionGroup var walk: HistoryWalkOptions

        @Option(name: .long, help: "markdown, json or text.")
        var format: ReportFormatArgument = .text

        @Option(name: .long, help: "Write the report to this file instead of standard output.", completion: .file())
        var output: String?

        func run() throws {
            running {
                var operation = walk.operation(range: range)
                operation.metrics = [metric]
                let report = try operation.run(progress: walk.progress)
                try writeReport(BlameReportFormat.render(report, metrics: [metric], as: format.value), to: output)
                Foundation.exit(0)
            }
        }
    }
}

extension ReportFormatArgument {
    static let text = ReportFormatArgument(.text)
}
