import ArgumentParser
import Foundation
import Logging
import Platform
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
        let store = try storeOptions.openForWriting(stateDirectory: configuration.stateDirectory)
        var keeper: ReportKeeper?
        if report.report != nil {
            guard let local = store as? StanceStore else {
                throw CommandFailure("--report reads the SQLite store in --state; with --store it is not supported yet "
                                     + "(the daemon did not start)")
            }
            keeper = report.keeper(store: local, watchlist: list, source: configuration.stateDirectory, logger: logger)
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
}
