import Foundation

/// Writes a file that regress keeps inside a repository (a stored baseline, `policies/default.yml`, the
/// demo's files) without ever writing outside it or replacing anything but a regular file:
/// - the path is relative, with no `..` component;
/// - every folder on the way is created if missing, and one that exists must resolve inside the root
///   (a committed link to `/etc` is refused, not followed);
/// - the file itself, when it exists, must be a regular file (a link, FIFO, device or socket is refused);
/// - the bytes go to a new temporary file beside it (created exclusively, links not followed), are
///   flushed to disk, and then renamed over the target, so a reader, or a process killed at any moment,
///   leaves either the old file or the new one, never a torn one.
public enum RepositoryFile {
    /// Writes `data` at `relativePath` under `root`; with `replacing` false an existing file is an error.
    /// `beforeRename` lets tests interrupt the write between the flush and the rename.
    public static func write(_ data: Data, to relativePath: String, root: String, replacing: Bool = true,
                             beforeRename: (() throws -> Void)? = nil) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw RegressError.cannotWriteOutput(path: relativePath, reason: "name a path inside the repository, relative to its root, without `..`")
        }
        guard let realRoot = realPath(root) else {
            throw RegressError.cannotWriteOutput(path: relativePath, reason: "the repository folder \(root) cannot be resolved")
        }
        var folder = root
        for name in components.dropLast() {
            folder += "/" + name
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: "the folder \(name) cannot be created: \(String(cString: strerror(errno)))")
            }
            guard let real = realPath(folder), real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: "\(name) leads outside the repository (a symbolic link): not followed")
            }
            var status = stat()
            guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: "\(name) is not a folder")
            }
        }
        let target = folder + "/" + components.last!
        var status = stat()
        if lstat(target, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: "it is \(kind(status.st_mode)), not a regular file: regress replaces only regular files")
            }
            guard replacing else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: "it already exists: edit it, or remove it first")
            }
        }
        removeStaleTemporaries(of: components.last!, in: folder)
        let temporary = folder + "/.\(components.last!).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RegressError.cannotWriteOutput(path: relativePath, reason: "a temporary file cannot be created beside it: \(String(cString: strerror(errno)))")
        }
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else {
                        throw RegressError.cannotWriteOutput(path: relativePath, reason: String(cString: strerror(errno)))
                    }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: String(cString: strerror(errno)))
            }
            try beforeRename?()
            guard rename(temporary, target) == 0 else {
                throw RegressError.cannotWriteOutput(path: relativePath, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
        // The rename itself reaches the disk with the folder's entry.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Removes the temporary files that writers of `name` killed before their rename left behind
    /// (`.name.tmp-PID-N`), those of processes no longer running.
    static func removeStaleTemporaries(of name: String, in folder: String) {
        let prefix = ".\(name).tmp-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }),
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// What a file of this mode is, in words.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        default: return "a regular file"
        }
    }

    /// The path with every symbolic link resolved; nil when some part does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
