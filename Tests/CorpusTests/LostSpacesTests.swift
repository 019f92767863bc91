import Testing
@testable import Corpus

/// Scraped text that lost its spaces (`LostSpaces`), on invented sentences about the
/// e-scooter ban of `UnseenSubjectTests`: a glued negation is read apart only where the
/// article shows lost spaces, and only into words the lists know.
struct LostSpacesTests {
    static let engine = UnseenSubjectTests.engine

    /// The written words of `body` as the engine reads them.
    func words(_ body: String) -> [String] {
        var forms = WordForms(stemmer: Self.engine.stemmer)
        let text = ArticleText(body: body, lexicon: Self.engine.lexicon, index: Self.engine.index, forms: &forms)
        return text.words.map { body.utf8Text($0.start, $0.end) }
    }

    /// Two glued commas: the article lost its spaces.
    static let glued = "Мэр Озёрска Ольга Ветрова заявила, что мэрия неподдерживает запрет самокатов,напомнив о жалобах горожан,пострадавших на тротуарах."

    @Test func aGluedNegationIsReadApartWhereTheArticleLostItsSpaces() {
        #expect(words(Self.glued).contains("не"))
        #expect(words(Self.glued).contains("поддерживает"))
        // the words keep their bytes of the body: evidence is cut verbatim
        #expect(words(Self.glued).joined(separator: " ").contains("не поддерживает запрет самокатов"))
        #expect(EngineFixture.triples(Self.glued, engine: Self.engine) == ["vetrova scooter-ban contra"])
        // the same sentence written with its spaces reads the same
        let spaced = "Мэр Озёрска Ольга Ветрова заявила, что мэрия не поддерживает запрет самокатов, напомнив о жалобах горожан."
        #expect(EngineFixture.triples(spaced, engine: Self.engine) == ["vetrova scooter-ban contra"])
    }

    @Test func oneGluedMarkIsNoLostSpaces() {
        let once = "Мэр Озёрска Ольга Ветрова заявила, что мэрия неподдерживает запрет самокатов,напомнив о жалобах горожан."
        #expect(words(once).contains("неподдерживает"))
        #expect(!words(once).contains("поддерживает"))
    }

    @Test(arguments: [
        // a preposition glues to no verb form: «договорились» stays one word
        ("мэрия и дума договорились", "договорились"),
        // an unknown rest is no word: «необходимо» stays
        ("мэрии необходимо", "необходимо"),
    ])
    func aWordThatOnlyLooksGluedStaysWhole(_ tail: String, _ word: String) {
        let body = Self.glued + " Ветрова,напомним,заявила, что " + tail + "."
        #expect(words(body).contains(word))
    }

    @Test func aPrepositionGluedToANounIsReadApart() {
        let body = Self.glued + " Депутат Лаптев высказался позапрету самокатов."
        #expect(words(body).contains("запрету"))
    }
}
