// One writer per state folder: an exclusive `flock` on `<state>/stancewatch.lock`, held for the
// life of the process.
import Glibc

/// The lock that keeps a second `stancewatch run` or `replay` off a state folder in use.
///
/// `acquire(directory:)` opens (creating it, mode 0600) `stancewatch.lock` in the state folder,
/// takes `flock(LOCK_EX | LOCK_NB)` on it and writes the process id into it. When another
/// process holds the lock it throws at once (never waits) with that process's id, read from
/// the file: «another stancewatch (pid N) is using STATE». The lock belongs to the open file
/// description, so it goes away with the process however it ends (SIGKILL included): a stale
/// lock file from a crashed run never blocks a restart, and its old pid is simply overwritten.
/// The descriptor is close-on-exec; the lock is released when the value is deinitialised.
public final class StateLock: Sendable {
    /// The lock file's name inside the state folder.
    public static let fileName = "stancewatch.lock"

    /// The lock file's path.
    public let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Takes the state folder `directory` (which must exist) for this process, or throws
    /// `StateLockError` naming the process that has it.
    public static func acquire(directory: String) throws(StateLockError) -> StateLock {
        let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        var fd: Int32 = -1
        repeat { fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0o600) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw StateLockError(directory: directory, reason: .system(operation: "open \(path)", errno: errno)) }
        var rc: Int32 = -1
        repeat { rc = flock(fd, LOCK_EX | LOCK_NB) } while rc != 0 && errno == EINTR
        if rc != 0 {
            let code = errno
            let holder = readPid(fd)
            close(fd)
            if code == EWOULDBLOCK { throw StateLockError(directory: directory, reason: .inUse(pid: holder)) }
            throw StateLockError(directory: directory, reason: .system(operation: "flock \(path)", errno: code))
        }
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0, text.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == text.count else {
            let code = errno
            close(fd)
            throw StateLockError(directory: directory, reason: .system(operation: "write \(path)", errno: code))
        }
        return StateLock(path: path, fd: fd)
    }

    /// The pid written in the lock file, or nil when it is empty (the holder is between its
    /// `flock` and its write) or unreadable.
    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let digits = buffer[0..<n].prefix { (0x30...0x39).contains($0) }
        return Int32(String(decoding: digits, as: UTF8.self))
    }
}

/// Why the state folder could not be taken; `description` is the sentence for the operator.
public struct StateLockError: Error, CustomStringConvertible, Equatable {
    /// The cause.
    public enum Reason: Sendable, Equatable {
        /// Another process holds the lock (its pid when it had written it already).
        case inUse(pid: Int32?)
        /// A system call failed (the folder is missing, read-only, ...).
        case system(operation: String, errno: Int32)
    }

    /// The state folder.
    public let directory: String
    /// The cause.
    public let reason: Reason

    /// An error about `directory`.
    public init(directory: String, reason: Reason) {
        self.directory = directory
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .inUse(let pid?):
            "another stancewatch (pid \(pid)) is using \(directory); this one did not start"
        case .inUse(nil):
            "another stancewatch (pid not written yet: it is starting) is using \(directory); this one did not start"
        case .system(let operation, let code):
            "the state folder \(directory) could not be locked for this process: \(operation) failed with "
                + "\(String(cString: strerror(code))) (errno \(code)); this one did not start"
        }
    }
}
