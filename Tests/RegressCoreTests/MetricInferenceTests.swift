@testable import RegressCore
import Testing

struct MetricInferenceTests {
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
        #expect(MetricInference.infer(name) == MetricInference.Result(unit: unit, direction: direction))
    }
}
