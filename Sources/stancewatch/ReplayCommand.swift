import ArgumentParser
import Logging
import Platform
import Store
import Watcher

/// `stancewatch replay`: the daemon's pipeline over the given files, in the given order.
///
/// Exit status: 0 when every file is in the store (ingested now, or already there with the
/// same bytes or under the same name); 2 when some of the files were refused (bad input) or
/// ignored (a dot-file, `*.tmp`, `*.part`); 3 when none was ingested because every file was
/// refused or ignored; 1 for any other error (the state folder in use, a broken watchlist, a
/// store that cannot be written); 64 for a usage error.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Ingest the given files in the given order, as the daemon would, then exit.",
        discussion: """
            Exit status: 0 every file was ingested (now or before); \(ReplayExit.someRefused.rawValue) some files \
            were refused or ignored (the others were ingested); \(ReplayExit.allRefused.rawValue) every file was \
            refused or ignored; 1 any other error (state folder in use, broken watchlist, store not writable); \
            64 a usage error.
            """
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
        // SQLite, file reads and the engine block: on a thread of their own, not the async pool.
        let command = self
        try await OwnThread.run(named: "stancewatch-replay") { try command.work() }
    }

    private func work() throws {
        let logger = logging.bootstrap()
        let (_, list) = try watchlist.load()
        let (stateDirectory, lock) = try state.lockedDirectory()
        defer { withExtendedLifetime(lock) {} }
        let store = try storeOptions.openForWriting(stateDirectory: stateDirectory)
        let courier = try AlertCourier(alertLogPath: ingest.alertLog, logger: logger)
        let ingestor = try Ingestor(store: store, watchlist: list, courier: courier, maxArticleBytes: ingest.maxArticleBytes,
                                    divergenceWindowDays: ingest.divergenceWindowDays, logger: logger)
        ingestor.analysisThreads = ingest.analysisThreads
        // The files' raw bytes: a name that is not UTF-8 is opened as it is, not as repaired text.
        let summary = Replay(ingestor: ingestor).run(pathBytes: RawArguments.bytes(of: files))
        var ingested = 0, alerts = 0, refused = 0, ignored = 0, known = 0
        for (_, outcome) in summary.outcomes {
            switch outcome {
            case .ingested(_, let a):
                ingested += 1
                alerts += a
            case .refused: refused += 1
            case .ignored: ignored += 1
            case .duplicate, .unchanged: known += 1
            case .retryLater: break
            }
        }
        logger.notice("replay done", metadata: [
            "files": "\(files.count)", "ingested": "\(ingested)", "refused": "\(refused)",
            "ignored": "\(ignored)", "already-stored": "\(known)", "alerts": "\(alerts)",
        ])
        let failures = summary.failures
        if !failures.isEmpty {
            throw CommandFailure("\(failures.count) of \(files.count) files could not be recorded in the store "
                                 + "(first: \(failures[0].path): \(failures[0].reason))")
        }
        let notIngested = refused + ignored
        guard notIngested > 0 else { return }
        let exit: ReplayExit = notIngested == files.count ? .allRefused : .someRefused
        logger.error("\(notIngested) of \(files.count) files were not ingested (\(refused) refused, \(ignored) ignored by name); exit status \(exit.rawValue)")
        throw ExitCode(exit.rawValue)
    }
}

/// `replay`'s exit statuses beyond 0 (all ingested) and 1 (error).
enum ReplayExit: Int32 {
    /// Some files were refused or ignored; the others are in the store.
    case someRefused = 2
    /// No file was ingested: every one was refused or ignored.
    case allRefused = 3
}
