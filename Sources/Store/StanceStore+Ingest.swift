public import Alerts
import Corpus
import Foundation
import GRDB
public import Platform

/// Recording articles: the one-transaction ingest, refusals, and the seen-file fast path.
extension StanceStore {
    /// True when `name` was recorded with exactly this identity (device, inode, size, mtime):
    /// the catch-up scan may skip it without reading it.
    public func isUnchanged(name: String, identity: FileIdentity) throws(StoreError) -> Bool {
        try read("check whether '\(StoreError.shown(name))' changed") { db in
            let sql = "SELECT device, inode, size, mtime_ns FROM seen_file WHERE name = ?"
            return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [name]).map { row in
                Self.fileIdentity(row) == identity
            } ?? false
        }
    }

    /// Calls `body` with every recorded file name and identity, in byte order of the name (the
    /// table's primary key, so the rows stream from the index): a catch-up scan over many files
    /// merges this with its sorted listing instead of one `isUnchanged` query per file or a map
    /// of every recorded file in memory.
    public func forEachSeenFile(_ body: (String, FileIdentity) throws -> Void) throws(StoreError) {
        try read("list the files already seen") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT device, inode, size, mtime_ns, name FROM seen_file ORDER BY name")
            while let row = try rows.next() { try body(row[4], Self.fileIdentity(row)) }
        }
    }

    /// In one read: whether `name` was recorded with exactly this identity (nothing to do) and
    /// whether an ingested article has the content `hash` (the ingest pipeline's two questions).
    public func lookUp(name: String, identity: FileIdentity, hash: String) throws(StoreError)
        -> (unchanged: Bool, contentStored: Bool) {
        try read("look up '\(StoreError.shown(name))'") { db in
            let sql = "SELECT device, inode, size, mtime_ns FROM seen_file WHERE name = ?"
            let unchanged = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [name]).map { row in
                Self.fileIdentity(row) == identity
            } ?? false
            return (unchanged, unchanged ? false : try Self.ingestedArticle(hash: hash, db) != nil)
        }
    }

    /// True when an ingested article has this content hash.
    public func hasContent(hash: String) throws(StoreError) -> Bool {
        try read("look up content \(hash)") { db in
            try Self.ingestedArticle(hash: hash, db) != nil
        }
    }

    /// Several articles in ONE transaction, in the order given (catch-up and replay batches):
    /// each is recorded exactly as `ingest(_:hash:identity:stances:rules:)` would, and sees the
    /// ones before it. Either all of them are recorded or none (`.cannotWrite`).
    public func ingest(_ batch: [ArticleRecord], rules: AlertRules) throws(StoreError) -> [ArticleRecord.Outcome] {
        let operation = batch.count == 1 ? "record article '\(StoreError.shown(batch[0].article.id))'"
                                         : "record \(batch.count) articles"
        return try write(operation) { db in
            try batch.map { item throws -> ArticleRecord.Outcome in
                let article = item.article
                try db.cachedStatement(sql: "DELETE FROM in_progress WHERE name = ?").execute(arguments: [article.id])
                if let existing = try Self.ingestedArticle(hash: item.hash, db) {
                    try Self.recordSeen(name: article.id, identity: item.identity, hash: item.hash, db)
                    return .alreadyIngested(existingArticle: existing)
                }
                try db.cachedStatement(sql: """
                    INSERT INTO article (name, hash, date, has_header_date, status) VALUES (?, ?, ?, ?, 'ingested')
                    """).execute(arguments: [article.id, item.hash, article.date.description, article.hasHeaderDate])
                let record = SQLStanceHistory(db: db, articleSeq: db.lastInsertedRowID)
                let stances = item.stances.map { stance in
                    var stance = stance
                    stance.article = article.id
                    return stance
                }
                let raised = try rules.raise(stances, in: record)
                try Self.recordSeen(name: article.id, identity: item.identity, hash: item.hash, db)
                return .ingested(alerts: raised)
            }
        }
    }

    /// Notes that the article in `name` (this identity) is being analysed and is taking long:
    /// if the process dies before it is recorded, the next start refuses it instead of
    /// reading it again (`articlesInProgress`). Cleared when the file is recorded or refused.
    public func markInProgress(name: String, identity: FileIdentity) throws(StoreError) {
        try write("note that '\(StoreError.shown(name))' is being read") { db in
            try db.execute(sql: """
                INSERT INTO in_progress (name, device, inode, size, mtime_ns) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                    size = excluded.size, mtime_ns = excluded.mtime_ns,
                    started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                """, arguments: [name, Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                                 identity.size, identity.modifiedNanoseconds])
        }
    }

    /// The files marked in progress by a process that died before recording them, by name.
    public func articlesInProgress() throws(StoreError) -> [String: FileIdentity] {
        try read("list the articles left in progress") { db in
            var out: [String: FileIdentity] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT device, inode, size, mtime_ns, name FROM in_progress")
            while let row = try rows.next() { out[row[4]] = Self.fileIdentity(row) }
            return out
        }
    }

    /// Records that `name` with this identity holds content `hash` already stored
    /// (the same bytes seen again, or under another name), so catch-up skips it.
    public func markSeen(name: String, identity: FileIdentity, hash: String) throws(StoreError) {
        try write("remember file '\(StoreError.shown(name))'") { db in
            try Self.recordSeen(name: name, identity: identity, hash: hash, db)
        }
    }

    /// Records a refused file (with its identity when known, so catch-up skips it until it
    /// changes) and makes `reason` the last error.
    public func refuse(name: String, identity: FileIdentity?, hash: String?, reason: String) throws(StoreError) {
        try write("record the refusal of '\(StoreError.shown(name))'") { db in
            try db.execute(sql: "INSERT INTO article (name, hash, status, reason) VALUES (?, ?, 'refused', ?)",
                           arguments: [name, hash, reason])
            try db.execute(sql: "DELETE FROM in_progress WHERE name = ?", arguments: [name])
            if let identity {
                try Self.recordSeen(name: name, identity: identity, hash: hash, db)
            }
            try Self.setLastError(reason, db)
        }
    }

    /// Makes `message` the last error `status()` reports (daemon or folder trouble).
    public func recordError(_ message: String) throws(StoreError) {
        try write("record an error") { db in try Self.setLastError(message, db) }
    }

    // MARK: - Rows

    static func ingestedArticle(hash: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM article WHERE hash = ? AND status = 'ingested'"),
                            arguments: [hash])
    }

    static func recordSeen(name: String, identity: FileIdentity, hash: String?, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO seen_file (name, device, inode, size, mtime_ns, hash) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash
            """).execute(arguments: [name, Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                                     identity.size, identity.modifiedNanoseconds, hash])
    }

    static func fileIdentity(_ row: Row) -> FileIdentity {
        FileIdentity(device: UInt64(bitPattern: row[0] as Int64), inode: UInt64(bitPattern: row[1] as Int64),
                     size: row[2], modifiedNanoseconds: row[3])
    }

    static func setLastError(_ message: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO last_error (id, message) VALUES (1, ?)
            ON CONFLICT (id) DO UPDATE SET message = excluded.message, at = excluded.at
            """, arguments: [message])
    }

    static func insert(_ stance: Stance, articleSeq: Int64, position: Int, _ db: Database) throws {
        let rules = String(decoding: try SQLStanceHistory.rulesEncoder.encode(stance.rules), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO stance (article_seq, position, actor, topic, polarity, stated, evidence,
                                evidence_start, evidence_end, rules, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [articleSeq, position, stance.actor, stance.topic, stance.polarity.rawValue,
                                     stance.stated.description, stance.evidence, stance.evidenceStart,
                                     stance.evidenceEnd, rules, stance.confidence])
    }

    /// Stores `alert` unless an alert with its id exists; true when it was stored.
    static func insert(_ alert: Alert, articleSeq: Int64, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO alert (id, article_seq, kind, actor, topic, from_polarity, to_polarity,
                article, prior_article, date, prior_date, evidence, prior_evidence, other_actor, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [alert.id, articleSeq, alert.kind.rawValue, alert.actor, alert.topic,
                                     alert.from.rawValue, alert.to.rawValue, alert.article, alert.priorArticle,
                                     alert.date.description, alert.priorDate.description, alert.evidence,
                                     alert.priorEvidence, alert.otherActor, alert.message])
        return db.changesCount > 0
    }
}
