/// When a statement was made, from the words of its sentence.
///
/// Rules, in order: a day and month ("22 сентября [2024 года]": the article's year, or the
/// year before when that would be after the article); a month ("в сентябре 2024 года",
/// "в начале января", "в конце сентября", "в декабре прошлого года": the 1st of the month);
/// "в начале месяца" (1st of the article's month); relative ("месяц назад", "3 дня назад",
/// "накануне", "вчера"). A date after "до", "с", "по", "к" is a deadline or a range start, not
/// when something was said; a date after the article is a plan. Neither counts. A day or
/// month without a year that would fall after the article is last year's — unless it is
/// within two months ahead, which reads as a plan and is ignored, and the sentence does not
/// tell the saying in the past tense ("в декабре заявила" in a November article: last year).
struct StatedDate: Sendable, Equatable {
    var day: Day
    /// 3 = day given, 2 = month given, 1 = relative, 0 = article date
    var strength: Int
    var rule: RuleName
    /// How the date came from other sentences, when it did, in the order it travelled.
    var carries: [DateCarry] = []

    /// The rule as the stance records print it (`date.month`, `date.month.carried.carried`).
    var ruleText: String { ([rule.rawValue] + carries.map(\.rawValue)).joined(separator: ".") }

    /// This date as it reaches another sentence.
    func carried(_ how: DateCarry) -> StatedDate {
        StatedDate(day: day, strength: strength, rule: rule, carries: carries + [how])
    }
}

/// The words of a sentence around one position, for the date rules.
struct DateContext {
    /// The sentence's words, at their positions in the article (`at` is one of them).
    let words: ArraySlice<Token>
    /// The position the rules are tried at.
    var at: Int
    let article: Day
    /// The lexicon's function words and month forms.
    let functionWords: FunctionWords
    let months: [String: Int]
    let numerals: [String: Int]
    /// The words' facts, when known (`WordFacts`): then `opensADate` tests bits.
    let facts: ArraySlice<WordFacts>?
    /// The words tell of a saying in the past tense ("заявила"): a month ahead of the article
    /// is then last year's, not a plan.
    let pastSaying: Bool
    /// The roles of the words a date rule opens with ("накануне", "вчера", "в", "назад"; a day
    /// is a number): the rules look only at them.
    static let openers: [WordRole] = [.eve, .yesterday, .inPrepositions, .ago, .lastWeek]
    /// `openers` as a set, for `WordFacts.roles`.
    static let openerRoles = RoleSet(openers)

    init(words: ArraySlice<Token>, facts: ArraySlice<WordFacts>? = nil, article: Day, lexicon: Lexicon,
         pastSaying: Bool = false) {
        self.words = words
        self.facts = facts
        self.pastSaying = pastSaying
        at = words.startIndex
        self.article = article
        functionWords = lexicon.words
        months = lexicon.months
        numerals = lexicon.numerals
    }

    /// True when a date rule can start at `at`.
    var opensADate: Bool {
        if words[at].kind == .number { return true }
        if let facts { return facts[at].roles.containsAny(Self.openerRoles) }
        return Self.openers.contains { isa(0, $0) }
    }

    /// The folded word at `at + offset`, or nil past either end of the sentence.
    func norm(_ offset: Int) -> String? {
        words.indices.contains(at + offset) ? words[at + offset].norm : nil
    }

    /// True when the word at `at + offset` is one of `role`'s words.
    func isa(_ offset: Int, _ role: WordRole) -> Bool {
        norm(offset).map { functionWords.isa($0, role) } ?? false
    }

    /// The month the word at `at + offset` names.
    func month(_ offset: Int) -> Int? {
        norm(offset).flatMap { months[$0] }
    }

    /// The number the word at `at + offset` is, when it is one.
    func number(_ offset: Int) -> Int? {
        guard words.indices.contains(at + offset), words[at + offset].kind == .number else { return nil }
        return Int(words[at + offset].norm)
    }

    /// The year the word at `at + offset` gives ("2024").
    func year(_ offset: Int) -> Int? {
        number(offset).flatMap { (1900...2100).contains($0) ? $0 : nil }
    }

    /// The word at `at + offset` is a form of «год».
    func isYearWord(_ offset: Int) -> Bool {
        norm(offset).map { functionWords.startsAny($0, .yearPrefixes) } ?? false
    }

    /// A verb of saying stands before the position: a bare year after it more often times what
    /// was spoken of ("заявил …, выступая с отчетом о деятельности в 2012 году") than the saying.
    var afterASaying: Bool {
        guard let facts else { return false }
        return (words.startIndex..<at).contains { facts[$0].has(.speechVerb) }
    }

    /// The offset of the word after "в" and an optional part of the month ("в начале").
    var afterMonthPart: Int { isa(1, .monthParts) ? 2 : 1 }

    /// The day `day` of `month` in `year` when it was already said by the article's date: a
    /// day without a year that would fall after the article is last year's, unless it is
    /// within two months ahead (a plan, ignored like any date after the article) and the saying
    /// is not told in the past tense ("в декабре заявила" in a November article: last December).
    func said(year: Int, month: Int, day: Int, explicitYear: Bool) -> Day? {
        guard var date = Day(year: year, month: month, day: day) else { return nil }
        if !explicitYear && date > article && (pastSaying || !DateFinder.soon(month, after: article)) {
            let lastYear = Day(year: year - 1, month: month, day: min(day, Day.daysIn(month: month, year: year - 1)))
            date = lastYear ?? date
        }
        return date <= article ? date : nil
    }
}

/// One date rule: its name, how sure a date it gives (3 = day given, 2 = month given,
/// 1 = relative) and the day it reads at a position, or nil.
struct DateRule: Sendable {
    let name: RuleName
    let strength: Int
    let apply: @Sendable (DateContext) -> Day?
}

/// The date of a sentence: the date rules tried at each word in turn, in the order of
/// `rules`; the first day found decides.
///
/// Rules, in order (at each word):
/// 1. `date.eve`: "накануне", unless a month follows ("накануне 9 мая" is a date to come).
/// 2. `date.yesterday`: "вчера".
/// 3. `date.dayMonth`: "22 сентября [2024 года]", not after a blocker ("до 1 мая").
/// 4. `date.thisMonth`: "в [начале] месяца": the 1st of the article's month.
/// 5. `date.month`: "в [начале|середине|конце] сентября [2024 года | прошлого года]".
/// 6. `date.ago`: "месяц назад", "3 дня назад", "два года назад", not after «чем» (a
///    comparison's baseline).
/// 7. `date.lastWeek`: "на прошлой неделе": the Monday of the week before the article's.
/// 8. `date.year`: "[ещё] в 2023 году", a year before the article's: its 1st of January (the
///    year is known, its day is not; a year that is the article's says nothing more); not after
///    a verb of saying, where a year more often times what was spoken of.
/// 9. `date.lastYear`: "в прошлом году": the 1st of January of the year before the article's;
///    not after a verb of saying either.
enum DateFinder {
    static let rules: [DateRule] = [
        DateRule(name: .dateEve, strength: 1, apply: eve),
        DateRule(name: .dateYesterday, strength: 1, apply: yesterday),
        DateRule(name: .dateDayMonth, strength: 3, apply: dayMonth),
        DateRule(name: .dateThisMonth, strength: 2, apply: thisMonth),
        DateRule(name: .dateMonth, strength: 2, apply: month),
        DateRule(name: .dateAgo, strength: 1, apply: ago),
        DateRule(name: .dateLastWeek, strength: 1, apply: lastWeek),
        DateRule(name: .dateYear, strength: 1, apply: year),
        DateRule(name: .dateLastYear, strength: 1, apply: lastYear),
    ]

    /// A month at most two months after the article's is a plan ("в октябре" in a September
    /// text), not last year's statement.
    static func soon(_ month: Int, after article: Day) -> Bool {
        (month - article.month + 12) % 12 <= 2
    }

    /// The first date the words give for something already said, or nil; `facts`, when given,
    /// are the words' (`WordFacts`).
    static func find(_ w: ArraySlice<Token>, facts: ArraySlice<WordFacts>? = nil, article: Day,
                     lexicon: Lexicon, pastSaying: Bool = false) -> StatedDate? {
        // one context, moved along the words (the slices keep the article's positions)
        var context = DateContext(words: w, facts: facts, article: article, lexicon: lexicon, pastSaying: pastSaying)
        for at in w.indices {
            context.at = at
            guard context.opensADate else { continue }
            for rule in rules {
                if let day = rule.apply(context) {
                    return StatedDate(day: day, strength: rule.strength, rule: rule.name)
                }
            }
        }
        return nil
    }

    /// "накануне", not before a month.
    static func eve(_ c: DateContext) -> Day? {
        c.isa(0, .eve) && c.month(1) == nil ? c.article.adding(days: -1) : nil
    }

    /// "вчера".
    static func yesterday(_ c: DateContext) -> Day? {
        c.isa(0, .yesterday) ? c.article.adding(days: -1) : nil
    }

    /// "22 сентября [2024 года]", not after "до", "с", "по", …
    static func dayMonth(_ c: DateContext) -> Day? {
        guard let day = c.number(0), (1...31).contains(day), let month = c.month(1), !c.isa(-1, .dateBlockers) else {
            return nil
        }
        let year = c.year(2)
        return c.said(year: year ?? c.article.year, month: month, day: day, explicitYear: year != nil)
    }

    /// "в [начале] месяца".
    static func thisMonth(_ c: DateContext) -> Day? {
        guard c.isa(0, .inPrepositions), c.isa(c.afterMonthPart, .ofMonth) else { return nil }
        return Day(year: c.article.year, month: c.article.month, day: 1)
    }

    /// "в [начале] сентября [2024 года | прошлого года]".
    static func month(_ c: DateContext) -> Day? {
        let at = c.afterMonthPart
        guard c.isa(0, .inPrepositions), let month = c.month(at) else { return nil }
        var year = c.year(at + 1)
        let lastYear = c.isa(at + 1, .last) && c.isYearWord(at + 2)
        if year == nil && lastYear { year = c.article.year - 1 }
        return c.said(year: year ?? c.article.year, month: month, day: 1, explicitYear: year != nil)
    }

    /// "[N] дней / недель / месяцев / лет назад" (N a number or a numeral word: "два года",
    /// "полтора года"), not the baseline of a comparison ("ниже, чем
    /// год назад").
    static func ago(_ c: DateContext) -> Day? {
        guard c.isa(0, .ago), let unit = c.norm(-1), let days = daysIn(unit, c.functionWords) else { return nil }
        // "3 дня", "два года", "полтора года" назад; a bare unit is one
        let count = c.number(-2) ?? c.norm(-2).flatMap { c.numerals[$0] }
        let half = count == nil && c.isa(-2, .oneAndAHalf)
        guard !c.isa(-2, .comparison), !((count != nil || half) && c.isa(-3, .comparison)) else { return nil }
        return c.article.adding(days: half ? -days * 3 / 2 : -days * (count ?? 1))
    }

    /// "на прошлой неделе": the Monday of the week before the article's (the week is known, its
    /// day is not).
    static func lastWeek(_ c: DateContext) -> Day? {
        guard c.isa(0, .lastWeek), c.isa(-1, .on), let week = c.norm(1), c.functionWords.startsAny(week, .weekPrefixes)
        else { return nil }
        return c.article.adding(days: -c.article.daysSinceMonday - 7)
    }

    /// "в 2023 году", a year before the article's.
    static func year(_ c: DateContext) -> Day? {
        guard c.isa(0, .inPrepositions), let year = c.year(1), year < c.article.year, c.isYearWord(2), !c.afterASaying
        else { return nil }
        return Day(year: year, month: 1, day: 1)
    }

    /// "в прошлом году".
    static func lastYear(_ c: DateContext) -> Day? {
        guard c.isa(0, .inPrepositions), c.isa(1, .lastInYear), c.isYearWord(2), !c.afterASaying else { return nil }
        return Day(year: c.article.year - 1, month: 1, day: 1)
    }

    /// How many days a time unit before "назад" stands for ("дня" 1, "недели" 7, "лет" 365).
    static func daysIn(_ unit: String, _ words: FunctionWords) -> Int? {
        if words.startsAny(unit, .dayPrefixes) || words.isa(unit, .dayUnit) { return 1 }
        if words.startsAny(unit, .weekPrefixes) { return 7 }
        if words.startsAny(unit, .monthPrefixes) { return 30 }
        if words.isa(unit, .yearUnits) { return 365 }
        return nil
    }
}
