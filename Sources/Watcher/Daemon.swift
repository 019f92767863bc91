/// The daemon as a swift-service-lifecycle `Service`: catch-up scan → `READY=1` → inotify loop,
/// until graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`): `STOPPING=1`, finish
/// the article in hand, return.
///
/// The feed watch is armed before the catch-up scan, so a file arriving during the scan is
/// seen either by the scan or by the loop (the pipeline skips whatever was already handled).
public import Corpus
public import Logging
public import Platform
public import ServiceLifecycle
public import Store
import UnixSignals

public struct Daemon: Service {
    /// The settings it runs with.
    public let configuration: Configuration
    private let store: StanceStore
    private let watchlist: Watchlist
    private let notifier: SystemdNotifier
    private let logger: Logger

    /// A daemon over `store` with `watchlist`; it only starts work in `run()`.
    public init(configuration: Configuration, store: StanceStore, watchlist: Watchlist,
                notifier: SystemdNotifier = SystemdNotifier(), logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.watchlist = watchlist
        self.notifier = notifier
        self.logger = logger
    }

    /// Runs until graceful shutdown; throws (with a sentence for the operator) when it cannot start.
    public func run() async throws {
        // Trap SIGHUP first: its default action would end the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let courier = try AlertCourier(alertLogPath: configuration.alertLogPath, logger: logger)
        let ingestor = try Ingestor(store: store, watchlist: watchlist, courier: courier,
                                    maxArticleBytes: configuration.maxArticleBytes,
                                    divergenceWindowDays: configuration.divergenceWindowDays, logger: logger)
        WatchlistJournal(logger: logger).watchlistWarnings(watchlist, path: configuration.watchlistPath)
        let inotify = try Inotify()
        defer { inotify.close() }
        let session = FeedSession(configuration: configuration, ingestor: ingestor, inotify: inotify,
                                  notifier: notifier, logger: logger)
        do {
            try session.attach()
        } catch {
            throw WatcherError("the feed folder \(configuration.feedDirectory) cannot be watched (\(error)); the daemon did not start")
        }
        let notifier = self.notifier
        let (events, continuation) = AsyncStream.makeStream(of: DaemonEvent.self)
        // Tick at least twice per watchdog interval, so WATCHDOG=1 is never late because the loop slept.
        let poll = notifier.watchdogInterval.map { min(configuration.pollInterval, $0 / 2) } ?? configuration.pollInterval
        let pump = InotifyPump(inotify: inotify, interval: poll, continuation: continuation)
        var failure: String?
        await withGracefulShutdownHandler {
            ingestor.deliverPending()  // alerts left unsent by a crash go out first
            guard await session.catchUp(reason: "start-up") else { return }
            notifier.ready(status: session.statusLine())
            logger.notice("stancewatch is watching the feed", metadata: [
                "feed": "\(configuration.feedDirectory)", "state": "\(configuration.stateDirectory)",
                "watchlist": "\(configuration.watchlistPath)",
            ])
            pump.start()
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in hangups { continuation.yield(.reload) }
                }
                for await event in events.cancelOnGracefulShutdown() {
                    if case .failed(let why) = event {
                        failure = why  // the inotify descriptor is unusable: no more events or ticks
                        break
                    }
                    await session.handle(event)
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            notifier.stopping()
            inotify.wake()
        }
        pump.stop()
        continuation.finish()
        if let failure {
            let message = "reading inotify events on \(configuration.feedDirectory) failed (\(failure)); "
                + "the daemon stops so that it can be restarted"
            OperatorJournal(logger: logger).trouble(message)
            throw WatcherError(message)
        }
        logger.notice("stancewatch stopped", metadata: [
            "ingested": "\(session.counts.ingested)", "refused": "\(session.counts.refused)",
            "alerts": "\(session.counts.alerts)",
        ])
    }
}
