import Testing
@testable import Corpus

/// Which side: negation and its scope, contrast, readiness, evaluation, direction words
/// read through the topic's descriptions, hedges.
struct PolarityTests {
    func found(_ body: String) -> Set<String> { EngineFixture.triples(body) }

    @Test func negatedCue() {
        #expect(found("Абаев заявил, что Казахстан не является посредником и не намерен им быть.") == ["nurlan kz-mediator contra"])
        #expect(found("Абаев подчеркнул, что в стране не напрашиваются в посредники.") == ["nurlan kz-mediator contra"])
    }

    @Test func contrastGivesEachTopicItsClause() {
        let body = "Абаев заявил, что Казахстан не является посредником, однако готов предоставить площадку для переговоров."
        #expect(found(body) == ["nurlan kz-mediator contra", "nurlan kz-venue pro"])
    }

    @Test func readinessAndConditionsAreStances() {
        #expect(found("Сейтова заявила, что если будет потребность, Казахстан может стать переговорной площадкой.") == ["dana kz-venue pro"])
    }

    @Test func doubleNegationIsAffirmative() {
        #expect(found("Сейтова заявила, что Казахстан не против выступить посредником.") == ["dana kz-mediator pro"])
    }

    @Test func evaluationDecidesProspects() {
        #expect(found("Абаев подчеркнул, что прекращение огня «возможно».") == ["nurlan prospects pro"])
        #expect(found("Абаев заявил, что ожидать мирного соглашения в ближайшее время нереалистично.") == ["nurlan prospects contra"])
        #expect(found("Эмре Кая заявил, что не верит, что конфликт закончится в ближайшее время.") == ["emre prospects contra"])
    }

    @Test func aBareProspectsCueIsNoStance() {
        // support for a settlement, or its difficulty, says nothing about its prospects
        #expect(found("Абаев поддержал продолжение дипломатического урегулирования.").isEmpty)
    }

    @Test func directionWordsReadThroughTheDescriptions() {
        #expect(found("Нацбанк снизил базовую ставку на 50 базисных пунктов.") == ["bank rate-cut pro"])
        #expect(found("Регулятор допускает, что базовую ставку могут еще повысить.") == ["bank rate-cut contra"])
        #expect(found("Глава Нацбанка подчеркнула, что о смягчении базовой ставки говорить рано.").contains("bank rate-cut contra"))
    }

    @Test func hedgedDirectionIsNoStance() {
        #expect(found("Нацбанк еще не принимал решения о снижении базовой ставки.").isEmpty)
    }

    @Test func approvalOfAnOffer() {
        #expect(found("«Мы приветствуем площадку, которую предлагает Казахстан», — сказал Эмре Кая.") == ["emre kz-venue pro"])
    }

    @Test func placeNameAloneIsNoStance() {
        // the place anchors the topic; being there says nothing about hosting talks
        #expect(found("Эмре Кая заявил, что провал переговоров в Стамбуле трагичен.").isEmpty)
    }
}
