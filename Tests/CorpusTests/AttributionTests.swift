import Testing
@testable import Corpus

/// Who holds a sentence: quotes, reported speech, pronouns, roles, institutions, and the
/// cases that give nobody a stance.
struct AttributionTests {
    func found(_ body: String) -> Set<String> { EngineFixture.triples(body) }

    @Test func quoteWithSpeakerAfter() {
        #expect(found("«Казахстан готов предоставить площадку для переговоров», — заявил Абаев.") == ["nurlan kz-venue pro"])
        #expect(found("\"Казахстан не является посредником и не намерен им быть\", - сказал Абаев.") == ["nurlan kz-mediator contra"])
    }

    @Test func quoteOverSeveralSentencesTakesTheSpeakerAfterIt() {
        let body = "Сейтова дала интервью.\n«Мы многое видели. Казахстан готов принять переговоры. Это важно», — сказала она."
        #expect(found(body) == ["dana kz-venue pro"])
    }

    // an interviewer's question, quoted on its own line, is the asker's, not the last speaker's
    @Test func aQuestionAskedIsTheAskersQuote() {
        let body = "Абаев дал интервью журналисту Олегу Смирнову.\n«Казахстан готов принять переговоры?», — спросил Смирнов."
        #expect(found(body).isEmpty)
        // the same line said by the last speaker stays his
        #expect(found("Абаев дал интервью журналисту Олегу Смирнову.\n«Казахстан готов принять переговоры», — сказал он.")
            == ["nurlan kz-venue pro"])
    }

    // what a speech verb reports is the words of its (here unnamed) speaker: an actor named
    // there is not the agent of the sentence
    @Test func anActorInWhatAnUnnamedSpeakerReportsDoesNotHoldIt() {
        for body in ["Член политбюро партии Иван ар-Ришк заявил, что решение Эмре Кая о переговорах в Стамбуле означает новый этап.",
                     "Член политбюро партии Иван ар-Ришк заявил, что Нацбанк готов к снижению ставки."] {
            let rules = EngineFixture.engine.candidates(EngineFixture.article(body)).map(\.finding.rules)
            #expect(!rules.isEmpty && rules.allSatisfy { $0.contains(.speakerMentioned) }, "\(body)")
        }
        // the agent of a sentence that reports nothing
        #expect(EngineFixture.engine.candidates(EngineFixture.article("Нацбанк готов к снижению ставки."))
            .contains { $0.finding.rules.contains(.speakerAgent) })
    }

    @Test func quoteWithSpeakerBefore() {
        #expect(found("Абаев заявил: «Казахстан готов принять переговоры».") == ["nurlan kz-venue pro"])
    }

    @Test func reportedSpeech() {
        #expect(found("Абаев отметил, что Казахстан готов предоставить площадку.") == ["nurlan kz-venue pro"])
        #expect(found("Казахстан готов предоставить площадку для переговоров, заявил президент Казахстана Нурлан Абаев.") == ["nurlan kz-venue pro"])
    }

    @Test func poSlovam() {
        #expect(found("По словам Сейтовой, Казахстан готов предоставить свою площадку.") == ["dana kz-venue pro"])
    }

    @Test func pronounContinuesTheLastSubject() {
        let body = "Абаев встретился с Эмре Кая и обсудил с ним торговлю. Он отметил, что Казахстан не является посредником."
        // "Кая" is mentioned after Abaev but only as an object: "он" is still Abaev
        #expect(found(body) == ["nurlan kz-mediator contra"])
    }

    @Test func relativePronounSpeaker() {
        #expect(found("Заявление последовало после выступления Абаева, который подчеркнул: Казахстан готов предоставить площадку.") == ["nurlan kz-venue pro"])
    }

    @Test func aboutThisGivesThePreviousSentence() {
        #expect(found("Казахстан не является посредником. Об этом заявил президент Казахстана Нурлан Абаев.") == ["nurlan kz-mediator contra"])
    }

    @Test func sharedRoleResolvesToTheMostRecentHolder() {
        let a = "Эмре Кая провел переговоры. Глава государства заявил, что Турция готова принять переговоры в Стамбуле."
        #expect(found(a) == ["emre tr-venue pro"])
        let b = "Нурлан Абаев провел переговоры. Глава государства заявил, что Казахстан готов принять переговоры."
        #expect(found(b) == ["nurlan kz-venue pro"])
    }

    @Test func unwatchedSpeakerGivesNoStance() {
        #expect(found("Абаев встретился с коллегой. Владимир Путин заявил, что Казахстан готов предоставить площадку.").isEmpty)
        #expect(found("По словам Дональда Трампа, Казахстан не является посредником.").isEmpty)
    }

    @Test func unattributedClaimGivesNoStance() {
        #expect(found("Абаев провел встречу. Ранее в Казахстане заявили о готовности выступить посредником.").isEmpty)
    }

    @Test func questionPutToAnActorGivesNoStance() {
        #expect(found("Абаев ответил на вопрос журналистов, может ли Астана стать площадкой для встречи.").isEmpty)
        #expect(found("Готов ли Казахстан принять переговоры, спросили Абаева?").isEmpty)
    }

    @Test func capitalSpeaksForTheActorOfItsCountryWithReadiness() {
        let body = "Абаев провел телефонный разговор. Астана выразила готовность предоставить площадку для переговоров."
        #expect(found(body) == ["nurlan kz-venue pro"])
    }

    @Test func institutionDecides() {
        #expect(found("Национальный банк снизил базовую ставку до 15%.") == ["bank rate-cut pro"])
    }
}
