import Foundation
import RegressCore
import RegressGit
import Testing
import TestSupport

@Suite struct MeasurementsFileTests {
    static let machine = Fingerprint(fields: ["cpu.model": "Test CPU", "cpu.logical_cores": "4"])
    static let measurements = [
        Measurement(benchmark: "parse", metric: "time", unit: "s", direction: .lowerIsBetter, samples: [0.5, 0.25]),
        Measurement(benchmark: "parse", metric: "items", unit: "count", direction: .unknown, samples: [10, 10]),
        Measurement(benchmark: "render", metric: "throughput", unit: "items/s", direction: .higherIsBetter, samples: [3]),
    ]

    @Test func theWrittenFileIsReadBackAsItWasMeasured() throws {
        let text = MeasurementsFile.json(Self.measurements, fingerprint: Self.machine)
        #expect(text == """
            {
              "benchmarks": [
                {
                  "metrics": [
                    {
                      "direction": "lower",
                      "name": "time",
                      "samples": [0.5, 0.25],
                      "unit": "s"
                    },
                    {
                      "direction": "none",
                      "name": "items",
                      "samples": [10, 10],
                      "unit": "count"
                    }
                  ],
                  "name": "parse"
                },
                {
                  "metrics": [
                    {
                      "direction": "higher",
                      "name": "throughput",
                      "samples": [3],
                      "unit": "items/s"
                    }
                  ],
                  "name": "render"
                }
              ],
              "fingerprint": {
                "fields": {
                  "cpu.logical_cores": "4",
                  "cpu.model": "Test CPU"
                },
                "id": "\(Self.machine.id)"
              },
              "regress_measurements": 1
            }

            """)
        let result = try ArtifactReader.read(ReadRequest(bytes: Array(text.utf8), path: "perf/run.json"))
        #expect(result.format == .regressMeasurements)
        #expect(result.reason == "it has `regress_measurements` (regress's measurements file)")
        #expect(result.contents.measurements == Self.measurements)
        #expect(result.contents.fingerprint == Self.machine)
    }

    @Test func inspectShowsTheFileAndItsMachine() throws {
        let fixture = try FixtureRepository()
        try fixture.write("perf/run.json", MeasurementsFile.json(Self.measurements, fingerprint: Self.machine))
        let report = try InspectOperation(target: fixture.path + "/perf/run.json", repositoryPath: fixture.path).run()
        #expect(report.format == .regressMeasurements)
        #expect(report.fingerprint?.fingerprint == Self.machine)
        #expect(report.text.contains("format       regress-measurements: it has `regress_measurements` (regress's measurements file)\n"))
    }

    @Test func swiftPMsBuildFolderHoldsNoArtifactsUnlessConfigured() throws {
        let root = try TemporaryFolder.make(prefix: "build-folder")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = MeasurementsFile.json(Self.measurements, fingerprint: nil)
        for path in ["bench/run.json", ".build/regress/bench/run.json", ".build/debug/Benchmarks.build/output.json"] {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let source = WorkingTreeSource(folder: root)
        #expect(source.repository == nil)
        #expect(try RunLoader.load(source, configuration: .defaults).runs.map(\.path) == ["bench/run.json"])
        var configured = Configuration.defaults
        configured.artifacts = [.init(glob: try Glob(".build/regress/**/*.json"))]
        #expect(try RunLoader.load(source, configuration: configured).runs.map(\.path) == [".build/regress/bench/run.json"])
    }

    @Test func aMissingDirectionIsInferredFromTheNameAndUnit() throws {
        let text = #"{"regress_measurements": 1, "benchmarks": [{"name": "b", "metrics": [{"name": "tokens_s", "samples": [5]}]}]}"#
        let contents = try ArtifactReader.read(Array(text.utf8), path: "run.json").1
        #expect(contents.measurements.map(\.direction) == [.higherIsBetter])
        #expect(contents.fingerprint == nil)
    }

    @Test(arguments: [
        (#"{"regress_measurements": 2, "benchmarks": []}"#, "run.json: regress_measurements: "),
        (#"{"regress_measurements": 1, "benchmarks": [{"name": "b", "metrics": [{"name": "t", "direction": "down", "samples": [1]}]}]}"#,
         "run.json: benchmarks[0].metrics[0].direction: direction `down` is none of lower, higher, none"),
        (#"{"regress_measurements": 1, "benchmarks": [{"name": "b", "metrics": [{"name": "t", "samples": []}]}]}"#,
         "run.json: benchmarks[0].metrics[0].samples: a metric needs at least one sample"),
        (#"{"regress_measurements": 1, "benchmarks": [{"name": "b", "metrics": [{"name": "t", "samples": ["1"]}]}]}"#,
         "run.json: benchmarks[0].metrics[0].samples[0]: expected a number"),
        (#"{"regress_measurements": 1, "benchmarks": [{"metrics": []}]}"#, "run.json: benchmarks[0].name: missing"),
    ])
    func aBrokenFileIsAnErrorNamingTheKey(text: String, message: String) throws {
        let error = #expect(throws: ArtifactError.self) { try ArtifactReader.read(Array(text.utf8), path: "run.json") }
        #expect(error?.errorDescription?.hasPrefix(message) == true, "\(error?.errorDescription ?? "")")
    }
}
