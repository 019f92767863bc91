/// A possible stance, before the model weighs it: the finding (sentence, actor, topic,
/// polarity, date, rules), its feature values in `Feature.allCases` order, and the topics
/// that compete for its cue when nothing ties the cue to one of them.
struct Candidate: Sendable {
    var finding: Finding
    var features: [Double]
    var competing: [Int] = []
    /// The sentence holds a word after which it gives no side (`noside.txt`): a denial of a
    /// report, a link set on a measure, an invitation to talks.
    var noSide = false
}

extension Feature {
    /// Position in `Feature.allCases` (and in a candidate's feature values).
    var index: Int { Self.positions[self]! }
    private static let positions: [Feature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// What the rules see around a candidate, as feature values.
struct CandidateFeatures {
    let text: ArticleText
    let lexicon: Lexicon
    let index: WatchIndex
    let polarity: PolarityFinder

    /// Facts of a sentence that every candidate in it shares.
    struct SentenceFacts {
        var range: Range<Int>
        var forecast: Bool
        var condition: Bool
        var hedge: Bool
        var contrast: Bool
        var question: Bool
        var otherSpeaker: Bool
        var headline: Bool
        /// A negator stands in the sentence that no affirmative phrase («не исключает») cancels.
        var negated: Bool
        /// Watched actors named (name, or a role only one actor holds) and where.
        var named: [(actor: Int, at: Int)]
    }

    static let contrastWords = K.set(["но", "однако", "зато", "хотя", "а"])

    func sentence(_ s: Int, question: Bool) -> SentenceFacts {
        let r = text.sentenceWords[s]
        var named: [(actor: Int, at: Int)] = []
        var other = false
        for mi in text.sentenceMentions[s] {
            let m = text.mentions[mi]
            if m.kind == .other { other = true }
            if (m.kind == .name || m.kind == .role) && m.actors.count == 1 { named.append((m.actors[0], m.first)) }
        }
        return SentenceFacts(range: r, forecast: has(lexicon.forecasts, in: r), condition: has(lexicon.conditions, in: r),
                             hedge: polarity.hedged(r) || polarity.hedged(r, sentence: true),
                             contrast: r.contains { Self.contrastWords.contains(text.words[$0].norm) }, question: question,
                             otherSpeaker: other, headline: s == 0,
                             negated: negated(r),
                             named: named)
    }

    /// True when a negator stands in `r` outside the affirmative phrases («не исключает», «тем не менее»).
    func negated(_ r: Range<Int>) -> Bool {
        negation(in: r, outside: r.lowerBound..<r.lowerBound)
    }

    /// True when a negator stands in `r`, but not in `skip`, outside the affirmative phrases.
    func negation(in r: Range<Int>, outside skip: Range<Int>) -> Bool {
        // most sentences hold no negator at all
        guard r.contains(where: { lexicon.negators.contains(text.words[$0].norm) }) else { return false }
        var k = r.lowerBound
        while k < r.upperBound {
            if let len = polarity.affirmativeNegation(at: k, limit: r.upperBound) { k += len; continue }
            if !skip.contains(k) && lexicon.negators.contains(text.words[k].norm) { return true }
            k += 1
        }
        return false
    }

    /// True when a phrase of `phrases` (folded words: forecasts or conditions, whose first
    /// words `Lexicon.phraseFirstWords` holds) stands in `r`.
    func has(_ phrases: [[String]], in r: Range<Int>) -> Bool {
        for w in r where lexicon.phraseFirstWords.contains(text.words[w].norm) {
            for p in phrases where p[0] == text.words[w].norm && w + p.count <= r.upperBound {
                if (1..<p.count).allSatisfy({ text.words[w + $0].norm == p[$0] }) { return true }
            }
        }
        return false
    }

    static let speakerFeatures: [RuleName: Feature] = [
        .speakerQuote: .speakerQuote, .speakerVerbSubject: .speakerVerb, .speakerAttributionNoun: .speakerAttribution,
        .speakerReportedSubject: .speakerAttribution, .speakerAgent: .speakerAgent, .speakerHeadline: .speakerHeadline,
        .speakerPronoun: .speakerPronoun, .speakerAboutThis: .speakerPronoun, .speakerParticipleAgent: .speakerParticiple,
        .speakerMentioned: .speakerMentioned,
    ]
    static let polarityFeatures: [RuleName: Feature] = [
        .polarityDirection: .polDirection, .polarityEvaluation: .polEvaluation, .polarityDescription: .polDescription,
        .polarityNegatedCue: .polNegatedCue, .polarityReadiness: .polReadiness, .polarityAffirmedCue: .polAffirmed,
        .polarityAct: .polAct, .polarityReversal: .polReversal, .polarityNaive: .polNaive,
    ]

    /// The polarity rules that read a negation before the cue (and turn the side over for it).
    static let negationReaders: Set<RuleName> = [.polarityDirection, .polarityNegatedCue, .polarityEvaluation,
                                               .polarityReversal, .polarityAct]

    /// The feature values of finding `f` from hit `h`.
    func values(_ f: Finding, hit h: TopicHit, sentence facts: SentenceFacts, speakerRule: RuleName, polarityRule: RuleName,
                naive: Polarity, competing: Int) -> [Double] {
        var x = [Double](repeating: 0, count: Feature.allCases.count)
        func set(_ k: Feature, _ v: Double = 1) { x[k.index] = v }
        set(.bias)
        if let k = Self.speakerFeatures[speakerRule] { set(k) }
        if let k = Self.polarityFeatures[polarityRule] { set(k) }
        let rules = Set(h.rules)
        if rules.contains(.topicAmbiguous) { set(.topicAmbiguous) }
        else if rules.contains(.topicDescription) { set(.topicDescription) }
        else if rules.contains(.topicAnchorInSentence) || rules.contains(.topicActorCountry) || rules.contains(.topicSpecificWord) { set(.topicTied) }
        else if rules.count > 1 { set(.topicNearby) }
        else { set(.topicCue) }
        if h.properCue { set(.topicPlace) }
        set(.topicCompeting, Double(min(competing, 2)) / 2)
        let topic = index.topics[f.topic]
        let r = facts.range
        var score = 0.0
        var seen = Set<String>()
        for w in r where !h.words.contains(w) && !topic.cueStems.contains(text.stems[w]) && seen.insert(text.stems[w]).inserted {
            score += topic.descriptionWeights[text.stems[w]] ?? 0
        }
        set(.topicWords, min(score, 3) / 3)
        if f.polarity == .contra { set(.polContra) }
        if naive == f.polarity { set(.naiveAgrees) }
        let c = polarity.clause(h.words, in: r)
        let (pro, contra) = polarity.overlap(c, topic: topic, beyondCues: true)
        if pro != contra { set(.descriptionAgrees, (pro > contra) == (f.polarity == .pro) ? 1 : -1) }
        // approving or rejecting words around the cue ("поддерживает", "раскритиковал")
        let approval = polarity.evaluation(c, clause: c, approval: true).value
        if approval != 0 { set(.approvalAgrees, (approval > 0) == (f.polarity == .pro) ? 1 : -1) }
        if c.contains(where: { lexicon.negators.contains(text.words[$0].norm) }) { set(.negation) }
        if let rv = c.first(where: { lexicon.reversals.contains(text.stems[$0]) }) {
            set(.reversal)
            if polarity.negated(rv, clause: c, window: 4) { set(.reversalNegated) }
        }
        // a pro reading in a sentence that negates something the rules did not read ("такое
        // повышение не считают целесообразным", "пока не обсуждается"): the negation may be
        // the holder's answer. A negation shortly before the cue in its clause is read by the
        // rules that look for one ("не сторонник запрета", "не видит причин отменять"); the
        // others (a bare cue, readiness, the descriptions' words) do not read it.
        // A contrast word («не является посредником, однако готов …») closes the negation off:
        // the part across it has the other side by construction.
        if f.polarity == .pro && facts.negated {
            let c = polarity.clause(h.words, in: facts.range)
            let read = Self.negationReaders.contains(polarityRule)
                ? max(c.lowerBound, h.words.lowerBound - 6)..<h.words.lowerBound : h.words.lowerBound..<h.words.lowerBound
            var lo = h.words.lowerBound, hi = h.words.upperBound
            while lo > r.lowerBound, !Self.contrastWords.contains(text.words[lo - 1].norm) { lo -= 1 }
            while hi < r.upperBound, !Self.contrastWords.contains(text.words[hi].norm) { hi += 1 }
            if negation(in: lo..<hi, outside: read) { set(.negatedPro) }
        }
        if facts.forecast { set(.forecast) }
        if facts.condition { set(.condition) }
        if facts.hedge { set(.hedge) }
        if facts.contrast { set(.contrast) }
        if facts.question { set(.question) }
        if facts.otherSpeaker { set(.otherSpeaker) }
        if facts.headline { set(.headline) }
        if facts.named.contains(where: { $0.actor != f.actor }) { set(.otherActor) }
        if let d = facts.named.filter({ $0.actor == f.actor }).map({ abs($0.at - h.words.lowerBound) }).min() {
            set(.actorNamed)
            set(.distance, Double(min(d, 20)) / 20)
        }
        if text.quoteOf[h.words.lowerBound] != -1 { set(.inQuote) }
        set(.length, Double(min(r.count, 60)) / 60)
        if f.stated.strength > 0 { set(.dateExplicit) }
        return x
    }

    /// The article-wide features: another candidate of the same actor and topic with the
    /// other polarity, more than one candidate for this position, a rule-found position.
    static func fillArticle(_ cs: inout [Candidate]) {
        var count: [String: Int] = [:]
        var ruled: [String: Bool] = [:]
        for c in cs {
            let f = c.finding
            count["\(f.actor)|\(f.topic)|\(f.polarity.rawValue)", default: 0] += 1
            if c.features[Feature.polNaive.index] == 0 && c.features[Feature.speakerMentioned.index] == 0 {
                ruled["\(f.actor)|\(f.topic)|\(f.polarity.rawValue)"] = true
            }
        }
        for k in cs.indices {
            let f = cs[k].finding
            let same = "\(f.actor)|\(f.topic)|\(f.polarity.rawValue)"
            let other = "\(f.actor)|\(f.topic)|\(f.polarity.opposite.rawValue)"
            if ruled[other] == true { cs[k].features[Feature.articleOpposite.index] = 1 }
            cs[k].features[Feature.articleSupport.index] = Double(min((count[same] ?? 1) - 1, 3)) / 3
            if ruled[same] == true { cs[k].features[Feature.articleRuleFound.index] = 1 }
        }
    }
}
