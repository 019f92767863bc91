#if canImport(Glibc)
import Glibc
#endif

/// Appends each alert as one JSON line (`Alert.jsonLine`) to a file opened with `O_APPEND`,
/// one `write(2)` per alert, so lines from a resend or another writer never interleave.
public final class JSONLinesAlertSink: AlertSink, Sendable {
    /// The alert log's path.
    public let path: String
    private let fd: Int32

    /// Opens (creating, mode 0640) `path` for appending; throws `AlertSinkError` when it cannot.
    public init(path: String) throws(AlertSinkError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0o640)
        guard fd >= 0 else { throw AlertSinkError(path: path, problem: String(cString: strerror(errno))) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends one line for `alert`; throws `AlertSinkError` when the write fails (the disk is full, ...).
    public func deliver(_ alert: Alert) throws {
        let bytes = Array((alert.jsonLine + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw AlertSinkError(path: path, problem: String(cString: strerror(errno)), alertID: alert.id)
            }
            written += n
        }
    }
}
