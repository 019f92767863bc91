public import Platform
import GRDB

/// The per-host part of a shared store: when articles are recorded elsewhere (PostgreSQL), the
/// host's own SQLite store in `--state` still keeps which files of its feed it has handled.
extension StanceStore {
    /// Records that `name` (this identity, content `hash` when known) was handled by the shared
    /// store and is no longer in progress, in one local transaction.
    public func markHandled(name: String, identity: FileIdentity, hash: String?) throws(StoreError) {
        try write("remember file '\(StoreError.shown(name))'") { db in
            try db.cachedStatement(sql: "DELETE FROM in_progress WHERE name = ?").execute(arguments: [name])
            try Self.recordSeen(name: name, identity: identity, hash: hash, db)
        }
    }
}
