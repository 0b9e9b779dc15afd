import Foundation
import RegressCore

/// What is fuzzed: each target takes arbitrary bytes and must return or throw, never trap, hang or
/// exhaust the stack.
enum FuzzTarget: String, CaseIterable {
    case json, csv, markdown, detect, policy

    /// Runs the target on one input; errors are the expected answer to most inputs and are ignored.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .json:
            _ = try? JSONParser.parse(bytes)
            _ = try? ArtifactReader.read(bytes, path: "bench/r.json")
        case .csv:
            _ = try? CSVParser.parse(bytes)
            _ = try? ArtifactReader.read(bytes, path: "bench/r.csv")
        case .markdown:
            _ = try? ArtifactReader.read(bytes, path: "bench/r.md")
        case .detect:
            _ = try? ArtifactReader.read(bytes, path: "bench/results")
        case .policy:
            _ = try? PolicySet.parse([(name: "policies/fuzz.yml", text: String(decoding: bytes, as: UTF8.self))])
        }
    }

    /// The folders, relative to the package root, whose files seed this target's inputs.
    var seedFolders: [String] {
        switch self {
        case .policy: return ["policies"]
        default: return ["Tests/Fixtures/hostile", "Tests/RegressCoreTests/Fixtures/formats"]
        }
    }

    /// Every file below the seed folders, read whole (nothing above 1 MiB).
    func seeds(packageRoot: String) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for folder in seedFolders {
            let root = packageRoot + "/" + folder
            for case let path as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
                guard let data = FileManager.default.contents(atPath: root + "/" + path), data.count <= 1 << 20 else { continue }
                seeds.append(Array(data))
            }
        }
        return seeds.isEmpty ? [[]] : seeds
    }
}
