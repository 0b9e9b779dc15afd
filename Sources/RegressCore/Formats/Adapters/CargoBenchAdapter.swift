import Foundation

/// `cargo bench` console output, which holds either or both of:
/// - Rust libtest's bench lines (and criterion.rs's `--output-format bencher`):
///   `test name ... bench:       1,234 ns/iter (+/- 56)`, optionally `= 120 MB/s`; the value (a median)
///   is the sample of `ns/iter` (ns, lower is better), the `+/-` spread (max − min) of `range` (no
///   direction), the `MB/s` of `MB/s` (higher); `test name ... FAILED` fails that benchmark;
/// - criterion.rs's console report: `name  time:   [low estimate high]` (the name on the line before
///   when it is long), each value with its unit (`ps`, `ns`, `µs`/`us`, `ms`, `s`), and an optional
///   `thrpt:  [low estimate high]` line (`B/s`…`GiB/s`, `KB/s`…`GB/s`, `elem/s`…`Gelem/s`); the
///   estimate is the sample of `time` (in ns, lower is better; as criterion's `estimates.json` is read)
///   and of `thrpt` (in B/s or elem/s, higher is better). `change:` lines are criterion's own comparison
///   with its previous run, not measurements.
/// Colour escapes and carriage-return progress lines are ignored; a line that starts like a result but
/// does not parse is skipped with its line number.
enum CargoBenchAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.cargoBench
    static let timeUnits: [String: Double] = ["ps": 0.001, "ns": 1, "µs": 1000, "μs": 1000, "us": 1000, "ms": 1e6, "s": 1e9]
    static let throughputUnits: [String: (Double, String)] = [
        "B/s": (1, "B/s"), "KiB/s": (1024, "B/s"), "MiB/s": (1_048_576, "B/s"), "GiB/s": (1_073_741_824, "B/s"),
        "KB/s": (1e3, "B/s"), "MB/s": (1e6, "B/s"), "GB/s": (1e9, "B/s"),
        "elem/s": (1, "elem/s"), "Kelem/s": (1e3, "elem/s"), "Melem/s": (1e6, "elem/s"), "Gelem/s": (1e9, "elem/s"),
    ]

    static func recognize(_ text: String) -> String? {
        var libtest = false, criterion = false
        for line in lines(String(text.prefix(ArtifactReader.recognitionPrefix))) {
            if !libtest, libtestLine(line.text) != nil { libtest = true }
            if !criterion, criterionInterval(line.text, label: "time:") != nil { criterion = true }
        }
        switch (libtest, criterion) {
        case (true, true): return "`test … bench: N ns/iter` lines of libtest and `time: [low estimate high]` lines of criterion (`cargo bench` output)"
        case (true, false): return "`test … bench: N ns/iter (+/- D)` lines (Rust libtest's `cargo bench` output)"
        case (false, true): return "`name  time: [low estimate high]` lines (criterion.rs's `cargo bench` output)"
        case (false, false): return nil
        }
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        var pendingName: String?
        var current: String?
        var sawLibtest = false, sawCriterion = false
        for line in lines(text) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("test "), trimmed.contains(" ... ") {
                current = nil
                if let result = libtestLine(trimmed) {
                    sawLibtest = true
                    collector.record(failed: nil)
                    collector.add(result.median, benchmark: result.name, metric: "ns/iter", unit: "ns", direction: .lowerIsBetter)
                    collector.add(result.range, benchmark: result.name, metric: "range", unit: "ns", direction: .unknown)
                    if let rate = result.megabytesPerSecond {
                        collector.add(rate, benchmark: result.name, metric: "MB/s", unit: "MB/s", direction: .higherIsBetter)
                    }
                } else if trimmed.hasSuffix(" ... FAILED"), trimmed.count > "test  ... FAILED".count {
                    let name = String(trimmed.dropFirst("test ".count).dropLast(" ... FAILED".count))
                    collector.record(failed: "\(name) FAILED (line \(line.number))")
                    collector.addFailed(benchmark: name, metric: "ns/iter", unit: "ns", direction: .lowerIsBetter)
                } else if trimmed.contains(" ... bench:") {
                    collector.drop("line \(line.number): a libtest bench line that does not parse")
                }
                continue
            }
            if trimmed.hasPrefix("change:") {
                collector.skip("criterion's own comparison with its previous run (`change:`), not a measurement")
                continue
            }
            if isChangeInterval(trimmed) { continue }  // the `time:`/`thrpt:` lines of a `change:` block, in %
            if let timeRange = trimmed.range(of: "time:") {
                let label = String(trimmed[..<timeRange.lowerBound]).trimmingCharacters(in: .whitespaces)
                guard let name = label.isEmpty ? pendingName : label else {
                    collector.drop("line \(line.number): a criterion `time:` line without a benchmark name")
                    continue
                }
                guard let estimate = criterionInterval(trimmed, label: "time:"), let factor = timeUnits[estimate.unit] else {
                    collector.drop("line \(line.number): a criterion `time:` line that does not parse")
                    continue
                }
                sawCriterion = true
                collector.record(failed: nil)
                collector.add(estimate.value * factor, benchmark: name, metric: "time", unit: "ns", direction: .lowerIsBetter)
                current = name
                pendingName = nil
                continue
            }
            if trimmed.hasPrefix("thrpt:") {
                guard let name = current, let estimate = criterionInterval(trimmed, label: "thrpt:"),
                      let (factor, unit) = throughputUnits[estimate.unit] else {
                    collector.drop("line \(line.number): a criterion `thrpt:` line that does not parse")
                    continue
                }
                collector.add(estimate.value * factor, benchmark: name, metric: "thrpt", unit: unit, direction: .higherIsBetter)
                continue
            }
            // A line at the margin that is no report line may be the name of the benchmark whose
            // `time:` line follows (criterion writes long names on a line of their own).
            if line.text.first?.isWhitespace == false, !isReportLine(trimmed) {
                pendingName = trimmed
                current = nil
            }
        }
        switch (sawLibtest, sawCriterion) {
        case (true, true): collector.variant = "libtest and criterion"
        case (true, false): collector.variant = "libtest"
        case (false, true): collector.variant = "criterion"
        case (false, false): break
        }
        return collector.contents
    }

    /// Lines that criterion or cargo print around results, never a benchmark's name.
    static func isReportLine(_ line: String) -> Bool {
        ["Benchmarking ", "Found ", "Running ", "running ", "Gnuplot ", "Compiling ", "Finished ", "Executable ",
         "warning", "test result:", "No change", "Change within", "Performance has", "WARNING", "Warming up", "Collecting ",
         "Analyzing"].contains { line.hasPrefix($0) }
            || line.hasSuffix("(noise threshold)") || line.contains(" outliers among ")
    }

    /// `test name ... bench:   1,234 ns/iter (+/- 56)` and an optional ` = 120 MB/s`.
    static func libtestLine(_ line: String) -> (name: String, median: Double, range: Double, megabytesPerSecond: Double?)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let nameStart = trimmed.index(trimmed.startIndex, offsetBy: 5, limitedBy: trimmed.endIndex) ?? trimmed.endIndex
        guard trimmed.hasPrefix("test "), let marker = trimmed.range(of: " ... bench:", range: nameStart..<trimmed.endIndex) else { return nil }
        let name = String(trimmed[nameStart..<marker.lowerBound]).trimmingCharacters(in: .whitespaces)
        let rest = trimmed[marker.upperBound...].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // [value, "ns/iter", "(+/-", spread")", ("=", rate, "MB/s")]
        guard !name.isEmpty, rest.count >= 4, rest[1] == "ns/iter", rest[2] == "(+/-", rest[3].hasSuffix(")"),
              let median = number(rest[0]), let range = number(String(rest[3].dropLast())) else { return nil }
        var rate: Double?
        if rest.count >= 7, rest[4] == "=", rest[6] == "MB/s" { rate = number(rest[5]) }
        return (name, median, range, rate)
    }

    /// A `time:` or `thrpt:` line of relative changes (`[-1.2% +0.3% +1.5%]`).
    static func isChangeInterval(_ line: String) -> Bool {
        guard line.hasPrefix("time:") || line.hasPrefix("thrpt:"), let open = line.firstIndex(of: "["),
              let close = line[open...].firstIndex(of: "]") else { return false }
        return line[open..<close].contains("%")
    }

    /// The estimate and its unit of `label [low unit estimate unit high unit]`.
    static func criterionInterval(_ line: String, label: String) -> (value: Double, unit: String)? {
        guard let labelRange = line.range(of: label), let open = line[labelRange.upperBound...].firstIndex(of: "["),
              let close = line[open...].firstIndex(of: "]") else { return nil }
        guard line[labelRange.upperBound..<open].allSatisfy(\.isWhitespace) else { return nil }
        let parts = line[line.index(after: open)..<close].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 6, parts.enumerated().allSatisfy({ $0.offset % 2 == 1 || number($0.element) != nil }),
              let estimate = number(parts[2]) else { return nil }
        return (estimate, parts[3])
    }

    /// `1,234.5` as 1234.5.
    static func number(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard let first = plain.first, first.isNumber || first == "-" || first == "." else { return nil }
        return Double(plain)
    }

    /// The lines of the text (its colour escapes already removed by `ArtifactReader.decodedText`),
    /// numbered from 1; a carriage return ends a line too (progress lines a terminal overwrites).
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for piece in raw.split(separator: "\r") {
                result.append((index + 1, String(piece)))
            }
        }
        return result
    }
}
