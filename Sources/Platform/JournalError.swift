// Why an entry did not reach journald.
import Glibc

/// Why an entry did not reach journald; the entry was not delivered and the caller may retry.
public struct JournalError: Error, CustomStringConvertible, Equatable {
    /// The cause, for callers that react differently (e.g. say "journald is away" only once).
    public enum Reason: Sendable, Equatable {
        /// /run/systemd/journal/socket does not exist: journald is not running.
        case socketMissing
        /// sd_journal_sendv returned an error (ECONNREFUSED when the socket exists but nobody listens).
        case refused(errno: Int32)
        /// Every field had a name journald rejects, so there was nothing to send.
        case noValidFields
    }

    /// The cause.
    public let reason: Reason

    /// Creates an error for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .socketMissing:
            return "journald is not running (\(Journal.socketPath) does not exist); the entry was not delivered"
        case .refused(let code):
            let text = String(cString: strerror(code))
            return "journald did not accept the entry (\(text), errno \(code)); the entry was not delivered"
        case .noValidFields:
            return "the entry had no field with a valid journald name (A-Z, 0-9, _); nothing was sent"
        }
    }
}
