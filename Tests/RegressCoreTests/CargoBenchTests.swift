import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// `cargo bench` console output: libtest's bench lines and criterion.rs's report, from
/// `Fixtures/formats/cargo-bench-*.txt` (written from the two harnesses' formatting code).
struct CargoBenchTests {
    static func lines(_ result: ReadResult) -> [String] {
        result.contents.measurements.map {
            "\($0.benchmark) | \($0.metric) | \($0.unit) | \($0.direction.rawValue) | \($0.samples.map { NumberFormat.value($0) }.joined(separator: " ")) | failed=\($0.failedSamples)"
        }
    }

    @Test func libtestBenchLinesAreReadWithThousandsSeparatorsFractionsAndThroughput() throws {
        let result = try FormatAdapterTests.read("cargo-bench-libtest.txt")
        #expect(result.format == .cargoBench)
        #expect(result.contents.variant == "libtest")
        #expect(result.reason == "it has `test … bench: N ns/iter (+/- D)` lines (Rust libtest's `cargo bench` output)")
        #expect(Self.lines(result) == [
            "bench::hash_small | ns/iter | ns | lower | 38 | failed=0",
            "bench::hash_small | range | ns | unknown | 2 | failed=0",
            "bench::hash_large | ns/iter | ns | lower | 12345 | failed=0",
            "bench::hash_large | range | ns | unknown | 1021 | failed=0",
            "bench::hash_large | MB/s | MB/s | higher | 829 | failed=0",
            "bench::hash_stream | ns/iter | ns | lower | 1235 | failed=0",
            "bench::hash_stream | range | ns | unknown | 56.78 | failed=0",
            "bench::hash_broken | ns/iter | ns | lower |  | failed=1",
        ])
        #expect(try FormatAdapterTests.measurement(result, "bench::hash_stream", "ns/iter").samples == [1234.56])
        #expect(result.contents.failure == RunFailure(failedRecords: 1, totalRecords: 4, firstError: "bench::hash_broken FAILED (line 9)"))
        #expect(result.contents.skipped == ["line 10: a libtest bench line that does not parse": 1])
    }

    @Test func criterionReportsAreReadInNanosecondsWithThroughputAndWithoutTheirOwnChanges() throws {
        let result = try FormatAdapterTests.read("cargo-bench-criterion.txt")
        #expect(result.format == .cargoBench)
        #expect(result.contents.variant == "criterion")
        #expect(Self.lines(result) == [
            "fib 20 | time | ns | lower | 21420 | failed=0",
            "parse/json/large input | time | ns | lower | 1416200 | failed=0",
            "parse/json/large input | thrpt | B/s | higher | 740399514 | failed=0",
            "tokenize/ascii | time | ns | lower | 0.815 | failed=0",
            "tokenize/ascii | thrpt | elem/s | higher | 1227000000 | failed=0",
            "startup | time | ns | lower | 1090300000 | failed=0",
            "render | time | ns | lower | 955400 | failed=0",
        ])
        #expect(result.contents.skipped == [
            "criterion's own comparison with its previous run (`change:`), not a measurement": 2,
            "line 34: a criterion `time:` line that does not parse": 1,
        ])
        #expect(result.contents.failure == nil)
    }

    @Test func bothHarnessesInOneOutputAndCriterionsBencherFormat() throws {
        let text = """
            test tests::bench_parse ... bench:         912 ns/iter (+/- 31)
            Benchmarking fib 20: Analyzing
            fib 20                  time:   [21.379 us 21.420 us 21.462 us]
            test fib 21 ... bench:       34656 ns/iter (+/- 412)
            """
        let result = try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: "bench/out.txt"))
        #expect(result.format == .cargoBench)
        #expect(result.contents.variant == "libtest and criterion")
        #expect(result.contents.measurements.map { "\($0.benchmark)/\($0.metric)=\($0.samples[0])" } == [
            "tests::bench_parse/ns/iter=912.0", "tests::bench_parse/range=31.0", "fib 20/time=21420.0", "fib 21/ns/iter=34656.0",
            "fib 21/range=412.0",
        ])
    }

    @Test func goBenchmarkTextIsStillGoAndOtherTextIsNoKnownFormat() throws {
        let go = try ArtifactReader.read(ReadRequest(bytes: Array("BenchmarkX-4   100   10 ns/op\n".utf8), path: "bench/go.txt"))
        #expect(go.format == .goBench)
        #expect(throws: ArtifactError.unknownFormat(path: "bench/notes.txt")) {
            try ArtifactReader.read(ReadRequest(bytes: Array("test a ... ok\ntime: fast\n".utf8), path: "bench/notes.txt"))
        }
        // A line without a name is no result line, never a crash.
        #expect(throws: ArtifactError.unknownFormat(path: "bench/odd.txt")) {
            try ArtifactReader.read(ReadRequest(bytes: Array("test ... bench:  1 ns/iter (+/- 1)\ntest ... FAILED\n".utf8), path: "bench/odd.txt"))
        }
        // Configured, a text with no result line is read as an empty run (a notice says it holds no number).
        let configured = try ArtifactReader.read(ReadRequest(bytes: Array("nothing here\n".utf8), path: "bench/x.txt", format: .cargoBench))
        #expect(configured.contents.measurements.isEmpty)
    }

    @Test func aCompareOfAPartlyReadOutputSaysWhatWasSkippedAndWhere() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/cargo-bench.txt", "test parse ... bench:       1,000 ns/iter (+/- 10)\ntest lex ... bench:   500 ns/iter (+/- 5)\n")
        try fixture.commit("base")
        try fixture.write("bench/cargo-bench.txt", "test parse ... bench:       1,001 ns/iter (+/- 10)\ntest lex ... bench:   n/a ns/iter (+/- 5)\n")
        try fixture.commit("head")
        let comparison = try CompareOperation(repositoryPath: fixture.path, base: "HEAD~1", head: "HEAD").run()
        #expect(comparison.notices.first == "head: bench/cargo-bench.txt: read in part, skipped line 2: a libtest bench line that does not parse")
        #expect(comparison.results.map { "\($0.benchmark)/\($0.metric) \($0.verdict.rawValue)" } == [
            "parse/ns/iter unchanged", "parse/range unchanged", "lex/ns/iter missing", "lex/range missing",
        ])
    }
}
