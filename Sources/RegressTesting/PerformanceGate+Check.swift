import Foundation
import RegressCore

extension PerformanceGate {
    /// `regress check` on the package's working tree: every artifact (as `regress.yml` or the default
    /// globs find them, outside `measurementsFolder`) against the stored baseline of its machine, under
    /// the policies. When recording, writes those baselines instead.
    @discardableResult
    public func checkArtifacts() throws -> GateOutcome {
        try GateError.explaining { try checkingArtifacts() }
    }

    private func checkingArtifacts() throws -> GateOutcome {
        let source = WorkingTreeSource(folder: root)
        let configuration = try Configuration.load(file: nil, orFrom: source)
        var runs = try RunLoader.load(source, configuration: configuration)
        runs.runs.removeAll { isMeasurement($0.path) }
        runs.runs = try FingerprintLocator(thisMachine: { thisMachine(configuration) }).attach(to: runs.runs, from: source)
        if runs.runs.isEmpty {
            throw RegressError.noArtifacts(base: "\(baselinesFolder)/", head: "the working tree of \(root)", configuration: configuration.origin)
        }
        if recording { return try record(runs.runs, source: source, also: []) }
        let stored = try BaselineStore(folder: baselinesFolder).load(from: source).filter { !isMeasurement($0.file.series) }
        let policies = try policies(source)
        var comparator = Comparator(policies: policies, today: today)
        // As `regress check` does: single runs are judged against the noise of their committed history
        // (when the package is its repository, whose history names the same paths).
        if source.isRepositoryTop, let repository = source.repository, let commit = source.commit {
            comparator.earlierRuns = try EarlierRuns.values(for: runs.runs, at: commit.id, source: source, repository: repository,
                                                            configuration: configuration, policies: policies)
        }
        let comparison = CheckOperation.judge(
            head: runs, stored: stored, comparator: comparator,
            baseSide: ComparisonSide(label: "\(baselinesFolder)/", commit: nil),
            headSide: ComparisonSide(label: source.label, commit: source.commit), howToRecord: howToRecord)
        return GateOutcome(comparison: comparison, extraNotes: otherMachineNotes(comparison), written: [])
    }

    /// Measurements taken in a test: written as `<measurementsFolder>/<name>.json` in regress's
    /// measurements format (what `regress inspect` and `compare` read), stamped with this machine's
    /// fingerprint, read back as the CLI reads them, and checked against the stored baseline of this
    /// machine (or recorded as it).
    @discardableResult
    public func check(_ measurements: [RegressCore.Measurement], name: String) throws -> GateOutcome {
        try GateError.explaining { try checking(measurements, name: name) }
    }

    private func checking(_ measurements: [RegressCore.Measurement], name: String) throws -> GateOutcome {
        let source = WorkingTreeSource(folder: root)
        let configuration = try Configuration.load(file: nil, orFrom: source)
        let machine = thisMachine(configuration)
        let path = artifactPath(name)
        let bytes = Array(MeasurementsFile.json(measurements, fingerprint: machine).utf8)
        try RepositoryFile.write(Data(bytes), to: path, root: root)
        let contents = try ArtifactReader.read(ReadRequest(bytes: bytes, path: path, format: .regressMeasurements)).contents
        let run = Run(series: SeriesKey(path: path), path: path, format: .regressMeasurements, measurements: contents.measurements,
                      fingerprint: RunFingerprint(fingerprint: contents.fingerprint ?? machine, origin: path))
        if recording { return try record([run], source: source, also: [path]) }
        let stored = try BaselineStore(folder: baselinesFolder).load(from: source).filter { $0.file.series == run.series.value }
        let comparison = CheckOperation.judge(
            head: LoadedRuns(runs: [run], notices: []), stored: stored,
            comparator: Comparator(policies: try policies(source), today: today),
            baseSide: ComparisonSide(label: "\(baselinesFolder)/", commit: nil),
            headSide: ComparisonSide(label: path, commit: nil), howToRecord: howToRecord)
        return GateOutcome(comparison: comparison, extraNotes: otherMachineNotes(comparison), written: [path])
    }

    /// Writes the baselines of runs for their machines, taking turns with other writers; a baseline that
    /// already holds a run's measurements is left as it is (a record run changes no file it need not).
    func record(_ runs: [Run], source: WorkingTreeSource, also written: [String]) throws -> GateOutcome {
        let lock = try BaselineLock(gitDirectory: try lockFolder(source), command: "REGRESS_RECORD", waiting: true)
        defer { withExtendedLifetime(lock) {} }
        let store = BaselineStore(folder: baselinesFolder)
        let existing = try store.load(from: source)
        var lines: [String] = []
        var written = written
        for run in runs {
            if run.isFailed {
                lines.append("left out \(run.path): every record failed (\(run.failure?.firstError ?? "error"))")
                continue
            }
            guard let fingerprint = run.fingerprint?.fingerprint else {
                lines.append("left out \(run.path): it names no machine and was not produced here; write a fingerprint.json beside it")
                continue
            }
            let file = BaselineFile(run: run, fingerprint: fingerprint, commit: nil, date: today)
            if let old = existing.first(where: { $0.file.series == file.series && $0.file.fingerprint.id == fingerprint.id }),
               old.file.entries.map(PerformanceGate.measured) == file.entries.map(PerformanceGate.measured) {
                lines.append("\(root)/\(old.path) already holds \(run.path) for fingerprint \(fingerprint.id): left as it is")
                continue
            }
            let (path, recorded) = try store.record(run, fingerprint: fingerprint, commit: source.commit?.id.hex, date: today,
                                                    existing: existing, root: root)
            lines.append("recorded \(recorded.entries.count) metric\(recorded.entries.count == 1 ? "" : "s") of \(run.path) " +
                         "for fingerprint \(fingerprint.id) in \(root)/\(path)")
            written.append(path)
        }
        return GateOutcome(recorded: lines, written: written)
    }

    /// What makes two baseline entries hold the same measurements (not when or from which commit).
    static func measured(_ entry: BaselineFile.Entry) -> String {
        "\(entry.benchmark)\u{0}\(entry.metric)\u{0}\(entry.unit)\u{0}\(entry.direction.rawValue)\u{0}\(entry.samples)"
    }

    /// For each series compared with another machine's baseline: this machine's fingerprint and how to
    /// record one of its own.
    func otherMachineNotes(_ comparison: Comparison) -> [String] {
        comparison.incomparableRuns.map { run in
            "no baseline of \(run.series) for this machine (fingerprint \(run.head.fingerprint.id)); the nearest is of " +
                "fingerprint \(run.base.fingerprint.id), which differs in \(run.differences.joined(separator: ", ")): \(howToRecord)"
        }
    }
}
