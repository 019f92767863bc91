public import Alerts
public import Corpus
import Foundation
import GRDB

/// What the analyst's report reads, from either store: the SQLite `StanceStore` and the shared
/// PostgreSQL store answer it with the same rows in the same order. Blocking, like every store call.
public protocol ReportSource: Sendable {
    /// The stances `filter` selects, by topic, actor, stated day, arrival, text order.
    func reportStances(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportStance]
    /// The alerts `filter` selects, newest stated day first, then latest arrival first.
    func reportAlerts(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportAlert]
}

extension StanceStore: ReportSource {}

/// The read-only view the analyst's report (`stancewatch report`, `timeline`) takes of the
/// store: stances with where they came from (article id, the article's date, arrival order)
/// and alerts with when they were raised and sent, filtered by date, topic and actor.
///
/// Its own SQL and decoding, so that it depends on the schema's columns only, not on how
/// the ingest side is organised.
extension StanceStore {
    /// Which stances and alerts a report covers. `nil` (or empty) means no restriction.
    public struct ReportFilter: Sendable, Hashable {
        /// First stated day included.
        public var since: Day?
        /// Last stated day included.
        public var until: Day?
        public var topics: Set<String>
        public var actors: Set<String>

        public init(since: Day? = nil, until: Day? = nil, topics: Set<String> = [], actors: Set<String> = []) {
            self.since = since
            self.until = until
            self.topics = topics
            self.actors = actors
        }
    }

    /// A stored stance with its provenance.
    public struct ReportStance: Sendable, Hashable {
        /// The stance's row id (stable while the store exists).
        public var id: Int64
        /// Arrival order of its article (`article.seq`).
        public var arrival: Int64
        /// The date of its article (header date, else the file's modification day).
        public var articleDate: Day
        /// Whether the article's date came from its header.
        public var articleHasHeaderDate: Bool
        /// The stance record (spec §5) with its evidence and the rules that decided it.
        public var stance: Stance

        public init(id: Int64, arrival: Int64, articleDate: Day, articleHasHeaderDate: Bool, stance: Stance) {
            self.id = id
            self.arrival = arrival
            self.articleDate = articleDate
            self.articleHasHeaderDate = articleHasHeaderDate
            self.stance = stance
        }
    }

    /// A stored alert with its bookkeeping.
    public struct ReportAlert: Sendable, Hashable {
        public var alert: Alert
        /// Arrival order of the article that raised it.
        public var arrival: Int64
        /// When it was raised (UTC, ISO 8601).
        public var raisedAt: String
        /// When a sink took it; `nil` while it waits in the outbox.
        public var sentAt: String?

        public init(alert: Alert, arrival: Int64, raisedAt: String, sentAt: String?) {
            self.alert = alert
            self.arrival = arrival
            self.raisedAt = raisedAt
            self.sentAt = sentAt
        }
    }

    /// The stances `filter` selects, by topic, actor, stated day, arrival, text order.
    public func reportStances(_ filter: ReportFilter = ReportFilter()) throws(StoreError) -> [ReportStance] {
        let (clause, arguments) = Self.reportWhere(filter, actor: "s.actor", otherActor: nil, topic: "s.topic", day: "s.stated")
        return try reportRead("read stances for the report") { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.id, a.seq, a.date, a.has_header_date, a.name, s.actor, s.topic, s.polarity, s.stated,
                       s.evidence, s.evidence_start, s.evidence_end, s.rules, s.confidence
                FROM stance s JOIN article a ON a.seq = s.article_seq
                \(clause)
                ORDER BY s.topic, s.actor, s.stated, a.seq, s.position
                """, arguments: arguments)
            var out: [ReportStance] = []
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard let articleDate = Day(iso: row[2] as String? ?? ""),
                      let stated = Day(iso: row[8] as String),
                      let polarity = Polarity(rawValue: row[7])
                else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "stance \(id) has an unreadable date or polarity")
                }
                let rulesText: String = row[12]
                let rules = (try? decoder.decode([String].self, from: Data(rulesText.utf8))) ?? []
                let stance = Stance(article: row[4], actor: row[5], topic: row[6], polarity: polarity, stated: stated,
                                    evidence: row[9], evidenceStart: row[10], evidenceEnd: row[11], rules: rules,
                                    confidence: row[13])
                out.append(ReportStance(id: id, arrival: row[1], articleDate: articleDate,
                                        articleHasHeaderDate: row[3] as Bool? ?? false, stance: stance))
            }
            return out
        }
    }

    /// The alerts `filter` selects (a divergence is kept when either of its actors is selected),
    /// newest stated day first, then latest arrival first.
    public func reportAlerts(_ filter: ReportFilter = ReportFilter()) throws(StoreError) -> [ReportAlert] {
        let (clause, arguments) = Self.reportWhere(filter, actor: "actor", otherActor: "other_actor", topic: "topic", day: "date")
        return try reportRead("read alerts for the report") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, kind, actor, topic, from_polarity, to_polarity, article, prior_article,
                       date, prior_date, evidence, prior_evidence, other_actor, message,
                       article_seq, created_at, sent_at
                FROM alert \(clause)
                ORDER BY date DESC, article_seq DESC, rowid DESC
                """, arguments: arguments).map { row in
                let id: String = row[0]
                guard let kind = AlertKind(rawValue: row[1]),
                      let from = Polarity(rawValue: row[4]), let to = Polarity(rawValue: row[5]),
                      let date = Day(iso: row[8] as String), let priorDate = Day(iso: row[9] as String)
                else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "alert \(id) has an unreadable field")
                }
                let alert = Alert(id: id, kind: kind, actor: row[2], topic: row[3], from: from, to: to,
                                  article: row[6], priorArticle: row[7], date: date, priorDate: priorDate,
                                  evidence: row[10], priorEvidence: row[11], otherActor: row[12], message: row[13])
                return ReportAlert(alert: alert, arrival: row[14], raisedAt: row[15], sentAt: row[16])
            }
        }
    }

    private static func reportWhere(_ filter: ReportFilter, actor: String, otherActor: String?, topic: String,
                                    day: String) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = filter.since {
            conditions.append("\(day) >= ?")
            arguments.append(since.description)
        }
        if let until = filter.until {
            conditions.append("\(day) <= ?")
            arguments.append(until.description)
        }
        if !filter.topics.isEmpty {
            let topics = filter.topics.sorted()
            conditions.append("\(topic) IN (\(Array(repeating: "?", count: topics.count).joined(separator: ", ")))")
            arguments.append(contentsOf: topics)
        }
        if !filter.actors.isEmpty {
            let actors = filter.actors.sorted()
            let marks = Array(repeating: "?", count: actors.count).joined(separator: ", ")
            if let otherActor {
                conditions.append("(\(actor) IN (\(marks)) OR \(otherActor) IN (\(marks)))")
                arguments.append(contentsOf: actors)
            } else {
                conditions.append("\(actor) IN (\(marks))")
            }
            arguments.append(contentsOf: actors)
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return (clause, StatementArguments(arguments))
    }

    private func reportRead<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(.cannotRead, path: path, operation: operation, cause: "\(error)")
        }
    }
}
