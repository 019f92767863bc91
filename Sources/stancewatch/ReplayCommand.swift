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
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var watchlist: WatchlistOptions

    @OptionGroup var ingest: IngestOptions

    @OptionGroup var logging: LoggingOptions

    @Argument(help: ArgumentHelp("Article files, in arrival order.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one article file to replay") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let (_, list) = try watchlist.load()
        let store = try storeOptions.openForWriting(stateDirectory: state.directory)
        let courier = try AlertCourier(alertLogPath: ingest.alertLog, logger: logger)
        let ingestor = try Ingestor(store: store, watchlist: list, courier: courier, maxArticleBytes: ingest.maxArticleBytes,
                                    divergenceWindowDays: ingest.divergenceWindowDays, logger: logger)
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
