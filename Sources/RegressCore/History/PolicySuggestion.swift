import Foundation

/// `regress policy suggest`: from the noise of each metric between its change points, a relative
/// tolerance that a stable metric would not cross by chance, written as policy YAML.
///
/// Each stretch between change points with at least `min_runs` runs gives the noise of one run
/// relative to its level (trimmed standard deviation over median, as the gate learns it); the
/// stretches are pooled by their run counts. Two single runs of a stable metric differ by that noise
/// times √2; the suggestion is the whole percent above 3.29·√2·σ, which chance crosses in about one
/// comparison in a thousand. Only metrics whose current tolerance is tighter get a rule.
public struct PolicySuggestion: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let id: String
        /// Runs the noise was measured on, and in how many stretches.
        public let runs: Int
        public let stretches: Int
        /// Relative noise of one run.
        public let noise: Double
        public let current: Double?
        public let suggested: Double
        /// The share of comparisons of a stable metric that cross the current tolerance by chance.
        public let chanceOfCrossing: Double?
    }

    public let range: String
    public let commitsRead: Int
    public let entries: [Entry]
    /// Metrics whose current tolerance already holds their noise.
    public let fine: Int
    /// Metrics with too few runs between change points to tell.
    public let unknown: Int

    static let z = 3.29

    public init(report: HistoryReport, policies: PolicySet) {
        var entries: [Entry] = []
        var fine = 0, unknown = 0
        for series in report.series {
            let policy = policies.resolve(series.id)
            let values = series.points.map(\.value)
            let bounds = [0] + series.changes.map(\.index) + [values.count]
            var weighted = 0.0, runs = 0, stretches = 0
            for (start, end) in zip(bounds, bounds.dropFirst()) where end - start >= policy.history.minRuns {
                guard let noise = LearnedNoise.estimate(Array(values[start..<end])), let relative = noise.relativeSigma else { continue }
                weighted += relative * relative * Double(end - start)
                runs += end - start
                stretches += 1
            }
            guard runs > 0 else {
                unknown += 1
                continue
            }
            let noise = (weighted / Double(runs)).squareRoot()
            let suggested = ((Self.z * 2.0.squareRoot() * noise * 100).rounded(.down) + 1) / 100
            let chance = policy.relativeTolerance.map { tolerance in
                noise == 0 ? 0 : 2 * Distributions.normalSurvival(tolerance / (2.0.squareRoot() * noise))
            }
            if let current = policy.relativeTolerance, current >= suggested {
                fine += 1
                continue
            }
            entries.append(Entry(id: series.id, runs: runs, stretches: stretches, noise: noise, current: policy.relativeTolerance,
                                 suggested: suggested, chanceOfCrossing: chance))
        }
        self.range = report.range
        self.commitsRead = report.commitsRead
        self.entries = entries
        self.fine = fine
        self.unknown = unknown
    }

    /// A glob that matches exactly this id: the placeholders of series keys (`{timestamp}`) and
    /// characters globs give a meaning to match any one character or run of them.
    static func glob(for id: String) -> String {
        var out = ""
        var inPlaceholder = false
        for character in id {
            switch character {
            case "{": inPlaceholder = true
            case "}" where inPlaceholder:
                inPlaceholder = false
                out += "*"
            case _ where inPlaceholder: break
            case "*", "?", "[", "]", "}", ",", "\"", "\\": out += "?"
            default: out.append(character)
            }
        }
        return out
    }

    public var yaml: String {
        var lines = [
            "# Tolerances suggested by `regress policy suggest` from the noise between the change points of",
            "# \(range) (\(commitsRead) commits read): each is the whole percent above 3.29·√2 times the run-to-run",
            "# noise, which two runs of a stable metric cross by chance about once in a thousand comparisons.",
            "# \(entries.count) metric\(entries.count == 1 ? "" : "s") need a wider tolerance; \(fine) are fine at theirs; " +
                "\(unknown) have too few runs between change points to tell.",
            "version: 1",
        ]
        if entries.isEmpty {
            lines.append("rules: []")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("rules:")
        for entry in entries {
            let noise = NumberFormat.percent(entry.noise, signed: false)
            var evidence = "  # \(entry.runs) runs in \(entry.stretches) stretch\(entry.stretches == 1 ? "" : "es") between change points; run-to-run noise σ \(noise)"
            if let current = entry.current, let chance = entry.chanceOfCrossing {
                evidence += "; a stable run crosses the current \(NumberFormat.percent(current, signed: false)) in \(NumberFormat.percent(chance, signed: false)) of comparisons"
            }
            lines.append(evidence)
            lines.append("  - match: \"\(Self.glob(for: entry.id).replacingOccurrences(of: "\n", with: " "))\"")
            lines.append("    tolerance: { relative: \(Int((entry.suggested * 100).rounded()))% }")
            lines.append("    reason: \"run-to-run noise σ \(noise) over \(entry.runs) runs\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
