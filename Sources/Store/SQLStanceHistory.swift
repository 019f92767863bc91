import Foundation
import Alerts
import Corpus
import GRDB

/// `StanceRecord` over an open write transaction: the alert rules see every stance
/// committed before and every stance of the current article recorded so far; stances and
/// alerts are written to the article `articleSeq`.
///
/// Each lookup is a seek on `stance_history (actor, topic, stated, id)` through a cached
/// statement, so its cost does not grow with the history.
final class SQLStanceHistory: StanceRecord {
    let db: Database
    /// The article the recorded stances and kept alerts belong to (0 for lookups only).
    let articleSeq: Int64
    /// The text position the next recorded stance gets.
    private var position = 0

    init(db: Database, articleSeq: Int64 = 0) {
        self.db = db
        self.articleSeq = articleSeq
    }

    func record(_ stance: Stance) throws {
        try StanceStore.insert(stance, articleSeq: articleSeq, position: position, db)
        position += 1
    }

    func keep(_ alert: Alert) throws -> Bool {
        try StanceStore.insert(alert, articleSeq: articleSeq, db)
    }

    static let columns = """
        s.id, a.name, s.actor, s.topic, s.polarity, s.stated, s.evidence,
        s.evidence_start, s.evidence_end, s.rules, s.confidence
        """

    static let latestSQL = """
        SELECT \(columns) FROM stance s JOIN article a ON a.seq = s.article_seq
        WHERE s.actor = ? AND s.topic = ? AND s.stated <= ?
        ORDER BY s.stated DESC, s.id DESC LIMIT 1
        """

    /// `latestSQL` without the stances whose rules name the implied side.
    static let latestReadSQL = """
        SELECT \(columns) FROM stance s JOIN article a ON a.seq = s.article_seq
        WHERE s.actor = ? AND s.topic = ? AND s.stated <= ? AND instr(s.rules, ?) = 0
        ORDER BY s.stated DESC, s.id DESC LIMIT 1
        """


    static let latestStatedSQL = """
        SELECT \(columns) FROM stance s JOIN article a ON a.seq = s.article_seq
        WHERE s.actor = ? AND s.topic = ?
        ORDER BY s.stated DESC, s.id DESC LIMIT 1
        """

    static let firstAfterSQL = """
        SELECT MIN(stated) FROM stance WHERE actor = ? AND topic = ? AND stated > ?
        """

    func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        let statement = try db.cachedStatement(sql: Self.latestSQL)
        return try Row.fetchOne(statement, arguments: [actor, topic, day.description]).map(Self.recorded)
    }

    func latestRead(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        let statement = try db.cachedStatement(sql: Self.latestReadSQL)
        return try Row.fetchOne(statement, arguments: [actor, topic, day.description, Stance.impliedSideRuleJSON])
            .map(Self.recorded)
    }

    func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance? {
        let before = try latest(actor: actor, topic: topic, atOrBefore: day)
        return nearer(before, try nextStated(actor: actor, topic: topic, after: day), to: day)
    }

    /// The earliest date after `day`, then the latest arrival on that date.
    func nextStated(actor: String, topic: String, after day: Day) throws -> RecordedStance? {
        let next = try String.fetchOne(db.cachedStatement(sql: Self.firstAfterSQL),
                                       arguments: [actor, topic, day.description])
        return try next.flatMap(Day.init(iso:)).flatMap { try latest(actor: actor, topic: topic, atOrBefore: $0) }
    }

    func latestStated(actor: String, topic: String) throws -> RecordedStance? {
        let statement = try db.cachedStatement(sql: Self.latestStatedSQL)
        return try Row.fetchOne(statement, arguments: [actor, topic]).map(Self.recorded)
    }

    func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool {
        let (x, y) = a < b ? (a, b) : (b, a)
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT open FROM disagreement WHERE actor_a = ? AND actor_b = ? AND topic = ?"),
            arguments: [x, y, topic]) ?? false
    }

    func setDisagreement(_ a: String, _ b: String, topic: String, open: Bool) throws {
        let (x, y) = a < b ? (a, b) : (b, a)
        guard x != y else { return }
        try db.cachedStatement(sql: """
            INSERT INTO disagreement (actor_a, actor_b, topic, open) VALUES (?, ?, ?, ?)
            ON CONFLICT (actor_a, actor_b, topic) DO UPDATE SET open = excluded.open
            """).execute(arguments: [x, y, topic, open])
    }

    /// Decodes the `rules` column; one for every row (JSONDecoder is thread-safe).
    static let rulesDecoder = JSONDecoder()
    /// Encodes the `rules` column when a stance is inserted.
    static let rulesEncoder = JSONEncoder()

    /// A stance row (in `columns` order) as a `RecordedStance` for the alert rules, which never
    /// read a prior stance's rules (`latestRead` asks the query): its `rules` stay empty
    /// (decoding their JSON for every lookup was a tenth of a commit's time).
    static func recorded(_ row: Row) throws -> RecordedStance {
        RecordedStance(stance: try stance(row, withRules: false), arrival: row[0])
    }

    /// A stance row (in `columns` order) as a `Stance` (its `rules` decoded when `withRules`).
    static func stance(_ row: Row, withRules: Bool = true) throws -> Stance {
        let stated: String = row[5]
        let polarity: String = row[4]
        guard let day = Day(iso: stated), let pol = Polarity(rawValue: polarity) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT,
                                message: "stance \(row[0] as Int64) has an unreadable date or polarity")
        }
        var rules: [String] = []
        if withRules {
            let rulesText: String = row[9]
            rules = (try? rulesDecoder.decode([String].self, from: Data(rulesText.utf8))) ?? []
        }
        return Stance(article: row[1], actor: row[2], topic: row[3], polarity: pol, stated: day,
                      evidence: row[6], evidenceStart: row[7], evidenceEnd: row[8], rules: rules,
                      confidence: row[10])
    }
}
