import Foundation
import GRDB

/// The state database, Stancewatch's memory: one SQLite file (GRDB, WAL, `synchronous=NORMAL`) in the
/// state folder, `<state>/stancewatch.sqlite`. It holds
///
/// - **articles** in arrival order (`article.seq`): ingested ones with their content hash
///   (unique among ingested articles), date and header flag; refused ones with the reason;
/// - **stances** (spec §5 plus evidence offsets and the rules that fired), `pro`/`contra`
///   only, in arrival then text order; indexed on (actor, topic, stated, id) so every
///   prior-stance lookup the alert rules make is an index seek, whatever the history size;
/// - the **alert outbox**: every alert ever raised, keyed by its stable `STANCE_ALERT_ID`
///   (never stored twice), `sent_at` NULL until a sink took it;
/// - **disagreements**: which pairs of actors are in an open divergence on a topic;
/// - **seen files**: name → (device, inode, size, mtime, hash), so the catch-up scan can
///   skip unchanged files without reading them;
/// - the **last error**, for `stancewatch status`.
///
/// ## Guarantees
/// - `ingest` is ONE write transaction: the article row, its stances in text order, the
///   alerts they raise (each computed by `Alerts.AlertRules` against everything recorded
///   before it, including the article's earlier stances) and the file's identity. A crash
///   or a full disk leaves either all of it or none of it; SQLite's journal keeps the
///   file consistent under SIGKILL. Nothing is cached outside SQLite.
/// - Alerts are delivered *after* the commit (`pendingAlerts` → sink → `markSent`), so a
///   crash in between resends an alert with the same id rather than losing it.
/// - Content already ingested (same SHA-256) is never ingested again: `ingest` records
///   the file's identity and throws `StoreError` with kind `.alreadyIngested`.
/// - A file name seen again with different bytes is a new article version: it is
///   ingested as a new article; the earlier version's stances stay (they are evidence
///   that was published). Alerts it repeats carry the same ids and are not stored twice.
public struct StanceStore: Sendable {
    /// The database file name inside the state folder.
    public static let fileName = "stancewatch.sqlite"

    /// The underlying GRDB writer (a `DatabasePool` on disk, a `DatabaseQueue` in memory);
    /// GRDB stays inside this module.
    let writer: any DatabaseWriter
    /// The database's path, for messages (":memory:" in memory).
    public let path: String

    /// Opens (creating the folder and the file if needed) `<directory>/stancewatch.sqlite`
    /// in WAL mode and applies the migrations.
    public init(directory: String) throws(StoreError) {
        let path = Self.databasePath(in: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotOpen, path: path, operation: "create the state folder",
                             cause: "the folder \(directory) cannot be created: \(error.localizedDescription)")
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.maximumReaderCount = 2  // each reader has its own page cache; the daemon needs few
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            try self.init(writer: DatabasePool(path: path, configuration: config), path: path)
        } catch {
            throw StoreError.wrap(error, .cannotOpen, path: path, operation: "open the database")
        }
    }

    /// Opens an existing `<directory>/stancewatch.sqlite` for reading only (`stancewatch
    /// status`, `stances`): never creates, migrates or writes anything, and works on a
    /// read-only state folder too (then the file is read as it is, without the WAL index).
    /// Writes through the returned store fail with `.cannotWrite`.
    public static func openForReading(directory: String) throws(StoreError) -> StanceStore {
        let path = databasePath(in: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.cannotOpen, path: path, operation: "open the database",
                             cause: "there is no state database there: nothing was recorded with this state folder")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        func open(_ location: String) throws -> DatabaseQueue {
            let queue = try DatabaseQueue(path: location, configuration: config)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
        let queue: DatabaseQueue
        do {
            queue = try open(path)
        } catch {
            // A WAL database in a read-only folder whose WAL index is gone: read the file as it is.
            do {
                queue = try open("file:\(path)?immutable=1")
            } catch {
                throw StoreError.wrap(error, .cannotOpen, path: path, operation: "open the database")
            }
        }
        let store = StanceStore(unmigrated: queue, path: path)
        let migrated: Bool
        do {
            migrated = try queue.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) }
        } catch {
            throw StoreError.wrap(error, .cannotOpen, path: path, operation: "open the database")
        }
        guard migrated else {
            throw StoreError(.cannotOpen, path: path, operation: "open the database",
                             cause: "its schema is not the one this stancewatch knows (written by another version?)")
        }
        return store
    }

    /// `<directory>/stancewatch.sqlite`, with or without a trailing slash on `directory`.
    private static func databasePath(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    private init(unmigrated writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// A private in-memory store (tests, dry runs).
    public static func inMemory() throws(StoreError) -> StanceStore {
        do {
            return try StanceStore(writer: DatabaseQueue(), path: ":memory:")
        } catch {
            throw StoreError.wrap(error, .cannotOpen, path: ":memory:", operation: "open the database")
        }
    }

    /// The same database opened afresh (after a store failure): SQLite keeps a connection
    /// read-only once it opened the file on a read-only folder, so a state folder made writable
    /// again is only seen by a new connection. This store's connections are closed first (while
    /// any is open, SQLite shares its descriptors and WAL index with the new one); `nil` for an
    /// in-memory store, or when the file cannot be opened yet (this store's connections are closed
    /// then, so it keeps failing until a later call opens the file).
    public func reopened() -> StanceStore? {
        guard path.hasSuffix("/" + Self.fileName) else { return nil }
        try? writer.close()
        return try? StanceStore(directory: String(path.dropLast(Self.fileName.count + 1)))
    }

    /// Wraps an open GRDB writer and migrates it.
    init(writer: any DatabaseWriter, path: String) throws(StoreError) {
        self.writer = writer
        self.path = path
        do {
            // Only write when a migration is due: opening an up-to-date store (e.g. for
            // `stancewatch status` while the daemon runs) takes no write lock.
            let migrator = StoreSchema.migrator
            if try !writer.read({ db in try migrator.hasCompletedMigrations(db) }) {
                try migrator.migrate(writer)
            }
        } catch {
            throw StoreError.wrap(error, .cannotOpen, path: path, operation: "migrate the schema")
        }
    }

    /// Runs a write transaction, turning any failure into a `StoreError` naming `operation`.
    func write<T>(_ operation: @autoclosure () -> String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError.wrap(error, .cannotWrite, path: path, operation: operation())
        }
    }

    /// Runs a read, turning any failure into a `StoreError` naming `operation`.
    func read<T>(_ operation: @autoclosure () -> String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrap(error, .cannotRead, path: path, operation: operation())
        }
    }
}
