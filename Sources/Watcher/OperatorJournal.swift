import Alerts
public import Logging
import Platform

/// The daemon's own journald entries for an operator: refused articles and folder/store trouble.
///
/// Each bad file gets exactly one entry (PRIORITY=3, the "article refused" MESSAGE_ID,
/// `STANCE_FILE=` the escaped name). When journald is absent, the same sentence goes to the
/// logger (stderr) instead; never to both, so that under systemd, where stderr is captured
/// by journald, an operator still sees each event once.
public struct OperatorJournal: Sendable {
    private let logger: Logger

    /// Entries go to journald when it is there, else to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// One error entry for a refused file; `message` is the whole sentence (it names the escaped file).
    public func refused(name: String, message: String) {
        refused(shownName: escapedFileName(name), message: message)
    }

    /// `refused(name:message:)` for a name already escaped (`escapedFileName(bytes:)` of the raw name).
    public func refused(shownName: String, message: String) {
        let fields = [
            ("MESSAGE", message), ("MESSAGE_ID", MessageID.articleRefused), ("PRIORITY", "3"),
            ("STANCE_FILE", shownName), ("SYSLOG_IDENTIFIER", "stancewatch"),
        ]
        if Journal.isAvailable, (try? Journal.send(fields)) != nil {
            logger.debug("\(message)")
        } else {
            logger.error("\(message)")
        }
    }

    /// One entry about the daemon or its folders (feed gone, store error, ...), at `priority`
    /// (3 error, 4 warning, 5 notice).
    public func trouble(_ message: String, priority: Int = 3) {
        let fields = [
            ("MESSAGE", message), ("MESSAGE_ID", MessageID.daemonTrouble), ("PRIORITY", String(priority)),
            ("SYSLOG_IDENTIFIER", "stancewatch"),
        ]
        if Journal.isAvailable, (try? Journal.send(fields)) != nil {
            logger.debug("\(message)")
        } else if priority <= 3 {
            logger.error("\(message)")
        } else if priority == 4 {
            logger.warning("\(message)")
        } else {
            logger.notice("\(message)")
        }
    }
}
