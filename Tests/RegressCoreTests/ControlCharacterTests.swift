import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// No control byte of a benchmark name, file name or commit subject reaches a terminal or report raw.
struct ControlCharacterTests {
    static let hostile = "\u{1B}[31mred\u{1B}[0m\u{07}\u{0}\r\u{7F}\u{9B}2J"

    @Test func everyC0AndC1ControlButLineFeedAndTabIsWrittenVisibly() {
        #expect(ControlCharacters.escape(Self.hostile) == #"\x1b[31mred\x1b[0m\x07\x00\x0d\x7f\x9b2J"#)
        #expect(ControlCharacters.escape("line\n\tindented — “quoted” 日本") == "line\n\tindented — “quoted” 日本")
    }

    @Test func markdownEscapingEscapesControlsToo() {
        #expect(MarkdownText.escape("a\u{1B}[2Jb|c") == #"a\x1b\[2Jb\|c"#)
        #expect(MarkdownText.codeLine("a\u{1B}]0;title\u{07}b") == #"a\x1b]0;title\x07b"#)
    }

    @Test func jsonEscapesC1ControlsAndDelete() {
        #expect(JSONWriter.quote("a\u{1B}b\u{7F}c\u{9B}d") == #""a\u001bb\u007fc\u009bd""#)
    }

    @Test func reportsOfEveryFormatCarryNoRawControlCharacter() throws {
        let fixture = try FixtureRepository()
        let name = "bench/\u{1B}[1mlink\u{1B}[0m.json"
        try fixture.write(name, #"{"benchmarks": [{"name": "\u001b[31mred\u001b[0m\u009b2J", "ms": 1.0}]}"#)
        try fixture.commit("base \u{1B}[31mred\u{1B}[0m subject")
        try fixture.write(name, #"{"benchmarks": [{"name": "\u001b[31mred\u001b[0m\u009b2J", "ms": 3.0}]}"#)
        try fixture.commit("head \u{1B}]0;pwned\u{07} subject")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD", today: "2026-01-01").run()
        #expect(comparison.exitCode == 1)
        for format in ReportFormat.allCases {
            let report = format.render(comparison)
            #expect(!report.unicodeScalars.contains(where: ControlCharacters.isEscaped), "\(format)")
        }
        let text = ReportFormat.text.render(comparison)
        #expect(text.contains(#"\x1b[31mred\x1b[0m\x9b2J"#))
        #expect(text.contains(#"head: HEAD (\#(comparison.head.commit!.id.short)) “head \x1b]0;pwned\x07 subject”"#))
        let markdown = ReportFormat.markdown.render(comparison)
        #expect(markdown.contains(#"\x1b\[31mred\x1b\[0m\x9b2J"#))
        let json = ReportFormat.json.render(comparison)
        #expect(json.contains(#""\u001b[31mred\u001b[0m\u009b2J""#))
    }

    @Test func historyAndBlameReportsEscapeControlsToo() throws {
        let fixture = try FixtureRepository()
        for (index, value) in [1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 3.0, 3.0].enumerated() {
            try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "\u001b[31mred", "ms": \#(value)}]}"#)
            try fixture.commit("run \(index) \u{1B}[2J")
        }
        let report = try HistoryOperation(repositoryPath: fixture.path, range: "HEAD~9..HEAD").run()
        for format in ReportFormat.allCases {
            let history = HistoryReportFormat.render(report, as: format)
            let blame = BlameReportFormat.render(report, metrics: [], as: format)
            #expect(!history.unicodeScalars.contains(where: ControlCharacters.isEscaped), "\(format)")
            #expect(!blame.unicodeScalars.contains(where: ControlCharacters.isEscaped), "\(format)")
        }
        #expect(HistoryReportFormat.render(report, as: .text).contains(#"\x1b[31mred"#))
    }
}
