import Testing
@testable import Corpus

/// Folding, name inflection and word families.
struct WordFormsTests {
    @Test func foldingLowersAndUnifiesLetters() {
        #expect(Fold.decode(Fold.word("Ёлка")) == "елка")
        // Latin o, a, e, c, p, x inside Cyrillic words
        #expect(Fold.word("Тoкаев") == Fold.word("Токаев"))
        #expect(Fold.word("пaрламент") == Fold.word("парламент"))
        #expect(Fold.word("peшение") == Fold.word("решение"))
        #expect(Fold.word("cоглашение") == Fold.word("соглашение"))
        #expect(Fold.word("xорошо") == Fold.word("хорошо"))
        // a Latin-only word stays Latin
        #expect(Fold.decode(Fold.word("Reuters")) == "reuters")
    }

    @Test(arguments: [
        ("Токаев", "Токаев"), ("Токаева", "Токаев"), ("Токаеву", "Токаев"), ("Токаевым", "Токаев"),
        ("Касым-Жомарта", "Касым-Жомарт"), ("Набиуллиной", "Набиуллина"), ("Набиуллину", "Набиуллина"),
        ("Льва", "Лев"), ("Эрдоганом", "Эрдоган"), ("Лукашенко", "Лукашенко"),
    ])
    func namesMatchTheirInflections(_ pair: (String, String)) {
        #expect(NameForms(EngineFixture.lexicon.words).matches(Fold.word(pair.0), Fold.word(pair.1)))
    }

    @Test(arguments: [("Токарев", "Токаев"), ("Токаевский", "Токаев"), ("Песков", "Псков"), ("Лавка", "Лев")])
    func namesDoNotMatchOtherWords(_ pair: (String, String)) {
        #expect(!NameForms(EngineFixture.lexicon.words).matches(Fold.word(pair.0), Fold.word(pair.1)))
    }

    func stem(_ w: String) -> String { Fold.stem(Fold.word(w), EngineFixture.stemmer) }

    @Test func snowballOverStemsBareSurnames() {
        // the reason names do not go through Snowball
        #expect(stem("Токаев") != stem("Токаева"))
    }

    @Test(arguments: [("посредник", "посредничество"), ("посредником", "посреднический"), ("площадка", "площадкой"),
                      ("допуск", "допустить"), ("переговоры", "переговорной")])
    func familiesMatch(_ pair: (String, String)) {
        #expect(WordForms.sameFamily(stem(pair.0), stem(pair.1)))
    }

    @Test(arguments: [("сделка", "сделать"), ("мирный", "мировой"), ("ставка", "ставить"), ("прогресс", "прогноз")])
    func unrelatedWordsDoNot(_ pair: (String, String)) {
        #expect(!WordForms.sameFamily(stem(pair.0), stem(pair.1)))
    }
}
