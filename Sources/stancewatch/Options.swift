/// Options shared by several subcommands: the state folder, the watchlist, ingesting, logging.
import ArgumentParser
import Corpus
import Foundation
import Logging
import Store
import Watcher

/// `--state DIR`.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The state folder holding stancewatch.sqlite (default: $STATE_DIRECTORY, else ./.stancewatch).",
                                            valueName: "dir"))
    var state: String?

    /// The folder to use.
    var directory: String {
        Configuration.stateDirectory(option: state, environment: ProcessInfo.processInfo.environment)
    }

    /// The folder, which must already hold a store (for the read-only subcommands).
    func existingStoreDirectory() throws -> String {
        let dir = directory
        guard FileManager.default.fileExists(atPath: dir + "/" + StanceStore.fileName) else {
            throw CommandFailure("there is no Stancewatch store in \(dir) (no \(StanceStore.fileName)); "
                                 + "run 'stancewatch run' or 'stancewatch replay' with --state \(dir) first")
        }
        return dir
    }
}

/// `--watchlist FILE`.
struct WatchlistOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The watchlist YAML (default: the shipped seeds/watchlist.yaml).", valueName: "file"))
    var watchlist: String?

    /// The watchlist path: the option, else the shipped default; throws when none is found.
    func path() throws -> String {
        if let watchlist { return watchlist }
        guard let found = WatchlistLocator.defaultWatchlist() else {
            let looked = WatchlistLocator.candidates().joined(separator: ", ")
            throw CommandFailure("no --watchlist was given and the shipped watchlist was not found (looked at \(looked)); "
                                 + "pass --watchlist FILE")
        }
        return found
    }

    /// Loads and checks the watchlist; a broken one is refused with its file, line and problem.
    func load() throws -> (path: String, watchlist: Watchlist) {
        let path = try path()
        return (path, try Watchlist(contentsOfFile: path))
    }
}

/// `--alert-log FILE`, `--max-article-bytes N`, `--divergence-window-days N`: how articles are
/// ingested (`run` and `replay`).
struct IngestOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Also append every alert to this file as JSON Lines.", valueName: "file"))
    var alertLog: String?

    @Option(name: .long, help: "Refuse articles larger than this many bytes without reading them.")
    var maxArticleBytes: Int = ArticleReader.defaultMaxBytes

    @Option(name: .long, help: "Opposite stances of one group count as a divergence within this many days.")
    var divergenceWindowDays: Int = 90

    func validate() throws {
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be a positive number of bytes") }
        guard divergenceWindowDays >= 0 else { throw ValidationError("--divergence-window-days must be 0 or more") }
    }
}

/// `--log-level`.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Least severe log level written to stderr: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// Routes swift-log to stderr (once per process) and returns the command's logger.
    func bootstrap() -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, level: level) }
        return Logger(label: "stancewatch")
    }
}

/// An error of the command line itself, as a sentence.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
