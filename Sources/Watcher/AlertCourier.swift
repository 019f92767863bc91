/// Delivers the store's pending alerts (the outbox) to journald and the alert log, then marks them sent.
///
/// Alerts are committed before they are sent and marked sent after journald took them, so a
/// crash in between resends the alert with the same `STANCE_ALERT_ID` (at least once, never lost).
/// The alert log gets a line when an alert is first delivered: before the first write, the ids
/// already in the log are read back once, so a restart does not repeat lines for alerts still
/// pending; a crash between the write and that bookkeeping may still repeat a line with the
/// same `STANCE_ALERT_ID` (a reader drops repeats by id).
/// When journald is absent (no socket), alerts stay pending and go out once it is back; the
/// alert log is still written, once per alert.
public import Alerts
public import Logging
import Platform
public import Store

public final class AlertCourier {
    private let journal = JournalAlertSink()
    private var alertLog: JSONLinesAlertSink?
    private let logger: Logger
    /// Alert ids already in the alert log (read back once, then kept up to date).
    private var logged: Set<String> = []
    private var loggedLoaded = false
    /// Whether the "journald is not available" notice was given and not yet cleared.
    private var journalMissingReported = false
    /// How many alerts this process marked sent.
    public private(set) var sentCount = 0

    /// A courier writing to journald and, when given, the JSON Lines file at `alertLogPath`.
    public init(alertLogPath: String?, logger: Logger) throws(AlertSinkError) {
        self.alertLog = try alertLogPath.map { (p: String) throws(AlertSinkError) -> JSONLinesAlertSink in
            try JSONLinesAlertSink(path: p)
        }
        self.logger = logger
    }

    /// Sends every pending alert, oldest first; returns how many were marked sent. An alert
    /// that a sink refused stays pending for the next call.
    @discardableResult
    public func deliverPending(store: StanceStore) throws -> Int {
        let pending = try store.pendingAlerts()
        guard !pending.isEmpty else { return 0 }
        if let alertLog, !loggedLoaded {
            loggedLoaded = true
            logged.formUnion(Self.alertIDs(inLog: alertLog.path))
        }
        var journalUp = Journal.isAvailable
        if !journalUp { noteJournalDown("no socket at \(Journal.socketPath)") }
        var sent = 0
        for alert in pending {
            if let alertLog, !logged.contains(alert.id) {
                do {
                    try alertLog.deliver(alert)
                    logged.insert(alert.id)
                } catch {
                    logger.error("\(error)", metadata: ["alert.id": "\(alert.id)"])
                }
            }
            guard journalUp else { continue }
            do {
                try journal.deliver(alert)
            } catch {
                // journald is there but does not take entries (stopped, restarting): try again later.
                journalUp = false
                noteJournalDown("\(error)")
                continue
            }
            noteJournalUp()
            try store.markSent(alertID: alert.id)
            sent += 1
            logger.notice("alert sent", metadata: [
                "alert.id": "\(alert.id)", "alert.kind": "\(alert.kind.rawValue)",
                "stance.actor": "\(alert.actor)", "stance.topic": "\(alert.topic)",
                "article.id": "\(alert.article)",
            ])
        }
        sentCount += sent
        return sent
    }

    /// The `STANCE_ALERT_ID`s in an existing alert log (logs above 256 MiB are not read back).
    static func alertIDs(inLog path: String) -> Set<String> {
        guard let (bytes, _) = try? SafeFile.read(path: path, maxBytes: 256 << 20) else { return [] }
        let key = Array("\"STANCE_ALERT_ID\":\"".utf8)
        var ids: Set<String> = []
        var i = 0
        while i + key.count <= bytes.count {
            if bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) {
                let start = i + key.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                ids.insert(String(decoding: bytes[start..<end], as: UTF8.self))
                i = end
            } else {
                i += 1
            }
        }
        return ids
    }

    /// Opens the alert log afresh (on SIGHUP), so a log rotated away is continued under its
    /// path; when that fails the old file stays in use and the error is thrown.
    public func reopenAlertLog() throws(AlertSinkError) {
        guard let current = alertLog else { return }
        alertLog = try JSONLinesAlertSink(path: current.path)
        loggedLoaded = false  // the new file may not hold the earlier lines
        logged = []
    }

    /// The periodic retry: like `deliverPending`, but skips the store entirely while journald's
    /// socket is still missing (every pending alert is then already in the alert log).
    @discardableResult
    public func retryPending(store: StanceStore) throws -> Int {
        if journalMissingReported && (alertLog == nil || loggedLoaded) && !Journal.isAvailable { return 0 }
        return try deliverPending(store: store)
    }

    /// Says once on stderr that journald is not taking alerts (until it takes one again).
    private func noteJournalDown(_ why: String) {
        guard !journalMissingReported else { return }
        journalMissingReported = true
        logger.warning("""
            journald is not available (\(why)); alerts stay pending in the store and are sent when it is \
            back\(alertLog.map { "; the alert log \($0.path) is still written" } ?? "")
            """)
    }

    /// Says once that journald took an alert again after being reported away.
    private func noteJournalUp() {
        guard journalMissingReported else { return }
        journalMissingReported = false
        logger.notice("journald is available again; sending the alerts kept pending while it was away")
        try? Journal.send([
            ("MESSAGE", "stancewatch: journald is available again; sending the alerts kept pending while it was away"),
            ("MESSAGE_ID", MessageID.daemonTrouble), ("PRIORITY", "5"), ("SYSLOG_IDENTIFIER", "stancewatch"),
        ])
    }
}
