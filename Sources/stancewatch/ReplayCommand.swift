import ArgumentParser
import Foundation
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

    @Option(name: .long, help: ArgumentHelp(
        "Also replay the files listed in this file ('-': standard input), after those named as arguments: one path per "
            + "line, or NUL-separated when the list holds a NUL byte (find -print0). Use it for long lists: the argument "
            + "parser's cost grows with the square of the number of arguments.",
        valueName: "list"))
    var filesFrom: String?

    @Argument(help: ArgumentHelp("Article files, in arrival order.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard !files.isEmpty || filesFrom != nil else {
            throw ValidationError("name at least one article file to replay (as arguments or with --files-from)")
        }
    }

    /// The paths in `--files-from`'s list, as raw bytes (a name need not be UTF-8).
    private func listedFiles() throws -> [[UInt8]] {
        guard let list = filesFrom else { return [] }
        let data: Data?
        if list == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: list)
        }
        guard let data else {
            throw CommandFailure("the file list \(list) (--files-from) could not be read; nothing was replayed")
        }
        let bytes = [UInt8](data)
        let separator: UInt8 = bytes.contains(0) ? 0 : UInt8(ascii: "\n")
        return bytes.split(separator: separator).map(Array.init)
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
        let paths = RawArguments.bytes(of: files) + (try listedFiles())
        guard !paths.isEmpty else { throw CommandFailure("the file list \(filesFrom ?? "") (--files-from) names no file; nothing was replayed") }
        let summary = Replay(ingestor: ingestor).run(pathBytes: paths)
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
            "files": "\(paths.count)", "ingested": "\(ingested)", "refused": "\(refused)",
            "ignored": "\(ignored)", "already-stored": "\(known)", "alerts": "\(alerts)",
        ])
        let failures = summary.failures
        if !failures.isEmpty {
            throw CommandFailure("\(failures.count) of \(paths.count) files could not be recorded in the store "
                                 + "(first: \(failures[0].path): \(failures[0].reason))")
        }
        let notIngested = refused + ignored
        guard notIngested > 0 else { return }
        let exit: ReplayExit = notIngested == paths.count ? .allRefused : .someRefused
        logger.error("\(notIngested) of \(paths.count) files were not ingested (\(refused) refused, \(ignored) ignored by name); exit status \(exit.rawValue)")
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
