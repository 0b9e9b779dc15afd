import Foundation

/// Markdown reports checked against the artifact they summarise, paired by name: `run.md` with
/// `run.json` or `run.csv` in the same folder, and `run_summary.md` or `run_report.md` with them too.
/// A row of the report is paired with the artifact's benchmark its name holds (`eager` for the row
/// `eager, yes`, case aside); each number of the row must equal one of that benchmark's values as the
/// report rounds it (`3.812` stands for 3.81214). Rows that name no benchmark of the artifact are not
/// checked, nor are benchmarks whose records failed.
enum ReportPairing {
    static let suffixes = ["_summary", "-summary", "_report", "-report"]

    static func mismatches(_ files: [ScannedFile]) -> [InventoryGap.File] {
        var byPath: [String: Run] = [:]
        for file in files where file.type != .markdown { if let run = file.run { byPath[file.path] = run } }
        var found: [InventoryGap.File] = []
        for file in files where file.type == .markdown {
            guard let report = file.run, let (artifact, run) = partner(of: file.path, in: byPath) else { continue }
            let disagreements = compare(report, with: run)
            guard !disagreements.isEmpty else { continue }
            let shown = disagreements.prefix(3).joined(separator: "; ")
            let more = disagreements.count > 3 ? "; and \(disagreements.count - 3) more" : ""
            found.append(.init(path: file.path, detail: "\(disagreements.count) number\(disagreements.count == 1 ? " disagrees" : "s disagree") " +
                "with \(artifact): \(shown)\(more)"))
        }
        return found
    }

    /// The artifact a report is named after.
    static func partner(of report: String, in runs: [String: Run]) -> (String, Run)? {
        let dot = report.lastIndex(of: ".")!
        var stems = [String(report[..<dot])]
        for suffix in suffixes where stems[0].hasSuffix(suffix) { stems.append(String(stems[0].dropLast(suffix.count))) }
        for stem in stems {
            for ext in [".json", ".csv"] {
                if let run = runs[stem + ext] { return (stem + ext, run) }
            }
        }
        return nil
    }

    /// Each number of the report that no value of its benchmark in the artifact rounds to.
    static func compare(_ report: Run, with artifact: Run) -> [String] {
        var values: [String: [Double]] = [:]
        // A benchmark whose records failed has no valid value to check a report against.
        for m in artifact.measurements where !m.samples.isEmpty { values[m.benchmark.lowercased(), default: []] += m.samples }
        var disagreements: [String] = []
        for m in report.measurements {
            let parts = m.benchmark.components(separatedBy: " › ").flatMap { $0.components(separatedBy: ", ") }.map { $0.lowercased() }
            guard let name = parts.first(where: { values[$0] != nil }) ?? (values[m.benchmark.lowercased()] != nil ? m.benchmark.lowercased() : nil) else {
                continue
            }
            let candidates = values[name]!
            for value in m.samples where !candidates.contains(where: { agrees(value, $0) }) {
                disagreements.append("\(m.benchmark) \(m.metric) \(JSONWriter.format(value))")
            }
        }
        return disagreements
    }

    /// True when `exact` rounds to `shown` at the decimals `shown` is written with (its shortest form).
    static func agrees(_ shown: Double, _ exact: Double) -> Bool {
        let text = "\(abs(shown))"
        var decimals = 0
        if let e = text.firstIndex(of: "e") {
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            let mantissa = text[..<e]
            let digits = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
            decimals = max(0, digits - exponent)
        } else if let point = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: point)...]
            decimals = fraction == "0" ? 0 : fraction.count
        }
        let half = 0.5 * pow(10, -Double(decimals))
        return abs(exact - shown) <= half * (1 + 1e-9) + 1e-12 * abs(shown)
    }
}
