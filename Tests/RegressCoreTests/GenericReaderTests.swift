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
        #expect(contents.skipped == ["text": 2])
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

    @Test func textWhereANumberBelongsIsNonNumericOtherTextIsALabel() throws {
        let text = #"[{"name": "a", "wait_s": 1.5, "mode": "fast"}, {"name": "b", "wait_s": "timeout", "mode": "slow"}]"#
        let contents = try read(text, path: "r.json")
        #expect(summary(contents) == ["a|wait_s|s|lower|1.5|failed=0"])
        #expect(contents.skipped == ["non-numeric": 1, "text": 2])
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

    @Test func aBackendThatFailedUnderItsOwnObjectFailsAndItsZerosAreNotMeasurements() throws {
        let failed = #"""
            {"model": "conv", "backends": {
              "eager": {"success": true, "mean_time_ms": 4.1, "std_time_ms": 0.2, "times_ms": [4.0, 4.2]},
              "tensorrt": {"success": false, "error": "tensorrt not installed", "mean_time_ms": 0, "std_time_ms": 0,
                           "times_ms": []}}}
            """#
        let contents = try read(failed, path: "bench/compile.json")
        #expect(summary(contents) == [
            "eager|mean_time_ms|ms|lower|4.1|failed=0", "eager|std_time_ms|ms|unknown|0.2|failed=0",
            "eager|times_ms|ms|lower|4.0,4.2|failed=0",
            "tensorrt|mean_time_ms|ms|lower||failed=1", "tensorrt|std_time_ms|ms|unknown||failed=1",
        ])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 2, firstError: "tensorrt not installed"))
        // The run where it worked is read in the same shape.
        let worked = try read(#"{"model": "conv", "backends": {"eager": {"mean_time_ms": 4.1}, "tensorrt": {"mean_time_ms": 2.2}}}"#,
                              path: "bench/compile.json")
        #expect(summary(worked) == ["eager|mean_time_ms|ms|lower|4.1|failed=0", "tensorrt|mean_time_ms|ms|lower|2.2|failed=0"])
    }

    @Test func aFailureInASiblingOrDeeperObjectOfABackendFailsTheWholeBackend() throws {
        let text = #"""
            {"model": {"name": "transformer", "num_layers": 2},
             "backends": {
              "jit": {"backend": "jit",
                      "compilation": {"success": true, "compile_time_s": 0.12, "error": null},
                      "benchmark": {"mean_time_ms": 0.35, "metadata": {"compile_time_s": 0.12}}},
              "tensorrt": {"backend": "tensorrt",
                           "compilation": {"success": false, "compile_time_s": null, "error": "torch_tensorrt is not installed"},
                           "benchmark": {"mean_time_ms": 0.0, "metadata": {"error": "torch_tensorrt is not installed"}}},
              "onnx": {"backend": "onnx",
                       "compilation": {"success": true, "compile_time_s": 0.23},
                       "benchmark": {"mean_time_ms": 0.0, "metadata": {"error": "onnxruntime session failed"}}}}}
            """#
        let contents = try read(text, path: "bench/compile.json")
        #expect(summary(contents) == [
            "|model.num_layers||unknown|2.0|failed=0",
            "jit|compilation.compile_time_s|s|lower|0.12|failed=0", "jit|benchmark.mean_time_ms|ms|lower|0.35|failed=0",
            "jit|benchmark.metadata.compile_time_s|s|lower|0.12|failed=0",
            "tensorrt|benchmark.mean_time_ms|ms|lower||failed=1",
            "onnx|compilation.compile_time_s|s|lower||failed=1", "onnx|benchmark.mean_time_ms|ms|lower||failed=1",
        ])
        #expect(contents.failure == RunFailure(failedRecords: 2, totalRecords: 3, firstError: "torch_tensorrt is not installed"))
    }

    @Test func aFailureInANestedRecordFailsOnlyThatRecordNotTheOneAroundIt() throws {
        let text = #"""
            [{"name": "conv", "params": 120, "backends": {"eager": {"t_ms": 1.0}, "trt": {"error": "no engine", "t_ms": 0}}},
             {"name": "mlp", "params": 80, "backends": {"eager": {"t_ms": 2.0}, "trt": {"t_ms": 0.5}}}]
            """#
        let contents = try read(text, path: "bench/r.json")
        #expect(summary(contents) == [
            "conv|params||unknown|120.0|failed=0", "conv / eager|t_ms|ms|lower|1.0|failed=0", "conv / trt|t_ms|ms|lower||failed=1",
            "mlp|params||unknown|80.0|failed=0", "mlp / eager|t_ms|ms|lower|2.0|failed=0", "mlp / trt|t_ms|ms|lower|0.5|failed=0",
        ])
    }

    @Test func aFailedMemberWithNoneOfItsSiblingsKeysStillLeavesThemARecordMap() throws {
        let text = #"""
            {"eager": {"mean_time_ms": 4.1, "min_time_ms": 3.9, "max_time_ms": 4.4},
             "tensorrt": {"success": false, "error": "tensorrt not installed"}}
            """#
        let contents = try read(text, path: "bench/compile.json")
        #expect(summary(contents) == ["eager|mean_time_ms|ms|lower|4.1|failed=0", "eager|min_time_ms|ms|lower|3.9|failed=0",
                                      "eager|max_time_ms|ms|lower|4.4|failed=0"])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 2, firstError: "tensorrt not installed"))
    }

    @Test func anErrorBesideANestedBenchmarkObjectFailsThatBenchmark() throws {
        let text = #"""
            {"device": "cuda", "results": {"conv": {
              "eager": {"benchmark": {"mean_time_ms": 3.8}},
              "torch_compile": {"benchmark": {"mean_time_ms": 0}, "error": "Triton not found"}}}}
            """#
        let contents = try read(text, path: "bench/compile.json")
        #expect(summary(contents) == ["eager|benchmark.mean_time_ms|ms|lower|3.8|failed=0",
                                      "torch_compile|benchmark.mean_time_ms|ms|lower||failed=1"])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 2, firstError: "Triton not found"))
    }

    @Test func aMarkerFailsTheObjectItIsInAtAnyDepthAndTheRestOfTheRunStays() throws {
        let text = #"{"load_ms": 12, "results": {"conv": {"torch_compile": {"benchmark": {"mean_time_ms": 0}, "exception": "OOM"}}}}"#
        let contents = try read(text, path: "bench/compile.json")
        #expect(summary(contents) == ["|load_ms|ms|lower|12.0|failed=0",
                                      "|results.conv.torch_compile.benchmark.mean_time_ms|ms|lower||failed=1"])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 2, firstError: "OOM"))
    }

    @Test(arguments: [
        (#"{"ok": false, "t_ms": 0}"#, "ok=false"),
        (#"{"success": 0, "t_ms": 0}"#, "success=0"),
        (#"{"status": "failed", "t_ms": 0}"#, "status=failed"),
        (#"{"status": "ERROR", "t_ms": 0}"#, "status=ERROR"),
        (#"{"errors": ["timeout after 30 s"], "t_ms": 0}"#, "timeout after 30 s"),
        (#"{"error": {"type": "OSError", "message": "no GPU"}, "t_ms": 0}"#, "no GPU"),
        (#"{"error": {"type": "OSError"}, "t_ms": 0}"#, "error"),
        (#"{"error_message": "CUDA out of memory", "t_ms": 0}"#, "CUDA out of memory"),
        (#"{"failure": "assertion failed", "t_ms": 0}"#, "assertion failed"),
        (#"{"state": "crashed", "t_ms": 0}"#, "state=crashed"),
        (#"{"outcome": "timeout", "t_ms": 0}"#, "outcome=timeout"),
        (#"{"passed": false, "t_ms": 0}"#, "passed=false"),
    ] as [(String, String)])
    func everyMarkerSpellingFailsItsRecord(text: String, error: String) throws {
        let contents = try read(text, path: "r.json")
        #expect(summary(contents) == ["|t_ms|ms|lower||failed=1"])
        #expect(contents.failure?.firstError == error)
    }

    @Test(arguments: [
        #"{"ok": true, "t_ms": 2}"#, #"{"status": "completed", "t_ms": 2}"#, #"{"errors": [], "t_ms": 2}"#,
        #"{"error": "", "t_ms": 2}"#, #"{"error": null, "t_ms": 2}"#, #"{"exception": "None", "t_ms": 2}"#,
    ])
    func markersThatSayAllIsWellLeaveTheValuesMeasured(text: String) throws {
        let contents = try read(text, path: "r.json")
        #expect(summary(contents) == ["|t_ms|ms|lower|2.0|failed=0"])
        #expect(contents.failure == nil)
    }

    @Test func aNumberUnderAnErrorFieldIsACountNotAMarker() throws {
        let contents = try read(#"{"requests": 100, "errors": 3, "latency_ms": 5}"#, path: "r.json")
        #expect(summary(contents) == ["|requests||unknown|100.0|failed=0", "|errors||lower|3.0|failed=0",
                                      "|latency_ms|ms|lower|5.0|failed=0"])
        #expect(contents.failure == nil)
    }

    @Test func anObjectUnderAStatusFieldIsDataNotAMarker() throws {
        let contents = try read(#"{"state": {"gpu_temp_c": 61}, "latency_ms": 5}"#, path: "r.json")
        #expect(summary(contents) == ["|state.gpu_temp_c||unknown|61.0|failed=0", "|latency_ms|ms|lower|5.0|failed=0"])
        #expect(contents.failure == nil)
    }

    @Test func anLLMTableWithAnErrorColumnFailsOnlyTheRowsThatHaveOne() throws {
        let text = """
            timestamp,model,prompt,run_number,ttft_s,tokens_s,eval_count,error
            2026-05-05T23:11:58Z,llama3:8b,haiku,1,0.21,48.5,120,
            2026-05-05T23:12:04Z,llama3:8b,haiku,2,0.0,0.0,0,"model 'llama3:8b' not found, try pulling it first"
            2026-05-05T23:12:10Z,qwen2:7b,haiku,1,0.0,0.0,0,"connection refused"
            2026-05-05T23:12:16Z,llama3:8b,haiku,3,0.25,47.0,118,

            """
        let contents = try read(text, path: "bench/llm.csv")
        #expect(summary(contents) == [
            "llama3:8b, haiku|ttft_s|s|lower|0.21,0.25|failed=1", "llama3:8b, haiku|tokens_s|tokens/s|higher|48.5,47.0|failed=1",
            "llama3:8b, haiku|eval_count||unknown|120.0,118.0|failed=1",
            "qwen2:7b, haiku|ttft_s|s|lower||failed=1", "qwen2:7b, haiku|tokens_s|tokens/s|higher||failed=1",
            "qwen2:7b, haiku|eval_count||unknown||failed=1",
        ])
        #expect(contents.failure == RunFailure(failedRecords: 2, totalRecords: 4,
                                               firstError: "model 'llama3:8b' not found, try pulling it first"))
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

    @Test func csvRowsWithAnExceptionOrOkFalseFailedAndTheirZerosAreNotMeasurements() throws {
        let text = """
            name,ok,exception,latency_ms
            a,true,,5
            b,false,,0
            c,true,RuntimeError: CUDA error,0

            """
        let contents = try read(text, path: "r.csv")
        #expect(summary(contents) == ["a|latency_ms|ms|lower|5.0|failed=0", "b|latency_ms|ms|lower||failed=1",
                                      "c|latency_ms|ms|lower||failed=1"])
        #expect(contents.failure == RunFailure(failedRecords: 2, totalRecords: 3, firstError: "ok=false"))
    }

    @Test func csvErrorColumnOfNumbersCountsErrorsAndFailsNoRow() throws {
        let contents = try read("endpoint,errors,latency_ms\n/a,0,5\n/b,3,7\n", path: "r.csv")
        #expect(summary(contents) == ["/a|errors||lower|0.0|failed=0", "/a|latency_ms|ms|lower|5.0|failed=0",
                                      "/b|errors||lower|3.0|failed=0", "/b|latency_ms|ms|lower|7.0|failed=0"])
        #expect(contents.failure == nil)
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

    @Test func csvEmptyAndMissingCellsOfAMetricAreSkippedAndCounted() throws {
        let contents = try read("name,ms,run\na, 5 ,1\nb,,1\nc\nd,nan,1\na,7,2\n", path: "r.csv")
        #expect(summary(contents) == ["a|ms|ms|lower|5.0,7.0|failed=0"])
        #expect(contents.skipped == ["empty": 2, "NaN": 1])
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
