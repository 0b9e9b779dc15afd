@testable import RegressCore
import RegressGit
import Testing

struct ConfigurationTests {
    @Test func readsArtifactEntries() throws {
        let configuration = try Configuration.parse("""
            version: 1
            artifacts:
              - path: "bench/**/*.csv"
                keys: [model, prompt_index]
              - path: results/out.txt
                format: json
            exclude: "**/tmp/**"
            """, file: "regress.yml")
        #expect(configuration.artifacts == [
            .init(glob: try Glob("bench/**/*.csv"), format: nil, keys: ["model", "prompt_index"]),
            .init(glob: try Glob("results/out.txt"), format: .json, keys: []),
        ])
        #expect(configuration.exclude == [try Glob("**/tmp/**")])
        #expect(configuration.entry(for: "bench/a/b.csv")?.keys == ["model", "prompt_index"])
        #expect(configuration.isExcluded("a/tmp/b.json"))
        #expect(configuration.isExcluded("bench/fingerprint.json"))
    }

    @Test func anEmptyFileMeansTheDefaults() throws {
        let configuration = try Configuration.parse("", file: "regress.yml")
        #expect(configuration.globs == Configuration.defaultGlobs)
    }

    @Test(arguments: [
        ("version: 1\nartifact:\n  - path: x\n", "regress.yml:2: artifact: unknown key; expected one of: version, artifacts, exclude, fingerprint, max_artifact_bytes"),
        ("version: 1\nartifacts:\n  - path: x\n    key: [a]\n", "regress.yml:4: artifacts[0].key: unknown key; expected one of: path, format, keys, direction"),
        ("version: 2\n", "regress.yml:1: version: version 2 is newer than this regress understands (1): upgrade regress"),
        ("version: one\n", "regress.yml:1: version: expected a whole number"),
        ("version: 1\nartifacts:\n  - format: csv\n", "regress.yml:3: artifacts[0]: each artifacts entry needs a `path:` glob"),
        ("version: 1\nartifacts:\n  - path: \"a/**b\"\n", "regress.yml:3: artifacts[0].path: invalid glob 'a/**b': '**' must be a whole path segment, as in 'a/**/b'"),
        ("version: 1\nartifacts:\n  - path: x\n    format: xml\n", "regress.yml:4: artifacts[0].format: unknown format 'xml'; expected one of: json, csv, markdown, google-benchmark, pytest-benchmark, hyperfine, criterion, cargo-bench, go-bench, package-benchmark, asv, jmh, custom-benchmark, benchmark-action-history, regress-measurements, catch2, benchmark-dotnet, julia-benchmarktools, benchmark-js, iai, time"),
        ("artifacts:\n  - path: x\n", "regress.yml:1: add `version: 1` so that later versions of regress read this file the same way"),
        ("version: 1\nartifacts: [\n", "regress.yml:3: not valid YAML: did not find expected node content"),
    ])
    func errorsNameTheFileLineAndKey(text: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try Configuration.parse(text, file: "regress.yml") }
        #expect(error?.errorDescription == message)
    }
}
