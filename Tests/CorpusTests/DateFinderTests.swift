import Testing
@testable import Corpus

/// Stated dates from the words of a sentence (article of 8 November 2025).
struct DateFinderTests {
    let article = Day(year: 2025, month: 11, day: 8)!

    func date(_ text: String, article: Day? = nil) -> String? {
        let words = Tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }
        return DateFinder.find(words[...], article: article ?? self.article, lexicon: EngineFixture.lexicon).map { "\($0.day)" }
    }

    @Test func dayAndMonth() {
        #expect(date("22 сентября депутат заявил") == "2025-09-22")
        #expect(date("7 ноября он подчеркнул") == "2025-11-07")
    }

    @Test func dayAfterTheArticleIsLastYear() {
        #expect(date("25 января он призвал", article: Day(year: 2023, month: 3, day: 28)!) == "2023-01-25")
        #expect(date("20 июня он заявил") == "2025-06-20")
        #expect(date("22 декабря он заявил", article: Day(year: 2025, month: 3, day: 1)!) == "2024-12-22")
    }

    @Test func monthOnlyIsTheFirst() {
        #expect(date("в сентябре 2024 года президент заявил") == "2024-09-01")
        #expect(date("В начале января президент отмечал") == "2025-01-01")
        #expect(date("в конце сентября Токаев заявил") == "2025-09-01")
        #expect(date("в декабре прошлого года он написал") == "2024-12-01")
        #expect(date("концепция была готова еще в начале месяца") == "2025-11-01")
    }

    @Test func relativeDates() {
        #expect(date("накануне министр говорил") == "2025-11-07")
        #expect(date("еще месяц назад Токаев заявлял") == "2025-10-09")
    }

    @Test func deadlinesAndPlansAreNotStatementDates() {
        #expect(date("соглашение будет действовать до 1 мая 2026 года") == nil)
        #expect(date("добыча вырастет в декабре") == nil)
        #expect(date("Ранее он заявил") == nil)
    }
}
