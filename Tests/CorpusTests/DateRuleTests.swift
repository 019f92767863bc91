import Testing
@testable import Corpus

/// Each date rule of `DateFinder.rules` on invented sentences (article of 8 November 2025):
/// where it fires (its name and the day), and a near sentence where it does not.
struct DateRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        var words: String
        /// The rule that decides, or nil for no date.
        var rule: RuleName?
        var day: String?
        var description: String { words }
    }

    static func date(_ text: String) -> StatedDate? {
        let words = Tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }
        return DateFinder.find(words[...], article: Day(year: 2025, month: 11, day: 8)!, lexicon: EngineFixture.lexicon)
    }

    /// Where each rule fires.
    static let positives: [Case] = [
        Case(words: "накануне министр говорил о ставке", rule: .dateEve, day: "2025-11-07"),
        Case(words: "вчера депутат заявил о переговорах", rule: .dateYesterday, day: "2025-11-07"),
        Case(words: "22 сентября депутат заявил о переговорах", rule: .dateDayMonth, day: "2025-09-22"),
        Case(words: "в начале месяца министр заявил о ставке", rule: .dateThisMonth, day: "2025-11-01"),
        Case(words: "в декабре прошлого года министр заявил", rule: .dateMonth, day: "2024-12-01"),
        Case(words: "три года и 3 недели назад министр заявил", rule: .dateAgo, day: "2025-10-18"),
        // 8 November 2025 is a Saturday: the week before began on Monday 27 October
        Case(words: "на прошлой неделе министр заявил о ставке", rule: .dateLastWeek, day: "2025-10-27"),
        Case(words: "ещё в 2023 году министр заявлял о ставке", rule: .dateYear, day: "2023-01-01"),
        Case(words: "в прошлом году министр заявлял о ставке", rule: .dateLastYear, day: "2024-01-01"),
    ]

    /// Near sentences, where no rule fires (each beside the rule it is near).
    static let negatives: [Case] = [
        // "накануне" before a month is the eve of something to come
        Case(words: "накануне мая министр говорил о ставке", rule: nil, day: nil),
        Case(words: "завтра депутат заявит о переговорах", rule: nil, day: nil),
        // a deadline, not when it was said
        Case(words: "до 22 сентября депутат должен заявить о переговорах", rule: nil, day: nil),
        // a week is no month
        Case(words: "в начале недели министр заявил о ставке", rule: nil, day: nil),
        // a month just ahead of the article is a plan
        Case(words: "в декабре министр заявит о ставке", rule: nil, day: nil),
        // "спустя" is no "назад"
        Case(words: "три года и 3 недели спустя министр заявил", rule: nil, day: nil),
        // the baseline of a comparison, not when it was said
        Case(words: "министр заявил, что ставка ниже, чем год назад", rule: nil, day: nil),
        Case(words: "министр заявил, что ставка ниже, чем 2 года назад", rule: nil, day: nil),
        // a week to come, and «прошлой» before something other than a week
        Case(words: "на следующей неделе министр заявит о ставке", rule: nil, day: nil),
        Case(words: "на прошлой встрече министр заявил о ставке", rule: nil, day: nil),
        // the article's own year says nothing more; a year ahead is a plan
        Case(words: "в 2025 году министр заявит о ставке", rule: nil, day: nil),
        Case(words: "в 2027 году министр заявит о ставке", rule: nil, day: nil),
    ]

    @Test(arguments: positives)
    func ruleFires(_ c: Case) {
        let found = Self.date(c.words)
        #expect(found?.rule == c.rule)
        #expect(found.map { "\($0.day)" } == c.day)
    }

    @Test(arguments: negatives)
    func ruleDoesNotFire(_ c: Case) {
        #expect(Self.date(c.words) == nil)
    }

    @Test func everyRuleHasATest() {
        #expect(DateFinder.rules.map(\.name) == Self.positives.compactMap(\.rule))
    }

    // a bare year after a verb of saying times what was spoken of, not the saying
    @Test func aYearAfterASayingTimesWhatWasSpokenOf() {
        let body = "Запрет самокатов нужен, заявил депутат Лаптев, выступая с отчетом о работе думы в 2023 году."
        let dates = UnseenSubjectTests.engine.explain(EngineFixture.article(body)).map { "\($0.stated)" }
        #expect(dates == ["2025-11-08"])
        let before = "Ещё в 2023 году депутат Лаптев заявлял, что запрет самокатов нужен."
        #expect(UnseenSubjectTests.engine.explain(EngineFixture.article(before)).map { "\($0.stated)" } == ["2023-01-01"])
    }

    // a count written as a word («два», «полтора») counts like a number
    @Test func aCountWrittenAsAWordCountsBack() {
        #expect(Self.date("два года назад министр заявил")?.day.description == "2023-11-09")
        #expect(Self.date("полтора года назад министр заявил")?.day.description == "2024-05-10")
        #expect(Self.date("год назад министр заявил")?.day.description == "2024-11-08")
    }

    @Test func strengthFollowsWhatTheWordsGive() {
        #expect(Self.date("22 сентября депутат заявил")?.strength == 3)
        #expect(Self.date("в сентябре депутат заявил")?.strength == 2)
        #expect(Self.date("вчера депутат заявил")?.strength == 1)
    }
}
