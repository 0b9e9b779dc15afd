import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// `inspect` says of every file what it is: a run with its format and version, a history, a
/// fingerprint, metadata, thresholds, or no known format and why.
struct InspectKindTests {
    static let files: [(fixture: String, committed: String)] = [
        ("criterion-0.2/.criterion/parse/json/new/estimates.json", ".criterion/parse/json/new/estimates.json"),
        ("criterion/fib/20/change/estimates.json", "target/criterion/fib/20/change/estimates.json"),
        ("asv/results/mybox/machine.json", ".asv/results/mybox/machine.json"),
        ("package-benchmark/Thresholds/Fib.Fib 20.p90.json", "Benchmarks/Thresholds/Fib.Fib 20.p90.json"),
        ("benchmark-action/data.js", "dev/bench/data.js"),
        ("cargo-bench-libtest.txt", "bench/cargo-bench.txt"),
        ("asv/benchmarks.py.txt", "bench/benchmarks.py"),
    ]

    static func inspect(_ fixture: FixtureRepository, _ path: String) throws -> InspectOperation.Report {
        try InspectOperation(target: "HEAD:\(path)", repositoryPath: fixture.path).run()
    }

    @Test func everyFileIsSaidToBeWhatItIs() throws {
        let fixture = try FixtureRepository()
        let source = FolderSource(root: FormatAdapterTests.folder)
        for file in Self.files {
            try fixture.write(file.committed, String(decoding: try source.read(file.fixture), as: UTF8.self))
        }
        try fixture.commit("files")
        let heads = try Self.files.map { file in
            try Self.inspect(fixture, file.committed).text.components(separatedBy: "\n").dropFirst().prefix(2).map {
                $0.count > 110 ? String($0.prefix(110)) + "…" : $0
            }
        }
        #expect(heads == [
            ["format       criterion, estimates of criterion 0.2 and earlier: it has `Mean` and `Median` estimates with `poi…",
             "what         a run"],
            ["format       criterion: only `mean` and `median` estimates (criterion's change/estimates.json): criterion's ow…",
             "what         metadata, not a run"],
            ["format       asv: it has `machine` and `arch`, `cpu`, `num_cpu`, `os`, `ram` (asv's machine.json): the fingerp…",
             "what         a fingerprint, not a run"],
            ["format       package-benchmark: metric names with p90 values (mallocCountTotal 0, wallClock 70000): package-be…",
             "what         thresholds (expectations a harness checks runs against), not a run"],
            ["format       benchmark-action-history: it sets `window.BENCHMARK_DATA` (github-action-benchmark's data.js)",
             "what         a history of 9 entries in 2 suites; the latest entry of each suite is the run"],
            ["format       cargo-bench, libtest: it has `test … bench: N ns/iter (+/- D)` lines (Rust libtest's `cargo bench…",
             "what         a run"],
            ["format       none",
             "what         not a known format: not JSON (it does not start with `{` or `[`), not named .csv, .tsv or .md, an…"],
        ])
    }

    @Test func aFileInNoKnownFormatIsSaidSoWithItsFirstLine() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/notes.txt", "\nRan the suite twice.\nAll fine.\n")
        try fixture.write("bench/empty.json", "")
        try fixture.commit("notes")
        let notes = try Self.inspect(fixture, "bench/notes.txt")
        #expect(notes.kind == .unknown)
        #expect(notes.format == nil)
        #expect(notes.text == """
            bench/notes.txt
            format       none
            what         not a known format: not JSON (it does not start with `{` or `[`), not named .csv, .tsv or .md, and no line is a result line of a text format (catch2, benchmark-js, iai, go-bench, cargo-bench, time) (first line: `Ran the suite twice.`)

            """)
        #expect(notes.json.contains(#""format": null,"#))
        #expect(notes.json.contains(#""kind": "unknown","#))
        let empty = try Self.inspect(fixture, "bench/empty.json")
        #expect(empty.kind == .unknown)
        #expect(empty.text.contains("what         not a known format: an empty file (0 bytes), not an artifact\n"))
    }

    @Test func aRunSaysItsFormatsVersionInJSON() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/cargo.txt", "test a ... bench:    10 ns/iter (+/- 1)\n")
        try fixture.commit("run")
        let report = try Self.inspect(fixture, "bench/cargo.txt")
        #expect(report.json.contains(#""format": "cargo-bench","#))
        #expect(report.json.contains(#""variant": "libtest""#))
        #expect(report.json.contains(#""kind": "run","#))
    }
}
