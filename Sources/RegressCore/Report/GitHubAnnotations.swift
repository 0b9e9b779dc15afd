/// GitHub workflow commands that annotate a job (`--github`): one `::error` per item that fails the
/// check and one `::warning` per item that only warns, most harmful first, each with `file=` the
/// head's artifact when it is known. GitHub shows at most 10 errors and 10 warnings of a step, so no
/// more are written; a last `::notice` says how many were left out.
public enum GitHubAnnotations {
    public static let maximumPerLevel = 10

    public enum Level: String, Sendable {
        case error
        case warning
    }

    public struct Annotation: Equatable, Sendable {
        public let level: Level
        public let file: String?
        public let title: String
        public let message: String
    }

    /// Regressions, failed runs, incomparable runs and new or missing metrics (per series), in that
    /// order, each an error when it fails the check and a warning when it only warns.
    public static func annotations(_ comparison: Comparison) -> [Annotation] {
        let headPaths = Dictionary(comparison.comparedFiles.compactMap { files in files.headPath.map { (files.series, $0) } },
                                   uniquingKeysWith: { first, _ in first })
        func level(_ fails: Bool) -> Level { fails ? .error : .warning }
        var out: [Annotation] = []
        for result in ReportWording.listed(comparison) where result.verdict == .regression {
            let values = ReportWording.values(result)
            out.append(Annotation(
                level: level(result.fails), file: headPaths[result.series] ?? result.series,
                title: "Regression \(values.percent): \(MarkdownReport.display(result.benchmark)) \(result.metric)",
                message: "\(result.series): \(values.base) → \(values.head) (\(values.percent))" + (result.note.map { "; \($0)" } ?? "")))
        }
        for run in comparison.newFailures {
            let fails = comparison.results.contains { $0.series == run.series && $0.verdict == .failed && $0.fails }
            out.append(Annotation(level: level(fails), file: run.path, title: "Failed run: \(run.path)",
                                  message: ReportWording.failureLine(run, in: comparison)))
        }
        for run in comparison.incomparableRuns {
            let results = comparison.results.filter { $0.series == run.series && $0.verdict == .incomparable && $0.isReported }
            guard !results.isEmpty else { continue }
            out.append(Annotation(level: level(results.contains(where: \.fails)), file: headPaths[run.series],
                                  title: "Incomparable: \(run.series)",
                                  message: ReportWording.incomparableLine(run) + "; differing: " + run.differences.joined(separator: ", ")))
        }
        for verdict in [Verdict.missing, .new] {
            for group in ReportWording.appearances(comparison, verdict) {
                let fails = comparison.results.contains { $0.series == group.series && $0.verdict == verdict && $0.fails }
                let what = verdict == .new ? "with no baseline" : "in the baseline, not in the head"
                out.append(Annotation(level: level(fails), file: verdict == .new ? headPaths[group.series] : nil,
                                      title: "\(verdict == .new ? "New" : "Missing"): \(group.series)",
                                      message: "\(ReportWording.counted(group.count, "metric")) \(what)"))
            }
        }
        return out
    }

    /// The workflow command lines, at most `maximumPerLevel` of each level, and a notice counting the rest.
    public static func render(_ comparison: Comparison) -> String {
        let all = annotations(comparison)
        var lines: [String] = []
        var left: [Level: Int] = [:]
        for level in [Level.error, .warning] {
            let ofLevel = all.filter { $0.level == level }
            lines += ofLevel.prefix(maximumPerLevel).map(command)
            left[level] = max(0, ofLevel.count - maximumPerLevel)
        }
        let errors = left[.error] ?? 0, warnings = left[.warning] ?? 0
        if errors + warnings > 0 {
            let parts = [errors > 0 ? "\(NumberFormat.count(errors)) more error\(errors == 1 ? "" : "s")" : nil,
                         warnings > 0 ? "\(NumberFormat.count(warnings)) more warning\(warnings == 1 ? "" : "s")" : nil].compactMap { $0 }
            lines.append("::notice title=\(property("regress"))::" + data(parts.joined(separator: " and ") +
                " not annotated (GitHub shows \(maximumPerLevel) of each per step); the report lists them all"))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    static func command(_ annotation: Annotation) -> String {
        let properties = [annotation.file.map { "file=" + property($0) }, "title=" + property(annotation.title)].compactMap { $0 }
        return "::\(annotation.level.rawValue) \(properties.joined(separator: ","))::\(data(annotation.message))"
    }

    /// A command's message: `%`, carriage return and line feed percent-encoded, as GitHub reads them.
    static func data(_ text: String) -> String {
        ControlCharacters.escape(text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// A property value: as a message, and `:` and `,` too, which would end it.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
