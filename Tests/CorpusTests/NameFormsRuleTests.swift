import Testing
@testable import Corpus

/// Each way `NameForms` reads a name's inflected form, on invented names: where it matches,
/// and a near word where it does not. The endings and letters come from the lexicon.
struct NameFormsRuleTests {
    static func matches(_ token: String, _ name: String) -> Bool {
        NameForms(EngineFixture.lexicon.words).matches(Fold.word(token), Fold.word(name))
    }

    /// (form in the text, name in the watchlist), one pair per way of matching, in the order
    /// of `NameForms`: the name itself, name + ending, without a droppable final, without a
    /// fleeting vowel (with the soft sign of a three-letter name).
    static let forms = [("Абаев", "Абаев"), ("Абаевым", "Абаев"), ("Сейтовой", "Сейтова"), ("Павла", "Павел")]
    static let nearWords = [
        ("Абаевск", "Абаев"), ("Абаевскую", "Абаев"), ("Сейтовский", "Сейтова"), ("Павлик", "Павел"),
    ]

    @Test(arguments: forms)
    func aFormMatches(_ pair: (String, String)) {
        #expect(Self.matches(pair.0, pair.1))
    }

    @Test(arguments: nearWords)
    func aNearWordDoesNot(_ pair: (String, String)) {
        #expect(!Self.matches(pair.0, pair.1))
    }

    @Test func theFirstFleetingVowelOfAThreeLetterNameLeavesASoftSign() {
        #expect(Self.matches("Льва", "Лев"))
        #expect(Self.matches("Львом", "Лев"))
        #expect(!Self.matches("Львович", "Лев"))
    }

    /// A name of six letters or more spelt one letter off (a letter swapped with its neighbour,
    /// added, dropped or changed), bare or with an ending; not two letters off, not a short name.
    @Test func aLongNameIsFoundOneLetterOff() {
        let forms = NameForms(EngineFixture.lexicon.words)
        let off = { (token: String, name: String) in forms.oneLetterOff(Fold.word(token), Fold.word(name)) }
        #expect(off("Лапетв", "Лаптев") == "")
        #expect(off("Лаптиевым", "Лаптев") == Fold.word("ым"))
        #expect(off("Лаптв", "Лаптев") == "")
        #expect(off("Лаптеф", "Лаптев") == "")
        #expect(off("Лапкин", "Лаптев") == nil)
        #expect(off("Абаеф", "Абаев") == nil)
        #expect(off("Матвеев", "Лаптев") == nil)
    }

    @Test func aNameOneLetterOffIsTheActorInText() {
        let found = EngineFixture.triples("Депутат Лапетв заявил, что поддерживает запрет самокатов.",
                                          engine: UnseenSubjectTests.engine)
        #expect(found == ["laptev scooter-ban pro"])
        // a word two letters off is somebody else
        let other = EngineFixture.triples("Депутат Лапкин заявил, что поддерживает запрет самокатов.",
                                          engine: UnseenSubjectTests.engine)
        #expect(other.isEmpty)
    }

    @Test func theEndingsComeFromTheLexicon() {
        let forms = NameForms(EngineFixture.lexicon.words)
        #expect(forms.endings.contains(""))
        #expect(forms.endings.contains(Fold.word("ой")))
        #expect(forms.softSign == Fold.word("ь"))
    }
}
