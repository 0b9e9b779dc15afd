import Foundation

/// How often each word occurs in `text` (lowercased, split at everything that is not a letter).
///
/// `slowdown` repeats the whole count that many times: the answer is the same, only slower. It comes
/// from the environment variable `EXAMPLE_SLOWDOWN` (a whole factor, default 1), so that anyone can
/// watch the performance gate catch a slowdown.
public func wordFrequencies(in text: String, slowdown: Int = Slowdown.fromEnvironment()) -> [String: Int] {
    var counts: [String: Int] = [:]
    for _ in 0..<max(1, slowdown) {
        counts = [:]
        var word = ""
        for character in text.unicodeScalars {
            if CharacterSet.letters.contains(character) {
                word.unicodeScalars.append(character)
            } else if !word.isEmpty {
                counts[word.lowercased(), default: 0] += 1
                word = ""
            }
        }
        if !word.isEmpty { counts[word.lowercased(), default: 0] += 1 }
    }
    return counts
}

public enum Slowdown {
    /// `EXAMPLE_SLOWDOWN` as a whole factor of at least 1; 1 when it is unset or not a number.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        environment["EXAMPLE_SLOWDOWN"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { max(1, $0) } ?? 1
    }
}
