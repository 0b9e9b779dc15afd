extension Comparison {
    /// The verdicts that can fail a check, most important first.
    static let failingVerdicts: [Verdict] = [.regression, .failed, .incomparable, .missing, .new]

    /// What decided the exit code: the most important verdict among the results that fail the check
    /// under their policy; nil when none does (the check passed, exit 0).
    public var decidingVerdict: Verdict? {
        let failing = Set(results.filter(\.fails).map(\.verdict))
        return Comparison.failingVerdicts.first(where: failing.contains)
    }

    /// `passed`, or the verdict that failed the check (`regression`, `failed`, `incomparable`,
    /// `missing`, `new`): the word a report's first line leads with, always in step with the exit code.
    public var outcome: String { decidingVerdict?.rawValue ?? "passed" }

    /// How many results of each verdict `results` holds, reported or not.
    public var allCounts: [Verdict: Int] {
        results.reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// How many results of each verdict a report leaves out because their policy's severity is `ignore`.
    public var ignoredCounts: [Verdict: Int] {
        results.filter { !$0.isReported }.reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// Failed runs that are news (not the same file as in the base), and those that are not.
    public var newFailures: [FailedRun] { failedRuns.filter { !$0.unchangedSinceBase } }
    public var unchangedFailures: [FailedRun] { failedRuns.filter(\.unchangedSinceBase) }
}
