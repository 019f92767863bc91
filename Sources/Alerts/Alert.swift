public import Corpus
import Crypto

/// One alert: the spec §3 record an analyst reads in journald or the alert log.
///
/// Every text value is sanitised and capped when the alert is made (`AlertText`), so a
/// stored or delivered alert never carries a character that could forge a field or a line.
public struct Alert: Sendable, Hashable, Codable {
    /// `STANCE_ALERT_ID`: a stable hash of (kind, actor, topic, from, to, article, other actor).
    public var id: String
    public var kind: AlertKind
    /// The actor whose new stance raised the alert.
    public var actor: String
    public var topic: String
    /// The prior position (shift) or the other actor's position (divergence).
    public var from: Polarity
    /// The new position.
    public var to: Polarity
    /// Article id (file name) holding the new evidence.
    public var article: String
    /// Article id holding the prior (or the other actor's) evidence.
    public var priorArticle: String
    /// When the new position was stated.
    public var date: Day
    /// When the prior (or other) position was stated.
    public var priorDate: Day
    public var evidence: String
    public var priorEvidence: String
    /// For `divergence`: the actor who holds the other position; `nil` for a shift.
    public var otherActor: String?
    /// One human sentence: who, which topic, from what to what, when.
    public var message: String

    /// Syslog level of this alert (4 shift, 5 divergence).
    public var priority: Int { kind.priority }

    /// An alert with every field given, as stored; values are sanitised again, the id is kept.
    public init(id: String, kind: AlertKind, actor: String, topic: String, from: Polarity, to: Polarity,
                article: String, priorArticle: String, date: Day, priorDate: Day,
                evidence: String, priorEvidence: String, otherActor: String?, message: String) {
        self.id = AlertText.sanitize(id, limit: 64, style: .identifier)
        self.kind = kind
        self.actor = AlertText.sanitize(actor, limit: AlertText.identifierLimit, style: .identifier)
        self.topic = AlertText.sanitize(topic, limit: AlertText.identifierLimit, style: .identifier)
        self.from = from
        self.to = to
        self.article = AlertText.sanitize(article, limit: AlertText.identifierLimit, style: .identifier)
        self.priorArticle = AlertText.sanitize(priorArticle, limit: AlertText.identifierLimit, style: .identifier)
        self.date = date
        self.priorDate = priorDate
        self.evidence = AlertText.sanitize(evidence, limit: AlertText.evidenceLimit, style: .prose)
        self.priorEvidence = AlertText.sanitize(priorEvidence, limit: AlertText.evidenceLimit, style: .prose)
        self.otherActor = otherActor.map {
            AlertText.sanitize($0, limit: AlertText.identifierLimit, style: .identifier)
        }
        self.message = AlertText.sanitize(message, limit: AlertText.messageLimit, style: .prose)
    }

    /// A new alert: the id is derived from its identity fields and the message is written
    /// from them, naming actors by `actorName` / `otherActorName` (their watchlist names).
    public init(kind: AlertKind, actor: String, topic: String, from: Polarity, to: Polarity,
                article: String, priorArticle: String, date: Day, priorDate: Day,
                evidence: String, priorEvidence: String, otherActor: String?,
                actorName: String? = nil, otherActorName: String? = nil) {
        self.init(id: "", kind: kind, actor: actor, topic: topic, from: from, to: to,
                  article: article, priorArticle: priorArticle, date: date, priorDate: priorDate,
                  evidence: evidence, priorEvidence: priorEvidence, otherActor: otherActor, message: "")
        self.id = Self.stableID(kind: self.kind, actor: self.actor, topic: self.topic, from: from, to: to,
                                article: self.article, otherActor: self.otherActor)
        self.message = AlertText.sanitize(sentence(actorName: actorName, otherActorName: otherActorName),
                                          limit: AlertText.messageLimit, style: .prose)
    }

    /// The first 32 hex digits of SHA-256 over the alert's identity fields: the same alert
    /// raised again (after a crash, on a re-read) gets the same id.
    public static func stableID(kind: AlertKind, actor: String, topic: String, from: Polarity, to: Polarity,
                                article: String, otherActor: String?) -> String {
        // Newline-separated: sanitised identifiers never contain a newline, so no two
        // different tuples hash the same text.
        let key = [kind.rawValue, actor, topic, from.rawValue, to.rawValue, article, otherActor ?? ""]
            .joined(separator: "\n")
        let digest = SHA256.hash(data: Array(key.utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private func sentence(actorName: String?, otherActorName: String?) -> String {
        func who(_ id: String, _ name: String?) -> String {
            guard let name, !name.isEmpty, name != id else { return id }
            return "\(name) (\(id))"
        }
        let whenNew = "(\(date), \(article))"
        let whenPrior = "(\(priorDate), \(priorArticle))"
        switch kind {
        case .shift:
            return "\(who(actor, actorName)) shifted on \(topic) from \(from.rawValue) \(whenPrior) "
                + "to \(to.rawValue) \(whenNew)."
        case .divergence:
            let other = who(otherActor ?? "?", otherActorName)
            return "\(who(actor, actorName)) is \(to.rawValue) on \(topic) \(whenNew) "
                + "while \(other) of the same group is \(from.rawValue) \(whenPrior)."
        }
    }
}
