public import Alerts
public import Corpus
import Foundation
import Logging
public import Platform
import PostgresNIO
public import Store

/// The shared store: one PostgreSQL database that several watcher hosts record into, so a
/// shift is judged against an actor's whole history wherever the articles landed, and an alert
/// is raised once for the cluster. Same tables and constraints as the SQLite `StanceStore`
/// (`PostgresSchema`); the per-host part (which files of this host's feed were handled, what
/// it was analysing when it died) stays in the host's own SQLite store in `--state`.
///
/// ## Across hosts
/// - **One transaction per batch** that first takes `pg_advisory_xact_lock` on every topic its
///   stances touch, in one fixed order (by key): two hosts recording stances on one topic are
///   serialised, so the history each alert is computed from holds every stance committed
///   before it, including groupmates' (divergence). Deadlocks and serialisation failures are
///   retried.
/// - **Content identity is global**: `article(hash)` is unique among ingested articles and the
///   insert is `ON CONFLICT DO NOTHING`, so the same bytes on two hosts are ingested once.
/// - **The outbox has a lease**: an alert is stored leased to the host that raised it; a host
///   asks for pending alerts by claiming them (`FOR UPDATE SKIP LOCKED`) among those whose
///   lease expired or that it holds, so an alert whose host died before sending it is sent by
///   another, once, with the same `STANCE_ALERT_ID`.
///
/// ## Threads and failures
/// Every method blocks its calling thread (the daemon's ingest thread, a command's thread)
/// until PostgreSQL answered: postgres-nio runs on its own event loop and the result is waited
/// for with `EventLoopFuture.wait()`, never from Swift's cooperative pool. A failed call drops
/// the connection and throws a `StoreError` (nothing of it was recorded); the next call
/// connects again, so the daemon's existing back-off simply retries until the server is back.
public final class PostgresStanceStore: StoreBackend, @unchecked Sendable {
    /// Where the database is.
    public let location: PostgresLocation
    /// This process's name in `raised_by`, `sent_by` and the lease: host, pid and a random part.
    public let holder: String
    /// How long an alert stays leased to the host that raised or claimed it.
    public let lease: Duration
    /// The host's own store for its seen files and articles in progress (`nil` for read-only use).
    let local: StanceStore?
    private let logger: Logger
    /// Guards `connection` and serialises the calls (a transaction owns the connection).
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var connections = 0

    public var path: String { location.description }

    /// Connects to `location` and, when `migrate`, applies the migrations that are due; without
    /// `migrate`, checks that the schema is there and current. Throws `.cannotOpen` otherwise.
    /// `allowUnmigrated` (with `migrate` false) skips the check, for `stancewatch migrate`.
    public init(location: PostgresLocation, local: StanceStore?, migrate: Bool = true, allowUnmigrated: Bool = false,
                lease: Duration = .seconds(30), holder: String? = nil) throws(StoreError) {
        self.location = location
        self.local = local
        self.lease = lease
        self.holder = holder ?? "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UInt32.random(in: 0...UInt32.max))"
        var logger = Logger(label: "stancewatch.postgres")
        logger.logLevel = .error
        self.logger = logger
        if migrate {
            _ = try self.migrate()
        } else if !allowUnmigrated {
            let version = try run("read the schema version", .cannotOpen) { conn in
                try self.schemaVersion(conn)
            }
            guard let version, version == PostgresSchema.migrations.last?.version else {
                throw StoreError(.cannotOpen, path: path, operation: "open the database",
                                 cause: version == nil
                                    ? "it holds no Stancewatch schema (run 'stancewatch migrate --store URL' or start the daemon)"
                                    : "its schema version \(version!) is not the one this stancewatch knows")
            }
        }
    }

    /// Why PostgreSQL at `location` cannot be reached now (refused, timed out, starting up or
    /// shutting down), or nil when a server answered there: connected, or refused the login or
    /// the database, which `init` then reports as it is. One connection attempt, closed at once.
    public static func unreachableReason(_ location: PostgresLocation) -> String? {
        var logger = Logger(label: "stancewatch.postgres.probe")
        logger.logLevel = .critical
        do {
            let conn = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                      configuration: location.configuration(), id: 0,
                                                      logger: logger).wait()
            try? conn.close().wait()
            return nil
        } catch let error as PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                // 57P03 cannot_connect_now (starting up), 57P01/57P02 shutting down, class 08: connection.
                return state.hasPrefix("57P") || state.hasPrefix("08") ? reason(error) : nil
            }
            return reason(error)
        } catch {
            return "\(error)"
        }
    }

    deinit {
        if let connection { try? connection.close().wait() }
    }

    // MARK: - Migrations

    /// Applies the migrations that are due under a transaction-scoped advisory lock (several
    /// hosts may start at once); returns the versions applied now.
    @discardableResult
    public func migrate() throws(StoreError) -> [Int64] {
        try transaction("migrate the schema", .cannotOpen) { conn in
            try self.exec(conn, "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            try self.exec(conn, """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """)
            let current = try self.schemaVersion(conn) ?? 0
            var applied: [Int64] = []
            for migration in PostgresSchema.migrations where migration.version > current {
                for statement in migration.sql { try self.exec(conn, PostgresQuery(unsafeSQL: statement)) }
                try self.exec(conn, "INSERT INTO schema_migration (version, name) VALUES (\(migration.version), \(migration.name))")
                applied.append(migration.version)
            }
            return applied
        }
    }

    private func schemaVersion(_ conn: PostgresConnection) throws -> Int64? {
        let exists = try query(conn, "SELECT to_regclass('schema_migration') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return nil }
        return try query(conn, "SELECT max(version) FROM schema_migration").first?.decode(Int64?.self)
    }

    // MARK: - Articles

    public func ingest(_ batch: [ArticleRecord], rules: AlertRules) throws(StoreError) -> [ArticleRecord.Outcome] {
        let operation = batch.count == 1 ? "record article '\(batch.first.map { $0.article.id } ?? "")'"
                                         : "record \(batch.count) articles"
        let outcomes = try transaction(operation, .cannotWrite) { conn in
            for key in Self.lockKeys(batch) { try self.exec(conn, "SELECT pg_advisory_xact_lock(\(key))") }
            return try batch.map { item throws -> ArticleRecord.Outcome in
                let article = item.article
                let inserted = try self.query(conn, """
                    INSERT INTO article (name, hash, date, has_header_date, status, host)
                    VALUES (\(article.id), \(item.hash), \(article.date.description), \(article.hasHeaderDate), 'ingested', \(self.holder))
                    ON CONFLICT (hash) WHERE status = 'ingested' DO NOTHING RETURNING seq
                    """)
                guard let seq = try inserted.first?.decode(Int64.self) else {
                    let existing = try self.query(conn, "SELECT name FROM article WHERE hash = \(item.hash) AND status = 'ingested'")
                    return .alreadyIngested(existingArticle: try existing.first?.decode(String.self) ?? "")
                }
                let record = PostgresHistory(store: self, conn: conn, articleSeq: seq)
                let stances = item.stances.map { stance in
                    var stance = stance
                    stance.article = article.id
                    return stance
                }
                return .ingested(alerts: try rules.raise(stances, in: record))
            }
        }
        // The host's own record of its feed; if the process dies before this, the file is read
        // again at the next start and found stored (a duplicate, never counted twice).
        for item in batch {
            try? local?.markHandled(name: item.article.id, identity: item.identity, hash: item.hash)
        }
        return outcomes
    }

    /// The advisory lock keys of the topics `batch` records stances on, ascending: every
    /// transaction takes its locks in this one order, so two hosts never wait on each other
    /// in a cycle. A topic (not an actor) is the unit because the divergence rule reads the
    /// groupmates' history on the topic.
    static func lockKeys(_ batch: [ArticleRecord]) -> [Int64] {
        var topics: Set<String> = []
        for item in batch { for stance in item.stances { topics.insert(stance.topic) } }
        return Set(topics.map { fnv1a("stancewatch topic " + $0) }).sorted()
    }

    /// FNV-1a, 64 bits: a stable key for a name (Swift's `hashValue` changes per process).
    static func fnv1a(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    public func hasContent(hash: String) throws(StoreError) -> Bool {
        try run("look up content \(hash)", .cannotRead) { conn in
            try !self.query(conn, "SELECT 1 FROM article WHERE hash = \(hash) AND status = 'ingested'").isEmpty
        }
    }

    public func lookUp(name: String, identity: FileIdentity, hash: String) throws(StoreError)
        -> (unchanged: Bool, contentStored: Bool) {
        if try isUnchanged(name: name, identity: identity) { return (true, false) }
        return (false, try hasContent(hash: hash))
    }

    public func refuse(name: String, identity: FileIdentity?, hash: String?, reason: String) throws(StoreError) {
        try transaction("record the refusal of '\(name)'", .cannotWrite) { conn in
            try self.exec(conn, """
                INSERT INTO article (name, hash, status, reason, host) VALUES (\(name), \(hash), 'refused', \(reason), \(self.holder))
                """)
            try self.setLastError(reason, conn)
        }
        if let identity { try? local?.markHandled(name: name, identity: identity, hash: hash) }
    }

    public func recordError(_ message: String) throws(StoreError) {
        try run("record an error", .cannotWrite) { conn in try self.setLastError(message, conn) }
    }

    private func setLastError(_ message: String, _ conn: PostgresConnection) throws {
        try exec(conn, """
            INSERT INTO last_error (id, host, message) VALUES (1, \(holder), \(message))
            ON CONFLICT (id) DO UPDATE SET message = excluded.message, host = excluded.host, at = now()
            """)
    }

    // MARK: - This host's feed (local)

    public func isUnchanged(name: String, identity: FileIdentity) throws(StoreError) -> Bool {
        try local?.isUnchanged(name: name, identity: identity) ?? false
    }

    public func forEachSeenFile(_ body: (String, FileIdentity) throws -> Void) throws(StoreError) {
        try local?.forEachSeenFile(body)
    }

    public func markInProgress(name: String, identity: FileIdentity) throws(StoreError) {
        try local?.markInProgress(name: name, identity: identity)
    }

    public func articlesInProgress() throws(StoreError) -> [String: FileIdentity] {
        try local?.articlesInProgress() ?? [:]
    }

    public func markSeen(name: String, identity: FileIdentity, hash: String) throws(StoreError) {
        try local?.markSeen(name: name, identity: identity, hash: hash)
    }

    public func reopenedStore() -> (any StoreBackend)? { nil }  // the next call connects again

    // MARK: - Reading back

    public func status() throws(StoreError) -> StoreStatus {
        try run("count what the store holds", .cannotRead) { conn in
            let row = try self.query(conn, """
                SELECT (SELECT count(*) FROM article WHERE status = 'ingested'),
                       (SELECT count(*) FROM article WHERE status = 'refused'),
                       (SELECT count(*) FROM stance),
                       (SELECT count(*) FROM alert WHERE sent_at IS NOT NULL),
                       (SELECT count(*) FROM alert WHERE sent_at IS NULL),
                       (SELECT message FROM last_error WHERE id = 1)
                """)
            let (ingested, refused, stances, sent, pending, lastError) =
                try row[0].decode((Int64, Int64, Int64, Int64, Int64, String?).self)
            return StoreStatus(articles: .init(ingested: Int(ingested), refused: Int(refused)), stances: Int(stances),
                               alerts: .init(sent: Int(sent), pending: Int(pending)), lastError: lastError)
        }
    }

    public func forEachStance(_ body: (Stance) throws -> Void) throws(StoreError) {
        let rows = try run("list stances", .cannotRead) { conn in
            try self.query(conn, PostgresQuery(unsafeSQL: """
                SELECT \(PostgresHistory.columns) FROM stance s JOIN article a ON a.seq = s.article_seq ORDER BY s.id
                """))
        }
        do {
            for row in rows { try body(try PostgresHistory.recorded(row).stance) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.cannotRead, path: path, operation: "list stances", cause: "\(error)")
        }
    }

    // MARK: - Running statements

    /// Runs `body` on the connection (connecting first when needed); any failure drops the
    /// connection and becomes a `StoreError` of `kind` naming `operation`.
    func run<T>(_ operation: @autoclosure () -> String, _ kind: StoreError.Kind,
                _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body(try connected())
        } catch {
            if let connection { try? connection.close().wait() }
            connection = nil
            if let error = error as? StoreError { throw error }
            throw StoreError(kind, path: path, operation: operation(), cause: Self.reason(error))
        }
    }

    /// `body` inside BEGIN … COMMIT; retried (up to 5 times) when PostgreSQL reports a
    /// deadlock or a serialisation failure, which roll the whole transaction back.
    func transaction<T>(_ operation: @autoclosure () -> String, _ kind: StoreError.Kind,
                        _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try run(operation(), kind) { conn in
                    try self.exec(conn, "BEGIN")
                    do {
                        let result = try body(conn)
                        try self.exec(conn, "COMMIT")
                        return result
                    } catch {
                        if Self.isRetryable(error) { try self.exec(conn, "ROLLBACK"); throw Retry() }
                        throw error
                    }
                }
            } catch let error where attempt < 5 && error.cause == Retry.cause {
                continue
            }
        }
    }

    /// Marks a transaction rolled back to be run again.
    struct Retry: Error, CustomStringConvertible {
        static let cause = "a concurrent transaction conflicted; retried"
        var description: String { Self.cause }
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connections += 1
        let fresh = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                   configuration: location.configuration(),
                                                   id: connections, logger: logger).wait()
        connection = fresh
        return fresh
    }

    func query(_ conn: PostgresConnection, _ query: PostgresQuery) throws -> [PostgresRow] {
        try conn.query(query, logger: logger).wait().rows
    }

    /// Runs a statement; how many rows it changed.
    @discardableResult
    func exec(_ conn: PostgresConnection, _ query: PostgresQuery) throws -> Int {
        try conn.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// A short cause for an operator: the server's message, or why it could not be reached.
    static func reason(_ error: any Error) -> String {
        if let retry = error as? Retry { return retry.description }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo, let message = info[.message] {
            return "PostgreSQL refused it: \(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
        }
        let underlying = error.underlying.map { ": \($0)" } ?? ""
        switch error.code {
        case .connectionError: return "PostgreSQL cannot be reached\(underlying)"
        case .serverClosedConnection, .uncleanShutdown: return "PostgreSQL closed the connection (stopped or restarted?)\(underlying)"
        default: return "PostgreSQL client error \(error.code)\(underlying)"
        }
    }
}
