public import Alerts
import Corpus
import GRDB

/// Where an alert is delivered; the outbox records each delivery separately.
public enum AlertDestination: Sendable, Hashable, CaseIterable {
    /// journald (`sent_at`).
    case journal
    /// The JSON Lines alert log (`logged_at`; also set when no alert log was configured).
    case alertLog

    var column: String {
        switch self {
        case .journal: "sent_at"
        case .alertLog: "logged_at"
        }
    }
}

/// The alert outbox: alerts are stored undelivered by `ingest` and marked delivered per
/// destination (journald, the alert log) once that destination took them.
extension StanceStore {
    /// Every alert journald has not taken, in the order it was raised.
    public func pendingAlerts() throws(StoreError) -> [Alert] {
        try pendingAlerts(for: .journal)
    }

    /// The first `limit` alerts `destination` has not taken, in the order they were raised
    /// (a seek on a partial index: the cost follows `limit`, not the whole history).
    public func pendingAlerts(for destination: AlertDestination, limit: Int = .max) throws(StoreError) -> [Alert] {
        try read("list alerts not yet delivered") { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, kind, actor, topic, from_polarity, to_polarity, article, prior_article,
                       date, prior_date, evidence, prior_evidence, other_actor, message
                FROM alert WHERE \(destination.column) IS NULL ORDER BY article_seq, rowid LIMIT ?
                """), arguments: [limit]).map(Self.alert)
        }
    }

    /// How many alerts `destination` has not taken, by kind.
    public func pendingCounts(for destination: AlertDestination) throws(StoreError) -> [AlertKind: Int] {
        try read("count alerts not yet delivered") { db in
            var out: [AlertKind: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT kind, count(*) FROM alert WHERE \(destination.column) IS NULL GROUP BY kind
                """) {
                if let kind = AlertKind(rawValue: row[0]) { out[kind] = row[1] }
            }
            return out
        }
    }

    /// Marks the alert sent to journald (idempotent; an unknown id changes nothing).
    public func markSent(alertID: String) throws(StoreError) {
        try markDelivered([alertID], to: [.journal])
    }

    /// Marks these alerts delivered to each of `destinations`, in one transaction (idempotent).
    public func markDelivered(_ alertIDs: [String], to destinations: Set<AlertDestination>) throws(StoreError) {
        guard !alertIDs.isEmpty, !destinations.isEmpty else { return }
        let columns = AlertDestination.allCases.filter(destinations.contains).map(\.column)
        let set = columns.map { "\($0) = coalesce(\($0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))" }
        try write("mark \(alertIDs.count) alerts delivered") { db in
            let statement = try db.cachedStatement(sql: "UPDATE alert SET \(set.joined(separator: ", ")) WHERE id = ?")
            for id in alertIDs { try statement.execute(arguments: [id]) }
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
