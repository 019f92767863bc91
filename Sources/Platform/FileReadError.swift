// Why a file in the feed could not be read, as a sentence naming the file.
import Glibc

/// Why a file could not be read; `description` is a sentence naming the (escaped) path.
public struct FileReadError: Error, CustomStringConvertible, Equatable {
    /// The cause, for callers that treat some causes differently (a vanished file is not "bad input").
    public enum Reason: Sendable, Equatable {
        /// ENOENT: the file went away between the event and the read.
        case disappeared
        /// The path is a symbolic link; links are never followed.
        case symbolicLink
        /// The path is a directory, FIFO, socket or device.
        case notRegular(FileKind)
        /// st_size was above the limit; nothing was read.
        case tooLarge(size: Int64, limit: Int)
        /// The file grew past the limit while it was being read.
        case grewPastLimit(limit: Int)
        /// Any other failing system call.
        case system(operation: String, errno: Int32)
    }

    /// The path as shown to operators (control characters escaped).
    public let path: String
    /// The cause.
    public let reason: Reason

    /// Creates an error for `path` (escaped here) and `reason`.
    public init(path: String, reason: Reason) {
        self.path = escapedFileName(path)
        self.reason = reason
    }

    init(escapedPath: String, reason: Reason) {
        self.path = escapedPath
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .disappeared:
            return "'\(path)' disappeared before it could be read"
        case .symbolicLink:
            return "'\(path)' is a symbolic link; not followed"
        case .notRegular(let kind):
            return "'\(path)' is not a regular file (it is \(kind)); not read"
        case .tooLarge(let size, let limit):
            return "'\(path)' is \(formatBytes(size)), above the \(formatBytes(Int64(limit))) limit (--max-article-bytes); not read"
        case .grewPastLimit(let limit):
            return "'\(path)' grew past the \(formatBytes(Int64(limit))) limit (--max-article-bytes) while being read; not read"
        case .system(let op, let code):
            return "'\(path)' could not be read: \(op) failed with \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}

/// A byte count for sentences: "512 bytes", "12 KB", "8 MB", "1.5 MB" (1 KB = 1024 bytes).
public func formatBytes(_ n: Int64) -> String {
    if n < 1024 { return "\(n) bytes" }
    if n < 1 << 20 { return "\(n >> 10) KB" }
    let tenths = (n * 10 + (1 << 19)) >> 20
    return tenths % 10 == 0 || tenths >= 100 ? "\((tenths + 5) / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
}
