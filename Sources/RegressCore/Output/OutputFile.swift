import Foundation

/// Writes a report where `--output` says, the way shell redirection would, without ever replacing
/// something that is not a regular file:
/// - `-` (or nothing) is standard output;
/// - a regular file, or a path that does not exist yet, is written atomically: a temporary file in
///   the same folder is renamed over it, so a reader never sees half a report;
/// - a symbolic link is followed to its target, which is then treated the same way (the link stays);
/// - anything else that exists (a FIFO, a character device such as `/dev/null` or `/dev/stdout`, a
///   socket) is opened and written in place: renaming over it would replace the device for every
///   other program on the machine.
public enum OutputFile {
    public static func write(_ text: String, to path: String?) throws {
        let data = Data(text.utf8)
        switch try destination(of: path) {
        case .standardOutput:
            FileHandle.standardOutput.write(data)
        case .inPlace(let handle):
            defer { try? handle.close() }
            do { try handle.write(contentsOf: data) } catch {
                throw RegressError.cannotWriteOutput(path: path ?? "-", reason: error.localizedDescription)
            }
        case .replaced(let target, _):
            do {
                try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                throw RegressError.cannotWriteOutput(path: path ?? "-", reason: error.localizedDescription)
            }
        }
    }

    /// Where `--output` writes, by the rules above.
    enum Destination {
        case standardOutput
        /// Something that is not a regular file, opened for writing in place.
        case inPlace(FileHandle)
        /// A regular or new file (links followed), replaced through a temporary file in its folder.
        case replaced(target: String, folder: String)
    }

    static func destination(of path: String?) throws -> Destination {
        guard let path, path != "-" else { return .standardOutput }
        let target = resolved(path)
        var status = stat()
        if lstat(target, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw RegressError.cannotWriteOutput(path: path, reason: "it is a folder; name a file in it")
            }
            guard let handle = FileHandle(forWritingAtPath: target) else {
                throw RegressError.cannotWriteOutput(path: path, reason: "it cannot be opened for writing")
            }
            return .inPlace(handle)
        }
        let folder = (target as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw RegressError.cannotWriteOutput(path: path, reason: "the folder \(folder) does not exist; create it first")
        }
        return .replaced(target: target, folder: folder)
    }

    /// The path with its symbolic links followed (at most 40, as the kernel allows); a dangling link
    /// resolves to where it points, which is then created.
    static func resolved(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }
}
