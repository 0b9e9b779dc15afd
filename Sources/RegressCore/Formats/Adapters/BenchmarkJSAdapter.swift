/// benchmark.js results as its `String(benchmark)` prints them, one per line:
/// `name x 1,234,567 ops/sec ±0.50% (90 runs sampled)`.
///
/// Each line gives `ops/sec` (higher is better; the thousands separators dropped), `rme` (the relative
/// margin of error in %, a spread: no direction) and `runs` (how many were sampled, no direction); the
/// `±` may be written `+-` or mangled by an encoding. A line with `ops/sec` that is not a whole result
/// is skipped with a notice naming it. Other lines (`Fastest is …`, a suite's own logging, and the
/// `name: message` benchmark.js prints for a benchmark that threw, which no rule tells from logging)
/// are not read.
enum BenchmarkJSAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.benchmarkJS

    /// A result line's parts: `name x 1,234 ops/sec ±0.50% (90 runs sampled)`, the name everything
    /// before the last ` x `; nil for any other line. The ops/sec text is returned as printed.
    static func result(_ line: Substring) -> (name: Substring, ops: Substring, rme: Double, runs: Double)? {
        guard line.hasSuffix(" sampled)"), let unit = line.range(of: " ops/sec ", options: .backwards),
              let times = line[..<unit.lowerBound].range(of: " x ", options: .backwards) else { return nil }
        let name = line[..<times.lowerBound], ops = line[times.upperBound..<unit.lowerBound]
        guard !name.isEmpty, let first = ops.first, first.isNumber, ops.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else {
            return nil
        }
        // `±0.50% (90 runs sampled)`: the sign as printed (`±`, `+-`, or mangled), the margin, the runs.
        var rest = line[unit.upperBound...].drop { !$0.isNumber && $0 != " " }.drop { $0 == " " }
        guard let percent = rest.firstIndex(of: "%"), let rme = Double(rest[..<percent]) else { return nil }
        rest = rest[rest.index(after: percent)...]
        guard rest.hasPrefix(" ("), let space = rest.dropFirst(2).firstIndex(of: " "),
              let runs = Double(rest[rest.index(rest.startIndex, offsetBy: 2)..<space]),
              rest[space...] == " runs sampled)" || rest[space...] == " run sampled)" else { return nil }
        return (name, ops, rme, runs)
    }

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        let found = text.split(whereSeparator: \.isNewline).contains { line in
            line.contains(" ops/sec ") && result(line.trimmingCharacters(in: .whitespaces)[...]) != nil
        }
        return found ? "benchmark.js result lines (`name x 1,234 ops/sec ±0.50% (90 runs sampled)`)" : nil
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        var problems = TextFormatSupport.Problems(path: request.path)
        var collector = ArtifactContents.Collector()
        for (number, line) in TextFormatSupport.lines(text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let parts = result(trimmed[...]) {
                let name = String(parts.name)
                guard let ops = TextFormatSupport.number(parts.ops) else {
                    problems.skip(line: number, "`\(name)`: `\(parts.ops) ops/sec` is not a number", in: &collector)
                    continue
                }
                collector.record(failed: nil)
                collector.add(ops, benchmark: name, metric: "ops/sec", unit: "ops/sec", direction: .higherIsBetter)
                collector.add(parts.rme, benchmark: name, metric: "rme", unit: "%", direction: .unknown)
                collector.add(parts.runs, benchmark: name, metric: "runs", unit: "", direction: .unknown)
            } else if trimmed.contains(" ops/sec") {
                problems.skip(line: number, "not a benchmark.js result: \(trimmed)", in: &collector)
            }
        }
        return try problems.finish(collector)
    }
}
