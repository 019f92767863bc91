import Alerts
public import Corpus
public import Logging
import Platform

/// The watchlist lint in the daemon: its warnings, once per load (start-up and each reload),
/// as journald warnings an operator can filter on.
///
/// Each warning is one entry: PRIORITY=4, the "watchlist warning" MESSAGE_ID
/// (`MessageID.watchlistWarning`, explained in the journald catalog), `STANCE_FILE=` the
/// watchlist's path (escaped), `STANCE_CHECK=` the check's name (`shared-cue`, ...),
/// `STANCE_TOPICS=` / `STANCE_ACTORS=` the ids concerned (comma separated), and a MESSAGE that
/// holds the warning and its suggestion. Without journald the same sentence goes to the
/// logger at warning level. A lint that cannot start (lexicons missing) is one "daemon trouble"
/// warning instead: the watchlist is used all the same.
public struct WatchlistJournal: Sendable {
    private let logger: Logger

    /// Entries go to journald when it is there, else to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Checks `watchlist` (read from `path`) and logs each warning; returns them.
    @discardableResult
    public func watchlistWarnings(_ watchlist: Watchlist, path: String) -> [WatchlistWarning] {
        let warnings: [WatchlistWarning]
        do {
            warnings = try WatchlistLint().warnings(watchlist)
        } catch {
            OperatorJournal(logger: logger).trouble(
                "the watchlist \(path) was not checked for shared cues and names (\(error)); it is used as it is", priority: 4)
            return []
        }
        for w in warnings {
            let message = "watchlist \(path): \(w.message); suggestion: \(w.suggestion)"
            var fields = [
                ("MESSAGE", message), ("MESSAGE_ID", MessageID.watchlistWarning), ("PRIORITY", "4"),
                ("STANCE_FILE", escapedFileName(path)), ("STANCE_CHECK", w.check.rawValue),
                ("SYSLOG_IDENTIFIER", "stancewatch"),
            ]
            if !w.topics.isEmpty { fields.append(("STANCE_TOPICS", w.topics.joined(separator: ","))) }
            if !w.actors.isEmpty { fields.append(("STANCE_ACTORS", w.actors.joined(separator: ","))) }
            if Journal.isAvailable, (try? Journal.send(fields)) != nil {
                logger.debug("\(message)")
            } else {
                logger.warning("\(message)")
            }
        }
        return warnings
    }
}
