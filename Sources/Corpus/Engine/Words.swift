/// Function words the rules test for, in folded (ASCII-coded) form; see `Fold`.
enum K {
    static let об = Fold.word("об"), этом = Fold.word("этом"), тогда = Fold.word("тогда")
    static let он = Fold.word("он"), она = Fold.word("она"), вновь = Fold.word("вновь")
    static let ли = Fold.word("ли"), вряд = Fold.word("вряд"), за = Fold.word("за")
    static let что = Fold.word("что"), а = Fold.word("а"), но = Fold.word("но"), чтобы = Fold.word("чтобы"), и = Fold.word("и")
    static let котор = Fold.word("котор"), против = Fold.word("против")
    static let накануне = Fold.word("накануне"), вчера = Fold.word("вчера")
    static let в = Fold.word("в"), во = Fold.word("во"), месяца = Fold.word("месяца")
    static let прошлого = Fold.word("прошлого"), год = Fold.word("год"), года = Fold.word("года")
    static let лет = Fold.word("лет"), назад = Fold.word("назад"), день = Fold.word("день")
    static let дн = Fold.word("дн"), недел = Fold.word("недел"), месяц = Fold.word("месяц")
    static let на = Fold.word("на"), ский = Fold.word("ский"), цкий = Fold.word("цкий")
    static let possessives: Set<String> = Set(["его", "ее", "их"].map(Fold.word))
    static func set(_ words: [String]) -> Set<String> { Set(words.map(Fold.word)) }
}
