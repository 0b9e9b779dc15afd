import Foundation

/// Reads a file of a folder regress was pointed at (a working tree, a results folder) the way a file
/// that anyone could have committed must be read: a symbolic link is followed only when it resolves to
/// a file inside the folder (never outside it, into `.git`, `/proc` or `/dev`), and only regular files
/// are read (a FIFO would block, a device never end).
enum LocalFile {
    /// The bytes of `path` (relative to `root`), or `ArtifactError.notRead` saying why not.
    static func read(_ path: String, root: String) throws -> [UInt8] {
        let full = root + "/" + path
        let target = try resolvedTarget(path, root: root)
        let descriptor = open(target, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw RegressError.unreadableFile(path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw RegressError.unreadableFile(path: path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ArtifactError.notRead(path: path, reason: "\(RepositoryFile.kind(status.st_mode)), not a regular file: not read")
        }
        // Read straight into the array's storage, which is not filled with zeros first; a file that
        // shrank while it was read is what was there.
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, initialized in
            var count = 0
            while count < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + count, buffer.count - count, off_t(count))
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else {
                    failed = true
                    break
                }
                if got == 0 { break }
                count += got
            }
            initialized = failed ? 0 : count
        }
        guard !failed else { throw RegressError.unreadableFile(path: full) }
        return bytes
    }

    /// The size in bytes of the file `path` leads to, if it is one regress would read.
    static func size(_ path: String, root: String) -> Int? {
        guard let target = try? resolvedTarget(path, root: root) else { return nil }
        var status = stat()
        guard stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Where `path` leads, checked to stay inside `root` and out of its `.git` folder.
    static func resolvedTarget(_ path: String, root: String) throws -> String {
        let full = root + "/" + path
        var status = stat()
        guard lstat(full, &status) == 0 else { throw RegressError.unreadableFile(path: path) }
        guard let realRoot = RepositoryFile.realPath(root) else { throw RegressError.unreadableFile(path: path) }
        guard let real = RepositoryFile.realPath(full) else {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
            throw ArtifactError.notRead(path: path, reason: "a symbolic link to \(destination), which does not exist: not followed")
        }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        let inside = real.hasPrefix(prefix) && !(real.dropFirst(prefix.count) + "/").hasPrefix(".git/")
        if !inside {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? real
            throw ArtifactError.notRead(path: path, reason: "a symbolic link to \(destination), outside the repository: not followed")
        }
        return real
    }
}
