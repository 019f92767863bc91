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
    @OptionGroup var watchlist: WatchlistOptions

    @Option(name: .long, help: ArgumentHelp("Also append every alert to this file as JSON Lines.", valueName: "file"))
    var alertLog: String?

    @Option(name: .long, help: "Refuse articles larger than this many bytes without reading them.")
    var maxArticleBytes: Int = 8 << 20

    @Option(name: .long, help: "Opposite stances of one group count as a divergence within this many days.")
    var divergenceWindowDays: Int = 90

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be a positive number of bytes") }
        guard divergenceWindowDays >= 0 else { throw ValidationError("--divergence-window-days must be 0 or more") }
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
                                          watchlistPath: watchlistPath, alertLogPath: alertLog)
        configuration.maxArticleBytes = maxArticleBytes
        configuration.divergenceWindowDays = divergenceWindowDays
        let store = try StanceStore(directory: configuration.stateDirectory)
        let daemon = Daemon(configuration: configuration, store: store, watchlist: list, logger: logger)
        var groupLogger = logger
        groupLogger.logLevel = .warning
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger)
        try await group.run()
    }
}
