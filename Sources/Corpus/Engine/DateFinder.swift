/// When a statement was made, from the words of its sentence.
///
/// Rules, in order: a day and month ("22 сентября [2024 года]": the article's year, or the
/// year before when that would be after the article); a month ("в сентябре 2024 года",
/// "в начале января", "в конце сентября", "в декабре прошлого года": the 1st of the month);
/// "в начале месяца" (1st of the article's month); relative ("месяц назад", "3 дня назад",
/// "накануне", "вчера"). A date after "до", "с", "по", "к" is a deadline or a range start, not
/// when something was said; a date after the article is a plan. Neither counts. A day or
/// month without a year that would fall after the article is last year's — unless it is
/// within two months ahead, which reads as a plan and is ignored.
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

enum DateFinder {
    static let blockers: Set<String> = K.set(["до", "с", "со", "по", "к", "ко", "от", "после", "через", "начиная"])
    static let monthParts: Set<String> = K.set(["начале", "середине", "конце"])

    /// A month at most two months after the article's is a plan ("в октябре" in a September
    /// text), not last year's statement.
    static func soon(_ month: Int, after article: Day) -> Bool {
        (month - article.month + 12) % 12 <= 2
    }

    /// The first date the words give for something already said, or nil.
    static func find(_ w: ArraySlice<Token>, article: Day, lexicon: Lexicon) -> StatedDate? {
        let words = Array(w)
        var i = 0
        while i < words.count {
            let t = words[i]
            let prev = i > 0 ? words[i - 1].norm : ""
            // накануне / вчера
            if t.norm == K.накануне, i + 1 >= words.count || !(lexicon.months[words[i + 1].norm] != nil) {
                return StatedDate(day: article.adding(days: -1), strength: 1, rule: .dateEve)
            }
            if t.norm == K.вчера { return StatedDate(day: article.adding(days: -1), strength: 1, rule: .dateYesterday) }
            // N <month> [YYYY]
            if t.kind == .number, let d = Int(t.norm), (1...31).contains(d), i + 1 < words.count,
               let m = lexicon.months[words[i + 1].norm], !blockers.contains(prev) {
                var year = article.year
                var explicitYear = false
                if i + 2 < words.count, words[i + 2].kind == .number, let y = Int(words[i + 2].norm), (1900...2100).contains(y) {
                    year = y; explicitYear = true
                }
                if let day = Day(year: year, month: m, day: d) {
                    var day = day
                    if !explicitYear && day > article && !soon(m, after: article) {
                        day = Day(year: year - 1, month: m, day: min(d, Day.daysIn(month: m, year: year - 1))) ?? day
                    }
                    if day <= article { return StatedDate(day: day, strength: 3, rule: .dateDayMonth) }
                }
            }
            // в [начале|середине|конце] <month> [YYYY | прошлого года]
            if t.norm == K.в || t.norm == K.во {
                var j = i + 1
                if j < words.count, monthParts.contains(words[j].norm) { j += 1 }
                if j < words.count, words[j].norm == K.месяца {
                    return StatedDate(day: Day(year: article.year, month: article.month, day: 1)!, strength: 2, rule: .dateThisMonth)
                }
                if j < words.count, let m = lexicon.months[words[j].norm] {
                    var year = article.year
                    var explicitYear = false
                    if j + 1 < words.count, words[j + 1].kind == .number, let y = Int(words[j + 1].norm), (1900...2100).contains(y) {
                        year = y; explicitYear = true
                    } else if j + 2 < words.count, words[j + 1].norm == K.прошлого, words[j + 2].norm.hasPrefix(K.год) {
                        year = article.year - 1; explicitYear = true
                    }
                    if var day = Day(year: year, month: m, day: 1) {
                        if !explicitYear && day > article && !soon(m, after: article) { day = Day(year: year - 1, month: m, day: 1)! }
                        if day <= article { return StatedDate(day: day, strength: 2, rule: .dateMonth) }
                    }
                }
            }
            // ... назад
            if t.norm == K.назад, i > 0 {
                let unit = words[i - 1].norm
                var n = 1
                if i > 1, words[i - 2].kind == .number, let k = Int(words[i - 2].norm) { n = k }
                var days: Int? = nil
                if unit.hasPrefix(K.дн) || unit == K.день { days = n }
                else if unit.hasPrefix(K.недел) { days = 7 * n }
                else if unit.hasPrefix(K.месяц) { days = 30 * n }
                else if unit == K.год || unit == K.года || unit == K.лет { days = 365 * n }
                if let d = days { return StatedDate(day: article.adding(days: -d), strength: 1, rule: .dateAgo) }
            }
            i += 1
        }
        return nil
    }
}
