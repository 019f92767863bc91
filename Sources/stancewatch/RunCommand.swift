/// `stancewatch run`: the daemon.
import ArgumentParser
import Foundation
import Logging
import Platform
import ServiceLifecycle
import Store
import Watcher

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
        var configuration = Configuration(feedDirectory: feed, stateDirectory: state.directory,
                                          watchlistPath: watchlistPath, alertLogPath: ingest.alertLog)
        configuration.maxArticleBytes = ingest.maxArticleBytes
        configuration.divergenceWindowDays = ingest.divergenceWindowDays
        configuration.metricsFile = metricsFile
        let store = try storeOptions.openForWriting(stateDirectory: configuration.stateDirectory)
        let daemon = Daemon(configuration: configuration, store: store, watchlist: list, logger: logger)
        var groupLogger = logger
        groupLogger.logLevel = .warning
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger)
        try await group.run()
    }
}
