import Foundation

/// The evidence the engine weighs for one candidate stance: each rule of the pipeline is a
/// feature (who holds the words and how that was found, how the topic was found and what
/// competes with it, negation, reversal, forecast, condition, contrast, distance, the other
/// candidates of the article). Values are 0…1 (a few are -1…1).
public enum Feature: String, CaseIterable, Sendable {
    case bias
    // who holds the words
    case speakerQuote = "speaker.quote", speakerVerb = "speaker.verbSubject", speakerAttribution = "speaker.attributionNoun"
    case speakerAgent = "speaker.agent", speakerHeadline = "speaker.headline", speakerPronoun = "speaker.pronoun"
    case speakerParticiple = "speaker.participleAgent", speakerMentioned = "speaker.mentioned"
    // how the topic was found
    case topicCue = "topic.cue", topicTied = "topic.tied", topicNearby = "topic.nearby", topicDescription = "topic.description"
    case topicAmbiguous = "topic.ambiguous", topicPlace = "topic.placeCue", topicCompeting = "topic.competing"
    case topicWords = "topic.wordsInSentence"
    // which side, and which rule said so
    case polDirection = "polarity.direction", polEvaluation = "polarity.evaluation", polDescription = "polarity.description"
    case polNegatedCue = "polarity.negatedCue", polReadiness = "polarity.readiness", polAffirmed = "polarity.affirmedCue"
    case polAct = "polarity.act", polReversal = "polarity.reversal", polNaive = "polarity.naive", polContra = "polarity.isContra"
    case naiveAgrees = "polarity.naiveAgrees", descriptionAgrees = "polarity.descriptionAgrees", approvalAgrees = "polarity.approvalAgrees"
    // the clause and the sentence
    case negation = "clause.negation", reversal = "clause.reversal", reversalNegated = "clause.reversalNegated"
    case negatedPro = "sentence.negatedPro"
    case forecast = "sentence.forecast", condition = "sentence.condition", hedge = "sentence.hedge"
    case contrast = "sentence.contrast", question = "sentence.question", otherSpeaker = "sentence.otherSpeaker"
    case otherActor = "sentence.otherActor", actorNamed = "sentence.actorNamed", distance = "sentence.distance"
    case inQuote = "sentence.inQuote", headline = "sentence.headline", length = "sentence.length"
    case dateExplicit = "date.explicit"
    // the other candidates of the article
    case articleOpposite = "article.opposite", articleSupport = "article.support", articleRuleFound = "article.ruleFound"
}

/// One feature's share of a candidate's score: its value times its weight.
public struct Contribution: Sendable, Hashable {
    public var feature: String
    public var value: Double
}

/// A small logistic regression over `Feature`s: the probability that a candidate (actor,
/// topic, polarity) is the actor's stance as an analyst reads it, and the threshold below
/// which the engine abstains.
///
/// The weights are data (`Language/ru/stance-model.txt`, one `feature weight` a line plus a
/// `threshold` line), trained by `EngineProbe --train` (deterministic gradient descent over
/// the labelled candidates of the development corpora); `STANCEWATCH_MODEL=path` selects
/// another file at run time (leave-one-corpus-out evaluation).
public struct StanceModel: Sendable, Hashable {
    /// Weights in `Feature.allCases` order.
    public var weights: [Double]
    public var threshold: Double

    public init(weights: [Double], threshold: Double) {
        precondition(weights.count == Feature.allCases.count)
        self.weights = weights
        self.threshold = threshold
    }

    /// Why a model file could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `feature weight` lines, a `threshold t` line; `#` starts a comment. A feature
    /// the file does not list weighs 0; a name the engine does not know is an error.
    public init(text: String, path: String) throws {
        var w = [Double](repeating: 0, count: Feature.allCases.count)
        var threshold = 0.5
        let position = Dictionary(uniqueKeysWithValues: Feature.allCases.enumerated().map { ($1.rawValue, $0) })
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            let parts = t.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let v = Double(parts[1]) else {
                throw LoadError(description: "stance model '\(path)': the line «\(t)» is not 'name number'; the engine was not started")
            }
            if parts[0] == "threshold" { threshold = v; continue }
            guard let i = position[String(parts[0])] else {
                throw LoadError(description: "stance model '\(path)': unknown feature '\(parts[0])'; the engine was not started")
            }
            w[i] = v
        }
        self.init(weights: w, threshold: threshold)
    }

    /// The model at `$STANCEWATCH_MODEL`, else `stance-model.txt` in the lexicon folder.
    static func bundled(lexiconDirectory: String) throws -> StanceModel {
        let env = ProcessInfo.processInfo.environment["STANCEWATCH_MODEL"] ?? ""
        let path = env.isEmpty ? lexiconDirectory + "/stance-model.txt" : env
        guard let bytes = FileManagerShim.contents(atPath: path), let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError(description: "stance model '\(path)' cannot be read; the engine was not started")
        }
        return try StanceModel(text: text, path: path)
    }

    /// The file text: the threshold, then one `feature weight` line per feature.
    public func text(header: [String] = []) -> String {
        var lines = header.map { "# " + $0 }
        lines.append(String(format: "threshold %.4f", threshold))
        for (f, w) in zip(Feature.allCases, weights) { lines.append(f.rawValue + " " + String(format: "%.6f", w)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The probability for feature values `x` (in `Feature.allCases` order).
    public func probability(_ x: [Double]) -> Double {
        var z = 0.0
        for i in x.indices { z += weights[i] * x[i] }
        return 1 / (1 + exp(-z))
    }

    /// Each non-zero feature's contribution to the score, largest magnitude first.
    public func contributions(_ x: [Double]) -> [Contribution] {
        zip(Feature.allCases, zip(x, weights)).compactMap { f, p in
            p.0 == 0 || p.1 == 0 ? nil : Contribution(feature: f.rawValue, value: p.0 * p.1)
        }.sorted { abs($0.value) > abs($1.value) }
    }

    /// Trains on `rows` (features, label) by full-batch gradient descent with L2: fixed
    /// iterations and order, so the same rows give the same weights.
    public static func train(_ rows: [([Double], Bool)], iterations: Int = 3000, rate: Double = 0.5, l2: Double = 0.1) -> [Double] {
        let n = Feature.allCases.count
        var w = [Double](repeating: 0, count: n)
        guard !rows.isEmpty else { return w }
        let m = Double(rows.count)
        var grad = [Double](repeating: 0, count: n)
        for _ in 0..<iterations {
            for i in 0..<n { grad[i] = 0 }
            for (x, y) in rows {
                var z = 0.0
                for i in 0..<n { z += w[i] * x[i] }
                let err = 1 / (1 + exp(-z)) - (y ? 1 : 0)
                for i in 0..<n where x[i] != 0 { grad[i] += err * x[i] }
            }
            for i in 0..<n { w[i] -= rate * (grad[i] / m + (i == 0 ? 0 : l2 * w[i])) }
        }
        return w
    }
}
