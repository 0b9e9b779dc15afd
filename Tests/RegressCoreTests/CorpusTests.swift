import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// The readers on real artifacts of an LLM-benchmarking repository (skipped when the corpus is absent).
@Suite(.enabled(if: Corpus.isAvailable, "../shared/corpus is not beside this clone"))
struct CorpusTests {
    func read(_ path: String) throws -> ArtifactContents {
        try ArtifactReader.read(try Corpus.bytes(path), path: path).1
    }

    @Test func gemma3ParameterSweepIsKeyedByItsParameters() throws {
        let contents = try read("outputs/reports/gemma3/gemma3_param_tuning.csv")
        let tokens = contents.measurements.filter { $0.metric == "tokens_s" }
        #expect(tokens.count == 36)
        let first = try #require(tokens.first)
        #expect(first.benchmark == "num_gpu=999, num_ctx=1024, temperature=0.2")
        #expect(first.samples == [101.4449506143006])
        #expect(first.unit == "tokens/s")
        #expect(first.direction == .higherIsBetter)
        let ttft = try #require(contents.measurements.first { $0.benchmark == "num_gpu=999, num_ctx=1024, temperature=0.2" && $0.metric == "ttft_s" })
        #expect(ttft.samples == [2.5176155999999996])
        #expect(ttft.direction == .lowerIsBetter)
        #expect(contents.failure == nil)
    }

    @Test func promptSuiteRunWhoseServerWasDownFailedAndHasNoMeasurement() throws {
        let contents = try read("outputs/reports/ollama/20251002-151204/prompt_suite_runs.csv")
        let failure = try #require(contents.failure)
        #expect(failure.failedRecords == 15)
        #expect(failure.totalRecords == 15)
        #expect(failure.firstError.hasPrefix("Failed to connect to Ollama."))
        #expect(contents.measurements.allSatisfy { $0.samples.isEmpty && $0.failedSamples == 1 })
        #expect(Set(contents.measurements.map(\.metric)) == [
            "ttft_s", "tokens_s", "load_s", "prompt_eval_s", "eval_s", "prompt_eval_count", "eval_count", "response_chars",
        ])
    }

    @Test func promptSuiteRunThatWorkedHasOneBenchmarkPerModelAndPrompt() throws {
        let contents = try read("outputs/reports/ollama/20251002-151824/prompt_suite_runs.csv")
        #expect(contents.failure == nil)
        let tokens = contents.measurements.filter { $0.metric == "tokens_s" }
        #expect(tokens.count == 15)
        #expect(tokens[0].benchmark.hasPrefix("llama3.1:8b-instruct-q4_0, 1, banter prompt: Player failed a mission"))
        #expect(tokens[0].samples == [76.91])
    }

    @Test func summaryWithNullMeansSkipsThemInsteadOfReadingZero() throws {
        let contents = try read("outputs/reports/ollama/20251002-151204/prompt_suite_summary.json")
        #expect(!contents.measurements.contains { $0.metric.hasPrefix("mean_") })
        #expect(contents.measurements.contains { $0.benchmark == "llama3.1:8b-instruct-q4_0" && $0.metric == "completed" && $0.samples == [0] })
    }

    @Test func compilationBenchmarkNestedJSONHasOneBenchmarkPerBackend() throws {
        let contents = try read("outputs/reports/compilation/conv_bench_20251002-170837.json")
        let means = contents.measurements.filter { $0.metric == "benchmark.mean_time_ms" }
        #expect(means.map(\.benchmark) == ["eager", "jit", "torch_compile", "onnx"])
        #expect(means.map { $0.samples } == [[3.812139999899955], [3.781859999799053], [4.103220000251895], [0.692900000467489]])
        #expect(means.allSatisfy { $0.unit == "ms" && $0.direction == .lowerIsBetter })
        let compile = try #require(contents.measurements.first { $0.benchmark == "torch_compile" && $0.metric == "compilation.compile_time_s" })
        #expect(compile.samples == [12.943088199999693])
        // Its text fields (devices, versions, options) are labels; no number is spelled as text.
        #expect(contents.skipped["non-numeric"] == nil && (contents.skipped["text"] ?? 0) > 0)
    }

    @Test func aBackendThatFailedToCompileFailsWithItsZeroTimesAndTheOthersStay() throws {
        let contents = try read("outputs/reports/compilation/transformer_cuda_pytorch2508.json")
        let means = contents.measurements.filter { $0.metric == "benchmark.mean_time_ms" }
        #expect(means.map(\.benchmark) == ["eager", "jit", "torch_compile", "onnx", "tensorrt"])
        #expect(means.map(\.isFailed) == [false, false, false, false, true])
        #expect(contents.failure == RunFailure(failedRecords: 1, totalRecords: 5, firstError: "torch_tensorrt is not installed"))
        let spread = try #require(contents.measurements.first { $0.benchmark == "eager" && $0.metric == "benchmark.std_time_ms" })
        #expect(spread.direction == .unknown)
    }

    @Test func parameterTuningRunsAreKeyedByModelAndParametersWithNoConfig() throws {
        let contents = try read("outputs/reports/llama3/ollama_param_tuning.csv")
        let first = try #require(contents.measurements.first { $0.metric == "tokens_s" })
        #expect(first.benchmark == "llama3.1:8b-instruct-q4_0, num_gpu=999, num_ctx=1024, temperature=0.2")
        #expect(first.samples == [77.5])
        #expect(!contents.measurements.contains { ["num_gpu", "num_ctx", "temperature"].contains($0.metric) })
        let summary = try read("outputs/reports/llama3/ollama_param_tuning_summary.csv")
        #expect(Set(summary.measurements.map(\.benchmark)).count == summary.measurements.filter { $0.metric == "mean_tokens_s" }.count)
        #expect(summary.measurements.filter { $0.metric == "mean_tokens_s" }.allSatisfy { $0.samples.count == 1 })
    }

    @Test func markdownReportsOfTheCorpusReadWithoutAnError() throws {
        let root = try #require(Corpus.root)
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var tables = 0
        for case let path as String in enumerator where path.hasSuffix(".md") {
            tables += try ArtifactReader.read(ReadRequest(bytes: try Corpus.bytes(path), path: path)).contents.measurements.count
        }
        #expect(tables > 200)
    }

    @Test func utf16FileHoldingAnErrorMessageHasNoMeasurement() throws {
        let contents = try read("outputs/reports/profiling/ncu_summary.csv")
        #expect(contents.measurements.isEmpty)
    }

    @Test func everyCorpusCSVAndJSONReadsWithoutAnError() throws {
        let root = try #require(Corpus.root)
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var read = 0
        for case let path as String in enumerator where path.hasSuffix(".csv") || path.hasSuffix(".json") {
            _ = try ArtifactReader.read(try Corpus.bytes(path), path: path)
            read += 1
        }
        #expect(read > 40)
    }
}
