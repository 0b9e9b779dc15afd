import Foundation
@testable import RegressCore
import RegressGit
import TestSupport
import Testing

/// Reports are compared with committed snapshots in `Snapshots/`.
struct ReportTests {
    static func demoComparison() throws -> Comparison {
        let folder = try TemporaryFolder.make(prefix: "demo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try DemoRepository.build(at: folder + "/repo")
        return try CompareOperation(repositoryPath: folder + "/repo").run()
    }

    @Test func demoReportInEveryFormat() throws {
        let comparison = try Self.demoComparison()
        #expect(comparison.exitCode == 1)
        for format in ReportFormat.allCases {
            let name = "demo.\(format == .markdown ? "md" : format == .json ? "json" : "txt")"
            if let mismatch = Snapshot.mismatch(format.render(comparison), named: name) { Issue.record("\(mismatch)") }
        }
    }

    @Test func theReadmeShowsTheDemoReportAsItIs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let report = MarkdownReport.render(try Self.demoComparison())
        #expect(readme.contains("````markdown\n" + report + "````\n"))
    }

    @Test func theDemoIsTheSameOnEveryRun() throws {
        let first = try Self.demoComparison()
        let second = try Self.demoComparison()
        #expect(JSONReport.render(first) == JSONReport.render(second))
        #expect(first.base.commit?.id == second.base.commit?.id)
    }

    @Test func theJSONReportWritesItsResultsAsItsDocumentHoldsThem() throws {
        var comparison = try Self.demoComparison()
        #expect(JSONReport.render(comparison) == JSONWriter.write(JSONReport.document(comparison)))
        // Enough results to be written on every core, with text that needs escaping.
        let demo = comparison.results
        comparison.results = (0..<(JSONWriter.parallelCount / demo.count + 1)).flatMap { copy in
            demo.map { result in
                var result = result
                result.note = "copy \(copy) \"quoted\"\u{1}"
                return result
            }
        }
        #expect(comparison.results.count > JSONWriter.parallelCount)
        #expect(JSONReport.render(comparison) == JSONWriter.write(JSONReport.document(comparison)))
        comparison.results = []
        #expect(JSONReport.render(comparison) == JSONWriter.write(JSONReport.document(comparison)))
    }

    @Test func hostileNamesFromArtifactsAndCommitsAreEscaped() throws {
        let fixture = try FixtureRepository()
        let csv = { (ms: Int) in "name,latency_ms\n\"evil | <b>x</b> `code` @admin\nnext\",\(ms)\n" }
        try fixture.write("bench/r|`@x`.csv", csv(10))
        try fixture.commit("@team please <script>alert(1)</script> | ```")
        try fixture.write("bench/r|`@x`.csv", csv(20))
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD").run()
        if let mismatch = Snapshot.mismatch(MarkdownReport.render(comparison), named: "hostile.md") { Issue.record("\(mismatch)") }
    }
}
