import Alerts
import Corpus
import Glibc
import Logging
import Platform
import ServiceLifecycle
import Store

/// The daemon's working state while it runs: the feed watch, the pipeline, retries, STATUS=
/// and the metrics file. It lives on the daemon's ingest thread (`run(control:)`), never on
/// Swift's cooperative pool: reading files, the engine and SQLite all block.
///
/// States of the feed: attached (a watch descriptor) or gone (waiting for the folder to come
/// back, polled on each tick). A store error schedules a rescan with a doubling back-off (2 s up to 15 s), on a freshly opened store.
final class FeedSession {
    /// IN_CREATE: lets a FIFO, socket, symlink or subfolder made in place be refused at once
    /// (regular files are taken on close-write or moved-in, never on create).
    static let mask = Inotify.feedMask | UInt32(IN_CREATE)

    let configuration: Configuration
    let ingestor: Ingestor
    let inotify: Inotify
    private let notifier: SystemdNotifier
    private let reporter: OperatorJournal
    private let logger: Logger
    private let scanner: FeedScanner
    private let clock = ContinuousClock()
    private(set) var watch: Int32?
    private let control: PipelineControl
    private let metrics: MetricsFile?
    private var lastMetrics: ContinuousClock.Instant
    private var lastRetry: ContinuousClock.Instant
    private var lastStatus: ContinuousClock.Instant
    private var statusDirty = true
    private var rescanAt: ContinuousClock.Instant?
    private var rescanDelay: Duration
    /// Files handled by this process, for STATUS= and the log.
    private(set) var counts = (ingested: 0, duplicates: 0, refused: 0, alerts: 0)

    init(configuration: Configuration, ingestor: Ingestor, inotify: Inotify, notifier: SystemdNotifier,
         control: PipelineControl, logger: Logger) {
        self.configuration = configuration
        self.control = control
        self.metrics = configuration.metricsFile.map { MetricsFile(path: $0) }
        self.ingestor = ingestor
        self.inotify = inotify
        self.notifier = notifier
        self.reporter = OperatorJournal(logger: logger)
        self.logger = logger
        self.scanner = FeedScanner(directory: configuration.feedDirectory)
        let now = clock.now
        lastMetrics = now
        lastRetry = now
        lastStatus = now
        rescanDelay = configuration.storeRetryDelay
    }

    /// Watches the feed folder; throws when it cannot (missing, not a folder, no permission).
    func attach() throws(InotifyError) {
        watch = try inotify.watch(configuration.feedDirectory, mask: Self.mask)
    }

    /// The ingest thread's loop: pending alerts, the catch-up scan, READY=1, then inotify
    /// events until `control` asks it to stop. Returns why it had to stop early, if it did
    /// (inotify failed), else nil.
    func run() -> String? {
        control.working()
        ingestor.deliverPending()  // alerts left unsent by a crash go out first
        guard catchUp(reason: "start-up") else { return nil }
        notifier.ready(status: statusLine())
        logger.notice("stancewatch is watching the feed", metadata: [
            "feed": "\(configuration.feedDirectory)", "state": "\(configuration.stateDirectory)",
            "watchlist": "\(configuration.watchlistPath)",
        ])
        let poll = notifier.watchdogInterval.map { min(configuration.pollInterval, $0 / 2) } ?? configuration.pollInterval
        while !control.isStopping {
            if control.takeReload() { reload() }
            control.idle()
            let events: [InotifyEvent]
            do {
                events = try inotify.next(timeout: poll)
            } catch {
                if control.isStopping { break }
                return "\(error)"
            }
            control.working()
            if !events.isEmpty { handle(events) }
            housekeeping()
        }
        writeMetrics()
        return nil
    }

    /// Ingests every entry the store has not handled, in arrival order (several per
    /// transaction). Returns false when it stopped early for shutdown (the rest is picked up
    /// by the next start's scan).
    @discardableResult
    func catchUp(reason: String) -> Bool {
        control.working()
        let entries: [FeedScanner.Entry]
        do {
            entries = try scanner.pending(store: ingestor.store)
        } catch {
            reporter.trouble("the feed folder \(configuration.feedDirectory) could not be scanned (\(error)); "
                             + "scanning again in \(rescanDelay)")
            scheduleRescan()
            return true
        }
        if !entries.isEmpty {
            logger.info("catch-up scan", metadata: ["scan.reason": "\(reason)", "scan.files": "\(entries.count)"])
        }
        var lastExtend = clock.now
        let outcomes = ingestor.ingest(directory: configuration.feedDirectory, entries: entries.map(\.nameBytes),
                                       stopping: { control.isStopping }) { index in
            control.working()
            if clock.now - lastExtend > .seconds(5) {
                lastExtend = clock.now
                notifier.extendTimeout(microseconds: 30_000_000)
                notifier.status("catching up: \(index + 1) of \(entries.count) files")
            }
            if clock.now - lastMetrics > .seconds(5) { writeMetrics() }
        }
        outcomes.forEach(record)
        if case .retryLater? = outcomes.last {
            // The store fails (disk full, read-only): keep the arrival order, retry the rest later.
            logger.notice("catch-up scan paused after a store error; \(entries.count - outcomes.count + 1) files are retried later")
            return true
        }
        if outcomes.count < entries.count {
            logger.notice("catch-up scan stopped for shutdown after \(outcomes.count) of \(entries.count) files; the rest is taken at the next start")
            return false
        }
        return true
    }

    /// The STATUS= line: what this process did and what the store holds pending.
    func statusLine() -> String {
        var parts = ["ingested \(counts.ingested)", "refused \(counts.refused)", "duplicates \(counts.duplicates)",
                     "alerts \(counts.alerts) raised, \(ingestor.courier.sentCount) sent"]
        if let pending = try? ingestor.store.status().alerts.pending, pending > 0 { parts.append("\(pending) pending") }
        if watch == nil { parts.append("feed folder missing") }
        return "watching \(configuration.feedDirectory): " + parts.joined(separator: ", ")
    }

    private func handle(_ events: [InotifyEvent]) {
        var rescan = false
        for event in events {
            if control.isStopping { return }  // the rest is taken at the next start
            control.working()
            if event.isOverflow {
                rescan = true
                continue
            }
            guard let watch, event.watch == watch else { continue }  // a stale watch
            if event.isSelfGone || event.isIgnored {
                detach()
                return
            }
            guard let name = event.nameBytes else { continue }
            if event.isCloseWrite || event.isMovedTo {
                record(ingestor.ingest(directory: configuration.feedDirectory, nameBytes: name))
            } else if event.mask & UInt32(IN_CREATE) != 0 {
                // Regular files are taken when written or moved in; anything else is refused now.
                let path = Array(configuration.feedDirectory.utf8) + [UInt8(ascii: "/")] + name
                if let (_, kind) = try? SafeFile.identity(atPathBytes: path), kind != .regular {
                    record(ingestor.ingest(directory: configuration.feedDirectory, nameBytes: name))
                }
            }
        }
        if rescan {
            logger.notice("the inotify queue overflowed; rescanning the feed folder")
            catchUp(reason: "overflow")
        }
    }

    private func record(_ outcome: IngestOutcome) {
        switch outcome {
        case .ingested(_, let alerts):
            counts.ingested += 1
            counts.alerts += alerts
            if alerts > 0 { configuration.afterAlerts?() }
        case .duplicate: counts.duplicates += 1
        case .refused: counts.refused += 1
        case .retryLater: scheduleRescan()
        case .unchanged, .ignored: return
        }
        statusDirty = true
        if case .retryLater = outcome { return }
        rescanDelay = configuration.storeRetryDelay  // the store works again
    }

    private func scheduleRescan() {
        guard rescanAt == nil else { return }
        rescanAt = clock.now + rescanDelay
        rescanDelay = min(rescanDelay * 2, .seconds(15))
    }

    private func detach() {
        if let watch { inotify.unwatch(watch) }
        watch = nil
        statusDirty = true
        reporter.trouble("the feed folder \(configuration.feedDirectory) was removed or moved away; "
                         + "waiting for it to come back")
    }

    private func reattachIfBack() {
        guard let (_, kind) = try? SafeFile.identity(atPath: configuration.feedDirectory), kind == .directory,
              (try? attach()) != nil
        else { return }
        statusDirty = true
        reporter.trouble("the feed folder \(configuration.feedDirectory) is back; watching it again and catching up",
                         priority: 5)
        catchUp(reason: "feed folder back")
    }

    private func reload() {
        notifier.reloading()
        do {
            let watchlist = try Watchlist(contentsOfFile: configuration.watchlistPath)
            try ingestor.reload(watchlist: watchlist)
            logger.notice("watchlist reloaded", metadata: [
                "watchlist.path": "\(configuration.watchlistPath)",
                "watchlist.actors": "\(watchlist.actors.count)", "watchlist.topics": "\(watchlist.topics.count)",
            ])
            WatchlistJournal(logger: logger).watchlistWarnings(watchlist, path: configuration.watchlistPath)
        } catch {
            reporter.trouble("the watchlist was not reloaded (\(error)); the previous watchlist stays in use")
        }
        do {
            try ingestor.courier.reopenAlertLog()
        } catch {
            reporter.trouble("\(error); the alert log opened before the reload stays in use")
        }
        notifier.ready(status: statusLine())
    }

    private func housekeeping() {
        let now = clock.now
        if watch == nil, now - lastRetry >= configuration.retryInterval {
            reattachIfBack()
        }
        if let at = rescanAt, now >= at, watch != nil {
            rescanAt = nil
            ingestor.reopenStoreIfFailing()
            catchUp(reason: "retry after a store error")
        }
        if now - lastRetry >= configuration.retryInterval {
            lastRetry = now
            ingestor.retryPending()
        }
        if statusDirty, now - lastStatus >= .seconds(1) {
            lastStatus = now
            statusDirty = false
            notifier.status(statusLine())
        }
        if now - lastMetrics >= configuration.metricsInterval { writeMetrics() }
    }

    /// Rewrites the metrics file (when one was asked for); a failure is logged, once per outage.
    private func writeMetrics() {
        lastMetrics = clock.now
        guard let metrics else { return }
        let pending = (try? ingestor.store.pendingCounts(for: .journal)) ?? [:]
        metrics.write(metrics: ingestor.metrics, tally: ingestor.tally, sentByKind: ingestor.courier.sentByKind, pendingByKind: pending,
                      journalReachable: ingestor.courier.journalReachable, logger: logger)
    }
}
