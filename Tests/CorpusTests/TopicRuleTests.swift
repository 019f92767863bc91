import Testing
@testable import Corpus

/// The topic rules (`TopicFinder.sharedCueRules` and the single-topic rule), each with a
/// sentence where it ties a cue to its topic and a near sentence where it does not; and the
/// steps of `TopicModel.init` on a topic of each kind.
struct TopicRuleTests {
    /// The fixture watchlist with a group mate who has no country of her own and an
    /// unanchored topic that shares the cue "площадка".
    static let yaml = EngineFixture.yaml.replacingOccurrences(of: "topics:\n", with: """
      - id: aigul
        names: [Айгуль Нурова, Нурова]
        roles: [советник]
        group: kz
    topics:
      - id: talks-venue
        label: Площадка для торговых переговоров
        cues: [площадка]
        pro: актор готов предоставить площадку для торговых переговоров
        contra: актор отказывается предоставить площадку для торговых переговоров

    """)
    static let engine: StanceEngine = try! StanceEngine(watchlist: Watchlist(yaml: yaml))

    enum Watchlists: Sendable { case fixture, unseen, topics }

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: RuleName
        var fires: String
        var expected: String
        var near: String
        var watchlist = Watchlists.topics
        var testDescription: String { "\(rule.rawValue): \(fires)" }
        var engine: StanceEngine {
            switch watchlist {
            case .fixture: EngineFixture.engine
            case .unseen: UnseenSubjectTests.engine
            case .topics: TopicRuleTests.engine
            }
        }
    }

    static let earlier = "Турция предложила свои услуги. Погода была хорошей. Встреча завершилась. "

    static let cases: [Case] = [
        Case(rule: .topicAnchorInSentence,
             fires: "Абаев заявил, что Турция готова стать площадкой для переговоров.", expected: "nurlan tr-venue pro",
             near: "Абаев заявил, что готов предоставить площадку для переговоров."),
        Case(rule: .topicActorCountry, fires: "Абаев заявил, что готов предоставить площадку для переговоров.",
             expected: "nurlan kz-venue pro", near: "Абаев заявил, что Турция готова стать площадкой для переговоров."),
        Case(rule: .topicAnchorNearby,
             fires: "В Анкаре прошли консультации. Нацбанк заявил, что площадка для переговоров готова.",
             expected: "bank tr-venue pro", near: "Нацбанк заявил, что площадка для переговоров готова."),
        Case(rule: .topicGroupCountry, fires: "Нурова заявила, что площадка для переговоров готова.",
             expected: "aigul kz-venue pro",
             near: "Нурова заявила, что Турция готова стать площадкой для переговоров."),
        Case(rule: .topicGeneric, fires: "Нацбанк заявил, что площадка для торговых переговоров будет организована.",
             expected: "bank talks-venue pro",
             near: "Нацбанк заявил, что площадка для торговых переговоров будет организована в Турции."),
        Case(rule: .topicAnchorInArticle,
             fires: earlier + "Нацбанк заявил, что приветствует готовность организовать площадку для переговоров.",
             expected: "bank tr-venue pro",
             near: "Погода была хорошей. Встреча завершилась. "
                 + "Нацбанк заявил, что приветствует готовность организовать площадку для переговоров.",
             watchlist: .fixture),
        Case(rule: .topicSpecificWord, fires: "Ветрова предложила отменить пошлины на сыр из Норландии.",
             expected: "vetrova norland-cheese contra", near: "Ветрова предложила отменить пошлины на сыр.",
             watchlist: .unseen),
    ]

    @Test(arguments: cases) func ruleFires(_ c: Case) {
        let found = RuleProbe.candidates(c.fires, engine: c.engine)
        #expect(found.contains { $0.triple == c.expected && $0.rules.contains(c.rule) }, "\(found)")
    }

    @Test(arguments: cases) func ruleDoesNotFireOnTheNearSentence(_ c: Case) {
        let found = RuleProbe.candidates(c.near, engine: c.engine)
        #expect(!found.contains { $0.rules.contains(c.rule) }, "\(found)")
    }

    /// A single topic tied to a place needs it: in the two sentences before (`topic.anchorNearby`),
    /// when neither the sentence nor the holder's country names it.
    @Test func aSingleAnchoredTopicNeedsItsPlaceNearby() {
        let found = RuleProbe.candidates("Казахстан провел встречу. Кая заявил, что честный брокер нужен.")
        #expect(found.contains { $0.triple == "emre kz-mediator pro" && $0.rules.contains(.topicAnchorNearby) },
                "\(found)")
        #expect(RuleProbe.candidates("Кая заявил, что честный брокер нужен.").isEmpty)
    }

    /// An engine for Ветрова and the topics `yaml` lists (a `topics:` block).
    static func vetrovaEngine(topics yaml: String) throws -> StanceEngine {
        try StanceEngine(watchlist: Watchlist(yaml: """
            actors:
              - id: vetrova
                names: [Ольга Ветрова, Ветрова]
            """ + "\n" + yaml))
    }

    /// The topics of `engine`'s candidates in `body`, in text order.
    static func candidateTopics(_ body: String, _ engine: StanceEngine) -> [String] {
        engine.candidates(EngineFixture.article(body)).map { engine.watchlist.topics[$0.finding.topic].id }
    }

    // a word of stance or speech is no form of a cue by family likeness alone, unless the cue
    // is such a word too
    @Test func aStanceWordIsNoCueByFamilyAlone() throws {
        let engine = try Self.vetrovaEngine(topics: """
            topics:
              - id: truce
                label: Соглашение о перемирии
                cues: [соглашение]
                pro: актор поддерживает соглашение о перемирии
                contra: актор выступает против соглашения о перемирии
              - id: budget
                label: Бюджет Озёрска
                cues: [одобрить бюджет]
                pro: актор готов одобрить бюджет
                contra: актор отказывается одобрить бюджет
            """)
        #expect(Self.candidateTopics("Ветрова согласилась, что город готов к переговорам.", engine).isEmpty)
        #expect(Self.candidateTopics("Ветрова заявила, что поддерживает соглашение.", engine) == ["truce"])
        #expect(Self.candidateTopics("Ветрова заявила, что город готов к одобрению бюджета.", engine) == ["budget"])
    }

    // words a topic rule gave to one topic of a shared cue are not found again by another
    // topic's longer cue over them
    @Test func aTopicSetAsideForSomeWordsIsNotFoundOverThem() throws {
        let engine = try Self.vetrovaEngine(topics: """
            topics:
              - id: scooter-ban
                label: Запрет самокатов в Озёрске
                cues: [запрет самокатов, введение запрета самокатов]
                pro: актор поддерживает введение запрета самокатов для всех
                contra: актор отменяет запрет самокатов
              - id: kids-scooter-ban
                label: Запрет самокатов для школьников
                cues: [запрет самокатов школьников]
                pro: актор поддерживает введение запрета самокатов для школьников
                contra: актор против запрета самокатов для школьников
            """)
        let kids = "Ветрова подписала постановление о введении запрета самокатов для школьников."
        #expect(Set(Self.candidateTopics(kids, engine)) == ["kids-scooter-ban"])
        let all = "Ветрова подписала постановление о введении запрета самокатов."
        #expect(Set(Self.candidateTopics(all, engine)) == ["scooter-ban"])
    }

    /// The order of the shared-cue rules is the one the doc comment of `TopicFinder` gives.
    @Test func theSharedCueRulesAreInTheDocumentedOrder() {
        #expect(TopicFinder.sharedCueRules.map(\.name) == [
            .topicAnchorInSentence, .topicActorCountry, .topicAnchorNearby, .topicGroupCountry, .topicGeneric,
            .topicAnchorInArticle, .topicSpecificWord,
        ])
    }

    /// `TopicModel.init`'s steps on the fixture's topics: the kind, the directions, the
    /// positive side, the anchors, the negated content words.
    @Test func topicModelSteps() throws {
        let topics = EngineFixture.engine.index.topics
        let rate = try #require(topics.first { $0.id == "rate-cut" })
        #expect(rate.kind == .direction)
        #expect(rate.directionPolarity == [.down: .pro, .up: .contra])
        let prospects = try #require(topics.first { $0.id == "prospects" })
        #expect(prospects.kind == .evaluative && prospects.positivePolarity == .pro)
        let mediator = try #require(topics.first { $0.id == "kz-mediator" })
        #expect(mediator.kind == .plain && mediator.reversalPolarity == .contra)
        #expect(!mediator.anchors.isEmpty)
        // "не посредник": the contra description's word after a negation is negated
        #expect(mediator.contraStems.contains { $0.negated })
        let generic = try #require(Self.engine.index.topics.first { $0.id == "talks-venue" })
        #expect(generic.anchors.isEmpty && generic.anchorPhrases.isEmpty)
    }

    /// A description's note on what is not a position ("(… - не позиция)") is not read as
    /// the side's words; a parenthesis that adds to the side is.
    @Test func exclusionNotesAreNotTheSidesWords() throws {
        func topic(_ contra: String) throws -> TopicModel {
            let yaml = """
            actors:
              - id: mayor
                names: [Ветрова]
            topics:
              - id: ban
                label: Запрет электросамокатов
                cues: [самокаты]
                pro: актор вводит или сохраняет запрет самокатов
                contra: \(contra)
            """
            return try #require(try StanceEngine(watchlist: Watchlist(yaml: yaml)).index.topics.first)
        }
        let plain = try topic("актор разрешает самокаты")
        let noted = try topic("актор разрешает самокаты (запрет для детей - не позиция)")
        let stillNoted = try topic("актор разрешает самокаты (запрет для детей сюда не относится)")
        let added = try topic("актор разрешает самокаты (в том числе отменяет запрет)")
        #expect(noted.contraStems.map(\.stem) == plain.contraStems.map(\.stem))
        #expect(stillNoted.contraStems.map(\.stem) == plain.contraStems.map(\.stem))
        #expect(noted.directionPolarity == plain.directionPolarity)
        #expect(added.contraStems.count > plain.contraStems.count)
    }

    /// A topic's names: the proper words of its texts, not the capital of its label's first word.
    @Test func properStemsAreTheNames() throws {
        let topics = UnseenSubjectTests.engine.index.topics
        let norland = try #require(topics.first { $0.id == "norland-cheese" })
        let scooters = try #require(topics.first { $0.id == "scooter-ban" })
        #expect(norland.properStems.contains(Fold.stem("норландии", EngineFixture.stemmer)))
        #expect(!scooters.properStems.contains(Fold.stem("запрет", EngineFixture.stemmer)))
        #expect(scooters.properStems.contains(Fold.stem("озерске", EngineFixture.stemmer)))
    }

    /// An act's key drops a perfective prefix only when four letters remain.
    @Test func actKeyDropsThePerfectivePrefix() {
        let prefixes = EngineFixture.lexicon.words.list(.verbPrefixes)
        let voted = Fold.word("проголосова"), votes = Fold.word("голосу"), against = Fold.word("против")
        let key = TopicModel.actKey(voted, against, prefixes: prefixes)
        #expect(key == TopicModel.actKey(votes, against, prefixes: prefixes))
        #expect(key != TopicModel.actKey(Fold.word("просил"), against, prefixes: prefixes))
    }
}
