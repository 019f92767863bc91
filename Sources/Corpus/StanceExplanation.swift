import Foundation

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
    /// The model's confidence in the candidate (0…1).
    public var confidence: Double
    /// Why the engine abstained («ambiguous topic: a | b», «both polarities in one article»,
    /// «speaker unclear», «low confidence 0.31»); nil for a stance it holds.
    public var abstention: String?
    /// Each feature's share of the score, largest first.
    public var contributions: [Contribution]

    public init(sentence: String, actor: String, topic: String, polarity: Polarity, stated: Day,
                rules: [String], start: Int, end: Int, confidence: Double = 1, abstention: String? = nil,
                contributions: [Contribution] = []) {
        self.confidence = confidence
        self.abstention = abstention
        self.contributions = contributions
        self.sentence = sentence
        self.actor = actor
        self.topic = topic
        self.polarity = polarity
        self.stated = stated
        self.rules = rules
        self.start = start
        self.end = end
    }

    /// The status line: the stance with its confidence, or the abstention and its reason.
    public var headline: String {
        let c = String(format: "%.2f", confidence)
        return abstention.map { "abstained: \(actor) · \(topic) · \(polarity.rawValue) · stated \(stated) · confidence \(c) · \($0)" }
            ?? "\(actor) · \(topic) · \(polarity.rawValue) · stated \(stated) · confidence \(c)"
    }

    /// The features that weighed most, as `name +0.42` items.
    public func weighed(_ n: Int = 6) -> String {
        contributions.prefix(n).map { $0.feature + " " + String(format: "%+.2f", $0.value) }.joined(separator: ", ")
    }

    /// One readable block: the status line, the rules, the weighed features, the sentence.
    public var description: String {
        "\(headline)\n  rules: \(rules.joined(separator: ", "))\n  weighed: \(weighed())\n  «\(sentence)»"
    }
}
