import Corpus

/// The daemon's settings: one value, built once in `main` and passed down.
public struct Configuration: Sendable {
    /// The folder articles land in. The daemon only reads from it.
    public var feedDirectory: String
    /// The folder holding `stancewatch.sqlite` (`--state`, else `$STATE_DIRECTORY`, else `./.stancewatch`).
    public var stateDirectory: String
    /// The watchlist YAML (`--watchlist`, else the shipped one; see `WatchlistLocator`).
    public var watchlistPath: String
    /// Where alerts are appended as JSON Lines, or `nil` for journald only.
    public var alertLogPath: String?
    /// Files larger than this are refused without being read (`--max-article-bytes`, 2 MiB by default).
    public var maxArticleBytes: Int = ArticleReader.defaultMaxBytes
    /// Two group members' opposite stances raise a divergence only within this many days.
    public var divergenceWindowDays: Int = 90
    /// How often pending alerts are retried and the feed folder is polled for when it is gone.
    public var retryInterval: Duration = .seconds(1)
    /// How long the inotify reader waits per poll; bounds how late a tick or watchdog can be.
    public var pollInterval: Duration = .milliseconds(200)
    /// Called after an article that raised alerts was recorded (`run --report` rewrites its page);
    /// it must return at once and do its work elsewhere (it runs on the daemon's loop).
    public var afterAlerts: (@Sendable () -> Void)?
    /// The wait before a file whose ingestion failed on a store error is tried again (doubles up to 15 s).
    public var storeRetryDelay: Duration = .seconds(2)
    /// The longest the engine may spend on one article; a slower one is refused and recorded.
    public var articleTimeBudget: Duration = .seconds(10)
    /// How many threads analyse the articles of a catch-up scan (`--analysis-threads`; the
    /// usable cores by default).
    public var analysisThreads = Ingestor.usableCores
    /// Where the Prometheus textfile-collector metrics are written (`--metrics-file`), or `nil`.
    public var metricsFile: String?
    /// How often the metrics file is rewritten.
    public var metricsInterval: Duration = .seconds(5)

    /// Creates a configuration; the remaining settings keep their documented defaults.
    public init(feedDirectory: String, stateDirectory: String, watchlistPath: String, alertLogPath: String? = nil) {
        self.feedDirectory = feedDirectory
        self.stateDirectory = stateDirectory
        self.watchlistPath = watchlistPath
        self.alertLogPath = alertLogPath
    }

    /// The state folder the user asked for: `--state`, else `$STATE_DIRECTORY` (the first of a
    /// colon-separated list, as systemd sets it), else `./.stancewatch`.
    public static func stateDirectory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["STATE_DIRECTORY"], let first = env.split(separator: ":").first, !first.isEmpty {
            return String(first)
        }
        return "./.stancewatch"
    }
}
