import ArgumentParser
import Foundation
import RegressCore

extension Regress {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Build a throw-away repository of LLM-benchmark history and run `regress compare` in it.",
            discussion: """
                The demo's last commit slows one compile backend by about 27% and holds a prompt-suite run \
                whose server was down. The report is what `regress compare HEAD~1` prints there; the demo \
                itself exits 0 when it ran.
                """
        )

        @Option(name: .long, help: "Build the repository in this new folder and keep it, to try regress in it.", completion: .directory)
        var path: String?

        @OptionGroup var report: ReportOptions

        func run() throws {
            running {
                let folder = path ?? FileManager.default.temporaryDirectory
                    .appendingPathComponent("regress-demo-\(UUID().uuidString)").path
                // Anything there, a dangling symbolic link too (`attributesOfItem` does not follow links).
                if let path, (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
                    throw ValidationError("\(path) already exists: name a new folder for the demo repository")
                }
                _ = try DemoRepository.build(at: folder)
                let comparison = try CompareOperation(repositoryPath: folder, base: "HEAD~1").run()
                if path == nil { try? FileManager.default.removeItem(atPath: folder) }
                report.write(comparison)
                let kept = path.map { "; the repository is kept in \($0)" } ?? ""
                FileHandle.standardError.write(Data(
                    "regress demo: `regress compare HEAD~1` would exit \(comparison.exitCode)\(kept)\n".utf8))
                Foundation.exit(0)
            }
        }
    }
}
