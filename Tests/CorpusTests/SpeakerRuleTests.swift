import Testing
@testable import Corpus

/// Each speaker rule of `Attribution.chain` on an invented sentence about the fixture's
/// invented actors: where it fires (its name and the holder it gives), and a near sentence
/// where it does not.
struct SpeakerRuleTests {
    /// The holder and rule of the last sentence of `body`, the sentences before it read the
    /// way the engine's first pass reads them (the last subject, the actors last seen).
    static func lastSpeaker(_ body: String) -> (holder: String, rule: RuleName)? {
        let engine = EngineFixture.engine
        var forms = WordForms(stemmer: engine.stemmer)
        let text = ArticleText(body: body, lexicon: engine.lexicon, index: engine.index, forms: &forms)
        let attribution = Attribution(text: text, lexicon: engine.lexicon, index: engine.index)
        var state = SpeakerState()
        var quoteSpeakers: [Int: Speaker?] = [:]
        var last: (Speaker, RuleName)? = nil
        for s in text.sentences.indices {
            for m in text.sentenceMentions[s].map({ text.mentions[$0] })
            where m.kind == .name || (m.kind == .role && m.actors.count == 1) {
                state.lastSeen[m.actors[0]] = m.first
            }
            last = attribution.speaker(of: s, state: state, quoteSpeakers: &quoteSpeakers)
            if let sp = last { state.lastSubject = sp.0; state.lastSpeaker = sp.0 }
        }
        guard let (speaker, rule) = last else { return nil }
        switch speaker {
        case .actor(let a): return (engine.watchlist.actors[a].id, rule)
        case .other: return ("other", rule)
        }
    }

    struct Case: CustomStringConvertible, Sendable {
        var body: String
        /// The holder ("other" for an unwatched one) and the rule, or nil for nobody.
        var holder: String?
        var rule: RuleName?
        var description: String { body }
    }

    /// Where each rule fires.
    static let positives: [Case] = [
        Case(body: "«Мы готовы к диалогу», — заявил Абаев.", holder: "nurlan", rule: .speakerQuote),
        Case(body: "Абаев выступил в парламенте. По его словам, переговоры продолжатся.",
             holder: "nurlan", rule: .speakerAttributionNoun),
        Case(body: "По мнению экспертов, переговоры продолжатся.", holder: "other", rule: .speakerAttributionNoun),
        Case(body: "Абаев, по словам Сейтовой, готов к переговорам.", holder: "nurlan", rule: .speakerReportedSubject),
        Case(body: "По словам Сейтовой, переговоры возможны.", holder: "dana", rule: .speakerAttributionNoun),
        Case(body: "Сейтова заявила, что переговоры возможны.", holder: "dana", rule: .speakerVerbSubject),
        Case(body: "Предлагаемая Сейтовой стратегия обсуждается.", holder: "dana", rule: .speakerParticipleAgent),
        Case(body: "Абаев: переговоры возможны", holder: "nurlan", rule: .speakerHeadline),
        Case(body: "Нацбанк снизил базовую ставку.", holder: "bank", rule: .speakerAgent),
        Case(body: "Абаев прибыл в Анкару. Он посетил выставку.", holder: "nurlan", rule: .speakerPronoun),
    ]

    /// A near sentence for each, where that rule does not fire.
    static let negatives: [Case] = [
        // no quote marks: the subject of the verb
        Case(body: "Мы готовы к диалогу, — заявил Абаев.", holder: "nurlan", rule: .speakerVerbSubject),
        // "его" with no subject before it: nobody
        Case(body: "По его словам, переговоры продолжатся.", holder: nil, rule: nil),
        // a name after the noun is no unnamed source
        Case(body: "По мнению Абаева, переговоры продолжатся.", holder: "nurlan", rule: .speakerAttributionNoun),
        // no subject before the noun: the named source holds it
        Case(body: "По словам Сейтовой, Абаев готов к переговорам.", holder: "dana", rule: .speakerAttributionNoun),
        // a common noun after the attribution noun: an unnamed source, not the name further on
        Case(body: "По словам экспертов, Сейтова готова к переговорам.", holder: "other",
             rule: .speakerAttributionNoun),
        // no verb of saying: the actor acts
        Case(body: "Сейтова посетила выставку.", holder: "dana", rule: .speakerAgent),
        // no participle before the name in the genitive: nobody
        Case(body: "Стратегия Сейтовой обсуждается.", holder: nil, rule: nil),
        // the name does not open the sentence: it acts
        Case(body: "Переговоры: Абаев готов", holder: "nurlan", rule: .speakerAgent),
        // after a preposition it is no subject
        Case(body: "В Нацбанке обсуждают базовую ставку.", holder: nil, rule: nil),
        // the pronoun comes too late in the sentence
        Case(body: "Абаев прибыл в Анкару. Вечером, после долгого дня, он посетил выставку.", holder: nil, rule: nil),
    ]

    @Test(arguments: positives)
    func ruleFires(_ c: Case) {
        let found = Self.lastSpeaker(c.body)
        #expect(found?.holder == c.holder)
        #expect(found?.rule == c.rule)
    }

    @Test(arguments: zip(negatives, positives))
    func ruleDoesNotFire(_ c: Case, _ twin: Case) {
        let found = Self.lastSpeaker(c.body)
        #expect(found?.holder == c.holder)
        #expect(found?.rule == c.rule)
        // the twin's rule is not the one that decided (or decided for someone else)
        #expect(found?.rule != twin.rule || found?.holder != twin.holder)
    }

    @Test func everyRuleOfTheChainHasATest() {
        var named: [RuleName] = []
        for step in Attribution.chain {
            switch step {
            case .sentence(let rule): named.append(rule.name)
            case .eachAttributionNoun(let rules): named += rules.map(\.name)
            }
        }
        #expect(named == Self.positives.map(\.rule))
    }
}
