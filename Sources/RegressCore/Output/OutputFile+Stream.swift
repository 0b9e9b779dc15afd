import Foundation

extension OutputFile {
    /// A report written piece by piece where `--output` says, under the same rules as `write`: standard
    /// output for `-` or none; a regular or new file through a temporary file in its folder renamed
    /// over it at `finish()` (an export that fails half-way leaves the old file as it was); anything
    /// else (a FIFO, a device) written in place. Pieces are buffered and written a megabyte at a time.
    public final class Stream {
        private let handle: FileHandle
        private let path: String?
        private let temporary: String?
        private let target: String?
        private var buffer: [UInt8] = []
        private var finished = false
        private static let chunk = 1 << 20

        public init(to path: String?) throws {
            self.path = path
            let folder: String, target: String
            switch try OutputFile.destination(of: path) {
            case .standardOutput:
                handle = FileHandle.standardOutput
                temporary = nil
                self.target = nil
                return
            case .inPlace(let opened):
                handle = opened
                temporary = nil
                self.target = nil
                return
            case .replaced(let file, let parent):
                target = file
                folder = parent
            }
            let temporary = (folder.isEmpty ? "" : folder + "/") + ".\((target as NSString).lastPathComponent).\(getpid()).partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw RegressError.cannotWriteOutput(path: path ?? "-", reason: "cannot create a file in \(folder.isEmpty ? "." : folder)")
            }
            self.handle = handle
            self.temporary = temporary
            self.target = target
        }

        deinit {
            discard()
        }

        /// Drops what was written to a file (the target stays as it was); a no-op once finished.
        public func discard() {
            guard !finished else { return }
            finished = true
            guard let temporary else { return }
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }

        public func write(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Stream.chunk { try flush() }
        }

        private func flush() throws {
            guard !buffer.isEmpty else { return }
            do { try handle.write(contentsOf: buffer) } catch {
                throw RegressError.cannotWriteOutput(path: path ?? "standard output", reason: error.localizedDescription)
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered and puts the file in place.
        public func finish() throws {
            try flush()
            finished = true
            guard let temporary, let target else { return }
            try? handle.close()
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw RegressError.cannotWriteOutput(path: path ?? target, reason: reason)
            }
        }
    }
}
