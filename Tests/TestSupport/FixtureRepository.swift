import Foundation

/// A git repository made at test time with the git CLI, under a fixed identity and fixed dates, so
/// that its commit ids are the same on every machine.
public final class FixtureRepository {
    public let path: String
    private var clock = 0

    /// A new empty repository in a fresh temporary folder, on branch `main`.
    public init(bare: Bool = false) throws {
        path = try TemporaryFolder.make(prefix: "fixture")
        try git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"])
    }

    /// Wraps an existing folder (a clone made by another fixture).
    public init(existing path: String) {
        self.path = path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func write(_ relativePath: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    public func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relativePath)
    }

    /// Stages everything and commits; each commit is one minute after the previous one.
    @discardableResult
    public func commit(_ message: String) throws -> String {
        try git(["add", "-A"])
        clock += 1
        try git(["commit", "-q", "--allow-empty", "-m", message], date: clock)
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository under the fixed identity; returns standard output.
    @discardableResult
    public func git(_ arguments: [String], date: Int? = nil) throws -> String {
        let stamp = "2025-01-01T00:\(String(format: "%02d", (date ?? clock) % 60)):00Z"
        return try Shell.run("/usr/bin/env", ["git"] + arguments, in: path, environment: [
            "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.com",
            "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.com",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        ])
    }
}

/// Temporary folders for tests.
public enum TemporaryFolder {
    public static func make(prefix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regress-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// Runs a process to completion.
public enum Shell {
    public struct Failure: Error, CustomStringConvertible {
        public let command: String
        public let status: Int32
        public let stderr: String
        public var description: String { "\(command) exited \(status): \(stderr)" }
    }

    public struct Output {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs and returns everything, whatever the exit status.
    public static func capture(_ executable: String, _ arguments: [String], in folder: String,
                               environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Output goes to files, so a large output can never block the child.
        let folderForOutput = try TemporaryFolder.make(prefix: "process")
        defer { try? FileManager.default.removeItem(atPath: folderForOutput) }
        let outURL = URL(fileURLWithPath: folderForOutput + "/stdout")
        let errURL = URL(fileURLWithPath: folderForOutput + "/stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and returns standard output; a non-zero exit throws.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in folder: String,
                           environment: [String: String] = [:]) throws -> String {
        let output = try capture(executable, arguments, in: folder, environment: environment)
        guard output.status == 0 else {
            throw Failure(command: ([executable] + arguments).joined(separator: " "), status: output.status, stderr: output.stderr)
        }
        return output.stdout
    }
}
