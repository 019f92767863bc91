public import Alerts
import Corpus
import GRDB

/// The alert outbox: alerts are stored unsent by `ingest` and marked sent once a sink took them.
extension StanceStore {
    /// Every unsent alert, in the order it was raised.
    public func pendingAlerts() throws(StoreError) -> [Alert] {
        try read("list unsent alerts") { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, kind, actor, topic, from_polarity, to_polarity, article, prior_article,
                       date, prior_date, evidence, prior_evidence, other_actor, message
                FROM alert WHERE sent_at IS NULL ORDER BY article_seq, rowid
                """)).map(Self.alert)
        }
    }

    /// Marks the alert sent (idempotent; an unknown id changes nothing).
    public func markSent(alertID: String) throws(StoreError) {
        try write("mark alert \(alertID) sent") { db in
            try db.execute(sql: """
                UPDATE alert SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND sent_at IS NULL
                """, arguments: [alertID])
        }
    }

    static func alert(_ row: Row) throws -> Alert {
        func polarity(_ index: Int) throws -> Polarity {
            guard let p = Polarity(rawValue: row[index]) else { throw corrupt(row) }
            return p
        }
        func day(_ index: Int) throws -> Day {
            guard let d = Day(iso: row[index] as String) else { throw corrupt(row) }
            return d
        }
        guard let kind = AlertKind(rawValue: row[1]) else { throw corrupt(row) }
        return Alert(id: row[0], kind: kind, actor: row[2], topic: row[3], from: try polarity(4), to: try polarity(5),
                     article: row[6], priorArticle: row[7], date: try day(8), priorDate: try day(9),
                     evidence: row[10], priorEvidence: row[11], otherActor: row[12], message: row[13])
    }

    private static func corrupt(_ row: Row) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "alert \(row[0] as String) has an unreadable field")
    }
}
