/// A watched actor's position on a watched topic, as one article states it.
///
/// This is spec §5's stance record plus what the engine knows about where and why:
/// the evidence's UTF-8 byte range in the article body and the names of the rules that
/// decided it. `order` is the stance's position in the text, which is the order the
/// alert rules take stances of one article in.
public struct Stance: Sendable, Hashable, Codable {
    public var article: String
    public var actor: String
    public var topic: String
    public var polarity: Polarity
    /// When the position was voiced, not when the file arrived.
    public var stated: Day
    /// The sentence(s) carrying the position, verbatim from the article.
    public var evidence: String
    /// UTF-8 byte offsets of `evidence` in the article body (half-open).
    public var evidenceStart: Int
    public var evidenceEnd: Int
    /// Names of the rules that fired, in the order they fired.
    public var rules: [String]
    /// The stance model's confidence (0…1); nil for a stance recorded before the engine gave one.
    public var confidence: Double?

    public init(article: String, actor: String, topic: String, polarity: Polarity, stated: Day,
                evidence: String, evidenceStart: Int, evidenceEnd: Int, rules: [String], confidence: Double? = nil) {
        self.confidence = confidence
        self.article = article
        self.actor = actor
        self.topic = topic
        self.polarity = polarity
        self.stated = stated
        self.evidence = evidence
        self.evidenceStart = evidenceStart
        self.evidenceEnd = evidenceEnd
        self.rules = rules
    }

    /// The side was read from a bare naming of the topic (`polarity.affirmedCue`): no word of
    /// the sentence takes a side, the engine only did not find the other one.
    public var sideIsOnlyImplied: Bool { rules.contains(Self.impliedSideRule) }

    /// The rule of a side only implied, as the stance records print it.
    public static let impliedSideRule = RuleName.polarityAffirmedCue.rawValue

    /// That rule as it reads in a stored JSON array of rules (what a store's query looks for).
    public static let impliedSideRuleJSON = "\"" + impliedSideRule + "\""

    private enum CodingKeys: String, CodingKey {
        case article, actor, topic, stated, evidence, rules, confidence
        case polarity = "stance"
        case evidenceStart = "evidence_start"
        case evidenceEnd = "evidence_end"
    }
}
