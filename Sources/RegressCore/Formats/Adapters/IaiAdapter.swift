/// iai and iai-callgrind summaries, as `cargo bench` prints them: a benchmark's name on a line of its
/// own, then indented `Label: value` lines.
///
/// iai: `Instructions`, `L1 Accesses`, `L2 Accesses`, `RAM Accesses`, `Estimated Cycles`, each value
/// maybe followed by its change (`(+0.0123%)`, `(No change)`). iai-callgrind: `new|old` values
/// (`1734|1734`, `1734|N/A` on a first run) of `Instructions`, `L1 Hits`, `L2 Hits` or `LL Hits`,
/// `RAM Hits`, `Total read+write`, `Estimated Cycles`. The new value is read; every metric is a count
/// (no unit) and lower is better; other numeric labels of newer versions (`Dr`, `I1mr`) are read the
/// same way, except rates (`L1 Hit Rate`: no direction). The lines after `Comparison with …` compare
/// two benchmarks of this run (`compare_by_id`) and are not read. Lines that are neither (cargo's `Running …`,
/// iai-callgrind's `Baselines: …`) are not read; a known label whose value is not a number is skipped
/// with a notice naming the line.
enum IaiAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.iai

    static let knownLabels: Set<Substring> = [
        "Instructions", "L1 Accesses", "L2 Accesses", "RAM Accesses", "Estimated Cycles", "L1 Hits", "L2 Hits", "LL Hits",
        "RAM Hits", "Total read+write",
    ]
    nonisolated(unsafe) static let metricLine = /\s+([A-Za-z][A-Za-z0-9 +\/-]*?):\s+([^\s|]+|\|)(?:\|(\S*))?(?:\s+.*)?/

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        guard text.contains("Instructions:") else { return nil }
        let labels = Set(text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard line.first == " ", let match = line.wholeMatch(of: metricLine), TextFormatSupport.number(match.2) != nil else { return nil }
            return String(match.1)
        })
        guard labels.contains("Instructions"), labels.contains("Estimated Cycles") else { return nil }
        return labels.contains("L1 Hits") || labels.contains("Total read+write")
            ? "`Instructions`, `L1 Hits` and `Estimated Cycles` lines of iai-callgrind"
            : "`Instructions`, `L1 Accesses` and `Estimated Cycles` lines of iai"
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        var problems = TextFormatSupport.Problems(path: request.path)
        var collector = ArtifactContents.Collector()
        var benchmark: String?
        var recorded: Set<String> = []
        collector.variant = recognize(text)?.hasSuffix("iai-callgrind") == true ? "iai-callgrind" : "iai"
        for (number, line) in TextFormatSupport.lines(text) {
            guard let first = line.first else { continue }
            if first != " " && first != "\t" {
                benchmark = line.trimmingCharacters(in: .whitespaces)
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("Comparison with ") {
                benchmark = nil  // the values of another benchmark against this one, until the next name
                continue
            }
            guard let benchmark, let match = line.wholeMatch(of: metricLine) else { continue }
            guard let value = TextFormatSupport.number(match.2) else {
                guard knownLabels.contains(match.1) else { continue }
                problems.skip(line: number, "`\(benchmark)` \(match.1): `\(match.2)` is not a number", in: &collector)
                continue
            }
            if recorded.insert(benchmark).inserted { collector.record(failed: nil) }
            let direction: Direction = match.1.contains("Rate") ? .unknown : .lowerIsBetter
            collector.add(value, benchmark: benchmark, metric: String(match.1), unit: "", direction: direction)
        }
        return try problems.finish(collector)
    }
}
