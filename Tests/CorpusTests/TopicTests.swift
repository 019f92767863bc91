import Testing
@testable import Corpus

/// Tying a cue several topics share to the right topic.
struct TopicTests {
    func found(_ body: String) -> Set<String> { EngineFixture.triples(body) }

    @Test func countryInTheSentenceDecides() {
        #expect(found("Абаев заявил, что Турция готова предоставить площадку для переговоров.") == ["nurlan tr-venue pro"])
        #expect(found("Эмре Кая заявил, что Астана готова предоставить площадку для переговоров.") == ["emre kz-venue pro"])
    }

    @Test func otherwiseTheHoldersOwnCountryDecides() {
        #expect(found("Эмре Кая заявил, что готов предоставить площадку для переговоров.") == ["emre tr-venue pro"])
        #expect(found("Абаев заявил, что готов предоставить площадку для переговоров.") == ["nurlan kz-venue pro"])
    }

    @Test func adjectivesAndCapitalsAnchorTheirCountry() {
        #expect(found("Абаев заявил, что турецкая сторона готова предоставить площадку.") == ["nurlan tr-venue pro"])
    }

    @Test func watchlistIsCompiledFromItsOwnWords() throws {
        let index = EngineFixture.engine.index
        let rate = try #require(index.topics.first { $0.id == "rate-cut" })
        #expect(rate.kind == .direction)
        #expect(rate.directionPolarity[.down] == .pro && rate.directionPolarity[.up] == .contra)
        let prospects = try #require(index.topics.first { $0.id == "prospects" })
        #expect(prospects.kind == .evaluative && prospects.positivePolarity == .pro)
        let venue = try #require(index.topics.first { $0.id == "kz-venue" })
        #expect(venue.kind == .plain)
    }

    // words of approval name acts on a measure; only words of prospects make a topic evaluative
    @Test func approvalInTheDescriptionsLeavesATopicPlain() throws {
        let engine = try StanceEngine(watchlist: Watchlist(yaml: """
            actors:
              - id: vetrova
                names: [Ольга Ветрова, Ветрова]
            topics:
              - id: games
                label: Спартакиада в Озёрске
                cues: [спартакиада]
                pro: актор поддерживает и приветствует проведение спартакиады
                contra: актор отвергает спартакиаду
            """))
        let games = try #require(engine.index.topics.first)
        #expect(games.kind == .plain)
        #expect(games.positivePolarity == .pro)
    }
}
