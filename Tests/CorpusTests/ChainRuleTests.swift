import Testing
@testable import Corpus

/// The rules of the driver's own stages, each on a sentence where it fires and a near one where
/// it does not: `SentenceHolders` (speaker.aboutThis), `FindingStage` (speaker.coordinated, also in a list,
/// speaker.mentioned) and `StatedDates` (a carried date, a date pointed back to, the article's).
struct ChainRuleTests {
    /// Each candidate's "actor topic polarity", its rules as printed and its stated day.
    static func read(_ body: String, engine: StanceEngine = EngineFixture.engine) -> [(triple: String, rules: [String], day: String)] {
        engine.candidates(EngineFixture.article(body)).map { c in
            let f = c.finding
            let triple = "\(engine.watchlist.actors[f.actor].id) \(engine.watchlist.topics[f.topic].id) \(f.polarity.rawValue)"
            return (triple, f.ruleTexts, f.stated.day.description)
        }
    }

    /// The candidate `triple` of `body`, which must be there.
    static func candidate(_ triple: String, in body: String) throws -> (triple: String, rules: [String], day: String) {
        try #require(read(body).first { $0.triple == triple }, "no candidate \(triple) in «\(body)»")
    }

    static func holders(_ body: String, engine: StanceEngine = EngineFixture.engine) -> [String: String] {
        Dictionary(read(body, engine: engine).map { ($0.triple, $0.rules[0]) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aboutThisGivesTheSentenceBeforeToTheSpeaker() {
        let fires = Self.holders("Казахстан не является посредником. Об этом заявил президент Казахстана Нурлан Абаев.")
        #expect(fires["nurlan kz-mediator contra"] == RuleName.speakerAboutThis.rawValue, "\(fires)")
        // a sentence someone already holds keeps its holder
        let near = Self.holders("Сейтова заявила, что Казахстан не является посредником. Об этом сообщил Нурлан Абаев.")
        #expect(near["dana kz-mediator contra"] == RuleName.speakerVerbSubject.rawValue, "\(near)")
        #expect(near["nurlan kz-mediator contra"] == nil, "\(near)")
        // an outlet that only relays the sentence does not keep it from the actor named after
        let relayed = Self.holders("Как сообщает ТАСС, Казахстан не является посредником. Об этом заявил Нурлан Абаев.")
        #expect(relayed["nurlan kz-mediator contra"] == RuleName.speakerAboutThis.rawValue, "\(relayed)")
    }

    @Test func aboutThisAlsoGivesTheSentenceToASecondSpeakerDatedByItsOwnWords() throws {
        let body = "Сейтова заявила, что Казахстан не является посредником. Об этом также на прошлой неделе сообщил Нурлан Абаев."
        let also = try Self.candidate("nurlan kz-mediator contra", in: body)
        #expect(also.rules.first == RuleName.speakerAboutThis.rawValue && also.day == "2025-10-27", "\(also)")
        #expect(Self.holders(body)["dana kz-mediator contra"] == RuleName.speakerVerbSubject.rawValue)
        // without «также» the sentence stays its first speaker's alone (see above)
    }

    @Test func coordinatedSubjectsHoldTheWordsTogether() {
        let fires = Self.holders("Ветрова и Лаптев заявили, что поддерживают запрет самокатов.", engine: UnseenSubjectTests.engine)
        #expect(fires.values.contains(RuleName.speakerCoordinated.rawValue), "\(fires)")
        // joined by «с», not «и»: the second is only named
        let near = Self.holders("Ветрова вместе с Лаптевым заявила, что поддерживает запрет самокатов.",
                                engine: UnseenSubjectTests.engine)
        #expect(!near.values.contains(RuleName.speakerCoordinated.rawValue), "\(near)")
    }

    @Test func aListOfSubjectsHoldsTheWordsTogether() {
        let engine = UnseenSubjectTests.engine
        let fires = Self.holders("Депутаты Ветрова, Иван Петров, Лаптев и Анна Ким проголосовали против запрета самокатов.",
                                 engine: engine)
        #expect(fires["laptev scooter-ban contra"] == RuleName.speakerCoordinated.rawValue
                    || fires["vetrova scooter-ban contra"] == RuleName.speakerCoordinated.rawValue, "\(fires)")
        // a comma that ends a clause, with no «и» closing a list: the second is only named
        let near = Self.holders("Как заявила Ветрова, Лаптев поддерживает запрет самокатов.", engine: engine)
        #expect(!near.values.contains(RuleName.speakerCoordinated.rawValue), "\(near)")
        // words other than names between them: no list («которую поддержал Лаптев» is a clause)
        let broken = Self.holders("Ветрова, которую поддержал Лаптев, выступила за запрет самокатов.", engine: engine)
        #expect(!broken.values.contains(RuleName.speakerCoordinated.rawValue), "\(broken)")
    }

    @Test func anActorOnlyNamedIsAMentionedHolder() {
        let fires = Self.holders("Абаев обсудил с Сейтовой, что Казахстан готов выступить посредником.")
        #expect(fires["dana kz-mediator pro"] == RuleName.speakerMentioned.rawValue, "\(fires)")
        // when someone unwatched holds the words, the named actor is no holder at all
        let near = Self.holders("По мнению экспертов, Сейтова готова предложить Казахстан как посредника.")
        #expect(near["dana kz-mediator pro"] == nil, "\(near)")
    }

    @Test func aDateIsCarriedToTheSentenceThatGoesOn() throws {
        let body = "22 сентября Абаев заявил, что Казахстан готов выступить посредником. Он вновь указал, что Казахстан готов предоставить площадку."
        let venue = try Self.candidate("nurlan kz-venue pro", in: body)
        #expect(venue.rules.last == "date.dayMonth.carried" && venue.day == "2025-09-22", "\(venue)")
        // another paragraph with no continuation: the article's date
        let near = "22 сентября Абаев заявил, что Казахстан готов выступить посредником.\n\nАбаев заявил, что Казахстан готов предоставить площадку."
        let apart = try Self.candidate("nurlan kz-venue pro", in: near)
        #expect(apart.rules.last == RuleName.dateArticle.rawValue && apart.day == "2025-11-08", "\(apart)")
    }

    @Test func aLaterDemonstrativeSentenceDatesTheOneBefore() throws {
        let body = "Абаев заявил, что Казахстан готов выступить посредником. Это заявление было сделано в декабре прошлого года."
        let stance = try Self.candidate("nurlan kz-mediator pro", in: body)
        #expect(stance.rules.last == "date.month.backReference" && stance.day == "2024-12-01", "\(stance)")
        // no demonstrative: the date belongs to its own sentence only
        let near = "Абаев заявил, что Казахстан готов выступить посредником. Переговоры начались в декабре прошлого года."
        let own = try Self.candidate("nurlan kz-mediator pro", in: near)
        #expect(own.rules.last == RuleName.dateArticle.rawValue, "\(own)")
    }
}
