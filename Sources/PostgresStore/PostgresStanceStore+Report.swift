import Alerts
import Corpus
import Foundation
import PostgresNIO
public import Store

/// The analyst's report (`stancewatch report --store URL`) over the shared store: the same rows,
/// in the same order, as `StanceStore`'s report queries give for the same history. Text is
/// ordered by bytes (`COLLATE "C"`, SQLite's `BINARY`) whatever the database's locale.
extension PostgresStanceStore: ReportSource {
    public func reportStances(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportStance] {
        let (clause, binds) = Self.reportWhere(filter, actor: "s.actor", otherActor: nil, topic: "s.topic", day: "s.stated")
        let statement = PostgresQuery(unsafeSQL: """
            SELECT s.id, a.seq, a.date, a.has_header_date, a.name, s.actor, s.topic, s.polarity, s.stated,
                   s.evidence, s.evidence_start, s.evidence_end, s.rules, s.confidence
            FROM stance s JOIN article a ON a.seq = s.article_seq
            \(clause)
            ORDER BY s.topic COLLATE "C", s.actor COLLATE "C", s.stated COLLATE "C", a.seq, s.position
            """, binds: binds)
        let rows = try run("read stances for the report", .cannotRead) { conn in try self.query(conn, statement) }
        do {
            return try rows.map { row throws -> StanceStore.ReportStance in
                let (id, arrival, date, hasHeaderDate, article, actor, topic, polarity, stated, evidence, start, end,
                     rulesText, confidence) = try row.decode((Int64, Int64, String?, Bool?, String, String, String, String,
                                                              String, String, Int64, Int64, String, Double?).self)
                guard let articleDate = Day(iso: date ?? ""), let day = Day(iso: stated),
                      let polarity = Polarity(rawValue: polarity) else {
                    throw PostgresHistoryError(description: "stance \(id) has an unreadable date or polarity")
                }
                let rules = (try? PostgresHistory.rulesDecoder.decode([String].self, from: Data(rulesText.utf8))) ?? []
                let stance = Stance(article: article, actor: actor, topic: topic, polarity: polarity, stated: day,
                                    evidence: evidence, evidenceStart: Int(start), evidenceEnd: Int(end), rules: rules,
                                    confidence: confidence)
                return StanceStore.ReportStance(id: id, arrival: arrival, articleDate: articleDate,
                                                articleHasHeaderDate: hasHeaderDate ?? false, stance: stance)
            }
        } catch {
            throw StoreError(.cannotRead, path: path, operation: "read stances for the report", cause: "\(error)")
        }
    }

    public func reportAlerts(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportAlert] {
        let (clause, binds) = Self.reportWhere(filter, actor: "actor", otherActor: "other_actor", topic: "topic", day: "date")
        // The SQLite store's format for the two timestamps: 2026-12-03T04:05:06.789Z.
        let stamp = #"'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'"#
        let statement = PostgresQuery(unsafeSQL: """
            SELECT seq, id, kind, actor, topic, from_polarity, to_polarity, article, prior_article, date, prior_date,
                   evidence, prior_evidence, other_actor, message,
                   article_seq, to_char(created_at AT TIME ZONE 'UTC', \(stamp)),
                   to_char(sent_at AT TIME ZONE 'UTC', \(stamp))
            FROM alert \(clause)
            ORDER BY date COLLATE "C" DESC, article_seq DESC, seq DESC
            """, binds: binds)
        let rows = try run("read alerts for the report", .cannotRead) { conn in try self.query(conn, statement) }
        do {
            return try rows.map { row throws -> StanceStore.ReportAlert in
                let alert = try Self.alert(row).alert
                let columns = Array(row)
                let arrival = try columns[15].decode(Int64.self)
                let raisedAt = try columns[16].decode(String.self)
                let sentAt = try columns[17].decode(String?.self)
                return StanceStore.ReportAlert(alert: alert, arrival: arrival, raisedAt: raisedAt, sentAt: sentAt)
            }
        } catch {
            throw StoreError(.cannotRead, path: path, operation: "read alerts for the report", cause: "\(error)")
        }
    }

    /// The WHERE clause for `filter` with its parameters ($1, $2, …).
    static func reportWhere(_ filter: StanceStore.ReportFilter, actor: String, otherActor: String?, topic: String,
                            day: String) -> (String, PostgresBindings) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        func next(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        func list(_ values: [String]) -> String {
            binds.append(values)
            return "ANY($\(binds.count))"
        }
        if let since = filter.since { conditions.append("\(day) >= \(next(since.description))") }
        if let until = filter.until { conditions.append("\(day) <= \(next(until.description))") }
        if !filter.topics.isEmpty { conditions.append("\(topic) = \(list(filter.topics.sorted()))") }
        if !filter.actors.isEmpty {
            let actors = list(filter.actors.sorted())
            if let otherActor {
                conditions.append("(\(actor) = \(actors) OR \(otherActor) = \(actors))")
            } else {
                conditions.append("\(actor) = \(actors)")
            }
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), binds)
    }
}
