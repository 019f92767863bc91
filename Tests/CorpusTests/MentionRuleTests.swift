import Testing
@testable import Corpus

/// Each mention rule of `MentionFinder.rules` at one word of an invented sentence about the
/// fixture's invented actors: where it fires (its name, the mention's kind and actors), and
/// a near sentence where it does not.
struct MentionRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        var body: String
        /// The word (as written) the rules are tried at.
        var word: String
        /// The rule that decides there, or nil for none.
        var rule: MentionRuleName?
        /// The mention it gives ("name nurlan", "other"), or nil for none.
        var mention: String?
        var description: String { "\(body) @ \(word)" }
    }

    /// The rule that decides at `word` of `body`, and the mention it gives.
    static func step(_ c: Case) -> (rule: MentionRuleName, mention: String?)? {
        let engine = EngineFixture.engine
        var forms = WordForms(stemmer: engine.stemmer)
        let text = ArticleText(body: c.body, lexicon: engine.lexicon, index: engine.index, forms: &forms)
        let finder = MentionFinder(index: engine.index, lexicon: engine.lexicon)
        guard let at = text.words.firstIndex(where: { $0.norm == Fold.word(c.word) }) else { return nil }
        let watched = finder.watchedMentions(text.words, text.stems, text.facts)
        var covered = [Bool](repeating: false, count: text.words.count)
        for m in watched { for k in m.first...m.last { covered[k] = true } }
        let watchedAt = Dictionary(uniqueKeysWithValues: watched.map { ($0.first, $0) })
        let context = MentionContext(words: text.words, stems: text.stems, facts: text.facts, covered: covered,
                                     watchedAt: watchedAt, at: at)
        guard let found = finder.firstStep(context) else { return nil }
        let mention = found.step.mention.map { m in
            (["\(m.kind)"] + m.actors.map { engine.watchlist.actors[$0].id }).joined(separator: " ")
        }
        return (found.rule, mention)
    }

    /// Where each rule fires.
    static let positives: [Case] = [
        Case(body: "Абаев прибыл в Астану.", word: "Абаев", rule: .watched, mention: "name nurlan"),
        Case(body: "Нурлан Абаев прибыл в Астану.", word: "Абаев", rule: .insideWatched, mention: nil),
        Case(body: "Он прибыл в Астану.", word: "Он", rule: .pronoun, mention: "pronoun"),
        Case(body: "Глава Нацбанка прибыл в Астану.", word: "Глава", rule: .headOfName, mention: "role bank"),
        Case(body: "Президент прибыл в Астану.", word: "Президент", rule: .bareHead, mention: "head nurlan emre"),
        Case(body: "Глава Казахстана прибыл в Анкару.", word: "Глава", rule: .headOfCountry, mention: "role nurlan"),
        Case(body: "Анкара готова принять переговоры.", word: "Анкара", rule: .institution, mention: "institution"),
        Case(body: "Турция готова принять переговоры.", word: "Турция", rule: .country, mention: nil),
        Case(body: "Петренко заявил, что переговоры возможны.", word: "Петренко", rule: .unwatchedSpeaker,
             mention: "other"),
        Case(body: "Иван Петренко прибыл в Астану.", word: "Иван", rule: .unwatchedPerson, mention: "other"),
    ]

    /// A near sentence for each, where that rule does not decide.
    static let negatives: [Case] = [
        // a surname the watchlist does not hold, with no verb of saying: nothing
        Case(body: "Абрамов прибыл в Астану.", word: "Абрамов", rule: nil, mention: nil),
        // the first word of a watched name is the watched mention itself
        Case(body: "Нурлан Абаев прибыл в Астану.", word: "Нурлан", rule: .watched, mention: "name nurlan"),
        // an adverb, no pronoun
        Case(body: "Там прибыли в Астану.", word: "Там", rule: nil, mention: nil),
        // a head with no name after it stands alone
        Case(body: "Глава прибыл в Астану.", word: "Глава", rule: .bareHead, mention: "head nurlan emre"),
        // a head followed by an unwatched name is part of that name
        Case(body: "Президент Петренко прибыл в Астану.", word: "Президент", rule: .unwatchedPerson, mention: "other"),
        // a country none of the head's actors belongs to: nothing
        Case(body: "Президент Ирана прибыл в Анкару.", word: "Президент", rule: nil, mention: nil),
        // a country's own name is no institution
        Case(body: "Турция готова принять переговоры.", word: "Турция", rule: .country, mention: nil),
        // a capital is no country name to pass over
        Case(body: "Анкара готова принять переговоры.", word: "Анкара", rule: .institution, mention: "institution"),
        // no verb of saying next to it: nobody
        Case(body: "Петренко прибыл в Астану.", word: "Петренко", rule: nil, mention: nil),
        // one capitalised word alone is no person
        Case(body: "Иван прибыл в Астану.", word: "Иван", rule: nil, mention: nil),
    ]

    @Test(arguments: positives)
    func ruleFires(_ c: Case) {
        let found = Self.step(c)
        #expect(found?.rule == c.rule)
        #expect(found?.mention == c.mention)
    }

    @Test(arguments: zip(negatives, positives))
    func ruleDoesNotFire(_ c: Case, _ twin: Case) {
        let found = Self.step(c)
        #expect(found?.rule == c.rule)
        #expect(found?.mention == c.mention)
        #expect(found?.rule != twin.rule)
    }

    @Test func everyRuleHasATest() {
        #expect(MentionFinder.rules.map(\.name) == Self.positives.map(\.rule))
        #expect(MentionRuleName.allCases == Self.positives.compactMap(\.rule))
    }

    @Test func aMentionJoinedToOneAfterAPrepositionIsNoSubject() {
        let engine = EngineFixture.engine
        func nominative(_ body: String) -> [Bool] {
            var forms = WordForms(stemmer: engine.stemmer)
            let text = ArticleText(body: body, lexicon: engine.lexicon, index: engine.index, forms: &forms)
            return text.mentions.map(\.nominative)
        }
        #expect(nominative("Для Сейтовой и Нацбанк это важно.") == [false, false])
        #expect(nominative("Сейтова и Нацбанк это обсудили.") == [true, true])
    }
}
