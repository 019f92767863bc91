public import Alerts
public import Corpus
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

    /// True when an ingested article has this content hash.
    public func hasContent(hash: String) throws(StoreError) -> Bool {
        try read("look up content \(hash)") { db in
            try Self.ingestedArticle(hash: hash, db) != nil
        }
    }

    /// One transaction: the article row, its `pro`/`contra` stances in text order (neutral
    /// ones are skipped), the alerts they raise (unsent), and the file's identity.
    /// Returns the alerts newly stored, in the order they were raised.
    /// - Throws: `StoreError` of kind `.alreadyIngested` when an article with `hash` is
    ///   already stored (the file's identity is recorded, nothing else); `.cannotWrite`
    ///   when the transaction failed (nothing was recorded).
    public func ingest(_ article: Article, hash: String, identity: FileIdentity, stances: [Stance],
                       rules: AlertRules) throws(StoreError) -> [Alert] {
        let operation = "record article '\(StoreError.shown(article.id))'"
        let outcome: Result<[Alert], StoreError> = try write(operation) { db in
            if let existing = try Self.ingestedArticle(hash: hash, db) {
                try Self.recordSeen(name: article.id, identity: identity, hash: hash, db)
                return .failure(StoreError(.alreadyIngested(existingArticle: existing), path: path,
                                           operation: "article '\(StoreError.shown(article.id))'",
                                           cause: "duplicate content"))
            }
            try db.execute(sql: """
                INSERT INTO article (name, hash, date, has_header_date, status) VALUES (?, ?, ?, ?, 'ingested')
                """, arguments: [article.id, hash, article.date.description, article.hasHeaderDate])
            let articleSeq = db.lastInsertedRowID
            let history = SQLStanceHistory(db: db)
            var raised: [Alert] = []
            var position = 0
            for var stance in stances where stance.polarity != .neutral {
                stance.article = article.id
                for alert in try rules.alerts(for: stance, history: history)
                where try Self.insert(alert, articleSeq: articleSeq, db) {
                    raised.append(alert)
                }
                try Self.insert(stance, articleSeq: articleSeq, position: position, db)
                position += 1
                try rules.afterRecording(stance, history: history)
            }
            try Self.recordSeen(name: article.id, identity: identity, hash: hash, db)
            return .success(raised)
        }
        return try outcome.get()
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
