/// `go test -bench` output: `BenchmarkName-8  1000  1234 ns/op  56 B/op  2 allocs/op  12.5 MB/s`.
/// Repeated lines of one benchmark (`-count N`) are its samples; the `-8` GOMAXPROCS suffix is not part
/// of the name (it goes to the fingerprint as `go.maxprocs`). `ns/op`, `B/op` and `allocs/op`
/// are lower-is-better, `MB/s` and other `/s` units higher-is-better; other custom units (`tokens/op`)
/// are unknown. The `goos:`, `goarch:`, `pkg:` and `cpu:` header lines feed the fingerprint
/// (`cpu.model`); with several packages, a benchmark is named `pkg.Name`. A `--- FAIL: BenchmarkX`
/// line makes that benchmark failed.
enum GoBenchAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.goBench

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        let found = text.split(whereSeparator: \.isNewline).contains { parseLine(String($0)) != nil }
        return found ? "`Benchmark…` result lines of `go test -bench`" : nil
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        try read(Array(text.utf8), path: request.path)
    }

    static func parseLine(_ line: String) -> (name: String, procs: String?, values: [(Double, String)])? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 4, fields[0].hasPrefix("Benchmark"), Int(fields[1]) != nil, (fields.count - 2) % 2 == 0 else { return nil }
        var values: [(Double, String)] = []
        var index = 2
        while index + 1 < fields.count {
            guard let value = Double(fields[index]) else { return nil }
            values.append((value, fields[index + 1]))
            index += 2
        }
        var name = fields[0]
        var procs: String?
        if let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil {
            procs = String(name[name.index(after: dash)...])
            name = String(name[..<dash])
        }
        return (name, procs, values)
    }

    static func read(_ bytes: [UInt8], path: String) throws -> ArtifactContents {
        var collector = ArtifactContents.Collector()
        var fields: [String: String] = [:]
        var package = ""
        var packages: Set<String> = []
        var rows: [(String, [(Double, String)])] = []
        var failed: [String: String] = [:]
        for raw in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("goos:") { fields["go.os"] = value(line) }
            if line.hasPrefix("goarch:") { fields["go.arch"] = value(line) }
            if line.hasPrefix("cpu:") { fields["cpu.model"] = value(line) }
            if line.hasPrefix("pkg:") {
                package = value(line)
                packages.insert(package)
            }
            if line.hasPrefix("--- FAIL: Benchmark") {
                let name = String(line.dropFirst("--- FAIL: ".count).split(separator: " ").first ?? "")
                failed[qualified(strip(name), package)] = line
            }
            if let parsed = parseLine(line) {
                if let procs = parsed.procs { fields["go.maxprocs"] = procs }
                rows.append((qualified(parsed.name, package), parsed.values))
            }
        }
        for (name, error) in failed.sorted(by: { $0.key < $1.key }) where !rows.contains(where: { $0.0 == name }) {
            collector.record(failed: error)
            collector.addFailed(benchmark: display(name, packages), metric: "ns/op", unit: "ns", direction: .lowerIsBetter)
        }
        for (name, values) in rows {
            collector.record(failed: failed[name])
            for (value, unit) in values {
                let (metric, shownUnit, direction) = describe(unit)
                if failed[name] != nil {
                    collector.addFailed(benchmark: display(name, packages), metric: metric, unit: shownUnit, direction: direction)
                } else {
                    collector.add(value, benchmark: display(name, packages), metric: metric, unit: shownUnit, direction: direction)
                }
            }
        }
        if !fields.isEmpty { collector.fingerprint = Fingerprint(fields: fields) }
        return collector.contents
    }

    /// The metric is named by its unit; `ns/op` is shown in `ns`.
    static func describe(_ unit: String) -> (String, String, Direction) {
        switch unit {
        case "ns/op": return ("ns/op", "ns", .lowerIsBetter)
        case "B/op": return ("B/op", "B", .lowerIsBetter)
        case "allocs/op": return ("allocs/op", "", .lowerIsBetter)
        case _ where unit.hasSuffix("/s"): return (unit, unit, .higherIsBetter)
        default: return (unit, unit, .unknown)  // a custom unit (`tokens/op`): either way may be better
        }
    }

    private static func value(_ line: String) -> String {
        String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmingCharacters(in: .whitespaces)
    }

    private static func strip(_ name: String) -> String {
        guard let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil else { return name }
        return String(name[..<dash])
    }

    private static func qualified(_ name: String, _ package: String) -> String { package + "\u{0}" + name }

    private static func display(_ qualified: String, _ packages: Set<String>) -> String {
        let parts = qualified.split(separator: "\u{0}", omittingEmptySubsequences: false)
        let package = String(parts[0]), name = String(parts[1])
        guard packages.count > 1, !package.isEmpty else { return name }
        return "\(package).\(name)"
    }
}
