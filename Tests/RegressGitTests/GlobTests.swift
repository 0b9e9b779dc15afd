@testable import RegressGit
import Testing

struct GlobTests {
    @Test(arguments: [
        ("*.json", "a.json", true),
        ("*.json", "dir/a.json", false),
        ("bench/*.csv", "bench/x.csv", true),
        ("bench/*.csv", "bench/sub/x.csv", false),
        ("**/*.json", "a.json", true),
        ("**/*.json", "a/b/c.json", true),
        ("bench/**", "bench/a/b", true),
        ("bench/**", "other/a", false),
        ("a/**/b.json", "a/b.json", true),
        ("a/**/b.json", "a/x/y/b.json", true),
        ("**/{bench*,results}/**/*.{json,csv}", "outputs/results/x/r.csv", true),
        ("**/{bench*,results}/**/*.{json,csv}", "benchmarks/r.json", true),
        ("**/{bench*,results}/**/*.{json,csv}", "src/r.json", false),
        ("run_?.json", "run_1.json", true),
        ("run_?.json", "run_12.json", false),
        ("run_[0-9].json", "run_7.json", true),
        ("run_[!0-9].json", "run_7.json", false),
        ("*bench*", "conv_bench_1.json", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }

    @Test func literalPrefixesAreTheFoldersBeforeTheFirstWildcard() throws {
        #expect(try Glob("target/criterion/**/new/*.json").literalPrefixes == ["target/criterion"])
        #expect(try Glob("**/x.json").literalPrefixes == [""])
        #expect(try Glob("{a,b}/c/*.json").literalPrefixes == ["a/c", "b/c"])
    }

    @Test func bracesExpandAroundCharactersBeyondASCII() throws {
        #expect(try Glob.expandBraces("bänch/{é,ü}/*.{json,csv}")
            == ["bänch/é/*.json", "bänch/é/*.csv", "bänch/ü/*.json", "bänch/ü/*.csv"])
        #expect(try Glob.expandBraces("{a,{b,c}d}") == ["a", "bd", "cd"])
        #expect(try Glob("bänch/{é,ü}/*.json").matches("bänch/ü/r.json"))
        #expect(throws: GlobError.invalid(pattern: "é}", reason: "'}' without '{'")) { try Glob.expandBraces("{é,ü}}") }
    }

    @Test func malformedPatternsAreRefusedWithAReason() {
        #expect(throws: GlobError.invalid(pattern: "a/**b", reason: "'**' must be a whole path segment, as in 'a/**/b'")) {
            try Glob("a/**b")
        }
        #expect(throws: GlobError.invalid(pattern: "{a,b", reason: "'{' without '}'")) { try Glob("{a,b") }
        #expect(throws: GlobError.invalid(pattern: "[ab", reason: "'[' opens a character class that is never closed")) {
            try Glob("[ab")
        }
    }
}
