import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Find where each metric changed across the commits of a range.",
            discussion: """
                RANGE is a revision (all of its history: main, HEAD) or A..B (the commits of B that A does \
                not have: v1.0..HEAD, origin/main..HEAD); without it, all of HEAD's history. A run is the \
                artifact a commit added or changed. Exits 1 when a change point in the range is a \
                regression under a `severity: fail` policy, so `regress history origin/main..HEAD` can \
                gate a branch.
                """
        )

        @Argument(help: "The commits to read: REV or A..B.")
        var range: String?

        @Option(name: .long, help: "Only metrics whose id (series/benchmark/metric) matches this glob (repeatable).")
        var metric: [String] = []

        @Option(name: .long, help: "Commits before an A..B range also read, for the levels before it.")
        var context: Int = 100

        @OptionGroup var walk: HistoryWalkOptions

        @Option(name: .long, help: "markdown, json or text.")
        var format: ReportFormatArgument = .markdown

        @Option(name: .long, help: "Write the report to this file instead of standard output.", completion: .file())
        var output: String?

        func validate() throws {
            if context < 0 { throw ValidationError("--context takes a number of commits, 0 or more") }
        }

        func run() throws {
            running {
                var operation = walk.operation(range: range)
                operation.metrics = metric
                operation.context = context
                let report = try operation.run(progress: walk.progress)
                try writeReport(HistoryReportFormat.render(report, as: format.value), to: output)
                Foundation.exit(report.exitCode)
            }
        }
    }
}

/// How `history`, `blame` and `policy suggest` walk history, and where they read it.
/// The options of every command that walks history: which parents, how far back, in which repository.
struct WalkOptions: ParsableArguments {
    @Flag(name: .customLong("first-parent"), help: "Follow only the first parent of merges (the default).")
    var firstParent = false

    @Flag(name: .customLong("all-parents"), help: "Follow every parent of merges.")
    var allParents = false

    @Option(name: .long, help: "Read at most this many commits of the range, newest first.")
    var limit: Int?

    @Option(name: .long, help: "Any folder inside the repository.", completion: .directory)
    var repo: String = "."

    @OptionGroup var configuration: ConfigOption

    @Flag(name: .long, help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if firstParent && allParents { throw ValidationError("--first-parent and --all-parents exclude each other") }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of commits, 1 or more") }
    }

    /// Progress under `label` on a terminal, unless `--quiet`.
    func progress(_ label: String) -> ((Int, Int) -> Void)? { quiet ? nil : Progress.onTerminal(label) }
}

/// The walk's options and the policies, for `history`, `blame` and `policy suggest`.
struct HistoryWalkOptions: ParsableArguments {
    @OptionGroup var walk: WalkOptions

    @Option(name: .long, help: "A policy file to use instead of policies/*.yml (repeatable).", completion: .file(extensions: ["yml", "yaml"]))
    var policy: [String] = []

    func operation(range: String?) -> HistoryOperation {
        var operation = HistoryOperation(repositoryPath: walk.repo, range: range)
        operation.firstParent = !walk.allParents
        operation.limit = walk.limit
        operation.policyFiles = policy
        operation.configurationFile = walk.configuration.config
        return operation
    }

    var progress: ((Int, Int) -> Void)? { walk.progress("reading history") }
}

/// Progress on standard error, only when it is a terminal: `reading history: 1200/5000 commits`.
enum Progress {
    static func onTerminal(_ label: String) -> ((Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var last = -1
        return { done, total in
            let percent = total == 0 ? 100 : done * 100 / total
            guard percent != last else { return }
            last = percent
            let end = done >= total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) commits\(end)".utf8))
        }
    }
}
