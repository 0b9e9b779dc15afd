import Foundation
@testable import RegressCore
import TestSupport
import Testing

/// Where `--output` writes: files atomically, everything else in place, never replaced.
struct OutputFileTests {
    @Test func aNewFileAndAnExistingFileAreWrittenWhole() throws {
        let folder = try TemporaryFolder.make(prefix: "output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFile.write("first\n", to: folder + "/report.md")
        try OutputFile.write("second\n", to: folder + "/report.md")
        #expect(try String(contentsOfFile: folder + "/report.md", encoding: .utf8) == "second\n")
    }

    @Test func aFIFOIsWrittenInPlaceNotReplaced() throws {
        let folder = try TemporaryFolder.make(prefix: "output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as `regress … --output pipe` would have in a shell pipeline.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        try OutputFile.write("through the pipe\n", to: fifo)
        reader.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "through the pipe\n")
        var status = stat()
        #expect(lstat(fifo, &status) == 0)
        #expect((status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let folder = try TemporaryFolder.make(prefix: "output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/latest.md", withDestinationPath: "reports/today.md")
        try OutputFile.write("linked\n", to: folder + "/latest.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/latest.md") == "reports/today.md")
        #expect(try String(contentsOfFile: folder + "/reports/today.md", encoding: .utf8) == "linked\n")
    }

    @Test func aMissingFolderOrAFolderIsAnErrorThatSaysSo() throws {
        let folder = try TemporaryFolder.make(prefix: "output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = #expect(throws: RegressError.self) { try OutputFile.write("x", to: folder + "/nope/report.md") }
        #expect(missing?.errorDescription == "cannot write \(folder)/nope/report.md: the folder \(folder)/nope does not exist; create it first")
        let isFolder = #expect(throws: RegressError.self) { try OutputFile.write("x", to: folder) }
        #expect(isFolder?.errorDescription == "cannot write \(folder): it is a folder; name a file in it")
    }
}
