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

    @Test func theEndingsComeFromTheLexicon() {
        let forms = NameForms(EngineFixture.lexicon.words)
        #expect(forms.endings.contains(""))
        #expect(forms.endings.contains(Fold.word("ой")))
        #expect(forms.softSign == Fold.word("ь"))
    }
}
