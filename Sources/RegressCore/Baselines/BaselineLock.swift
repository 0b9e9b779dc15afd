import Foundation

/// Keeps two `regress baseline record` (or `accept`) processes of one repository from interleaving
/// their reads and writes of the baselines folder: an exclusive `flock` on `regress-baselines.lock` in
/// the git folder (never in the working tree, where it could be committed). The kernel releases it
/// when the process ends however it ends (kill -9 too), so a lock is never left stale; the file names
/// the holder for the message of the process that finds it held.
public final class BaselineLock {
    private let descriptor: Int32

    /// Takes the lock, or throws `RegressError.baselinesLocked` naming the process that holds it; with
    /// `waiting`, waits for the holder instead (tests of one process recording at once take turns).
    public init(gitDirectory: String, command: String, waiting: Bool = false) throws {
        let path = gitDirectory + "/regress-baselines.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RegressError.cannotWriteOutput(path: path, reason: "the lock file cannot be opened: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
            // The holder writes its name right after it takes the lock: give it a moment to.
            var holder = ""
            for _ in 0..<20 {
                var buffer = [UInt8](repeating: 0, count: 256)
                let count = pread(descriptor, &buffer, buffer.count, 0)
                holder = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !holder.isEmpty { break }
                usleep(10_000)
            }
            close(descriptor)
            throw RegressError.baselinesLocked(lock: path, holder: holder.isEmpty ? "another process" : holder)
        }
        self.descriptor = descriptor
        let holder = "process \(getpid()) (regress \(command))\n"
        ftruncate(descriptor, 0)
        _ = holder.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
