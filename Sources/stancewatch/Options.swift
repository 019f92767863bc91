// Options shared by several subcommands: the state folder, the watchlist, ingesting, logging.
import ArgumentParser
import Corpus
import Foundation
import Logging
import Platform
import Store
import Watcher

/// `--state DIR`.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The state folder holding stancewatch.sqlite (default: $STATE_DIRECTORY, else ./.stancewatch; "
                                            + "status and stances then also look in /var/lib/stancewatch, the service's).",
                                            valueName: "dir"))
    var state: String?

    /// The folder to use.
    var directory: String {
        Configuration.stateDirectory(option: state, environment: ProcessInfo.processInfo.environment)
    }

    /// The folder for `run` and `replay`, created when missing and locked for this process:
    /// a second writer on it is refused at once, naming the first one's pid. Keep the returned
    /// lock alive for as long as the store is written.
    func lockedDirectory() throws -> (directory: String, lock: StateLock) {
        let dir = directory
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("the state folder \(dir) could not be created (\(error.localizedDescription)); nothing was started")
        }
        return (dir, try StateLock.acquire(directory: dir))
    }

    /// The folder holding the store to read (for `status` and `stances`): `--state`, else
    /// `$STATE_DIRECTORY`, else the first of `StoreLocator.searchOrder` that holds a store.
    func existingStoreDirectory() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if state != nil || environment["STATE_DIRECTORY"] != nil {
            let dir = directory
            guard StoreLocator.holdsStore(dir) else {
                throw CommandFailure("there is no Stancewatch store in \(dir) (no \(StanceStore.fileName)); "
                                     + "run 'stancewatch run' or 'stancewatch replay' with --state \(dir) first")
            }
            return dir
        }
        guard let found = StoreLocator.searchOrder.first(where: StoreLocator.holdsStore) else {
            throw CommandFailure("no Stancewatch store was found (looked in \(StoreLocator.searchOrder.joined(separator: ", ")) "
                                 + "for \(StanceStore.fileName)); pass --state DIR, or run 'stancewatch run' or "
                                 + "'stancewatch replay' first")
        }
        return found
    }
}

/// Where `status` and `stances` look for a store when neither `--state` nor `$STATE_DIRECTORY`
/// names one: the working folder's `./.stancewatch` (what `run` and `replay` use by default),
/// then the service's state folder. Under `DynamicUser=yes` systemd keeps it in
/// `/var/lib/private/stancewatch` (mode 0700, so root only) and links `/var/lib/stancewatch` to it.
enum StoreLocator {
    static let searchOrder = ["./.stancewatch", "/var/lib/stancewatch", "/var/lib/private/stancewatch"]

    static func holdsStore(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + StanceStore.fileName)
    }
}

/// `--watchlist FILE`.
struct WatchlistOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The watchlist YAML (default: seeds/watchlist.yaml in a build tree, else /etc/stancewatch/watchlist.yaml, else the shipped one).", valueName: "file"))
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

/// `--alert-log FILE`, `--max-article-bytes N`, `--divergence-window-days N`, `--analysis-threads N`: how articles are
/// ingested (`run` and `replay`).
struct IngestOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Also append every alert to this file as JSON Lines.", valueName: "file"))
    var alertLog: String?

    // `.unconditional`: a negative number is taken as the value (and refused by `validate`)
    // instead of being read as an option name, which would say «Missing value».
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(articleLimitHelp, valueName: "bytes"))
    var maxArticleBytes: Int = ArticleReader.defaultMaxBytes

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Opposite stances of one group count as a divergence within this many days.", valueName: "days"))
    var divergenceWindowDays: Int = 90

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Threads that analyse the articles of a backlog (catch-up scan, replay) while another commits "
                               + "them in arrival order; 1 analyses one article after the other. The default is the cores "
                               + "this process may use.",
                               valueName: "n"))
    var analysisThreads: Int = Ingestor.usableCores

    func validate() throws {
        try validateArticleLimit(maxArticleBytes)
        guard analysisThreads >= 1 else {
            throw ValidationError("--analysis-threads must be 1 or more (got \(analysisThreads)); the default is the usable cores")
        }
        guard divergenceWindowDays >= 0 else {
            throw ValidationError("--divergence-window-days must be 0 or more days (got \(divergenceWindowDays)); the default is 90")
        }
    }
}

/// The help of `--max-article-bytes` (`run`, `replay`, `explain`).
let articleLimitHelp = "Refuse articles larger than this many bytes (2 MiB by default) without reading them."

/// Refuses a `--max-article-bytes` that is not a positive number, saying what was given.
func validateArticleLimit(_ bytes: Int) throws {
    guard bytes > 0 else {
        throw ValidationError("--max-article-bytes must be a positive number of bytes (got \(bytes)); "
                              + "the default is \(ArticleReader.defaultMaxBytes) (2 MiB)")
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
