import Foundation
@testable import RegressCore
import Testing

struct MetricInferenceTests {
    @Test func whitespaceIsTrimmedAsFoundationTrimsIt() {
        let scalars: [UInt32] = [0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x21, 0x85, 0xA0, 0xAD, 0x1680, 0x180E, 0x1FFF,
                                 0x2000, 0x2005, 0x200A, 0x200B, 0x200C, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF, 0x1F600]
        for value in scalars {
            let space = String(Unicode.Scalar(value)!)
            for text in [space + "ms" + space, space + space, "a" + space + "b", space + "\u{301}x", ""] {
                #expect(text.trimmingWhitespaces == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            }
        }
        #expect(" \t5 %\u{3000}".trimmingWhitespaces == "5 %")
        #expect(MetricInference.direction(ofUnit: "\u{A0}Tokens/S ") == .higherIsBetter)
    }

    @Test(arguments: [
        ("ttft_s", "s", Direction.lowerIsBetter),
        ("tokens_s", "tokens/s", .higherIsBetter),
        ("mean_tokens_s", "tokens/s", .higherIsBetter),
        ("load_s", "s", .lowerIsBetter),
        ("prompt_eval_s", "s", .lowerIsBetter),
        ("benchmark.mean_time_ms", "ms", .lowerIsBetter),
        ("compile_time_s", "s", .lowerIsBetter),
        ("latency", "", .lowerIsBetter),
        ("p99LatencyMs", "ms", .lowerIsBetter),
        ("duration", "", .lowerIsBetter),
        ("real_time", "", .lowerIsBetter),
        ("items_per_second", "items/s", .higherIsBetter),
        ("bytes_per_second", "bytes/s", .higherIsBetter),
        ("requests_per_sec", "requests/s", .higherIsBetter),
        ("throughput", "", .higherIsBetter),
        ("ops", "", .higherIsBetter),
        ("qps", "", .higherIsBetter),
        ("rps", "", .higherIsBetter),
        ("bandwidth", "", .higherIsBetter),
        ("peak_rss_mb", "MB", .lowerIsBetter),
        ("eval_count", "", .unknown),
        ("temperature", "", .unknown),
        ("num_ctx", "", .unknown),
        ("cpu_pct", "%", .unknown),
        ("ms", "ms", .lowerIsBetter),
        ("s", "", .unknown),
    ])
    func infersUnitAndDirectionFromTheName(name: String, unit: String, direction: Direction) {
        let result = MetricInference.infer(name)
        #expect(result.unit == unit)
        #expect(result.direction == direction)
    }

    @Test(arguments: [
        ("std_time_ms", "ms", "spread statistic 'std': reported beside its metric, never failed on"),
        ("benchmark.std_time_ms", "ms", "spread statistic 'std': reported beside its metric, never failed on"),
        ("stddev", "", "spread statistic 'stddev': reported beside its metric, never failed on"),
        ("latency_stdev_us", "us", "spread statistic 'stdev': reported beside its metric, never failed on"),
        ("std_dev", "", "spread statistic 'std': reported beside its metric, never failed on"),
        ("median_abs_dev", "", "spread statistic 'abs_dev': reported beside its metric, never failed on"),
        ("mad", "", "spread statistic 'mad': reported beside its metric, never failed on"),
        ("ttft_mad_s", "s", "spread statistic 'mad': reported beside its metric, never failed on"),
        ("iqr", "", "spread statistic 'iqr': reported beside its metric, never failed on"),
        ("ci_low", "", "spread statistic 'ci': reported beside its metric, never failed on"),
        ("ci95_high_ms", "ms", "spread statistic 'ci95': reported beside its metric, never failed on"),
        ("time_range_ms", "ms", "spread statistic 'range': reported beside its metric, never failed on"),
        ("stderr", "", "spread statistic 'stderr': reported beside its metric, never failed on"),
        ("variance", "", "spread statistic 'variance': reported beside its metric, never failed on"),
        ("latency_cv_pct", "", "spread statistic 'cv': reported beside its metric, never failed on"),
        ("tokens_s_std", "tokens/s", "spread statistic 'std': reported beside its metric, never failed on"),
        ("run_number", "", "identifier 'run_number': not a measurement to gate"),
        ("run_id", "", "identifier 'run_id': not a measurement to gate"),
        ("seed", "", "identifier 'seed': not a measurement to gate"),
        ("iteration", "", "identifier 'iteration': not a measurement to gate"),
        ("index", "", "identifier 'index': not a measurement to gate"),
        ("prompt_index", "", "identifier 'prompt_index': not a measurement to gate"),
        ("pid", "", "identifier 'pid': not a measurement to gate"),
        ("server_port", "", "identifier 'server_port': not a measurement to gate"),
        ("eval_count", "", "counter 'eval_count': not a measurement to gate"),
        ("prompt_eval_count", "", "counter 'prompt_eval_count': not a measurement to gate"),
        ("num_requests", "", "counter 'num_requests': not a measurement to gate"),
        ("n_samples", "", "counter 'n_samples': not a measurement to gate"),
        ("rounds", "", "counter 'rounds': not a measurement to gate"),
        ("output_tokens", "", "length 'output_tokens': not a measurement to gate"),
        ("response_length", "", "length 'response_length': not a measurement to gate"),
        ("standard_deviation_ms", "ms", "spread statistic 'deviation': reported beside its metric, never failed on"),
        ("latency_sem", "", "spread statistic 'sem': reported beside its metric, never failed on"),
        ("request_count", "", "counter 'request_count': not a measurement to gate"),
        ("counts", "", "counter 'counts': not a measurement to gate"),
        ("iterations", "", "counter 'iterations': not a measurement to gate"),
        ("completion_len", "", "length 'completion_len': not a measurement to gate"),
        ("answer_chars", "", "length 'answer_chars': not a measurement to gate"),
        ("output_characters", "", "length 'output_characters': not a measurement to gate"),
        ("summary_words", "", "length 'summary_words': not a measurement to gate"),
        ("commit_number", "", "identifier 'commit_number': not a measurement to gate"),
        ("request_uuid", "", "identifier 'request_uuid': not a measurement to gate"),
        ("row_idx", "", "identifier 'row_idx': not a measurement to gate"),
        ("base_seed", "", "identifier 'base_seed': not a measurement to gate"),
        ("worker_pid", "", "identifier 'worker_pid': not a measurement to gate"),
        ("latency_sigma_ms", "ms", "spread statistic 'sigma': reported beside its metric, never failed on"),
        ("σ", "", "spread statistic 'σ': reported beside its metric, never failed on"),
        ("warmup_runs", "", "counter 'warmup_runs': not a measurement to gate"),
    ] as [(String, String, String)])
    func spreadsIdentifiersAndCountersHaveNoDirectionAndSayWhy(name: String, unit: String, reason: String) {
        let result = MetricInference.infer(name)
        #expect(result.direction == .unknown)
        #expect(result.unit == unit)
        #expect(result.reason == reason)
        #expect(result.ungated)
        // A unit the artifact states does not give them one.
        #expect(MetricInference.infer(name, unit: "ms").direction == .unknown)
    }

    @Test(arguments: ["id", "uuid", "index", "idx", "pid", "tid", "port", "seed", "run", "iteration", "iter", "repeat",
                      "repetition", "trial", "attempt", "step", "epoch"])
    func aLoneIdentifierWordHasNoDirection(name: String) {
        let result = MetricInference.infer(name)
        #expect(result.direction == .unknown)
        #expect(result.reason == "identifier '\(name)': not a measurement to gate")
    }

    @Test(arguments: [
        ("range_scan_latency_ms", Direction.lowerIsBetter, "time unit 'ms'"),
        ("cv_model_time_ms", .lowerIsBetter, "time unit 'ms'"),
        ("sd_latency_ms", .lowerIsBetter, "time unit 'ms'"),
        ("iterations_per_second", .higherIsBetter, "rate 'iterations/s'"),
        ("num_tokens_per_s", .higherIsBetter, "rate 'tokens/s'"),
        ("step_time_ms", .lowerIsBetter, "time unit 'ms'"),
        ("throughput", .higherIsBetter, "word 'throughput'"),
        ("real_time", .lowerIsBetter, "word 'time'"),
        ("peak_rss_mb", .lowerIsBetter, "size unit 'mb'"),
        ("temperature", .unknown, "no rule matches the name"),
    ] as [(String, Direction, String)])
    func namesThatMerelyContainASpreadOrCounterWordKeepTheirDirection(name: String, direction: Direction, reason: String) {
        let result = MetricInference.infer(name)
        #expect(result.direction == direction)
        #expect(result.reason == reason)
    }

    @Test func aFormatsWordOnADirectionWinsOverTheNameExceptForASpread() {
        var collector = ArtifactContents.Collector()
        collector.add(3, benchmark: "b", metric: "alloc_count", unit: "", direction: .lowerIsBetter)
        collector.add(0.1, benchmark: "b", metric: "stddev", unit: "s", direction: .lowerIsBetter)
        collector.add(7, benchmark: "b", metric: "eval_count")
        #expect(collector.contents.measurements.map { "\($0.metric) \($0.direction.rawValue)" }
            == ["alloc_count lower", "stddev unknown", "eval_count unknown"])
    }
}
