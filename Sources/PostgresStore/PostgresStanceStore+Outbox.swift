public import Alerts
import Corpus
import PostgresNIO
public import Store

/// The shared outbox: pending alerts are claimed with a lease, delivered, marked per destination.
extension PostgresStanceStore {
    /// Claims up to `limit` alerts `destination` has not taken whose lease expired or is this
    /// process's own (`FOR UPDATE SKIP LOCKED`: two hosts claiming at once get different rows),
    /// leases them to this process, and returns them in the order they were raised. An alert
    /// raised by a host that died before sending it is claimed here once its lease ran out.
    public func pendingAlerts(for destination: AlertDestination, limit: Int) throws(StoreError) -> [Alert] {
        let column = Self.column(destination)
        let leaseSeconds = Double(lease.components.seconds)
        let rows = try transaction("claim alerts not yet delivered", .cannotRead) { conn in
            try self.query(conn, """
                WITH claimable AS (
                    SELECT seq FROM alert
                    WHERE \(unescaped: column) IS NULL
                      AND (lease_holder = \(self.holder) OR lease_until IS NULL OR lease_until <= now())
                    ORDER BY seq LIMIT \(Int64(clamping: limit))
                    FOR UPDATE SKIP LOCKED)
                UPDATE alert SET lease_holder = \(self.holder), lease_until = now() + make_interval(secs => \(leaseSeconds))
                FROM claimable WHERE alert.seq = claimable.seq
                RETURNING alert.seq, alert.id, alert.kind, alert.actor, alert.topic, alert.from_polarity,
                          alert.to_polarity, alert.article, alert.prior_article, alert.date, alert.prior_date,
                          alert.evidence, alert.prior_evidence, alert.other_actor, alert.message
                """)
        }
        do {
            return try rows.map(Self.alert).sorted { $0.seq < $1.seq }.map(\.alert)
        } catch {
            throw StoreError(.cannotRead, path: path, operation: "read alerts not yet delivered", cause: "\(error)")
        }
    }

    /// How many alerts `destination` has not taken, by kind, across every host.
    public func pendingCounts(for destination: AlertDestination) throws(StoreError) -> [AlertKind: Int] {
        let column = Self.column(destination)
        return try run("count alerts not yet delivered", .cannotRead) { conn in
            var out: [AlertKind: Int] = [:]
            for row in try self.query(conn, "SELECT kind, count(*) FROM alert WHERE \(unescaped: column) IS NULL GROUP BY kind") {
                let (kind, count) = try row.decode((String, Int64).self)
                if let kind = AlertKind(rawValue: kind) { out[kind] = Int(count) }
            }
            return out
        }
    }

    /// Marks these alerts delivered to `destinations` by this process (idempotent: the first
    /// delivery's time and host stay).
    public func markDelivered(_ alertIDs: [String], to destinations: Set<AlertDestination>) throws(StoreError) {
        guard !alertIDs.isEmpty, !destinations.isEmpty else { return }
        var sets: [String] = []
        if destinations.contains(.journal) { sets += ["sent_at = coalesce(sent_at, now())", "sent_by = coalesce(sent_by, $2)"] }
        if destinations.contains(.alertLog) { sets.append("logged_at = coalesce(logged_at, now())") }
        var binds = PostgresBindings()
        binds.append(alertIDs)
        binds.append(holder)
        let statement = PostgresQuery(unsafeSQL: "UPDATE alert SET \(sets.joined(separator: ", ")) WHERE id = ANY($1)",
                                      binds: binds)
        _ = try run("mark \(alertIDs.count) alerts delivered", .cannotWrite) { conn in
            try self.exec(conn, statement)
        }
    }

    /// A third of the lease (at least a second): an alert whose host died is claimed soon
    /// after its lease ran out.
    public var abandonedAlertsCheckInterval: Duration? { max(lease / 3, .seconds(1)) }

    static func column(_ destination: AlertDestination) -> String {
        switch destination {
        case .journal: "sent_at"
        case .alertLog: "logged_at"
        }
    }

    static func alert(_ row: PostgresRow) throws -> (seq: Int64, alert: Alert) {
        let (seq, id, kind, actor, topic, from, to, article, priorArticle, date, priorDate, evidence, priorEvidence,
             otherActor, message) = try row.decode((Int64, String, String, String, String, String, String, String, String,
                                                     String, String, String, String, String?, String).self)
        guard let kind = AlertKind(rawValue: kind), let from = Polarity(rawValue: from), let to = Polarity(rawValue: to),
              let day = Day(iso: date), let priorDay = Day(iso: priorDate) else {
            throw PostgresHistoryError(description: "alert \(id) has an unreadable field")
        }
        return (seq, Alert(id: id, kind: kind, actor: actor, topic: topic, from: from, to: to, article: article,
                           priorArticle: priorArticle, date: day, priorDate: priorDay, evidence: evidence,
                           priorEvidence: priorEvidence, otherActor: otherActor, message: message))
    }
}
