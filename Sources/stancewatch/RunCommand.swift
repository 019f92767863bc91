import ArgumentParser
import Foundation
import Logging
import Platform
import PostgresStore
import Report
import ServiceLifecycle
import Store
import Watcher

/// `stancewatch run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the feed folder and raise alerts (the daemon; systemd Type=notify).",
        discussion: "SIGTERM/SIGINT: stop after the article in hand. SIGHUP: reload the watchlist."
    )

    @Option(name: .long, help: ArgumentHelp("The folder articles land in (read only).", valueName: "dir"))
    var feed: String

    @OptionGroup var state: StateOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var watchlist: WatchlistOptions

    @OptionGroup var ingest: IngestOptions

    @OptionGroup var logging: LoggingOptions

    @OptionGroup var report: ReportKeeperOptions

    @Option(name: .long, help: ArgumentHelp("Write Prometheus metrics here every few seconds (textfile-collector format, replaced atomically).",
                                            valueName: "file"))
    var metricsFile: String?

    func validate() throws {
        guard !feed.isEmpty else { throw ValidationError("--feed must name a folder") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: feed, isDirectory: &isDir), isDir.boolValue else {
            throw CommandFailure("the feed folder \(feed) does not exist or is not a folder; the daemon did not start")
        }
        let (watchlistPath, list) = try watchlist.load()
        let (stateDirectory, lock) = try state.lockedDirectory()
        defer { withExtendedLifetime(lock) {} }
        var configuration = Configuration(feedDirectory: feed, stateDirectory: stateDirectory,
                                          watchlistPath: watchlistPath, alertLogPath: ingest.alertLog)
        configuration.maxArticleBytes = ingest.maxArticleBytes
        configuration.divergenceWindowDays = ingest.divergenceWindowDays
        configuration.analysisThreads = ingest.analysisThreads
        configuration.metricsFile = metricsFile
        let store = try await openStore(stateDirectory: configuration.stateDirectory, logger: logger)
        var keeper: ReportKeeper?
        if report.report != nil {
            guard let source = store as? any ReportSource else {
                throw CommandFailure("--report cannot read the store \(store.path) (the daemon did not start)")
            }
            keeper = report.keeper(store: source, watchlist: list, source: store.path, logger: logger)
        }
        if let keeper { configuration.afterAlerts = { keeper.alertsRaised() } }
        let daemon = Daemon(configuration: configuration, store: store, watchlist: list, logger: logger)
        var groupLogger = logger
        groupLogger.logLevel = .warning
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger)
        do {
            try await group.run()
        } catch {
            await keeper?.finished()
            throw error
        }
        await keeper?.finished()
    }

    /// The store, on a thread of its own: a shared store that cannot be reached yet is waited
    /// for (said once in journald, and in STATUS= at each try), never a reason to exit.
    private func openStore(stateDirectory: String, logger: Logger) async throws -> any StoreBackend {
        let options = storeOptions
        return try await OwnThread.run(named: "stancewatch-open-store") {
            let notifier = SystemdNotifier()
            let reporter = OperatorJournal(logger: logger)
            var waited = false
            let store = try options.openForWriting(stateDirectory: stateDirectory) { location, why, delay in
                notifier.status("waiting for the shared store \(location): \(why); next try in \(delay)")
                notifier.extendTimeout(microseconds: UInt64(delay.components.seconds + 30) * 1_000_000)
                notifier.watchdog()
                guard !waited else { return }
                waited = true
                reporter.trouble("the shared store \(location) cannot be reached (\(why)); the daemon waits for it, "
                                 + "trying again every 1 to 15 s, and starts watching the feed when it answers")
            }
            if waited {
                reporter.trouble("the shared store \(store.path) answers; the daemon starts and catches up the feed",
                                 priority: 5)
            }
            return store
        }
    }
}
