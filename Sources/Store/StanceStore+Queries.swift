public import Corpus
import GRDB

/// Reading the record back: every stance, and the counts `stancewatch status` prints.
extension StanceStore {
    /// Every stored stance in arrival order, then text order (spec §5 records for `stancewatch stances`).
    public func allStances() throws(StoreError) -> [Stance] {
        var stances: [Stance] = []
        try forEachStance { stances.append($0) }
        return stances
    }

    /// Articles by status, stances, alerts sent and pending, and the last error.
    public func status() throws(StoreError) -> StoreStatus {
        try read("count what the store holds") { db in
            let ingested = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE status = 'ingested'") ?? 0
            let refused = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE status = 'refused'") ?? 0
            let stances = try Int.fetchOne(db, sql: "SELECT count(*) FROM stance") ?? 0
            let sent = try Int.fetchOne(db, sql: "SELECT count(*) FROM alert WHERE sent_at IS NOT NULL") ?? 0
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM alert WHERE sent_at IS NULL") ?? 0
            let lastError = try String.fetchOne(db, sql: "SELECT message FROM last_error WHERE id = 1")
            return StoreStatus(articles: .init(ingested: ingested, refused: refused),
                               stances: stances, alerts: .init(sent: sent, pending: pending), lastError: lastError)
        }
    }
}

extension StanceStore {
    /// Calls `body` with every stored stance in arrival, then text order, streaming from a
    /// cursor (constant memory however large the history); `body` may throw to stop.
    public func forEachStance(_ body: (Stance) throws -> Void) throws(StoreError) {
        try read("list stances") { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(SQLStanceHistory.columns) FROM stance s JOIN article a ON a.seq = s.article_seq
                ORDER BY s.id
                """)
            while let row = try rows.next() { try body(try SQLStanceHistory.stance(row)) }
        }
    }
}
