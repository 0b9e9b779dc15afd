import ArgumentParser
import Foundation
import RegressCore

@main
struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Keeps benchmark regressions out of main: compares benchmark artifacts across git history.",
        discussion: """
            Exit codes: 0 no regression, 1 at least one regression, 2 the check could not run.
            """,
        version: "0.1.0",
        subcommands: [Compare.self, Check.self, History.self, Inventory.self, Export.self, Blame.self, Baseline.self, Inspect.self, FingerprintCommand.self, Noise.self, Policy.self, Demo.self]
    )

    /// Like ArgumentParser's own entry point, except that a usage error exits with 2 (the check could
    /// not run), the code every other error of regress uses, instead of 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            FileHandle.standardError.write(Data((ControlCharacters.escape(fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// `--config FILE`, for every command that reads artifacts.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Read artifacts with this regress.yml, on every side and revision (default: the head side's own).", completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
}

/// What every command that renders a comparison shares.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "markdown, json or text (default: text in a terminal, else markdown).")
    var format: ReportFormatArgument?

    @Option(name: .long, help: "Write the report to this file instead of standard output (- is standard output).", completion: .file())
    var output: String?

    @Option(name: .customLong("time-unit"), help: "Show every time in this unit: ns, us, ms or s (default: each artifact's own).",
            completion: .list(["ns", "us", "ms", "s"]))
    var timeUnit: String?

    @Option(name: .customLong("max-bytes"),
            help: "Keep the Markdown report under this many bytes, cutting the least important sections first (default: 65000).")
    var maxBytes: Int?

    @Option(name: .customLong("full-report"), help: "Where the full report is (a URL or path), said when --max-bytes cuts the Markdown report.")
    var fullReport: String?

    func validate() throws {
        if let timeUnit, !["ns", "us", "ms", "s"].contains(timeUnit) {
            throw ValidationError("--time-unit is ns, us, ms or s")
        }
        if let maxBytes, maxBytes < 1_000 {
            throw ValidationError("--max-bytes is at least 1000: the first lines of a report must fit")
        }
        if maxBytes != nil, let format, format.value != .markdown {
            throw ValidationError("--max-bytes limits the Markdown report, not --format \(format.value.rawValue)")
        }
    }

    /// True when the report goes to standard output and that is a terminal.
    var toTerminal: Bool {
        (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1
    }

    /// The format asked for; else text for a terminal and Markdown for a file or a pipe.
    var resolvedFormat: ReportFormat {
        format?.value ?? (toTerminal ? .text : .markdown)
    }

    /// Colour in a terminal, unless NO_COLOR is set to anything but an empty string.
    var colour: Bool {
        toTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Renders, writes and turns the comparison into the process's exit code; with `github`, GitHub
    /// workflow annotations follow on standard output.
    func emit(_ comparison: Comparison, github: Bool = false) -> Never {
        write(comparison)
        if github {
            FileHandle.standardOutput.write(Data(GitHubAnnotations.render(comparison).utf8))
        }
        Foundation.exit(comparison.exitCode)
    }

    /// Renders the comparison to the output file (written atomically) or standard output. Every
    /// rendering has escaped the control characters of untrusted text itself (the text report's
    /// colours are its own).
    func write(_ comparison: Comparison) {
        do {
            let shown = timeUnit.map { comparison.showingTimes(in: $0) } ?? comparison
            let text = resolvedFormat.render(shown, maxBytes: maxBytes ?? MarkdownReport.defaultMaxBytes,
                                             fullReport: fullReport, colour: colour)
            try OutputFile.write(text, to: output)
        } catch {
            fail(error)
        }
    }
}

/// `--github`, for the commands that gate a pull request.
struct GitHubOption: ParsableArguments {
    @Flag(name: .long, help: "Also write GitHub workflow annotations (::error, ::warning) to standard output, at most 10 of each.")
    var github = false
}

struct ReportFormatArgument: ExpressibleByArgument {
    let value: ReportFormat

    init(_ value: ReportFormat) {
        self.value = value
    }

    init?(argument: String) {
        guard let format = ReportFormat(rawValue: argument) else { return nil }
        value = format
    }

    static let markdown = ReportFormatArgument(.markdown)
    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { value.rawValue }
}

/// Writes a report to a file (see `OutputFile`), or to standard output when no file is named, with
/// control characters escaped (JSON has escaped its own already).
func writeReport(_ text: String, to output: String?) throws {
    try OutputFile.write(ControlCharacters.escape(text), to: output)
}

/// Prints an error a person can act on and exits with 2: the check could not run.
func fail(_ error: Error) -> Never {
    let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    FileHandle.standardError.write(Data("error: \(ControlCharacters.escape(message))\n".utf8))
    Foundation.exit(2)
}

/// Runs the body; any error becomes exit code 2 with its message.
func running(_ body: () throws -> Never) -> Never {
    do {
        try body()
    } catch {
        fail(error)
    }
}
