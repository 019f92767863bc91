import Alerts
import Corpus
import Foundation
import PostgresNIO

/// `StanceRecord` over the shared store's open transaction (see `PostgresStanceStore.ingest`):
/// the alert rules see every stance committed before the transaction took its topic locks and
/// the stances of the current article recorded so far. Each lookup is an index seek on
/// `stance_history (actor, topic, stated, id)`, one round trip, waited for on the calling thread.
final class PostgresHistory: StanceRecord {
    let store: PostgresStanceStore
    let conn: PostgresConnection
    /// The article the recorded stances and kept alerts belong to.
    let articleSeq: Int64
    /// The text position the next recorded stance gets.
    private var position: Int64 = 0

    init(store: PostgresStanceStore, conn: PostgresConnection, articleSeq: Int64) {
        self.store = store
        self.conn = conn
        self.articleSeq = articleSeq
    }

    static let rulesEncoder = JSONEncoder()
    static let rulesDecoder = JSONDecoder()

    func record(_ stance: Stance) throws {
        let rules = String(decoding: try Self.rulesEncoder.encode(stance.rules), as: UTF8.self)
        try store.exec(conn, """
            INSERT INTO stance (article_seq, position, actor, topic, polarity, stated, evidence,
                                evidence_start, evidence_end, rules, confidence)
            VALUES (\(articleSeq), \(position), \(stance.actor), \(stance.topic), \(stance.polarity.rawValue),
                    \(stance.stated.description), \(stance.evidence), \(Int64(stance.evidenceStart)),
                    \(Int64(stance.evidenceEnd)), \(rules), \(stance.confidence))
            """)
        position += 1
    }

    /// Stores `alert` leased to this process (it sends it right after the commit); true when new.
    func keep(_ alert: Alert) throws -> Bool {
        let leaseSeconds = Double(store.lease.components.seconds)
        return try store.exec(conn, """
            INSERT INTO alert (id, article_seq, kind, actor, topic, from_polarity, to_polarity, article, prior_article,
                               date, prior_date, evidence, prior_evidence, other_actor, message, raised_by,
                               lease_holder, lease_until)
            VALUES (\(alert.id), \(articleSeq), \(alert.kind.rawValue), \(alert.actor), \(alert.topic),
                    \(alert.from.rawValue), \(alert.to.rawValue), \(alert.article), \(alert.priorArticle),
                    \(alert.date.description), \(alert.priorDate.description), \(alert.evidence), \(alert.priorEvidence),
                    \(alert.otherActor), \(alert.message), \(store.holder), \(store.holder),
                    now() + make_interval(secs => \(leaseSeconds)))
            ON CONFLICT (id) DO NOTHING
            """) > 0
    }

    static let columns = """
        s.id, a.name, s.actor, s.topic, s.polarity, s.stated, s.evidence, s.evidence_start, s.evidence_end, s.rules,
        s.confidence
        """

    func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        try store.query(conn, """
            SELECT \(unescaped: Self.columns) FROM stance s JOIN article a ON a.seq = s.article_seq
            WHERE s.actor = \(actor) AND s.topic = \(topic) AND s.stated <= \(day.description)
            ORDER BY s.stated DESC, s.id DESC LIMIT 1
            """).first.map(Self.recorded)
    }

    func latestRead(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        try store.query(conn, """
            SELECT \(unescaped: Self.columns) FROM stance s JOIN article a ON a.seq = s.article_seq
            WHERE s.actor = \(actor) AND s.topic = \(topic) AND s.stated <= \(day.description)
              AND strpos(s.rules, \(Stance.impliedSideRuleJSON)) = 0
            ORDER BY s.stated DESC, s.id DESC LIMIT 1
            """).first.map(Self.recorded)
    }

    func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance? {
        let before = try latest(actor: actor, topic: topic, atOrBefore: day)
        return nearer(before, try nextStated(actor: actor, topic: topic, after: day), to: day)
    }

    func nextStated(actor: String, topic: String, after day: Day) throws -> RecordedStance? {
        let next = try store.query(conn, """
            SELECT min(stated) FROM stance WHERE actor = \(actor) AND topic = \(topic) AND stated > \(day.description)
            """).first?.decode(String?.self)
        return try next.flatMap(Day.init(iso:)).flatMap { try latest(actor: actor, topic: topic, atOrBefore: $0) }
    }

    func latestStated(actor: String, topic: String) throws -> RecordedStance? {
        try store.query(conn, """
            SELECT \(unescaped: Self.columns) FROM stance s JOIN article a ON a.seq = s.article_seq
            WHERE s.actor = \(actor) AND s.topic = \(topic)
            ORDER BY s.stated DESC, s.id DESC LIMIT 1
            """).first.map(Self.recorded)
    }

    func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool {
        let (x, y) = a < b ? (a, b) : (b, a)
        return try store.query(conn, """
            SELECT open FROM disagreement WHERE actor_a = \(x) AND actor_b = \(y) AND topic = \(topic)
            """).first?.decode(Bool.self) ?? false
    }

    func setDisagreement(_ a: String, _ b: String, topic: String, open: Bool) throws {
        let (x, y) = a < b ? (a, b) : (b, a)
        guard x != y else { return }
        try store.exec(conn, """
            INSERT INTO disagreement (actor_a, actor_b, topic, open) VALUES (\(x), \(y), \(topic), \(open))
            ON CONFLICT (actor_a, actor_b, topic) DO UPDATE SET open = excluded.open
            """)
    }

    /// A stance row (in `columns` order) as a `RecordedStance`.
    static func recorded(_ row: PostgresRow) throws -> RecordedStance {
        let (id, article, actor, topic, polarity, stated, evidence, start, end, rulesText, confidence) =
            try row.decode((Int64, String, String, String, String, String, String, Int64, Int64, String, Double?).self)
        guard let day = Day(iso: stated), let pol = Polarity(rawValue: polarity) else {
            throw PostgresHistoryError(description: "stance \(id) has an unreadable date or polarity")
        }
        let rules = (try? rulesDecoder.decode([String].self, from: Data(rulesText.utf8))) ?? []
        return RecordedStance(stance: Stance(article: article, actor: actor, topic: topic, polarity: pol, stated: day,
                                             evidence: evidence, evidenceStart: Int(start), evidenceEnd: Int(end), rules: rules,
                                             confidence: confidence),
                              arrival: id)
    }
}

/// A row the shared store cannot read back (written by something else).
struct PostgresHistoryError: Error, CustomStringConvertible {
    var description: String
}
