import RegressGit

/// The runs of one source: the artifacts the configuration selects, grouped by series key, the newest
/// of each series read into a `Run`.
public struct LoadedRuns: Sendable {
    public var runs: [Run]
    /// Files passed over, with the reason, for the report.
    public var notices: [String]
}

public enum RunLoader {
    public static func load(_ source: ArtifactSource, configuration: Configuration) throws -> LoadedRuns {
        let paths = try source.files(matching: configuration.globs).filter { !configuration.isExcluded($0) }
        var bySeries: [SeriesKey: [(path: String, key: SeriesKey)]] = [:]
        for path in paths {
            let key = SeriesKey(path: path)
            bySeries[key, default: []].append((path, key))
        }
        var runs: [Run] = []
        var notices: [String] = []
        for series in bySeries.keys.sorted() {
            // Newest first: by the folded timestamp, then by path.
            let members = bySeries[series]!.sorted { a, b in
                (a.key.timestamp ?? 0, a.path) > (b.key.timestamp ?? 0, b.path)
            }
            let newest = members[0].path
            let entry = configuration.entry(for: newest)
            do {
                let (format, contents) = try ArtifactReader.read(try source.read(newest), path: newest,
                                                                 format: entry?.format, keys: entry?.keys ?? [])
                if contents.measurements.isEmpty && contents.failure == nil {
                    notices.append("\(newest): no numeric values, not an artifact")
                    continue
                }
                var run = Run(series: series, path: newest, format: format, measurements: contents.measurements,
                              skipped: contents.skipped, failure: contents.failure)
                run.earlierPaths = members.dropFirst().map(\.path)
                runs.append(run)
            } catch let error as ArtifactError {
                // A file the configuration names must read; one found by the default globs may be anything.
                if entry != nil { throw error }
                notices.append("skipped \(error.localizedDescription)")
            }
        }
        return LoadedRuns(runs: runs, notices: notices)
    }
}
