import Foundation
import TestSupport
import Testing

struct PolicyCommandTests {
    @Test func aPolicyFileWidensTheToleranceOfOneMetric() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm.csv", "model,ttft_s,tokens_s\nm,0.50,80\n")
        try fixture.commit("first")
        try fixture.write("bench/llm.csv", "model,ttft_s,tokens_s\nm,0.55,80\n")
        try fixture.commit("second")
        #expect(try regress(["compare"], in: fixture.path).status == 1)
        try fixture.write("policies/llm.yml", "version: 1\nrules:\n  - match: \"**/ttft_s\"\n    tolerance: { relative: 15% }\n")
        let output = try regress(["compare", "--format", "json"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"rule\": \"policies/llm.yml rules[0]\""))
        let explicit = try regress(["compare", "--policy", "policies/llm.yml", "--format", "text"], in: fixture.path)
        #expect(explicit.status == 0)
        #expect(explicit.stdout.contains("policy: policies/llm.yml\n"))
    }

    @Test func aBadPolicyStopsWithExitTwoNamingFileLineAndKey() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/llm.csv", "model,ttft_s\nm,0.50\n")
        try fixture.write("policies/bad.yml", "version: 1\ndefaults:\n  tolerance: { relative: 5 }\n")
        try fixture.commit("first")
        let output = try regress(["compare", "HEAD"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr == "error: policies/bad.yml:3: defaults.tolerance.relative: expected a percentage such as 5%, got '5'\n")
    }

    @Test func explainPrintsTheResolvedPolicy() throws {
        let fixture = try FixtureRepository()
        try fixture.write("policies/llm.yml", "version: 1\nrules:\n  - match: \"**/ttft_s\"\n    alpha: 0.05\n")
        let output = try regress(["policy", "explain", "bench/llm.csv/m/ttft_s"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\nalpha                    0.05  "))
        #expect(output.stdout.contains("  policies/llm.yml rules[0]\n"))
    }

    @Test func initWritesTheDocumentedDefaultOnceOnly() throws {
        let fixture = try FixtureRepository()
        let first = try regress(["policy", "init"], in: fixture.path)
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.path + "/policies/default.yml"))
        let again = try regress(["policy", "init"], in: fixture.path)
        #expect(again.status == 2)
        #expect(again.stderr == "error: policies/default.yml already exists: edit it, or remove it first\n")
    }
}

struct NoiseCommandTests {
    @Test func noiseReportsInJSONAndRefusesANegativeCount() throws {
        let fixture = try FixtureRepository()
        for ms in [10.0, 12.0, 8.0] {
            try fixture.write("bench/r.json", "{\"latency_ms\": [\(ms), \(ms + 0.1), \(ms - 0.1), \(ms), \(ms + 0.05)]}")
            try fixture.commit("run \(ms)")
        }
        let output = try regress(["noise", "HEAD", "--last", "2", "--format", "json"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"runs_from\": \"the last 2 commits\""))
        #expect(output.stdout.contains("\"runs\": 3"))
        #expect(output.stdout.contains("\"gateable\": false"))
        let bad = try regress(["noise", "--last=-1"], in: fixture.path)
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: --last takes a number of commits, 0 or more\n")
        let usage = try regress(["compare", "--no-such-option"], in: fixture.path)
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("Error: Unknown option '--no-such-option'"))
    }
}

struct BaselineCommandTests {
    @Test func recordCheckAcceptAndShowEndToEnd() throws {
        let fixture = try FixtureRepository()
        let steady = [10.0, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.03]
        func csv(_ factor: Double) -> String { "case,latency_ms\n" + steady.map { "a,\($0 * factor)" }.joined(separator: "\n") + "\n" }
        try fixture.write("bench/r.csv", csv(1))
        let record = try regress(["baseline", "record"], in: fixture.path)
        #expect(record.status == 0)
        #expect(record.stdout.hasPrefix("wrote baselines/bench__r.csv-"))
        #expect(try regress(["check"], in: fixture.path).status == 0)
        try fixture.write("bench/r.csv", csv(1.2))
        let failing = try regress(["check", "--format", "text"], in: fixture.path)
        #expect(failing.status == 1)
        #expect(failing.stdout.hasPrefix("regress: regression — 1 regression in 1 metric of 1 run\nbase: baselines/\n"))
        let accept = try regress(["baseline", "accept", "**/latency_ms", "--reason", "slower allocator, accepted"], in: fixture.path)
        #expect(accept.status == 0)
        #expect(try regress(["check"], in: fixture.path).status == 0)
        let show = try regress(["baseline", "show"], in: fixture.path)
        #expect(show.stdout.contains("    a latency_ms: median 12.01 ms, n=8\n"))
        #expect(show.stdout.contains(": 1 metric(s) matching **/latency_ms: slower allocator, accepted\n"))
        let noReason = try regress(["baseline", "accept", "**", "--reason", " "], in: fixture.path)
        #expect(noReason.status == 2)
    }

    @Test func fingerprintPrintsJSONWithAnId() throws {
        let folder = try TemporaryFolder.make(prefix: "fp")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try regress(["fingerprint", "--format", "json"], in: folder)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"regress_fingerprint\": 1"))
        #expect(output.stdout.contains("\"cpu.logical_cores\": "))
        let again = try regress(["fingerprint", "--format", "json"], in: folder)
        #expect(again.stdout == output.stdout)
    }
}

struct InspectCommandTests {
    @Test func inspectsAFileOnDiskAndAFileOfACommit() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.csv", "model,ttft_s,error\nm,0.5,\nn,0,server down\n")
        try fixture.commit("bench")
        try fixture.write("bench/r.csv", "model,ttft_s\nm,0.7\n")
        let disk = try regress(["inspect", "bench/r.csv"], in: fixture.path)
        #expect(disk.status == 0)
        #expect(disk.stdout == """
            bench/r.csv
            format       csv: the file name ends in .csv
            what         a run
            series       bench/r.csv
            fingerprint  none
            benchmarks   1, metrics 1
              m
                ttft_s  s         lower    1 sample, median 0.7 s  (time unit 's')

            """)
        let committed = try regress(["inspect", "HEAD:bench/r.csv", "--format", "json"], in: fixture.path)
        #expect(committed.status == 0)
        #expect(committed.stdout.contains("\"first_error\": \"server down\""))
        #expect(committed.stdout.contains("\"format\": \"csv\""))
        #expect(committed.stdout.contains("\"direction_reason\": \"time unit 's'\""))
        let missing = try regress(["inspect", "HEAD:bench/none.csv"], in: fixture.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: 'bench/none.csv' does not exist at commit "))
    }

    @Test func aFileInNoKnownFormatIsDescribedAndExitsZero() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/notes.txt", "Ran it twice.\n")
        let output = try regress(["inspect", "bench/notes.txt"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout == """
            bench/notes.txt
            format       none
            what         not a known format: not JSON (it does not start with `{` or `[`), not named .csv, .tsv or .md, and no line is a result line of a text format (catch2, benchmark-js, iai, go-bench, cargo-bench, time) (first line: `Ran it twice.`)

            """)
        #expect(output.stderr == "")
    }
}
