/// Why the engine holds a stance: the sentence, who, which topic, which side, when,
/// and the rules that fired, in order.
public struct StanceExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The sentence, verbatim from the article body.
    public var sentence: String
    public var actor: String
    public var topic: String
    public var polarity: Polarity
    public var stated: Day
    public var rules: [String]
    /// UTF-8 byte offsets of the sentence in the body.
    public var start: Int
    public var end: Int

    public init(sentence: String, actor: String, topic: String, polarity: Polarity, stated: Day,
                rules: [String], start: Int, end: Int) {
        self.sentence = sentence
        self.actor = actor
        self.topic = topic
        self.polarity = polarity
        self.stated = stated
        self.rules = rules
        self.start = start
        self.end = end
    }

    /// One readable block: the stance line, the rules, the sentence.
    public var description: String {
        "\(actor) · \(topic) · \(polarity.rawValue) · stated \(stated)\n  rules: \(rules.joined(separator: ", "))\n  «\(sentence)»"
    }
}
