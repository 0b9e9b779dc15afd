import Foundation
import RegressGit

/// A throw-away repository with a realistic history of LLM-benchmark artifacts:
///
/// 1. per-prompt `ttft_s`/`tokens_s` runs of two models (CSV, three repetitions per prompt) and a
///    nested JSON compile benchmark per backend with ten timed iterations each, written under a new
///    timestamped name each time;
/// 2. a tuning change that makes generation faster (an improvement);
/// 3. a dependency update that changes nothing beyond noise;
/// 4. a kernel change that slows `torch_compile` by about 27% (a regression), committed together with
///    a prompt-suite run whose server was down: every value 0 and the `error` column filled (a failed run).
///
/// The runs carry the fingerprint of one fixed runner (`bench/fingerprint.json`). Commit ids are the
/// same on every machine: contents, author and dates are fixed.
public enum DemoRepository {
    struct Step {
        let message: String
        let day: Int
        let tokensFactor: Double
        let ttftFactor: Double
        let serverDown: Bool
        let backendFactors: [String: Double]
    }

    static let steps: [Step] = [
        Step(message: "Add prompt-suite and conv compile benchmarks", day: 1, tokensFactor: 1.0, ttftFactor: 1.0,
             serverDown: false, backendFactors: [:]),
        Step(message: "Raise the KV cache to 4096 tokens", day: 2, tokensFactor: 1.09, ttftFactor: 0.97,
             serverDown: false, backendFactors: [:]),
        Step(message: "Update torch to 2.5.1", day: 3, tokensFactor: 1.09, ttftFactor: 0.97,
             serverDown: false, backendFactors: ["eager": 1.01]),
        Step(message: "Use channels-last kernels in the conv model", day: 4, tokensFactor: 1.09, ttftFactor: 0.97,
             serverDown: true, backendFactors: ["torch_compile": 1.27, "eager": 0.99]),
    ]

    static let models: [(name: String, ttft: Double, tokens: Double)] = [
        ("gemma3:1b-it-qat", 0.0912, 141.2),
        ("llama3.1:8b-instruct-q4_0", 0.1405, 77.6),
    ]
    static let prompts = [
        "Player failed a mission but needs encouragement.",
        "Give a battle quote for a co-op shooter win.",
        "Celebrate a rare loot find.",
        "Craft a witty remark after a close racing finish.",
        "Motivate a teammate before a final boss fight.",
    ]
    static let backends: [(name: String, mean: Double, compile: Double)] = [
        ("eager", 3.812, 0.0), ("jit", 3.782, 0.0988), ("torch_compile", 4.103, 12.94), ("onnx", 0.6929, 0.1313),
    ]

    /// The machine every demo run "ran" on, committed as `bench/fingerprint.json`.
    static let runner = Fingerprint(fields: [
        "cpu.architecture": "x86_64", "cpu.model": "AMD EPYC 7B13 64-Core Processor", "cpu.vendor": "AuthenticAMD",
        "cpu.logical_cores": "16", "cpu.physical_cores": "8", "memory.total_gb": "64",
        "gpu.models": "NVIDIA L4", "gpu.count": "1", "gpu.memory": "23034 MiB", "gpu.driver": "550.54.15",
        "os.name": "Ubuntu", "os.version": "22.04", "os.kernel": "6.5.0-1020-gcp", "user.env.RUNNER_LABEL": "gpu-l4",
    ])

    /// Builds the repository in `folder` (created if needed) and returns it.
    public static func build(at folder: String) throws -> Repository {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let repository = try Repository.create(at: folder)
        var random = SplitMix(seed: 20251001)
        try write(runner.json, to: "bench/fingerprint.json", in: folder)
        for step in steps {
            let stamp = String(format: "202510%02d-0930%02d", step.day, step.day * 7)
            let csv = promptSuiteCSV(step, stamp: stamp, random: &random)
            let json = compileJSON(step, stamp: stamp, random: &random)
            try write(csv, to: "bench/llm/prompt_suite_runs.csv", in: folder)
            try write(json, to: "bench/compile/conv_bench_\(stamp).json", in: folder)
            let time = Int64(1_759_309_200 + (step.day - 1) * 86_400)
            try repository.commitWorkingTree(message: step.message + "\n",
                                             signature: Signature(name: "Bench Bot", email: "bench@example.com", time: time))
        }
        return repository
    }

    private static func write(_ text: String, to path: String, in folder: String) throws {
        try RepositoryFile.write(Data(text.utf8), to: path, root: folder)
    }

    static func promptSuiteCSV(_ step: Step, stamp: String, random: inout SplitMix) -> String {
        var lines = ["timestamp,model,prompt_index,prompt_text,run,ttft_s,tokens_s,load_s,eval_count,error"]
        let timestamp = "2025-10-\(String(format: "%02d", step.day))T09:30:00+00:00"
        for model in models {
            for (index, prompt) in prompts.enumerated() {
                for run in 1...3 {
                    let quoted = "\"" + prompt.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    if step.serverDown {
                        lines.append("\(timestamp),\(model.name),\(index + 1),\(quoted),\(run),0.000000,0.00,0.000000,0," +
                                     "\"Failed to connect to Ollama. Please check that Ollama is downloaded, running and accessible.\"")
                        continue
                    }
                    let ttft = model.ttft * (1 + 0.1 * Double(index)) * step.ttftFactor * random.noise(0.015)
                    let tokens = model.tokens * step.tokensFactor * random.noise(0.01)
                    let load = ttft * 0.9 * random.noise(0.01)
                    let count = 200 + 37 * index + run
                    lines.append("\(timestamp),\(model.name),\(index + 1),\(quoted),\(run)," +
                                 String(format: "%.6f,%.2f,%.6f,%d,", ttft, tokens, load, count))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func compileJSON(_ step: Step, stamp: String, random: inout SplitMix) -> String {
        var backendMembers: [(String, JSONValue)] = []
        for backend in backends {
            let mean = backend.mean * (step.backendFactors[backend.name] ?? 1) * random.noise(0.01)
            let std = mean * 0.08 * random.noise(0.01)
            let times = (0..<10).map { _ in JSONValue.number(rounded(mean * random.noise(0.04))) }
            backendMembers.append((backend.name, .object([
                ("backend", .string(backend.name)),
                ("compile_time_s", .number(rounded(backend.compile * random.noise(0.02)))),
                ("benchmark", .object([
                    ("mean_time_ms", .number(rounded(mean))),
                    ("std_time_ms", .number(rounded(std))),
                    ("min_time_ms", .number(rounded(mean - 1.5 * std))),
                    ("max_time_ms", .number(rounded(mean + 2.5 * std))),
                    ("times_ms", .array(times)),
                ])),
            ])))
        }
        let document = JSONValue.object([
            ("generated_at", .string(stamp)),
            ("model", .object([("name", .string("conv")), ("device", .string("cpu")), ("dtype", .string("float32"))])),
            ("backends", .object(backendMembers)),
        ])
        return JSONWriter.write(document)
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
