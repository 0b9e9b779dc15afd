/// An artifact path with its run-specific parts folded, so that the runs of one benchmark line up
/// across commits and within one tree: `compilation/conv_bench_20251002-170837.json` and
/// `compilation/conv_bench_20251003-091500.json` are both `compilation/conv_bench_{timestamp}.json`.
///
/// Folded, when they stand between non-digits in any path segment:
/// - `YYYYMMDD` dates, alone or followed by `-`, `_` or `T` and `HHMMSS` or `HHMM` (`20251002-170837`);
/// - ISO dates `YYYY-MM-DD`, alone or with a time `HH:MM:SS`, `HH-MM-SS` or `HHMMSS` after `T`, `_`,
///   `-` or a space, with optional fractional seconds and `Z`;
/// - Unix times: 10 digits (seconds) or 13 digits (milliseconds) between 2001 and 2100 (`1759099000`);
/// - a commit hash (8 to 40 lowercase hex digits, with a letter and a digit) that starts a file name and
///   is followed by `-`, as asv names its results (`3f2a1c0b-py3.11.json` is `{commit}-py3.11.json`).
public struct SeriesKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String
    /// The moment the folded parts denote, in seconds since 1970 (UTC); nil when nothing was folded.
    public let timestamp: Double?

    public static let placeholder = "{timestamp}"
    public static let commitPlaceholder = "{commit}"

    /// True when runs of the series differ by commit rather than by time: their order comes from
    /// their content.
    public var foldsCommits: Bool { value.contains(SeriesKey.commitPlaceholder) }

    public init(path: String) {
        let (folded, moment) = SeriesKey.fold(Array(path.utf8))
        self.value = folded
        self.timestamp = moment
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

    private static func fold(_ bytes: [UInt8]) -> (String, Double?) {
        var out: [UInt8] = []
        var moment: Double?
        var index = 0
        while index < bytes.count {
            if index == 0 || bytes[index - 1] == UInt8(ascii: "/"), let end = matchCommit(bytes, at: index) {
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

    /// The end of a commit hash that starts a path segment and is followed by `-`.
    private static func matchCommit(_ bytes: [UInt8], at start: Int) -> Int? {
        var end = start
        var letters = false, digits = false
        while end < bytes.count, end - start < 40 {
            let byte = bytes[end]
            if isDigit(byte) { digits = true } else if (97...102).contains(byte) { letters = true } else { break }
            end += 1
        }
        guard end - start >= 8, letters, digits, end < bytes.count, bytes[end] == UInt8(ascii: "-") else { return nil }
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

    private static func matchTimestamp(_ bytes: [UInt8], at start: Int) -> (end: Int, seconds: Double)? {
        let run = digitRun(bytes, start)
        // YYYYMMDD, optionally followed by a time.
        if run == 8 {
            let (y, m, d) = (number(bytes, start, 4), number(bytes, start + 4, 2), number(bytes, start + 6, 2))
            guard isDate(y, m, d) else { return nil }
            var end = start + 8
            var seconds = Double(daysFromCivil(y, m, d)) * 86_400
            if end < bytes.count, [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "T")].contains(bytes[end]) {
                let timeRun = digitRun(bytes, end + 1)
                if timeRun == 6 || timeRun == 4, let time = clock(bytes, end + 1, timeRun) {
                    seconds += time
                    end += 1 + timeRun
                }
            }
            return (end, seconds)
        }
        // YYYY-MM-DD, optionally followed by a time.
        if run == 4, start + 10 <= bytes.count, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
           digitRun(bytes, start + 5) == 2, digitRun(bytes, start + 8) == 2 {
            let (y, m, d) = (number(bytes, start, 4), number(bytes, start + 5, 2), number(bytes, start + 8, 2))
            guard isDate(y, m, d) else { return nil }
            var end = start + 10
            var seconds = Double(daysFromCivil(y, m, d)) * 86_400
            if end < bytes.count, [UInt8(ascii: "T"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: " ")].contains(bytes[end]),
               let (timeEnd, time) = isoTime(bytes, end + 1) {
                seconds += time
                end = timeEnd
            }
            return (end, seconds)
        }
        // Unix seconds or milliseconds.
        if run == 10 || run == 13 {
            let value = Double(number(bytes, start, run)) / (run == 13 ? 1000 : 1)
            guard (978_307_200...4_102_444_800).contains(value) else { return nil }
            return (start + run, value)
        }
        return nil
    }

    /// `HH:MM:SS`, `HH-MM-SS` or `HHMMSS`, then optional `.fff` and `Z`.
    private static func isoTime(_ bytes: [UInt8], _ start: Int) -> (Int, Double)? {
        var end: Int
        var time: Double
        if digitRun(bytes, start) == 6, let value = clock(bytes, start, 6) {
            end = start + 6
            time = value
        } else if start + 8 <= bytes.count, digitRun(bytes, start) == 2, digitRun(bytes, start + 3) == 2,
                  digitRun(bytes, start + 6) == 2, bytes[start + 2] == bytes[start + 5],
                  bytes[start + 2] == UInt8(ascii: ":") || bytes[start + 2] == UInt8(ascii: "-") {
            let (h, m, s) = (number(bytes, start, 2), number(bytes, start + 3, 2), number(bytes, start + 6, 2))
            guard h < 24, m < 60, s < 61 else { return nil }
            end = start + 8
            time = Double(h * 3600 + m * 60 + s)
        } else {
            return nil
        }
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) {
            let run = digitRun(bytes, end + 1)
            time += Double("0." + String(decoding: bytes[(end + 1)..<(end + 1 + run)], as: UTF8.self)) ?? 0
            end += 1 + run
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "Z") { end += 1 }
        return (end, time)
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
