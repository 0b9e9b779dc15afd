import Foundation
import TestSupport
import Testing

/// `--config FILE` on every command that reads artifacts, end to end.
struct ConfigOptionTests {
    @Test func everyCommandThatReadsArtifactsTakesAConfigFile() throws {
        let fixture = try FixtureRepository()
        try fixture.write("out/llm.csv", "model,ttft_s\n" + (1...6).map { "m,0.5\($0)" }.joined(separator: "\n") + "\n")
        try fixture.commit("results outside the default globs, no regress.yml")
        try fixture.write("ci/regress.yml", "version: 1\nartifacts:\n  - path: \"out/*.csv\"\n")
        let config = fixture.path + "/ci/regress.yml"
        let withoutConfig = try regress(["compare", "HEAD"], in: fixture.path)
        #expect(withoutConfig.status == 2)
        let compare = try regress(["compare", "HEAD", "--config", config, "--format", "text"], in: fixture.path)
        #expect(compare.status == 0)
        #expect(compare.stdout.hasPrefix("regress: passed — 1 unchanged in 1 metric of 1 run\n"))
        let record = try regress(["baseline", "record", "--config", config], in: fixture.path)
        #expect(record.status == 2, "committed results name no machine")
        #expect(record.stderr.hasPrefix("error: no fingerprint for out/llm.csv at working tree: "))
        try fixture.write("out/llm.csv", "model,ttft_s\n" + (1...6).map { "m,0.5\($0)" }.joined(separator: "\n") + "\nm,0.5\n")
        #expect(try regress(["baseline", "record", "--config", config], in: fixture.path).status == 0)
        let check = try regress(["check", "--config", config, "--format", "text"], in: fixture.path)
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("regress: passed — 1 unchanged in 1 metric of 1 run\n"))
        #expect(try regress(["noise", "--config", config], in: fixture.path).status == 0)
        #expect(try regress(["history", "--config", config, "--quiet"], in: fixture.path).stdout
            .hasPrefix("### ✅ regress history: no change point in 1 metric\n"))
        #expect(try regress(["blame", "**/ttft_s", "--config", config, "--quiet"], in: fixture.path).stdout
            .hasPrefix("regress blame: no commit changed the 1 metric matching **/ttft_s in HEAD\n"))
        #expect(try regress(["policy", "suggest", "--config", config, "--quiet"], in: fixture.path).stdout
            .contains("1 have too few runs between change points to tell."))
        #expect(try regress(["inspect", "HEAD:out/llm.csv", "--config", config], in: fixture.path).status == 0)
        let missing = try regress(["compare", "HEAD", "--config", "no/such.yml"], in: fixture.path)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no/such.yml cannot be read: check that it exists and is readable\n")
    }
}
