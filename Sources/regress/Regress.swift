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
    @Option(name: .long, help: "Read artifacts with this regress.yml, on every side and revision (default: the head side's own).")
    var config: String?
}

/// What every command that renders a comparison shares.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "markdown, json or text.")
    var format: ReportFormatArgument = .markdown

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("time-unit"), help: "Show every time in this unit: ns, us, ms or s (default: each artifact's own).")
    var timeUnit: String?

    func validate() throws {
        if let timeUnit, !["ns", "us", "ms", "s"].contains(timeUnit) {
            throw ValidationError("--time-unit is ns, us, ms or s")
        }
    }

    /// Renders, writes and turns the comparison into the process's exit code.
    func emit(_ comparison: Comparison) -> Never {
        write(comparison)
        Foundation.exit(comparison.exitCode)
    }

    /// Renders the comparison to the output file (written atomically) or standard output.
    func write(_ comparison: Comparison) {
        do {
            try writeReport(format.value.render(timeUnit.map { comparison.showingTimes(in: $0) } ?? comparison), to: output)
        } catch {
            fail(error)
        }
    }
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
