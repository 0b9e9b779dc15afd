import Foundation

/// Compares text with a committed snapshot file under the calling test's `Snapshots/` folder.
/// A missing snapshot is recorded and reported as a mismatch; set `REGRESS_RECORD_SNAPSHOTS=1` to
/// re-record on purpose (then read the diff before committing it).
public enum Snapshot {
    public static func mismatch(_ actual: String, named name: String, filePath: String = #filePath) -> String? {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let file = folder.appendingPathComponent(name)
        let recording = ProcessInfo.processInfo.environment["REGRESS_RECORD_SNAPSHOTS"] == "1"
        if recording || !FileManager.default.fileExists(atPath: file.path) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: file)
            return recording ? nil : "no snapshot \(name) existed: recorded it, check it and run again"
        }
        let expected = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let e = index < expectedLines.count ? expectedLines[index] : "<end>"
            let a = index < actualLines.count ? actualLines[index] : "<end>"
            if e != a { return "snapshot \(name) differs at line \(index + 1):\n- \(e)\n+ \(a)" }
        }
        return "snapshot \(name) differs"
    }
}
