import Foundation

/// Infers a metric's unit and direction from its name (the last component of a path such as
/// `benchmark.mean_time_ms`), with the reason `regress inspect` shows. The name is split into lowercase
/// words at `_`, `-`, `.`, spaces and camelCase boundaries; then, in this order:
///
/// 0. No direction (`unknown`), whatever the unit: a spread statistic (a word `std`, `stddev`, `stdev`,
///    `std_dev`, `abs_dev`, `deviation`, `iqr`, `stderr`, `variance`, `sigma`, `σ`; a last word `mad`,
///    `cv`, `sem`, `range`, `ci`; a first word `ci`/`ci95`: `std_time_ms`, `ci_low`), which is reported
///    beside its metric and never failed on; an identifier (`id`, `*_id`, `uuid`, `index`, `idx`, `pid`,
///    `tid`, `port`, `seed`, `run`, `run_number`, `iteration`, `iter`, `repeat`, `trial`, `attempt`,
///    `step`, `epoch`) or a counter (`count`, `*_count`, `num_*`, `n_*`, `rounds`, `runs`, `iterations`,
///    a length such as `output_tokens` or `response_length`), which is not a measurement to gate.
/// 1. Higher is better: a rate (`tokens_s`, `tok_s`, `items_per_second`, `req_per_sec`, any `per_s`,
///    `per_sec`, `per_second`), or a word among `throughput`, `ops`, `qps`, `rps`, `tps`, `bandwidth`,
///    `speedup`, `accuracy`, `hit_rate`, `hits`, `score`.
/// 2. Lower is better: a word among `ttft`, `tpot`, `itl`, `latency`, `duration`, `time`, `elapsed`,
///    `wall`, `runtime`, `memory`, `rss`, `allocs`, `allocations`, `errors`, or a last word that is a
///    time or size unit (`s`, `sec`, `seconds`, `ms`, `us`, `ns`, `bytes`, `kb`, `mb`, `gb`), as in
///    `load_s`, `peak_mb` or `ms` (a lone `s` or `min` is not enough).
/// 3. Otherwise the direction is unknown (`eval_count`, `temperature`): a change is reported, never failed on.
public enum MetricInference {
    public struct Result: Equatable, Sendable {
        public let unit: String
        public let direction: Direction
        /// Why: the rule that decided the direction (`spread statistic 'std'`, `rate 'tokens/s'`).
        public let reason: String
        /// True for a spread, an identifier or a counter: no direction, whatever the unit says.
        public let ungated: Bool

        public init(unit: String, direction: Direction, reason: String = "", ungated: Bool = false) {
            self.unit = unit
            self.direction = direction
            self.reason = reason
            self.ungated = ungated
        }
    }

    /// Words that name a spread wherever they stand, and words that do only at the end of a name
    /// (before its unit): `latency_cv` and `time_range_ms` are spreads, `cv_model_ms` and `range_scan_ms` not.
    static let spreadWords: Set<String> = ["std", "stddev", "stdev", "deviation", "iqr", "stderr", "variance", "sigma", "σ"]
    static let trailingSpreadWords: Set<String> = ["mad", "cv", "sem", "range", "ci"]

    static let identifierWords: Set<String> = [
        "id", "uuid", "index", "idx", "pid", "tid", "port", "seed", "run", "iteration", "iter", "repeat", "repetition",
        "trial", "attempt", "step", "epoch",
    ]
    static let counterWords: Set<String> = ["count", "counts", "rounds", "runs", "iterations"]
    static let lengthNouns: Set<String> = ["tokens", "length", "len", "chars", "characters", "words"]

    /// The spread word of a name (`std` of `std_time_ms`, `ci` of `ci_low`), nil when it names no spread.
    public static func spreadWord(of name: String) -> String? {
        let words = self.words(of: lastComponent(of: name))
        if let word = words.first(where: spreadWords.contains) { return word }
        if let dev = words.firstIndex(of: "dev"), dev > 0, ["std", "abs"].contains(words[dev - 1]) { return words[dev - 1] + "_dev" }
        if let first = words.first, first == "ci" || first.hasPrefix("ci") && first.count > 2 && first.dropFirst(2).allSatisfy(\.isNumber) {
            return first
        }
        var stem = words
        while stem.count > 1, let last = stem.last, timeUnits[last] != nil || sizeUnits[last] != nil || ["pct", "percent"].contains(last) {
            stem.removeLast()
        }
        if let last = stem.last, trailingSpreadWords.contains(last) { return last }
        return nil
    }

    /// A name that has no direction whatever its unit: a spread statistic, an identifier or a counter.
    static func ungated(_ name: String, words: [String]) -> Result? {
        if let spread = spreadWord(of: name) {
            // The unit of the metric it spreads: `tokens_s_std` is in tokens/s.
            let rest = words.filter { !spreadWords.contains($0) && !trailingSpreadWords.contains($0) && $0 != spread }
            return Result(unit: rate(rest) ?? unit(of: rest), direction: .unknown,
                          reason: "spread statistic '\(spread)': reported beside its metric, never failed on", ungated: true)
        }
        if rate(words) == nil, let what = identifierOrCounter(words) {
            return Result(unit: "", direction: .unknown, reason: "\(what): not a measurement to gate", ungated: true)
        }
        return nil
    }

    /// Why a change of a metric without a direction decides nothing, for the report.
    public static func noDirectionNote(_ metric: String) -> String {
        if let spread = spreadWord(of: metric) { return "spread statistic '\(spread)': set `direction:` to gate on it" }
        let words = self.words(of: lastComponent(of: metric))
        if rate(words) == nil, let what = identifierOrCounter(words) { return "\(what): set `direction:` to gate on it" }
        return "direction unknown: set `direction:` for this metric"
    }

    /// Why a name is not a measurement to gate (an identifier or a counter); nil when it may be one.
    static func identifierOrCounter(_ words: [String]) -> String? {
        guard let first = words.first, let last = words.last else { return nil }
        if words.count == 1, identifierWords.contains(last) { return "identifier '\(last)'" }
        if words.count > 1, ["id", "uuid", "index", "idx", "number", "seed", "pid", "port"].contains(last) {
            return "identifier '\(words.joined(separator: "_"))'"
        }
        if counterWords.contains(last) { return "counter '\(words.joined(separator: "_"))'" }
        if words.count > 1, first == "num" || first == "n" { return "counter '\(words.joined(separator: "_"))'" }
        if words.count > 1, lengthNouns.contains(last) { return "length '\(words.joined(separator: "_"))'" }
        return nil
    }

    static let rateNouns: Set<String> = [
        "tokens", "token", "tok", "toks", "items", "bytes", "requests", "req", "reqs", "images", "samples",
        "frames", "ops", "queries", "iters", "iterations", "rows", "records", "messages", "msgs", "events", "calls",
    ]
    static let higherWords: Set<String> = [
        "throughput", "ops", "qps", "rps", "tps", "fps", "bandwidth", "speedup", "accuracy", "hits", "score",
    ]
    static let lowerWords: Set<String> = [
        "ttft", "tpot", "itl", "latency", "duration", "time", "elapsed", "wall", "runtime", "memory", "rss",
        "allocs", "allocations", "errors",
    ]
    static let timeUnits: [String: String] = [
        "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s", "ms": "ms", "us": "us", "ns": "ns", "min": "min",
    ]
    static let sizeUnits: [String: String] = ["bytes": "B", "kb": "KB", "mb": "MB", "gb": "GB", "kib": "KiB", "mib": "MiB", "gib": "GiB"]

    public static func infer(_ name: String) -> Result {
        // Artifacts repeat the same few names thousands of times: each is inferred once per process.
        if let known = InferenceCache.shared.result(for: name) { return known }
        let result = inferUncached(name)
        InferenceCache.shared.store(result, for: name)
        return result
    }

    static func inferUncached(_ name: String) -> Result {
        let words = self.words(of: lastComponent(of: name))
        guard let last = words.last else { return Result(unit: "", direction: .unknown, reason: "no name") }
        if let ungated = ungated(name, words: words) { return ungated }
        if let rate = rate(words) { return Result(unit: rate, direction: .higherIsBetter, reason: "rate '\(rate)'") }
        if let word = words.first(where: higherWords.contains) ?? (isHitRate(words) ? "hit_rate" : nil) {
            return Result(unit: "", direction: .higherIsBetter, reason: "word '\(word)'")
        }
        // A lone `s` or `min` says too little; `ms`, `ns`, `seconds` alone name a time.
        if let unit = timeUnits[last], words.count > 1 || !["s", "min"].contains(last) {
            return Result(unit: unit, direction: .lowerIsBetter, reason: "time unit '\(last)'")
        }
        if let unit = sizeUnits[last], words.count > 1 {
            return Result(unit: unit, direction: .lowerIsBetter, reason: "size unit '\(last)'")
        }
        if let word = words.first(where: lowerWords.contains) {
            return Result(unit: unit(of: words), direction: .lowerIsBetter, reason: "word '\(word)'")
        }
        if last == "pct" || last == "percent" { return Result(unit: "%", direction: .unknown, reason: "a percentage of nothing named") }
        return Result(unit: "", direction: .unknown, reason: "no rule matches the name")
    }

    /// The time or size unit a name ends with, else the first time unit among its words.
    private static func unit(of words: [String]) -> String {
        guard let last = words.last else { return "" }
        if let unit = timeUnits[last], words.count > 1 { return unit }
        if let unit = sizeUnits[last], words.count > 1 { return unit }
        return words.lazy.compactMap { timeUnits[$0] }.first ?? ""
    }

    /// `tokens_s` → `tokens/s`; `items_per_second` → `items/s`; `ops_per_sec` → `ops/s`.
    private static func rate(_ words: [String]) -> String? {
        if let per = words.lastIndex(of: "per"), per + 1 < words.count, timeUnits[words[per + 1]] == "s" {
            let noun = per > 0 ? words[per - 1] : ""
            return noun.isEmpty ? "1/s" : "\(noun)/s"
        }
        if words.count >= 2, timeUnits[words[words.count - 1]] == "s", rateNouns.contains(words[words.count - 2]) {
            return "\(words[words.count - 2])/s"
        }
        return nil
    }

    private static func isHitRate(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains { $0 == "hit" && $1 == "rate" }
    }

    /// The direction a stated unit implies, else the name's: a time or size unit (`ns`, `s`, `B`) is
    /// lower-is-better, a rate (`ops/s`, `MB/s`, `tok/s`) higher-is-better, a per-operation cost
    /// (`ns/op`, `B/op`, `allocs/op`) lower-is-better.
    public static func infer(_ name: String, unit: String) -> Result {
        let byName = infer(name)
        if byName.ungated { return Result(unit: unit, direction: .unknown, reason: byName.reason, ungated: true) }
        if let direction = direction(ofUnit: unit) { return Result(unit: unit, direction: direction, reason: "unit '\(unit)'") }
        return Result(unit: unit, direction: byName.direction, reason: byName.reason)
    }

    public static func direction(ofUnit unit: String) -> Direction? {
        let lower = unit.lowercased().trimmingWhitespaces
        if lower.isEmpty { return nil }
        if lower.hasSuffix("/op") || lower.hasSuffix("/iter") || lower.hasSuffix("/call") { return .lowerIsBetter }
        if lower.hasSuffix("/s") || lower.hasSuffix("/sec") || lower.hasSuffix("/second") || lower.hasSuffix("/ms")
            || lower.hasSuffix("/us") || lower.hasSuffix("/min") || lower == "hz" || lower == "ops" { return .higherIsBetter }
        if UnitConversion.dimension(of: unit) != nil { return .lowerIsBetter }
        return nil
    }

    static func lastComponent(of name: String) -> Substring {
        if let dot = name.lastIndex(of: ".") { return name[name.index(after: dot)...] }
        return name[...]
    }

    static func words(of name: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character == "_" || character == "-" || character == " " || character == "/" {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }
}

/// The inferred results of metric names seen so far, shared by every thread of the process.
final class InferenceCache: @unchecked Sendable {
    static let shared = InferenceCache()
    private let lock = NSLock()
    private var results: [String: MetricInference.Result] = [:]

    func result(for name: String) -> MetricInference.Result? {
        lock.lock()
        defer { lock.unlock() }
        return results[name]
    }

    func store(_ result: MetricInference.Result, for name: String) {
        lock.lock()
        defer { lock.unlock() }
        // Names are bounded by what artifacts hold; a pathological file of unique names cannot grow it
        // without bound.
        if results.count > 100_000 { results.removeAll(keepingCapacity: true) }
        results[name] = result
    }
}
