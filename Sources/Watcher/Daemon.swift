public import Corpus
import Foundation
public import Logging
public import Platform
public import ServiceLifecycle
public import Store
import UnixSignals

/// The daemon as a swift-service-lifecycle `Service`: catch-up scan → `READY=1` → inotify loop,
/// until graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`): `STOPPING=1`, finish
/// the article in hand, return.
///
/// All the blocking work (inotify, file reads, the engine, SQLite, journald) runs on one
/// thread of its own, the ingest thread (`FeedSession.run`), never on Swift's cooperative
/// pool, so a busy process cannot starve it. The async side only relays SIGHUP and feeds the
/// systemd watchdog from its own timer: `WATCHDOG=1` every half `WatchdogSec` while the ingest
/// thread is idle or has been on its current file for less than the article time budget plus
/// 10 s, so a truly hung daemon is still killed and restarted.
///
/// The feed watch is armed before the catch-up scan, so a file arriving during the scan is
/// seen either by the scan or by the loop (the pipeline skips whatever was already handled).
public struct Daemon: Service {
    /// The settings it runs with.
    public let configuration: Configuration
    private let store: any StoreBackend
    private let watchlist: Watchlist
    private let notifier: SystemdNotifier
    private let logger: Logger

    /// A daemon over `store` with `watchlist`; it only starts work in `run()`.
    public init(configuration: Configuration, store: any StoreBackend, watchlist: Watchlist,
                notifier: SystemdNotifier = SystemdNotifier(), logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.watchlist = watchlist
        self.notifier = notifier
        self.logger = logger
    }

    /// How the ingest thread ended.
    private enum Ending: Sendable {
        case stopped
        case couldNotStart(String)
        case inotifyFailed(String)
    }

    /// Runs until graceful shutdown; throws (with a sentence for the operator) when it cannot start.
    public func run() async throws {
        // Trap SIGHUP first: its default action would end the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let inotify = try Inotify()
        defer { inotify.close() }
        let control = PipelineControl()
        let (configuration, store, watchlist, notifier, logger) =
            (self.configuration, self.store, self.watchlist, self.notifier, self.logger)
        var ending = Ending.stopped
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in hangups {
                        control.requestReload()
                        inotify.wake()
                    }
                }
                if let interval = notifier.watchdogInterval {
                    let limit = configuration.articleTimeBudget + .seconds(10)
                    group.addTask {
                        while !Task.isCancelled {
                            if control.isHealthy(limit: limit) { notifier.watchdog() }
                            try? await Task.sleep(for: interval)
                        }
                    }
                }
                ending = await OwnThread.run(named: "stancewatch-ingest") {
                    let session: FeedSession
                    do {
                        let courier = try AlertCourier(alertLogPath: configuration.alertLogPath, logger: logger)
                        let ingestor = try Ingestor(store: store, watchlist: watchlist, courier: courier,
                                                    maxArticleBytes: configuration.maxArticleBytes,
                                                    divergenceWindowDays: configuration.divergenceWindowDays, logger: logger)
                        ingestor.articleTimeBudget = configuration.articleTimeBudget
                        ingestor.analysisThreads = configuration.analysisThreads
                        WatchlistJournal(logger: logger).watchlistWarnings(watchlist, path: configuration.watchlistPath)
                        session = FeedSession(configuration: configuration, ingestor: ingestor, inotify: inotify,
                                              notifier: notifier, control: control, logger: logger)
                    } catch {
                        return .couldNotStart("\(error)")
                    }
                    do {
                        try session.attach()
                    } catch {
                        return .couldNotStart("the feed folder \(configuration.feedDirectory) cannot be watched (\(error)); the daemon did not start")
                    }
                    if let failure = session.run() { return .inotifyFailed(failure) }
                    logger.notice("stancewatch stopped", metadata: [
                        "ingested": "\(session.counts.ingested)", "refused": "\(session.counts.refused)",
                        "alerts": "\(session.counts.alerts)",
                    ])
                    return .stopped
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            notifier.stopping()
            control.stop()
            inotify.wake()
        }
        switch ending {
        case .stopped:
            return
        case .couldNotStart(let why):
            throw WatcherError(why)
        case .inotifyFailed(let failure):
            let message = "reading inotify events on \(configuration.feedDirectory) failed (\(failure)); "
                + "the daemon stops so that it can be restarted"
            OperatorJournal(logger: logger).trouble(message)
            throw WatcherError(message)
        }
    }
}
