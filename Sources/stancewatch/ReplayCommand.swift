/// `stancewatch replay`: the daemon's pipeline over the given files, in the given order.
import ArgumentParser
import Logging
import Store
import Watcher

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Ingest the given files in the given order, as the daemon would, then exit."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var watchlist: WatchlistOptions

    @Option(name: .long, help: ArgumentHelp("Also append every alert to this file as JSON Lines.", valueName: "file"))
    var alertLog: String?

    @Option(name: .long, help: "Refuse articles larger than this many bytes without reading them.")
    var maxArticleBytes: Int = 8 << 20

    @Option(name: .long, help: "Opposite stances of one group count as a divergence within this many days.")
    var divergenceWindowDays: Int = 90

    @OptionGroup var logging: LoggingOptions

    @Argument(help: ArgumentHelp("Article files, in arrival order.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one article file to replay") }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be a positive number of bytes") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let (_, list) = try watchlist.load()
        let store = try StanceStore(directory: state.directory)
        let courier = try AlertCourier(alertLogPath: alertLog, logger: logger)
        let ingestor = try Ingestor(store: store, watchlist: list, courier: courier, maxArticleBytes: maxArticleBytes,
                                    divergenceWindowDays: divergenceWindowDays, logger: logger)
        let summary = Replay(ingestor: ingestor).run(paths: files)
        var ingested = 0, alerts = 0, refused = 0, skipped = 0
        for (_, outcome) in summary.outcomes {
            switch outcome {
            case .ingested(_, let a):
                ingested += 1
                alerts += a
            case .refused: refused += 1
            case .duplicate, .unchanged, .ignored: skipped += 1
            case .retryLater: break
            }
        }
        logger.notice("replay done", metadata: [
            "files": "\(files.count)", "ingested": "\(ingested)", "refused": "\(refused)",
            "skipped": "\(skipped)", "alerts": "\(alerts)",
        ])
        let failures = summary.failures
        if !failures.isEmpty {
            throw CommandFailure("\(failures.count) of \(files.count) files could not be recorded in the store "
                                 + "(first: \(failures[0].path): \(failures[0].reason))")
        }
    }
}
