/// Building test stances, and the comparable one-line summary of an alert.
public import Alerts
public import Corpus

/// A stance with what the store and the rules look at filled in; the evidence, unless given,
/// names the stance, so stances of one article differ in their evidence as real ones do; no
/// confidence unless given (as in records from before the stance model).
public func stance(_ article: String, _ actor: String, _ topic: String, _ polarity: Polarity, _ stated: String,
                   evidence: String? = nil, confidence: Double? = nil) -> Stance {
    let text = evidence ?? "\(actor) \(polarity.rawValue) \(topic) in \(article)"
    var built = Stance(article: article, actor: actor, topic: topic, polarity: polarity, stated: Day(iso: stated)!,
                       evidence: text, evidenceStart: 3, evidenceEnd: 3 + text.utf8.count, rules: ["test.rule", "r2"])
    built.confidence = confidence
    return built
}

extension Alert {
    /// The fields the scorer matches on, as one comparable string:
    /// "kind actor topic from>to article other|-".
    public var summary: String {
        "\(kind.rawValue) \(actor) \(topic) \(from.rawValue)>\(to.rawValue) \(article) \(otherActor ?? "-")"
    }
}
