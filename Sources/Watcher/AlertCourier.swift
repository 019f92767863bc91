public import Alerts
public import Logging
import Platform
public import Store

/// Delivers alerts to journald and the alert log, and records each delivery in the store.
///
/// Alerts are committed before they are sent and marked delivered after the destination
/// took them, so a crash in between resends the alert with the same `STANCE_ALERT_ID` (at
/// least once, never lost). Each destination has its own record in the store (`sent_at` for
/// journald, `logged_at` for the alert log): an alert is appended to the log once, whatever
/// journald does, and a log rotated away (mv + SIGHUP) is continued, never refilled.
///
/// After a commit the courier hands the alerts just raised to each destination that is
/// caught up. A destination that failed (journald away, the log's disk full) is *behind*:
/// new alerts wait for it in the store, and it is retried with a back-off (1 s doubling to
/// 16 s; while journald's socket is missing only that file is checked), reading its pending
/// alerts in batches of `batchSize` from a partial index. So an outage costs each article
/// nothing, and each retry a bounded read, however many alerts are pending.
public final class AlertCourier {
    /// One destination's catch-up state.
    struct Lane {
        /// Whether the store may hold alerts this destination has not taken (new ones then wait behind them).
        var behind = true
        /// When it is tried again.
        var nextTry: ContinuousClock.Instant
        /// The wait after the next failure.
        var delay: Duration

        mutating func failed(now: ContinuousClock.Instant) {
            behind = true
            nextTry = now + delay
            delay = min(delay * 2, AlertCourier.maxDelay)
        }

        mutating func caughtUp() {
            behind = false
            delay = AlertCourier.minDelay
        }
    }

    static let minDelay: Duration = .seconds(1)
    static let maxDelay: Duration = .seconds(16)
    /// Alerts read from the store per retry round.
    static let batchSize = 256

    private let journal = JournalAlertSink()
    private var alertLog: JSONLinesAlertSink?
    private let logger: Logger
    private let clock = ContinuousClock()
    private var journalLane: Lane
    private var logLane: Lane
    /// Whether the "journald is not available" notice was given and not yet cleared.
    private var journalMissingReported = false
    /// Whether the alert log's failure was reported and no write has worked since.
    private var logFailureReported = false
    /// How many alerts this process delivered to journald.
    public private(set) var sentCount = 0
    /// Alerts this process delivered to journald, by kind.
    public private(set) var sentByKind: [AlertKind: Int] = [:]
    /// Whether a failed read of pending alerts was logged and no read has worked since.
    private var readFailureReported = false
    /// When a caught-up courier next looks for alerts other hosts left (shared store only).
    private var nextAbandonedCheck: ContinuousClock.Instant

    /// A courier writing to journald and, when given, the JSON Lines file at `alertLogPath`.
    public init(alertLogPath: String?, logger: Logger) throws(AlertSinkError) {
        self.alertLog = try alertLogPath.map { (p: String) throws(AlertSinkError) -> JSONLinesAlertSink in
            try JSONLinesAlertSink(path: p)
        }
        self.logger = logger
        let now = clock.now
        journalLane = Lane(nextTry: now, delay: Self.minDelay)
        logLane = Lane(behind: alertLogPath != nil, nextTry: now, delay: Self.minDelay)
        nextAbandonedCheck = now
    }

    /// Whether journald took the last alert offered (false while it is known to be away).
    public var journalReachable: Bool { !journalMissingReported }

    /// After a commit: hands `alerts` (just raised, in order) to every destination that is
    /// caught up, and records what each took in one store write. A destination that is behind
    /// gets them from the store on its next retry.
    public func deliver(_ alerts: [Alert], store: any StoreBackend) {
        guard !alerts.isEmpty else { return }
        let now = clock.now
        var logged: [String] = []
        if alertLog != nil, !logLane.behind {
            logged = appendToLog(alerts, now: now)
        }
        var sent: [Alert] = []
        if !journalLane.behind {
            sent = sendToJournal(alerts, now: now)
        }
        record(sent: sent, logged: logged, store: store, now: now)
    }

    /// The retry: each destination that is behind and due (or every one that is behind, with
    /// `force`) reads its pending alerts from the store, oldest first, and takes them.
    /// Returns how many alerts journald took.
    @discardableResult
    public func retry(store: any StoreBackend, force: Bool = false) -> Int {
        let now = clock.now
        var sentTotal = 0
        if let interval = store.abandonedAlertsCheckInterval, now >= nextAbandonedCheck {
            // A shared store: alerts another host committed and died before sending become
            // claimable when their lease runs out; a caught-up lane looks for them again.
            nextAbandonedCheck = now + interval
            journalLane.behind = true
            if alertLog != nil { logLane.behind = true }
        }
        if alertLog != nil, logLane.behind, force || now >= logLane.nextTry {
            catchUp(.alertLog, store: store, now: now)
        }
        if journalLane.behind, force || now >= journalLane.nextTry {
            if !Journal.isAvailable {
                // Only a stat of the socket while it is missing: no store read, no back-off growth.
                noteJournalDown("no socket at \(Journal.socketPath)")
                journalLane.nextTry = now + Self.minDelay
            } else {
                sentTotal = catchUp(.journal, store: store, now: now)
            }
        }
        return sentTotal
    }

    /// Every pending alert now, to every destination (start-up, the end of a replay).
    @discardableResult
    public func deliverPending(store: any StoreBackend) -> Int {
        retry(store: store, force: true)
    }

    /// Opens the alert log afresh (on SIGHUP), so a log rotated away is continued under its
    /// path; when that fails the old file stays in use and the error is thrown. Nothing already
    /// logged is written again: the store records what the log took.
    public func reopenAlertLog() throws(AlertSinkError) {
        guard let current = alertLog else { return }
        alertLog = try JSONLinesAlertSink(path: current.path)
    }

    // MARK: - Catching up one destination

    /// Reads `destination`'s pending alerts in batches and delivers them, until none is left
    /// or one fails; returns how many journald took.
    @discardableResult
    private func catchUp(_ destination: AlertDestination, store: any StoreBackend, now: ContinuousClock.Instant) -> Int {
        var sentTotal = 0
        while true {
            let batch: [Alert]
            do {
                batch = try store.pendingAlerts(for: destination, limit: Self.batchSize)
            } catch {
                // Once per outage (the store's own trouble entry says the rest), then quietly.
                if readFailureReported {
                    logger.debug("pending alerts could not be read from the store either (\(error))")
                } else {
                    readFailureReported = true
                    logger.error("pending alerts could not be read from the store (\(error)); they stay pending and are retried")
                }
                fail(destination, now: now)
                return sentTotal
            }
            readFailureReported = false
            if batch.isEmpty {
                lane(destination) { $0.caughtUp() }
                return sentTotal
            }
            let taken: Int
            switch destination {
            case .journal:
                let sent = sendToJournal(batch, now: now, catchingUp: true)
                record(sent: sent, logged: [], store: store, now: now)
                sentTotal += sent.count
                taken = sent.count
            case .alertLog:
                let logged = appendToLog(batch, now: now, catchingUp: true)
                record(sent: [], logged: logged, store: store, now: now)
                taken = logged.count
            }
            if taken < batch.count { return sentTotal }  // failed part way: the lane has its back-off
            if batch.count < Self.batchSize {
                lane(destination) { $0.caughtUp() }
                return sentTotal
            }
        }
    }

    private func lane(_ destination: AlertDestination, _ change: (inout Lane) -> Void) {
        switch destination {
        case .journal: change(&journalLane)
        case .alertLog: change(&logLane)
        }
    }

    private func fail(_ destination: AlertDestination, now: ContinuousClock.Instant) {
        lane(destination) { $0.failed(now: now) }
    }

    /// Sends `alerts` in order until journald refuses one; returns those it took.
    private func sendToJournal(_ alerts: [Alert], now: ContinuousClock.Instant, catchingUp: Bool = false) -> [Alert] {
        guard Journal.isAvailable else {
            noteJournalDown("no socket at \(Journal.socketPath)")
            fail(.journal, now: now)
            return []
        }
        var sent: [Alert] = []
        for alert in alerts {
            do {
                try journal.deliver(alert)
            } catch {
                // journald is there but does not take entries (stopped, restarting): try again later.
                noteJournalDown("\(error)")
                fail(.journal, now: now)
                break
            }
            sent.append(alert)
        }
        if !sent.isEmpty { noteJournalUp() }
        return sent
    }

    /// Appends `alerts` to the log in order until a write fails; returns the ids it took.
    private func appendToLog(_ alerts: [Alert], now: ContinuousClock.Instant, catchingUp: Bool = false) -> [String] {
        guard let alertLog else { return [] }
        var logged: [String] = []
        for alert in alerts {
            do {
                try alertLog.deliver(alert)
            } catch {
                if !logFailureReported {
                    logFailureReported = true
                    logger.error("\(error)", metadata: ["alert.id": "\(alert.id)"])
                }
                fail(.alertLog, now: now)
                break
            }
            logged.append(alert.id)
        }
        if !logged.isEmpty, logFailureReported {
            logFailureReported = false
            logger.notice("the alert log \(alertLog.path) takes writes again; the alerts held back are appended")
        }
        return logged
    }

    /// Records deliveries in one store write when both destinations took the same alerts (the
    /// usual case), else one per destination. Without an alert log, journald's delivery also
    /// settles the log's record. A failed write leaves the alerts pending: they may be
    /// delivered again (same `STANCE_ALERT_ID`), never lost.
    private func record(sent: [Alert], logged: [String], store: any StoreBackend, now: ContinuousClock.Instant) {
        let sentIDs = sent.map(\.id)
        do {
            if alertLog == nil {
                try store.markDelivered(sentIDs, to: [.journal, .alertLog])
            } else if sentIDs == logged {
                try store.markDelivered(sentIDs, to: [.journal, .alertLog])
            } else {
                try store.markDelivered(logged, to: [.alertLog])
                try store.markDelivered(sentIDs, to: [.journal])
            }
        } catch {
            logger.error("alert deliveries could not be recorded in the store (\(error)); those alerts may be delivered again with the same STANCE_ALERT_ID")
            if !sentIDs.isEmpty { fail(.journal, now: now) }
            if !logged.isEmpty { fail(.alertLog, now: now) }
        }
        sentCount += sent.count
        for alert in sent {
            sentByKind[alert.kind, default: 0] += 1
            logger.notice("alert sent", metadata: [
                "alert.id": "\(alert.id)", "alert.kind": "\(alert.kind.rawValue)",
                "stance.actor": "\(alert.actor)", "stance.topic": "\(alert.topic)",
                "article.id": "\(alert.article)",
            ])
        }
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
