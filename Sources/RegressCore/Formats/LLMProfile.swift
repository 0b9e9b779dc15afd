/// The built-in profile for LLM-inference benchmark tables (`ttft_s`, `tokens_s`, ...), applied when
/// no keys are configured. In such a table, the generation parameters of a sweep (`num_gpu`,
/// `num_ctx`, `temperature`, `top_p`, `batch_size`, ...) name the benchmark instead of being metrics,
/// and a label derived from them (`config_name`) is left out of the name, so that the rows of one
/// parameter set line up across runs. Parameters are shown as `name=value`: a row of
/// `gemma3_param_tuning.csv` is the benchmark `num_gpu=999, num_ctx=1024, temperature=0.2`, and one
/// of `ollama_param_tuning.csv` is `llama3.1:8b-instruct-q4_0, num_gpu=40, num_ctx=2048, temperature=0.2`.
enum LLMProfile {
    static let metricMarkers = ["ttft", "tokens_s", "tokens_per_s", "tok_s", "tpot", "itl", "eval_s", "tokens_per_second"]
    static let parameters: Set<String> = [
        "num_gpu", "num_ctx", "num_batch", "num_thread", "num_predict", "temperature", "top_p", "top_k", "min_p",
        "repeat_penalty", "seed", "batch_size", "max_tokens", "context_length", "ctx_size", "concurrency", "n_gpu_layers",
    ]
    static let derivedLabels: Set<String> = ["config_name", "config", "label", "run_name"]

    static func applies(to header: [String]) -> Bool {
        header.contains { name in metricMarkers.contains { name.lowercased().contains($0) } }
    }

    /// Makes the parameter columns keys; returns them, to be shown as `name=value`.
    @discardableResult
    static func adjust(header: [String], roles: inout [GenericCSVReader.Role]) -> Set<Int> {
        guard applies(to: header) else { return [] }
        let parameterColumns = header.indices.filter { parameters.contains(header[$0].lowercased()) }
        guard !parameterColumns.isEmpty else { return [] }
        for column in parameterColumns { roles[column] = .key }
        for column in header.indices where derivedLabels.contains(header[column].lowercased()) && roles[column] == .key {
            roles[column] = .ignored
        }
        return Set(parameterColumns)
    }
}
