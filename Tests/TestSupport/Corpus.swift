import Foundation

/// The shared corpus of real benchmark artifacts (`../shared/corpus/` beside the repository).
public enum Corpus {
    /// The corpus folder, or nil when it is not there (tests that need it are then skipped).
    public static var root: String? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Corpus.swift → repository
        let candidate = url.deletingLastPathComponent().appendingPathComponent("shared/corpus/chimeraforge").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    public static var isAvailable: Bool { root != nil }

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        guard let root, let data = FileManager.default.contents(atPath: root + "/" + relativePath) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(data)
    }
}
