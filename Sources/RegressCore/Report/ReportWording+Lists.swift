extension ReportWording {
    /// How many names a list shows before it only counts.
    static let namesShown = 3

    /// A path alone, or a count with the first few: `bench/a.csv`, `3 runs (a.csv, b.csv, c.csv)`,
    /// `1204 runs (a.csv, b.csv, c.csv, …)`. Never a line that lists every file.
    static func someRuns(_ paths: [String]) -> String {
        if paths.count == 1 { return paths[0] }
        let shown = paths.prefix(namesShown).joined(separator: ", ") + (paths.count > namesShown ? ", …" : "")
        return "\(paths.count) runs (\(shown))"
    }

    /// A series alone, or a count of series with the first few.
    static func someSeries(_ names: [String]) -> String {
        if names.count == 1 { return names[0] }
        let shown = names.prefix(namesShown).joined(separator: ", ") + (names.count > namesShown ? ", …" : "")
        return "\(names.count) series (\(shown))"
    }
}
