/// The Snowball stemmer through libstemmer: Russian inflections share a stem; unknown languages are refused.
import Testing
@testable import Platform

struct StemmerTests {
    @Test func russianInflectionsShareAStem() throws {
        let s = try #require(Stemmer(language: "russian"))
        #expect(s.stem("Токаева") == "токаев")
        #expect(s.stem("Токаеву") == "токаев")
        // Snowball over-stems the bare surname ("тока"): names need matching of their own.
        #expect(s.stem("Токаев") == "тока")
        #expect(s.stem("посредником") == "посредник")
        #expect(s.stem("ещё") == s.stem("еще"))
    }

    @Test func unknownLanguageIsRefused() {
        #expect(Stemmer(language: "klingon") == nil)
    }
}
