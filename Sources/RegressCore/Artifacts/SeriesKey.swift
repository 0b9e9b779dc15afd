/// An artifact path with its run-specific parts folded, so that the runs of one benchmark line up
/// across commits and within one tree: `compilation/conv_bench_20251002-170837.json` and
/// `compilation/conv_bench_20251003-091500.json` are both `compilation/conv_bench_{timestamp}.json`.
///
/// Folded to `{timestamp}`, when they stand between non-digits in any path segment, keeping the moment
/// they denote (UTC; a zone is applied):
/// - dates `YYYYMMDD`, `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD`;
/// - each followed by an optional time after `T`, `_T`, `-T`, `_`, `-`, `.` or a space: `HHMMSS`,
///   `HH:MM:SS`, `HH-MM-SS`, `HH_MM_SS`, `HH.MM.SS` (`HHMM` and `HH:MM` only after `T`, or `HHMM` after
///   a compact date), then an optional fraction (`.123`, `,5`) and zone (`Z`, `+02:00`, `+0200`, `-07:00`);
/// - `YYYYMMDDHHMM` and `YYYYMMDDHHMMSS` written as one number;
/// - Unix times: 10 digits (seconds, optionally with a fraction) or 13 digits (milliseconds) between
///   2001 and 2100 (`1759099000`).
///
/// Folded to `{commit}`: a commit hash (8 to 40 lowercase hex digits, with a letter and a digit) that
/// starts a file name and is followed by `-`, as asv names its results (`3f2a1c0b-py3.11.json` is
/// `{commit}-py3.11.json`). A prefix that happens to be all digits (`06264258-py3.11.json`) or all
/// letters (`ecebaffb-py3.11.json`) is folded only beside sibling runs that fold the same way with a
/// hex prefix of both (`keys(for:)`).
///
/// pytest-benchmark's `--benchmark-autosave` names (`0007_<commit>_20251002_151824.json`, the counter of
/// the machine's folder, the commit or `unversioned`, the UTC time, and `_uncommited-changes` for a
/// dirty tree) fold to `{run}_{commit}_{timestamp}.json`, ordered by their time: a run made on a dirty
/// tree is a run of the same series.
public struct SeriesKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String
    /// The moment the folded parts denote, in seconds since 1970 (UTC); nil when nothing was folded.
    public let timestamp: Double?

    public static let placeholder = "{timestamp}"
    public static let commitPlaceholder = "{commit}"
    public static let runPlaceholder = "{run}"

    /// True when runs of the series differ by commit rather than by time: their order comes from
    /// their content.
    public var foldsCommits: Bool { value.contains(SeriesKey.commitPlaceholder) }

    public init(path: String) {
        self.init(path: path, uniformCommits: false)
    }

    init(path: String, uniformCommits: Bool) {
        let (folded, moment) = SeriesKey.fold(Array(path.utf8), uniformCommits: uniformCommits)
        self.value = folded
        self.timestamp = moment
    }

    /// The keys of a set of paths that are read together (one tree, one folder): each path's own key,
    /// except that a commit prefix of all digits or all letters is folded to `{commit}` when another
    /// path's hex prefix folds to that same key (asv's `06264258-py3.11.json` or `ecebaffb-py3.11.json`
    /// beside `3f2a1c0b-py3.11.json`).
    public static func keys(for paths: [String]) -> [String: SeriesKey] {
        var keys: [String: SeriesKey] = [:]
        for path in paths { keys[path] = SeriesKey(path: path) }
        let commitKeys = Set(keys.values.filter(\.foldsCommits).map(\.value))
        guard !commitKeys.isEmpty else { return keys }
        for path in paths where !keys[path]!.foldsCommits {
            let candidate = SeriesKey(path: path, uniformCommits: true)
            if candidate.foldsCommits, commitKeys.contains(candidate.value) { keys[path] = candidate }
        }
        return keys
    }

    /// The abbreviated commit hash that starts a segment of `path` (the part `{commit}` folds), nil
    /// when there is none or more than one could be it.
    public static func commitPrefix(of path: String) -> String? {
        let bytes = Array(path.utf8)
        var found: [(prefix: String, letters: Bool)] = []
        var start = 0
        while start < bytes.count {
            if let end = matchCommit(bytes, at: start, uniform: true) {
                let prefix = bytes[start..<end]
                found.append((String(decoding: prefix, as: UTF8.self), prefix.contains { !isDigit($0) }))
            }
            guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { break }
            start = slash + 1
        }
        if found.count == 1 { return found[0].prefix }
        let hex = found.filter(\.letters)
        return hex.count == 1 ? hex[0].prefix : nil
    }

    public init(value: String) {
        self.value = value
        self.timestamp = nil
    }

    public var description: String { value }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool { lhs.value < rhs.value }
    public static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    private static func fold(_ bytes: [UInt8], uniformCommits: Bool) -> (String, Double?) {
        var out: [UInt8] = []
        var moment: Double?
        var index = 0
        while index < bytes.count {
            if index == 0 || bytes[index - 1] == UInt8(ascii: "/"), let seconds = matchPytestAutosave(bytes, at: index) {
                out.append(contentsOf: Array("\(runPlaceholder)_\(commitPlaceholder)_\(placeholder).json".utf8))
                moment = max(moment ?? seconds, seconds)
                break
            }
            if index == 0 || bytes[index - 1] == UInt8(ascii: "/"), let end = matchCommit(bytes, at: index, uniform: uniformCommits) {
                out.append(contentsOf: Array(commitPlaceholder.utf8))
                index = end
                continue
            }
            if isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]),
               let (end, seconds) = matchTimestamp(bytes, at: index) {
                out.append(contentsOf: Array(placeholder.utf8))
                // The latest folded moment of the path orders the runs.
                moment = max(moment ?? seconds, seconds)
                index = end
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return (String(decoding: out, as: UTF8.self), moment)
    }

    /// The moment of a pytest-benchmark autosave file name that starts at `start` and ends the path:
    /// `NNNN_<id>_YYYYMMDD_HHMMSS[_uncommited-changes].json`, the id a hex commit or `unversioned`.
    private static func matchPytestAutosave(_ bytes: [UInt8], at start: Int) -> Double? {
        let counter = digitRun(bytes, start)
        var index = start + counter
        guard counter >= 4, byte(bytes, index) == UInt8(ascii: "_") else { return nil }
        index += 1
        let idStart = index
        while index < bytes.count, isDigit(bytes[index]) || (97...102).contains(bytes[index]) { index += 1 }
        let hexID = (7...40).contains(index - idStart)
        if !hexID {
            let unversioned = Array("unversioned".utf8)
            guard bytes.count >= idStart + unversioned.count, Array(bytes[idStart..<(idStart + unversioned.count)]) == unversioned else { return nil }
            index = idStart + unversioned.count
        }
        guard byte(bytes, index) == UInt8(ascii: "_"), digitRun(bytes, index + 1) == 8, byte(bytes, index + 9) == UInt8(ascii: "_"),
              digitRun(bytes, index + 10) == 6 else { return nil }
        let (y, m, d) = (number(bytes, index + 1, 4), number(bytes, index + 5, 2), number(bytes, index + 7, 2))
        guard isDate(y, m, d), let time = clock(bytes, index + 10, 6) else { return nil }
        var rest = Array(bytes[(index + 16)...])
        for dirty in ["_uncommited-changes", "_uncommitted-changes"] where rest.starts(with: Array(dirty.utf8)) {
            rest.removeFirst(dirty.utf8.count)
        }
        guard rest == Array(".json".utf8) else { return nil }
        return Double(daysFromCivil(y, m, d)) * 86_400 + time
    }

    /// The end of a commit hash that starts a path segment and is followed by `-`; with `uniform`,
    /// a hash prefix without a letter or without a digit is taken too.
    private static func matchCommit(_ bytes: [UInt8], at start: Int, uniform: Bool = false) -> Int? {
        var end = start
        var letters = false, digits = false
        while end < bytes.count, end - start < 40 {
            let byte = bytes[end]
            if isDigit(byte) { digits = true } else if (97...102).contains(byte) { letters = true } else { break }
            end += 1
        }
        guard end - start >= 8, (letters && digits) || uniform, end < bytes.count, bytes[end] == UInt8(ascii: "-") else { return nil }
        return end
    }

    /// Length of the digit run starting at `index`.
    private static func digitRun(_ bytes: [UInt8], _ index: Int) -> Int {
        var end = index
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return end - index
    }

    private static func number(_ bytes: [UInt8], _ from: Int, _ count: Int) -> Int {
        bytes[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
    private static let timeSeparators: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]

    private static func byte(_ bytes: [UInt8], _ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// A date, with the time and zone that may follow it, or a Unix time, starting at `start` (a digit
    /// after a non-digit).
    private static func matchTimestamp(_ bytes: [UInt8], at start: Int) -> (end: Int, seconds: Double)? {
        let run = digitRun(bytes, start)
        switch run {
        case 8, 12, 14:
            // YYYYMMDD, or YYYYMMDDHHMM[SS] written without a separator.
            let (y, m, d) = (number(bytes, start, 4), number(bytes, start + 4, 2), number(bytes, start + 6, 2))
            guard isDate(y, m, d) else { return nil }
            let day = Double(daysFromCivil(y, m, d)) * 86_400
            if run > 8 {
                guard let time = clock(bytes, start + 8, run - 8) else { return nil }
                return zoned(bytes, from: start + run, local: day + time)
            }
            if let (end, time) = timeAfterDate(bytes, start + 8, compact: true) {
                return zoned(bytes, from: end, local: day + time)
            }
            return (start + 8, day)
        case 4:
            // YYYY-MM-DD, YYYY_MM_DD or YYYY.MM.DD (one separator throughout).
            guard let separator = byte(bytes, start + 4), separators.contains(separator),
                  digitRun(bytes, start + 5) == 2, byte(bytes, start + 7) == separator, digitRun(bytes, start + 8) == 2 else { return nil }
            let (y, m, d) = (number(bytes, start, 4), number(bytes, start + 5, 2), number(bytes, start + 8, 2))
            guard isDate(y, m, d) else { return nil }
            let day = Double(daysFromCivil(y, m, d)) * 86_400
            if let (end, time) = timeAfterDate(bytes, start + 10, compact: false) {
                return zoned(bytes, from: end, local: day + time)
            }
            return (start + 10, day)
        case 10, 13:
            // Unix seconds (with an optional fraction) or milliseconds.
            var value = Double(number(bytes, start, run)) / (run == 13 ? 1000 : 1)
            guard (978_307_200...4_102_444_800).contains(value) else { return nil }
            var end = start + run
            if run == 10, byte(bytes, end) == UInt8(ascii: "."), let (fractionEnd, fraction) = fraction(bytes, end + 1) {
                value += fraction
                end = fractionEnd
            }
            return (end, value)
        default:
            return nil
        }
    }

    /// The time that follows a date, after `T`, `_T`, `-T`, or (with seconds) `_`, `-`, `.` or a space:
    /// `HHMMSS`, `HH:MM:SS`, `HH-MM-SS`, `HH_MM_SS` or `HH.MM.SS`, with an optional fraction; `HHMM` and
    /// `HH:MM` only after `T` (or, for `HHMM`, after a compact date). Seconds since midnight.
    private static func timeAfterDate(_ bytes: [UInt8], _ start: Int, compact: Bool) -> (Int, Double)? {
        guard let first = byte(bytes, start) else { return nil }
        var position = start + 1
        var afterT = first == UInt8(ascii: "T")
        if !afterT {
            guard separators.contains(first) || first == UInt8(ascii: " ") else { return nil }
            if byte(bytes, position) == UInt8(ascii: "T") {
                afterT = true
                position += 1
            }
        }
        let run = digitRun(bytes, position)
        var end: Int
        var time: Double
        if run == 6 || (run == 4 && (afterT || compact)) {
            guard let value = clock(bytes, position, run) else { return nil }
            (end, time) = (position + run, value)
        } else if run == 2, let separator = byte(bytes, position + 2), timeSeparators.contains(separator),
                  digitRun(bytes, position + 3) == 2 {
            let (h, m) = (number(bytes, position, 2), number(bytes, position + 3, 2))
            var s = 0
            end = position + 5
            if byte(bytes, end) == separator, digitRun(bytes, end + 1) == 2 {
                s = number(bytes, end + 1, 2)
                end += 3
            } else if !afterT {
                return nil
            }
            guard h < 24, m < 60, s < 61 else { return nil }
            time = Double(h * 3600 + m * 60 + s)
        } else {
            return nil
        }
        if let mark = byte(bytes, end), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
           let (fractionEnd, value) = fraction(bytes, end + 1) {
            time += value
            end = fractionEnd
        }
        return (end, time)
    }

    /// Digits after a decimal mark, as a fraction of one.
    private static func fraction(_ bytes: [UInt8], _ start: Int) -> (Int, Double)? {
        let run = digitRun(bytes, start)
        guard run > 0, let value = Double("0." + String(decoding: bytes[start..<(start + run)], as: UTF8.self)) else { return nil }
        return (start + run, value)
    }

    /// A zone after a local time: `Z`, `+HH`, `+HHMM`, `+HH:MM`, `-HH:MM`, or `-HHMM` with a minute a
    /// zone can have (`-0130` is a zone, `-0001` a run number). The moment in UTC.
    private static func zoned(_ bytes: [UInt8], from start: Int, local: Double) -> (end: Int, seconds: Double) {
        guard let sign = byte(bytes, start) else { return (start, local) }
        if sign == UInt8(ascii: "Z") { return (start + 1, local) }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), digitRun(bytes, start + 1) >= 2 else { return (start, local) }
        let run = digitRun(bytes, start + 1)
        let hours = number(bytes, start + 1, 2)
        var minutes = 0
        var end: Int
        if run == 2, byte(bytes, start + 3) == UInt8(ascii: ":"), digitRun(bytes, start + 4) == 2 {
            minutes = number(bytes, start + 4, 2)
            end = start + 6
        } else if run == 4 {
            minutes = number(bytes, start + 3, 2)
            end = start + 5
            if sign == UInt8(ascii: "-"), minutes % 15 != 0 { return (start, local) }
        } else if run == 2, sign == UInt8(ascii: "+") {
            end = start + 3
        } else {
            return (start, local)
        }
        guard hours <= 14, minutes < 60 else { return (start, local) }
        let offset = Double(hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        return (end, local - offset)
    }

    private static func clock(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Double? {
        let h = number(bytes, start, 2), m = number(bytes, start + 2, 2)
        let s = count == 6 ? number(bytes, start + 4, 2) : 0
        guard h < 24, m < 60, s < 61 else { return nil }
        return Double(h * 3600 + m * 60 + s)
    }

    private static func isDate(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        (1990...2100).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
