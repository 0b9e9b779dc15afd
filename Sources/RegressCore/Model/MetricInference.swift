import Foundation

/// Infers a metric's unit and direction from its name (the last component of a path such as
/// `benchmark.mean_time_ms`). The name is split into lowercase words at `_`, `-`, `.`, spaces and
/// camelCase boundaries; then, in this order:
///
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

        public init(unit: String, direction: Direction) {
            self.unit = unit
            self.direction = direction
        }
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
        let words = self.words(of: lastComponent(of: name))
        guard let last = words.last else { return Result(unit: "", direction: .unknown) }

        if let rate = rate(words) { return Result(unit: rate, direction: .higherIsBetter) }
        if words.contains(where: higherWords.contains) || isHitRate(words) {
            return Result(unit: "", direction: .higherIsBetter)
        }
        // A lone `s` or `min` says too little; `ms`, `ns`, `seconds` alone name a time.
        if let unit = timeUnits[last], words.count > 1 || !["s", "min"].contains(last) {
            return Result(unit: unit, direction: .lowerIsBetter)
        }
        if let unit = sizeUnits[last], words.count > 1 { return Result(unit: unit, direction: .lowerIsBetter) }
        if words.contains(where: lowerWords.contains) {
            let unit = words.lazy.compactMap { timeUnits[$0] }.first ?? ""
            return Result(unit: unit, direction: .lowerIsBetter)
        }
        if last == "pct" || last == "percent" { return Result(unit: "%", direction: .unknown) }
        return Result(unit: "", direction: .unknown)
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
        if let direction = direction(ofUnit: unit) { return Result(unit: unit, direction: direction) }
        return Result(unit: unit, direction: infer(name).direction)
    }

    public static func direction(ofUnit unit: String) -> Direction? {
        let lower = unit.lowercased().trimmingCharacters(in: .whitespaces)
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
