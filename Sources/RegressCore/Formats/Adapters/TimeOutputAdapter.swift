/// What `time` prints, once or repeated (each repetition is a sample):
/// - GNU `/usr/bin/time -v`: `Command being timed: "…"` (the benchmark's name), `User time (seconds)`,
///   `System time (seconds)`, `Elapsed (wall clock) time (h:mm:ss or m:ss)`, `Maximum resident set size
///   (kbytes)`, page faults, context switches and `Exit status`;
/// - GNU `/usr/bin/time` default: `0.01user 0.00system 0:00.05elapsed 21%CPU (0avgtext+0avgdata
///   1780maxresident)k` and `0inputs+0outputs (0major+99minor)pagefaults 0swaps`;
/// - bash's `time` (`real	0m1.234s`, `user …`, `sys …`) and POSIX `time -p` (`real 1.23`);
/// - zsh's `time`: `command  0.01s user 0.00s system 21% cpu 0.053 total`;
/// - BSD and macOS `/usr/bin/time`: `        1.23 real         0.45 user         0.06 sys` (the resource
///   lines of `-l` are not read: macOS counts the resident set in bytes, FreeBSD in kilobytes).
///
/// Metrics: `real`, `user`, `sys` in s; `max_rss` in KiB; `major_faults`, `minor_faults`,
/// `voluntary_switches`, `involuntary_switches`: all lower is better. Without a command (bash, POSIX,
/// GNU default) the benchmark is named after the file (`build-time.txt` → `build-time`). `Command exited
/// with non-zero status N`, `Command terminated by signal N` or a non-zero `Exit status` make that
/// repetition failed. A line of a block that does not read (`real	soon`) is skipped with a notice.
enum TimeOutputAdapter: TextFormatAdapter {
    static let format = ArtifactFormat.time

    nonisolated(unsafe) static let gnuDefault = /\s*([0-9.]+)user\s+([0-9.]+)system\s+([0-9:.]+)elapsed\s+\S*CPU\s+\(\S*avgtext\+\S*avgdata\s+(\d+)maxresident\)k\s*/
    nonisolated(unsafe) static let gnuDefaultIO = /\s*\d+inputs\+\d+outputs\s+\((\d+)major\+(\d+)minor\)pagefaults\s+\d+swaps\s*/
    nonisolated(unsafe) static let shellLine = /(real|user|sys)\s+(\S+)\s*/
    nonisolated(unsafe) static let bsd = /\s*([0-9.]+) real\s+([0-9.]+) user\s+([0-9.]+) sys\s*/
    nonisolated(unsafe) static let zsh = /(.*?)\s+([0-9.]+)s user\s+([0-9.]+)s system\s+\S+ cpu\s+([0-9:.]+) total\s*/
    static let verboseFields: [String: (metric: String, unit: String)] = [
        "User time (seconds)": ("user", "s"), "System time (seconds)": ("sys", "s"),
        "Elapsed (wall clock) time (h:mm:ss or m:ss)": ("real", "s"), "Maximum resident set size (kbytes)": ("max_rss", "KiB"),
        "Major (requiring I/O) page faults": ("major_faults", ""), "Minor (reclaiming a frame) page faults": ("minor_faults", ""),
        "Voluntary context switches": ("voluntary_switches", ""), "Involuntary context switches": ("involuntary_switches", ""),
    ]

    static func recognize(_ text: String) -> String? {
        let text = text.prefix(ArtifactReader.recognitionPrefix)
        if text.contains("\tCommand being timed: ") || text.contains("Command being timed: \"") {
            return "`Command being timed:` blocks of GNU `time -v`"
        }
        guard text.contains("user") else { return nil }
        let lines = text.split(whereSeparator: \.isNewline)
        if lines.contains(where: { $0.contains("elapsed") && $0.wholeMatch(of: gnuDefault) != nil }) {
            return "`…user …system …elapsed` lines of GNU `time`"
        }
        if lines.contains(where: { $0.contains("s user") && $0.contains(" total") && $0.wholeMatch(of: zsh) != nil }) {
            return "`… user … system … cpu … total` lines of zsh's `time`"
        }
        if lines.contains(where: { $0.contains(" real ") && $0.wholeMatch(of: bsd) != nil }) {
            return "`… real … user … sys` lines of BSD `time`"
        }
        for (index, line) in lines.enumerated() where index + 2 < lines.count {
            guard line.hasPrefix("real"), let real = line.wholeMatch(of: shellLine), real.1 == "real", seconds(real.2) != nil,
                  lines[index + 1].hasPrefix("user"), lines[index + 2].hasPrefix("sys") else { continue }
            return "`real`, `user`, `sys` lines of a shell's `time`"
        }
        return nil
    }

    /// One repetition: its command (when the output names it), values, the line it starts on, and its failure.
    struct Block {
        var command: String?
        var line: Int
        /// Which `time` printed it: `GNU time -v`, `GNU time`, `shell time`, `zsh time`, `BSD time`.
        var kind: String
        var values: [(metric: String, unit: String, value: Double)] = []
        var error: String?
    }

    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents {
        var problems = TextFormatSupport.Problems(path: request.path)
        var collector = ArtifactContents.Collector()
        var blocks: [Block] = []
        var current: Block?
        var pendingError: String?

        func close() {
            if let block = current { blocks.append(block) }
            current = nil
        }
        func open(_ line: Int, kind: String, command: String? = nil) {
            close()
            current = Block(command: command, line: line, kind: kind, error: pendingError)
            pendingError = nil
        }

        for (number, raw) in TextFormatSupport.lines(text) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Command exited with non-zero status") || line.hasPrefix("Command terminated by signal") {
                close()
                pendingError = line
            } else if line.hasPrefix("Command being timed:") {
                var command = line.dropFirst("Command being timed:".count).trimmingCharacters(in: .whitespaces)
                if command.count >= 2, command.hasPrefix("\""), command.hasSuffix("\"") { command = String(command.dropFirst().dropLast()) }
                open(number, kind: "GNU time -v", command: command)
            } else if let colon = line.range(of: ": "), current?.command != nil, let field = verboseFields[String(line[..<colon.lowerBound])] {
                guard let value = field.metric == "real" ? seconds(line[colon.upperBound...]) : TextFormatSupport.number(line[colon.upperBound...]) else {
                    problems.skip(line: number, "`\(line[..<colon.lowerBound])`: `\(line[colon.upperBound...])` is not a number", in: &collector)
                    continue
                }
                current!.values.append((field.metric, field.unit, value))
            } else if line.hasPrefix("Exit status: "), current != nil {
                let status = line.dropFirst("Exit status: ".count)
                if status != "0" && current!.error == nil { current!.error = "exit status \(status)" }
            } else if let match = line.wholeMatch(of: gnuDefault) {
                open(number, kind: "GNU time")
                guard let user = Double(match.1), let system = Double(match.2), let real = seconds(match.3), let rss = Double(match.4) else {
                    problems.skip(line: number, "GNU `time` values that are not numbers: \(line)", in: &collector)
                    current = nil
                    continue
                }
                current!.values = [("real", "s", real), ("user", "s", user), ("sys", "s", system), ("max_rss", "KiB", rss)]
            } else if let match = line.wholeMatch(of: gnuDefaultIO), current != nil, current!.command == nil {
                current!.values += [("major_faults", "", Double(match.1)!), ("minor_faults", "", Double(match.2)!)]
                close()
            } else if let match = line.wholeMatch(of: bsd) {
                open(number, kind: "BSD time")
                current!.values = [("real", "s", Double(match.1)), ("user", "s", Double(match.2)), ("sys", "s", Double(match.3))]
                    .compactMap { metric, unit, value in value.map { (metric, unit, $0) } }
                if current!.values.count < 3 {
                    problems.skip(line: number, "BSD `time` values that are not numbers: \(line)", in: &collector)
                    current = nil
                    continue
                }
                close()
            } else if let match = line.wholeMatch(of: zsh) {
                open(number, kind: "zsh time", command: String(match.1))
                guard let user = Double(match.2), let system = Double(match.3), let total = seconds(match.4) else {
                    problems.skip(line: number, "zsh `time` values that are not numbers: \(line)", in: &collector)
                    current = nil
                    continue
                }
                current!.values = [("real", "s", total), ("user", "s", user), ("sys", "s", system)]
                close()
            } else if let match = line.wholeMatch(of: shellLine) {
                let metric = String(match.1)
                if metric == "real" { open(number, kind: "shell time") }
                guard current != nil, current!.command == nil else { continue }
                guard let value = seconds(match.2) else {
                    problems.skip(line: number, "`\(metric)`: `\(match.2)` is not a time", in: &collector)
                    continue
                }
                current!.values.append((metric, "s", value))
                if metric == "sys" { close() }
            }
        }
        close()

        collector.variant = Set(blocks.map(\.kind)).sorted().joined(separator: ", ")
        let stem = fileStem(request.path)
        for block in blocks {
            let name = block.command ?? stem
            collector.record(failed: block.error)
            guard !block.values.isEmpty else {
                if block.error == nil { problems.skip(line: block.line, "`time` output without values", in: &collector) }
                continue
            }
            for (metric, unit, value) in block.values {
                if block.error != nil {
                    collector.addFailed(benchmark: name, metric: metric, unit: unit, direction: .lowerIsBetter)
                } else {
                    collector.add(value, benchmark: name, metric: metric, unit: unit, direction: .lowerIsBetter)
                }
            }
        }
        return try problems.finish(collector)
    }

    /// A time as `time` prints it, in seconds: `1.23`, `0m1.234s`, `1h2m3.5s`, `1:02.50` (m:ss),
    /// `1:02:03` (h:mm:ss); nil for anything else.
    static func seconds<S: StringProtocol>(_ text: S) -> Double? {
        let text = String(text)
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            var total = 0.0
            for part in parts {
                guard let value = Double(part), value >= 0 else { return nil }
                total = total * 60 + value
            }
            return total
        }
        if let plain = Double(text) { return plain }
        guard let match = text.wholeMatch(of: /(?:(\d+)h)?(?:(\d+)m)?([0-9.]+)s/) else { return nil }
        let hours = match.1.flatMap { Double($0) } ?? 0, minutes = match.2.flatMap { Double($0) } ?? 0
        guard let secs = Double(match.3) else { return nil }
        return hours * 3600 + minutes * 60 + secs
    }

    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
