/// A possible stance, before the model weighs it: the finding (sentence, actor, topic,
/// polarity, date, rules), its feature values in `Feature.allCases` order, and the topics
/// that compete for its cue when nothing ties the cue to one of them.
struct Candidate: Sendable {
    var finding: Finding
    var features: [Double]
    var competing: [Int] = []
    /// The readings found in it that take no side whatever the model says (`Veto`).
    var vetoes: Set<Veto> = []
    /// The sentence says no decision was taken ("решение не принято", `open:` lines of
    /// `hedges.txt`): the question is open, and so the article says for the holder and topic
    /// that day.
    var openQuestion = false

    /// A reading that takes no side whatever the model says, with what `explain` says of it.
    /// Cases are in the order `explain` looks for them: the first a candidate holds is the
    /// reason it prints.
    enum Veto: Int, CaseIterable, Sendable {
        /// The sentence holds a word after which it gives no side (`noside.txt`): a denial of a
        /// report, a link set on a measure, an invitation to talks.
        case noSide
        /// The holder is only named, right after the cue, or right before it as the agent of a
        /// participle: the topic's object, owner or author ("поддерживаю президента X",
        /// "законопроект X", "предложенный X законопроект"), not who holds the words; or the
        /// topic's label names the holder right after a word of stance ("Поддержка X"): the
        /// topic is about them (`WatchIndex.labelObjects`).
        case namedAsObject
        /// The side is only implied (`FindingStage.impliedSides`) and the cue is what a decision
        /// or question is on ("шокировать решением о членстве …"): the sentence names the
        /// question, not the holder's answer to it.
        case questionOnly
        /// The side is only implied and the clause negates a direction with an amount after it
        /// ("не поддержит снижение на 50 б.п."): the holder disputes the size, not the direction.
        case amountOnly
        /// The cue lies in what another person says after the holder in the same sentence
        /// (`FindingStage.inAnotherSpeakersWords`), or the holder is only named in a sentence
        /// another watched actor says («Лаптев заявил, что Ветрова отменит …»): those are not
        /// the holder's words.
        case othersWords
        /// The holder is only named (`speaker.mentioned`), and a contrast word stands between the
        /// name and the cue after it (`FindingStage.contrastBetween`): the cue's clause has a
        /// subject of its own.
        case pastAContrast
        /// The cue's clause says what will happen or what someone presses the holder into
        /// (`forecast.txt`: "нас вынудят", "пытались убедить нас"), or the sentence sets a
        /// condition on a bare naming of the measure (`conditions.txt`: "разместит, если это
        /// сделают соседи"): the polarity chain stopped there, and the naive reading of the
        /// same words is no side either.
        case pressedOrConditional
        /// The cue's clause reports a poll ("негативно оценивают 90% россиян"): the view of the
        /// people counted, whatever the naive reading of the same words says.
        case poll
        /// After the holder's «что», another watched actor is the subject of the cue's clause
        /// (`FindingStage.anotherActorSubject`): the clause tells of that actor; or the cue lies
        /// in a relative clause on another watched actor's name or in their proposal ("…мэра
        /// Ветрову, которая поддерживает …", `FindingStage.inAnotherActorsWords`).
        case anotherActorsClause

        /// What `explain` says of it.
        var reason: String {
            switch self {
            case .noSide: "a denial, a link, an invitation, a refusal to comment or a disagreement takes no side"
            case .namedAsObject: "named as what the topic is about, not as who holds the words"
            case .questionOnly: "a decision or question on the topic named, not a side of it"
            case .amountOnly: "the negation is about the amount, not the direction"
            case .othersWords: "the topic lies in another speaker's words"
            case .pastAContrast: "the topic lies past «но» or «а», away from the actor named"
            case .pressedOrConditional: "a forecast, pressure on the actor or a condition, not what the actor wants"
            case .poll: "a poll: the view of the people counted, not the actor's"
            case .anotherActorsClause: "the topic lies in a clause about another watched actor"
            }
        }
    }
}

/// Feature values in `Feature.allCases` order, all 0 until set.
struct FeatureValues {
    var values = [Double](repeating: 0, count: Feature.allCases.count)

    mutating func set(_ feature: Feature, _ value: Double = 1) { values[feature.index] = value }
}

extension Feature {
    /// Position in `Feature.allCases` (and in a candidate's feature values).
    var index: Int { Self.cases.firstIndex(of: self)! }
    /// `allCases` once (a short scan of cases is cheaper than hashing one).
    private static let cases = allCases
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

    func sentence(_ s: Int, question: Bool) -> SentenceFacts {
        let r = text.sentenceWords[s]
        var named: [(actor: Int, at: Int)] = []
        var other = false
        for mi in text.sentenceMentions[s] {
            let m = text.mentions[mi]
            if m.kind == .other { other = true }
            if (m.kind == .name || m.kind == .role) && m.actors.count == 1 { named.append((m.actors[0], m.first)) }
        }
        return SentenceFacts(range: r, forecast: polarity.forecast(r),
                             condition: polarity.has(lexicon.conditions, in: r),
                             hedge: polarity.hedged(r) || polarity.hedged(r, sentence: true),
                             contrast: r.contains { text.facts[$0].isa(.contrastWords) }, question: question,
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
        guard r.contains(where: { text.facts[$0].has(.negator) }) else { return false }
        var k = r.lowerBound
        while k < r.upperBound {
            if let len = polarity.affirmativeNegation(at: k, limit: r.upperBound) { k += len; continue }
            // "запрет … ничего не дал": a judgement whose own words hold the negation reads it
            if let len = polarity.negatedJudgement(at: k, limit: r.upperBound) { k += len; continue }
            if !skip.contains(k) && text.facts[k].has(.negator) { return true }
            k += 1
        }
        return false
    }


    static let speakerFeatures: [RuleName: Feature] = [
        .speakerQuote: .speakerQuote, .speakerVerbSubject: .speakerVerb, .speakerAttributionNoun: .speakerAttribution,
        .speakerReportedSubject: .speakerAttribution, .speakerProposal: .speakerAttribution, .speakerCriticism: .speakerAttribution, .speakerRelative: .speakerAttribution,
        .speakerAgent: .speakerAgent, .speakerHeadline: .speakerHeadline,
        .speakerPronoun: .speakerPronoun, .speakerAboutThis: .speakerPronoun,
        .speakerParticipleAgent: .speakerParticiple,
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

    /// The feature values of finding `f` from hit `h`, in steps: the rules that found it,
    /// the topic's words in the sentence, the cue's clause, a negation the rules did not
    /// read, the sentence's facts, the actor's place in it. `otherCues`: where the cues of the
    /// other topics found in the sentence start.
    func values(_ f: Finding, hit h: TopicHit, sentence facts: SentenceFacts, speakerRule: RuleName,
                polarityRule: RuleName, naive: Polarity, competing: Int, otherCues: Set<Int> = []) -> [Double] {
        var x = FeatureValues()
        x.set(.bias)
        ruleFeatures(&x, hit: h, speakerRule: speakerRule, polarityRule: polarityRule, competing: competing)
        topicWordFeature(&x, f, hit: h, sentence: facts.range)
        clauseFeatures(&x, f, hit: h, sentence: facts.range, naive: naive)
        let negatedPro = f.polarity == .pro && facts.negated
        if negatedPro && unreadNegation(f, hit: h, sentence: facts.range, polarityRule: polarityRule, otherCues: otherCues) {
            x.set(.negatedPro)
        }
        sentenceFeatures(&x, facts)
        actorFeatures(&x, f, hit: h, facts: facts)
        if text.quoteOf[h.words.lowerBound] != -1 { x.set(.inQuote) }
        x.set(.length, Double(min(facts.range.count, 60)) / 60)
        if f.stated.strength > 0 { x.set(.dateExplicit) }
        return x.values
    }

    /// The speaker, polarity and topic rules that found the candidate, and how many topics
    /// compete for its cue.
    func ruleFeatures(_ x: inout FeatureValues, hit h: TopicHit, speakerRule: RuleName, polarityRule: RuleName,
                      competing: Int) {
        if let k = Self.speakerFeatures[speakerRule] { x.set(k) }
        if let k = Self.polarityFeatures[polarityRule] { x.set(k) }
        x.set(Self.topicFeature(Set(h.rules)))
        if h.properCue { x.set(.topicPlace) }
        x.set(.topicCompeting, Double(min(competing, 2)) / 2)
    }

    /// The topic rules that tie a shared cue to its topic by what the sentence names.
    static let tyingRules: Set<RuleName> = [.topicAnchorInSentence, .topicActorCountry, .topicSpecificWord]

    /// How the topic was found: ambiguous, by description, tied by the sentence, tied by
    /// another rule (nearby, group, generic, article), or by the cue alone.
    static func topicFeature(_ rules: Set<RuleName>) -> Feature {
        if rules.contains(.topicAmbiguous) { return .topicAmbiguous }
        if rules.contains(.topicDescription) { return .topicDescription }
        if rules.contains(.topicPointedBack) { return .topicNearby }
        if !rules.isDisjoint(with: tyingRules) { return .topicTied }
        return rules.count > 1 ? .topicNearby : .topicCue
    }

    /// The weight of the topic's words in the sentence beyond its cue.
    func topicWordFeature(_ x: inout FeatureValues, _ f: Finding, hit h: TopicHit, sentence r: Range<Int>) {
        let topic = index.topics[f.topic]
        var score = 0.0
        var seen = Set<String>()
        // a word of no topic's texts weighs nothing (most words)
        for w in r where text.facts[w].has(.topicWord) && !h.words.contains(w) && !topic.cueStems.contains(text.stems[w])
            && seen.insert(text.stems[w]).inserted {
            score += topic.descriptionWeights[text.stems[w]] ?? 0
        }
        x.set(.topicWords, min(score, 3) / 3)
    }

    /// The side, and what the cue's clause says of it: the naive reading, the descriptions'
    /// words, approving or rejecting words ("поддерживает", "раскритиковал"), a negation, a
    /// reversive word and whether it is negated.
    func clauseFeatures(_ x: inout FeatureValues, _ f: Finding, hit h: TopicHit, sentence r: Range<Int>,
                        naive: Polarity) {
        let topic = index.topics[f.topic]
        if f.polarity == .contra { x.set(.polContra) }
        if naive == f.polarity { x.set(.naiveAgrees) }
        let c = polarity.clause(h.words, in: r)
        let (pro, contra) = polarity.overlap(c, topic: topic, beyondCues: true)
        if pro != contra { x.set(.descriptionAgrees, (pro > contra) == (f.polarity == .pro) ? 1 : -1) }
        let approval = polarity.evaluation(c, clause: c, approval: true).value
        if approval != 0 { x.set(.approvalAgrees, (approval > 0) == (f.polarity == .pro) ? 1 : -1) }
        if c.contains(where: { text.facts[$0].has(.negator) }) { x.set(.negation) }
        if let rv = c.first(where: { text.facts[$0].has(.reversal) }) {
            x.set(.reversal)
            if polarity.negated(rv, clause: c, window: 4) { x.set(.reversalNegated) }
        }
    }

    /// For a pro reading in a sentence that negates something: whether the negation is one the
    /// rules did not read ("такое повышение не считают целесообразным", "пока не
    /// обсуждается"), which may be the holder's answer. A negation shortly before the cue in
    /// its clause is read by the rules that look for one ("не сторонник запрета", "не видит
    /// причин отменять"); the others (a bare cue, readiness, the descriptions' words) do not
    /// read it. A contrast word before the cue («не является посредником, однако готов …»)
    /// closes the negation off: the part across it has the other side by construction. After
    /// the cue it does not: «вступление …, но пока что республика к этому не может отнестись
    /// положительно» puts the holder's point after it (a negation right after the contrast
    /// word negates another thing: «кредиты, но не гранты»), unless another watched actor is
    /// named right after the contrast word: «X поддерживает запрет, а Y выступает против него»
    /// gives the part after it to Y; nor a negation there that stands before another topic's
    /// cue («…, но не может восприниматься в качестве "честного брокера"»: that topic's own).
    func unreadNegation(_ f: Finding, hit h: TopicHit, sentence r: Range<Int>, polarityRule: RuleName,
                        otherCues: Set<Int>) -> Bool {
        let cue = h.words
        let c = polarity.clause(cue, in: r)
        let read = Self.negationReaders.contains(polarityRule)
            ? max(c.lowerBound, cue.lowerBound - 6)..<cue.lowerBound : cue.lowerBound..<cue.lowerBound
        var lo = cue.lowerBound, hi = cue.upperBound
        while lo > r.lowerBound, !text.facts[lo - 1].isa(.contrastWords) { lo -= 1 }
        while hi < r.upperBound, !text.facts[hi].isa(.contrastWords) { hi += 1 }
        // the part after the contrast word is the holder's point, unless the negation opens it
        // ("кредиты, но не гранты": another thing negated)
        // past it, another watched actor named (not a pronoun, which may be the holder's own)
        let anotherSubject = text.sentenceMentions[f.sentence].contains { m in
            let mention = text.mentions[m]
            return (mention.kind == .name || mention.kind == .role) && mention.first > hi && mention.first <= hi + 3
                && !mention.actors.contains(f.actor)
        }
        let point = anotherSubject ? r.upperBound..<r.upperBound : min(hi + 2, r.upperBound)..<r.upperBound
        // «…, но она не может восприниматься в качестве "честного брокера"»: a negation before
        // the cue of another topic found in the sentence is read by that topic's rules
        let othersOnly = point.filter { text.facts[$0].has(.negator) }.allSatisfy { k in
            (k + 1..<min(k + 7, r.upperBound)).contains(where: otherCues.contains)
        }
        return negation(in: lo..<hi, outside: read) || !othersOnly && negation(in: point, outside: read)
    }

    /// The facts of the sentence every candidate in it shares.
    func sentenceFeatures(_ x: inout FeatureValues, _ facts: SentenceFacts) {
        if facts.forecast { x.set(.forecast) }
        if facts.condition { x.set(.condition) }
        if facts.hedge { x.set(.hedge) }
        if facts.contrast { x.set(.contrast) }
        if facts.question { x.set(.question) }
        if facts.otherSpeaker { x.set(.otherSpeaker) }
        if facts.headline { x.set(.headline) }
    }

    /// Another watched actor named in the sentence; the actor named, and how far from the cue.
    func actorFeatures(_ x: inout FeatureValues, _ f: Finding, hit h: TopicHit, facts: SentenceFacts) {
        if facts.named.contains(where: { $0.actor != f.actor }) { x.set(.otherActor) }
        let distances = facts.named.filter { $0.actor == f.actor }.map { abs($0.at - h.words.lowerBound) }
        if let d = distances.min() {
            x.set(.actorNamed)
            x.set(.distance, Double(min(d, 20)) / 20)
        }
    }

    /// The article-wide features: another candidate of the same actor and topic with the
    /// other polarity, more than one candidate for this position, a rule-found position.
    static func fillArticle(_ cs: inout [Candidate]) {
        /// A position: who, on what, which side.
        struct Position: Hashable {
            var actor: Int
            var topic: Int
            var polarity: Polarity
        }
        var count: [Position: Int] = [:]
        var ruled: [Position: Bool] = [:]
        for c in cs {
            let f = c.finding
            count[Position(actor: f.actor, topic: f.topic, polarity: f.polarity), default: 0] += 1
            if c.features[Feature.polNaive.index] == 0 && c.features[Feature.speakerMentioned.index] == 0 {
                ruled[Position(actor: f.actor, topic: f.topic, polarity: f.polarity)] = true
            }
        }
        for k in cs.indices {
            let f = cs[k].finding
            let same = Position(actor: f.actor, topic: f.topic, polarity: f.polarity)
            let other = Position(actor: f.actor, topic: f.topic, polarity: f.polarity.opposite)
            if ruled[other] == true { cs[k].features[Feature.articleOpposite.index] = 1 }
            cs[k].features[Feature.articleSupport.index] = Double(min((count[same] ?? 1) - 1, 3)) / 3
            if ruled[same] == true { cs[k].features[Feature.articleRuleFound.index] = 1 }
        }
    }
}
