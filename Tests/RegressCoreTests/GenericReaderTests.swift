@testable import RegressCore
import Testing

/// The generic JSON and CSV readers on small hand-written documents.
struct GenericReaderTests {
    func read(_ text: String, path: String, keys: [String] = []) throws -> ArtifactContents {
        try ArtifactReader.read(Array(text.utf8), path: path, keys: keys).1
    }

    func summary(_ contents: ArtifactContents) -> [String] {
        contents.measurements.map { m in
            "\(m.benchmark)|\(m.metric)|\(m.unit)|\(m.direction.rawValue)|\(m.samples.map { "\($0)" }.joined(separator: ","))|failed=\(m.failedSamples)"
        }
    }

    @Test func jsonLeavesAreMetricsNamedByTheirPath() throws {
        let contents = try read(#"{"model": "conv", "timing": {"mean_ms": 2.5, "runs": [1.0, 2.0, 3.0]}, "warm": true}"#, path: "r.json")
        #expect(summary(contents) == ["|timing.mean_ms|ms|lower|2.5|failed=0", "|timing.runs||unknown|1.0,2.0,3.0|failed=0"])
        #expect(contents.skipped == ["non-numeric": 2])
    }

    @Test func jsonRecordsWithTheSameNameAreSamplesOfOneMeasurement() throws {
        let text = #"[{"name": "a", "latency_ms": 1}, {"name": "b", "latency_ms": 5}, {"name": "a", "latency_ms": 3}]"#
        #expect(summary(try read(text, path: "r.json")) == ["a|latency_ms|ms|lower|1.0,3.0|failed=0", "b|latency_ms|ms|lower|5.0|failed=0"])
    }

    @Test func configuredKeysNameTheRecords() throws {
        let text = #"[{"name": "x", "batch": 1, "t_ms": 1}, {"name": "x", "batch": 2, "t_ms": 2}]"#
        #expect(summary(try read(text, path: "r.json", keys: ["name", "batch"]))
            == ["x, 1|t_ms|ms|lower|1.0|failed=0", "x, 2|t_ms|ms|lower|2.0|failed=0"])
    }

    @Test func recordsWithoutANameAreSamplesOfTheEnclosingBenchmark() throws {
        let text = #"{"runs": [{"ttft_s": 0.5}, {"ttft_s": 0.7}]}"#
        #expect(summary(try read(text, path: "r.json")) == ["|runs.ttft_s|s|lower|0.5,0.7|failed=0"])
    }

    @Test func objectsOfLikeObjectsAreRecordsKeyedByMemberName() throws {
        let text = #"{"backends": {"eager": {"backend": "eager", "mean_time_ms": 3.8}, "jit": {"backend": "jit", "mean_time_ms": 3.7}}}"#
        #expect(summary(try read(text, path: "r.json"))
            == ["eager|mean_time_ms|ms|lower|3.8|failed=0", "jit|mean_time_ms|ms|lower|3.7|failed=0"])
    }

    @Test func nullsNaNsAndTextAreSkippedAndCountedNeverReadAsZero() throws {
        let contents = try read(#"{"a_ms": null, "b_ms": NaN, "c_ms": "fast", "d_ms": 0}"#, path: "r.json")
        #expect(summary(contents) == ["|d_ms|ms|lower|0.0|failed=0"])
        #expect(contents.skipped == ["null": 1, "NaN": 1, "non-numeric": 1])
    }

    @Test func jsonRecordsThatReportAnErrorFailed() throws {
        let text = #"[{"model": "m", "ttft_s": 0, "error": "server down"}, {"model": "n", "ttft_s": 0.2, "error": null}]"#
        let contents = try read(text, path: "r.json")
        #expect(summary(contents) == ["m|ttft_s|s|lower||failed=1", "n|ttft_s|s|lower|0.2|failed=0"])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 2, firstError: "server down"))
    }

    @Test func csvNumericColumnsAreMetricsAndTheOthersNameTheBenchmark() throws {
        let text = """
            timestamp,model,prompt_index,run,ttft_s,tokens_s,error
            2025-10-02T19:18:24+00:00,m1,1,1,0.5,70,
            2025-10-02T19:18:24+00:00,m1,1,2,0.7,72,
            2025-10-02T19:18:24+00:00,m1,2,1,0.9,71,

            """
        #expect(summary(try read(text, path: "r.csv")) == [
            "m1, 1|ttft_s|s|lower|0.5,0.7|failed=0",
            "m1, 1|tokens_s|tokens/s|higher|70.0,72.0|failed=0",
            "m1, 2|ttft_s|s|lower|0.9|failed=0",
            "m1, 2|tokens_s|tokens/s|higher|71.0|failed=0",
        ])
    }

    @Test func csvRowsWithAnErrorOrABadStatusFailed() throws {
        let text = """
            name,status,latency_ms
            a,ok,5
            b,timeout,0
            c,,nan

            """
        let contents = try read(text, path: "r.csv")
        #expect(summary(contents) == ["a|latency_ms|ms|lower|5.0|failed=0", "b|latency_ms|ms|lower||failed=1"])
        #expect(contents.skipped == ["NaN": 1])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 3, firstError: "status=timeout"))
    }

    @Test func aConfiguredKeyTheFileLacksIsAnError() {
        #expect(throws: ArtifactError.unknownKey(path: "r.csv", key: "model", available: ["name", "ms"])) {
            try read("name,ms\na,1\n", path: "r.csv", keys: ["model"])
        }
    }

    @Test func aRowWithTooManyFieldsNamesItsLine() {
        #expect(throws: ArtifactError.malformed(path: "r.csv", location: "line 3", reason: "the row has 3 fields, the header has 2")) {
            try read("name,ms\na,1\nb,2,3\n", path: "r.csv")
        }
    }

    @Test func brokenJSONNamesTheFileLineAndColumn() {
        let error = #expect(throws: ArtifactError.self) { try read("{\n\"a\": }", path: "bench/r.json") }
        #expect(error?.localizedDescription == "bench/r.json: line 2, column 6: unexpected character '}'")
    }

    @Test func formatComesFromConfigurationThenContentThenName() throws {
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array("a,b\n1,2\n".utf8), path: "x.txt", format: .csv)).format == .csv)
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array("a,b\n1,2\n".utf8), path: "x.CSV")).format == .csv)
        #expect(try ArtifactReader.read(ReadRequest(bytes: Array("  {\"a\": 1}".utf8), path: "x.out")).format == .json)
        #expect(throws: ArtifactError.unknownFormat(path: "x.out")) {
            try ArtifactReader.read(ReadRequest(bytes: Array("hello".utf8), path: "x.out"))
        }
    }
}
