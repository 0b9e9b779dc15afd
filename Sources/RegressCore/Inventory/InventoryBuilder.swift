import Foundation
import RegressGit

/// Builds an inventory from the files a scan read.
enum InventoryBuilder {
    static func build(source: String, paths: [String], depth: Int, files: [ScannedFile], latest: [String: Commit],
                      policies: PolicySet) -> Inventory {
        let runs = files.compactMap(\.run)
        var totals = InventoryTotals()
        for file in files { totals.files.add(file.type) }
        totals.artifactsRead = files.filter { $0.format != nil }.count
        totals.runs = runs.count
        totals.failedRuns = runs.filter(\.isFailed).count
        totals.benchmarks = Set(runs.flatMap { run in run.measurements.map { run.series.value + "\u{0}" + $0.benchmark } }).count
        totals.metrics = Set(runs.flatMap { $0.measurements.map(\.metric) }).count
        totals.samples = runs.reduce(0) { $0 + $1.measurements.reduce(0) { $0 + $1.samples.count } }
        totals.failedSamples = runs.reduce(0) { $0 + $1.measurements.reduce(0) { $0 + $1.failedSamples } }
        let bySeries = Dictionary(grouping: runs, by: \.series)
        totals.series = bySeries.count
        totals.seriesWithOneRun = bySeries.values.filter { $0.count == 1 }.count
        return Inventory(source: source, paths: paths, depth: depth, files: totals.files,
                         folders: folders(files, depth: depth, latest: latest), totals: totals,
                         metrics: metrics(runs), gaps: gaps(files, bySeries: bySeries, policies: policies),
                         runsOverTime: runsOverTime(files))
    }

    /// The folder a file is counted in: its folder cut to `depth` components ("." at the root).
    static func folder(of path: String, depth: Int) -> String {
        let parts = path.split(separator: "/").dropLast()
        return parts.isEmpty ? "." : parts.prefix(depth).joined(separator: "/")
    }

    /// The folders to report, to `depth`, for the files given.
    static func folderPaths(_ paths: [String], depth: Int) -> [String] {
        Set(paths.map { folder(of: $0, depth: depth) }).sorted()
    }

    static func folders(_ files: [ScannedFile], depth: Int, latest: [String: Commit]) -> [FolderCoverage] {
        var byFolder: [String: [ScannedFile]] = [:]
        for file in files { byFolder[folder(of: file.path, depth: depth), default: []].append(file) }
        return byFolder.keys.sorted().map { path in
            var counts = FileCounts()
            for file in byFolder[path]! { counts.add(file.type) }
            let formats = Set(byFolder[path]!.compactMap { $0.format?.rawValue }).sorted()
            return FolderCoverage(path: path, files: counts, formats: formats, latest: latest[path == "." ? "" : path])
        }
    }

    static func metrics(_ runs: [Run]) -> [MetricSummary] {
        struct Accumulator {
            var values: [Double] = []
            var directions: Set<Direction> = []
            var min = (Double.infinity, ValueLocation(path: "", benchmark: ""))
            var max = (-Double.infinity, ValueLocation(path: "", benchmark: ""))
            var failed = 0
            var artifacts: Set<String> = []
        }
        var byName: [String: Accumulator] = [:]
        var names: [String: (String, String)] = [:]
        for run in runs {
            for m in run.measurements {
                let key = m.metric + "\u{0}" + m.unit
                if byName[key] == nil {
                    names[key] = (m.metric, m.unit)
                    byName[key] = Accumulator()
                }
                // Changed in place: a copy taken out and stored back would copy every value so far.
                let index = byName.index(forKey: key)!
                byName.values[index].failed += m.failedSamples
                byName.values[index].artifacts.insert(run.path)
                if !m.samples.isEmpty { byName.values[index].directions.insert(m.direction) }
                for value in m.samples {
                    byName.values[index].values.append(value)
                    if value < byName.values[index].min.0 { byName.values[index].min = (value, ValueLocation(path: run.path, benchmark: m.benchmark)) }
                    if value > byName.values[index].max.0 { byName.values[index].max = (value, ValueLocation(path: run.path, benchmark: m.benchmark)) }
                }
            }
        }
        return byName.keys.sorted().compactMap { key in
            let entry = byName[key]!, (name, unit) = names[key]!
            guard !entry.values.isEmpty else {
                return MetricSummary(name: name, unit: unit, direction: "unknown", count: 0, min: .nan, max: .nan, mean: .nan,
                                     median: .nan, minAt: entry.min.1, maxAt: entry.max.1, failed: entry.failed,
                                     artifacts: entry.artifacts.count)
            }
            let direction = entry.directions.count == 1 ? entry.directions.first!.rawValue : "mixed"
            let median = Measurement(benchmark: "", metric: name, unit: unit, direction: .unknown, samples: entry.values).median!
            return MetricSummary(name: name, unit: unit, direction: direction, count: entry.values.count,
                                 min: entry.min.0, max: entry.max.0, mean: entry.values.reduce(0, +) / Double(entry.values.count),
                                 median: median, minAt: entry.min.1, maxAt: entry.max.1, failed: entry.failed,
                                 artifacts: entry.artifacts.count)
        }
    }

    static func gaps(_ files: [ScannedFile], bySeries: [SeriesKey: [Run]], policies: PolicySet) -> [InventoryGap] {
        var gaps: [InventoryGap.Kind: [InventoryGap.File]] = [:]
        let runFiles = files.filter { $0.run != nil }
        let anyRequired = policies.requiresMetadata
        for file in runFiles {
            let run = file.run!
            if run.fingerprint == nil {
                gaps[.noFingerprint, default: []].append(.init(path: file.path, detail: "no fingerprint in the artifact, beside it or above it"))
            }
            let invalid = run.skipped.filter { ["null", "NaN", "non-numeric", "infinite"].contains($0.key) }
            if !invalid.isEmpty {
                gaps[.invalidValues, default: []].append(.init(path: file.path, detail: invalid.sorted { $0.key < $1.key }
                    .map { "\($0.value) \($0.key)" }.joined(separator: ", ")))
            }
            if let failure = run.failure {
                let what = run.isFailed ? "failed run" : "\(failure.failedRecords) failed record\(failure.failedRecords == 1 ? "" : "s")"
                gaps[.failedRuns, default: []].append(.init(path: file.path, detail: "\(what) (\(failure.failedRecords) of " +
                    "\(failure.totalRecords) records): \(ReportWording.truncated(failure.firstError, 120))"))
            }
            let required = anyRequired ? requiredMetadata(of: run, policies: policies) : []
            if !required.isEmpty {
                let fingerprintFields = Set((run.fingerprint?.fingerprint.fields.keys).map { $0.map(ArtifactScan.normalizedName) } ?? [])
                let missing = required.filter { !file.fieldNames.contains(ArtifactScan.normalizedName($0)) &&
                    !fingerprintFields.contains(ArtifactScan.normalizedName($0)) }
                if !missing.isEmpty {
                    gaps[.missingMetadata, default: []].append(.init(path: file.path, detail: "lacks \(missing.joined(separator: ", "))"))
                }
            }
        }
        for file in files where file.problem != nil {
            gaps[.unreadable, default: []].append(.init(path: file.path, detail: file.problem!))
        }
        for (series, runs) in bySeries.sorted(by: { $0.key < $1.key }) {
            if runs.count == 1 {
                gaps[.singleRun, default: []].append(.init(path: runs[0].path, detail: "the only run of \(series.value)"))
            }
            let machines = Set(runs.compactMap { $0.fingerprint?.fingerprint.id })
            if machines.count > 1 {
                for run in runs.sorted(by: { $0.path < $1.path }) {
                    gaps[.mixedMachines, default: []].append(.init(path: run.path, detail: "\(series.value): machine " +
                        "\(run.fingerprint?.fingerprint.id ?? "unknown") of \(machines.count)"))
                }
            }
        }
        gaps[.reportMismatch] = ReportPairing.mismatches(files)
        return InventoryGap.Kind.allCases.compactMap { kind in
            guard let list = gaps[kind], !list.isEmpty else { return nil }
            return InventoryGap(kind: kind, files: list.sorted { ($0.path, $0.detail) < ($1.path, $1.detail) })
        }
    }

    /// The metadata fields the policies require of any metric of the run, in the order first named.
    static func requiredMetadata(of run: Run, policies: PolicySet) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for m in run.measurements {
            for name in policies.resolve("\(run.series.value)/\(m.benchmark)/\(m.metric)").requiredMetadata where seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }

    /// Runs per day, or per month when the dated runs span more than 62 days; undated runs last.
    static func runsOverTime(_ files: [ScannedFile]) -> [(period: String, runs: Int)] {
        let runs = files.filter { $0.run != nil }
        let times = runs.compactMap(\.time)
        let byMonth = (times.max() ?? 0) - (times.min() ?? 0) > 62 * 86_400
        var counts: [String: Int] = [:]
        for time in times {
            let day = CompareOperation.civilDate(daysSince1970: Int((time / 86_400).rounded(.down)))
            counts[byMonth ? String(day.prefix(7)) : day, default: 0] += 1
        }
        var periods = counts.keys.sorted().map { (period: $0, runs: counts[$0]!) }
        let undated = runs.count - times.count
        if undated > 0 { periods.append((period: "undated", runs: undated)) }
        return periods
    }
}
