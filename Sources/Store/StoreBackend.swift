public import Alerts
public import Corpus
public import Platform

/// What the daemon, `stancewatch replay` and the read-only subcommands need of a store, with two
/// implementations: `StanceStore` (embedded SQLite in the state folder, the default, right for
/// one host) and `PostgresStore.PostgresStanceStore` (one PostgreSQL database shared by several
/// watcher hosts). The alert rules run unchanged over either: `ingest` hands them a
/// `StanceRecord` over its open transaction.
///
/// ## Contract (both implementations)
/// - `ingest` is one transaction per call: articles, stances in text order, the alerts they
///   raise, each computed against every stance committed before it. Content identity (the
///   SHA-256) is unique among ingested articles: the same bytes are ingested once.
/// - Alerts are stored undelivered and marked delivered per destination afterwards, so a crash
///   in between resends an alert with the same id rather than losing it.
///   `pendingAlerts(for:limit:)` returns the alerts this process should deliver now (for the
///   shared store: those it claimed, so two hosts never send the same alert at once).
/// - Every method blocks its caller until the store answered: call them from the ingest
///   thread or a command's own thread, never from Swift's cooperative pool in a loop.
public protocol StoreBackend: Sendable {
    /// Where the store is, for messages (a file path, or a URL without its password).
    var path: String { get }

    /// True when `name` was recorded with exactly this identity (catch-up may skip it unread).
    func isUnchanged(name: String, identity: FileIdentity) throws(StoreError) -> Bool
    /// Calls `body` with every recorded file name and identity, in byte order of the name.
    func forEachSeenFile(_ body: (String, FileIdentity) throws -> Void) throws(StoreError)
    /// Whether `name` was recorded with this identity, and whether content `hash` is stored.
    func lookUp(name: String, identity: FileIdentity, hash: String) throws(StoreError) -> (unchanged: Bool, contentStored: Bool)
    /// True when an ingested article has this content hash.
    func hasContent(hash: String) throws(StoreError) -> Bool
    /// Several articles in one transaction, in order; each sees the ones before it.
    func ingest(_ batch: [ArticleRecord], rules: AlertRules) throws(StoreError) -> [ArticleRecord.Outcome]
    /// Notes that `name` is being analysed and taking long (refused at the next start if it dies).
    func markInProgress(name: String, identity: FileIdentity) throws(StoreError)
    /// The files a process that died was still analysing, by name.
    func articlesInProgress() throws(StoreError) -> [String: FileIdentity]
    /// Records that `name` holds content `hash` already stored, so catch-up skips it.
    func markSeen(name: String, identity: FileIdentity, hash: String) throws(StoreError)
    /// Records a refused file and makes `reason` the last error.
    func refuse(name: String, identity: FileIdentity?, hash: String?, reason: String) throws(StoreError)
    /// Makes `message` the last error `status()` reports.
    func recordError(_ message: String) throws(StoreError)

    /// The first `limit` alerts `destination` has not taken that this process should deliver
    /// now, in the order they were raised.
    func pendingAlerts(for destination: AlertDestination, limit: Int) throws(StoreError) -> [Alert]
    /// How many alerts `destination` has not taken, by kind (all hosts' for a shared store).
    func pendingCounts(for destination: AlertDestination) throws(StoreError) -> [AlertKind: Int]
    /// Marks these alerts delivered to each of `destinations`, in one transaction (idempotent).
    func markDelivered(_ alertIDs: [String], to destinations: Set<AlertDestination>) throws(StoreError)

    /// Articles by status, stances, alerts sent and pending, the last error.
    func status() throws(StoreError) -> StoreStatus
    /// Every stored stance in arrival, then text order.
    func forEachStance(_ body: (Stance) throws -> Void) throws(StoreError)

    /// The same store opened afresh after a failure, or `nil` to keep using this one.
    func reopenedStore() -> (any StoreBackend)?

    /// How often a caught-up process looks for alerts another process left undelivered (a
    /// shared store, whose hosts may die holding an alert's lease); nil when no other process
    /// writes the store (what this process left is found at its next start).
    var abandonedAlertsCheckInterval: Duration? { get }
}

extension StoreBackend {
    public var abandonedAlertsCheckInterval: Duration? { nil }

    /// Every alert journald has not taken that this process should deliver.
    public func pendingAlerts() throws(StoreError) -> [Alert] {
        try pendingAlerts(for: .journal, limit: .max)
    }

    /// Marks the alert sent to journald (idempotent).
    public func markSent(alertID: String) throws(StoreError) {
        try markDelivered([alertID], to: [.journal])
    }

    /// Every stored stance, in arrival then text order.
    public func allStances() throws(StoreError) -> [Stance] {
        var stances: [Stance] = []
        try forEachStance { stances.append($0) }
        return stances
    }

    /// One article in its own transaction: the article row, its `pro`/`contra` stances in text
    /// order, the alerts they raise (`Alerts.AlertRules.raise` decides them against the history
    /// inside the transaction) and the file's identity; returns the alerts newly stored.
    /// - Throws: `StoreError` `.alreadyIngested` when its content is stored already (the file's
    ///   identity is recorded, nothing else); `.cannotWrite` when nothing could be recorded.
    public func ingest(_ article: Article, hash: String, identity: FileIdentity, stances: [Stance],
                       rules: AlertRules) throws(StoreError) -> [Alert] {
        let item = ArticleRecord(article: article, hash: hash, identity: identity, stances: stances)
        switch try ingest([item], rules: rules)[0] {
        case .ingested(let alerts): return alerts
        case .alreadyIngested(let existing):
            throw StoreError(.alreadyIngested(existingArticle: existing), path: path,
                             operation: "article '\(StoreError.shown(article.id))'", cause: "duplicate content")
        }
    }
}

extension StanceStore: StoreBackend {
    public func reopenedStore() -> (any StoreBackend)? { reopened() }
}
