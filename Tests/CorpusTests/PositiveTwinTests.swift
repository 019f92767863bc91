import Testing
@testable import Corpus

/// The positive twin of each engine test that only asserts "no stance": the same shape of
/// sentence with the one thing that made it no stance taken away, so a test of an abstention
/// cannot pass merely because the engine finds nothing at all.
struct PositiveTwinTests {
    static let twins: [(twinOf: String, body: String, expected: String)] = [
        ("AttributionTests: an unwatched speaker", "Абаев встретился с коллегой. Абаев заявил, что Казахстан готов предоставить площадку.", "nurlan kz-venue pro"),
        ("AttributionTests: по словам an unwatched person", "По словам Абаева, Казахстан не является посредником.", "nurlan kz-mediator contra"),
        ("AttributionTests: a question put to the actor", "Абаев заявил, что Астана может стать площадкой для встречи.", "nurlan kz-venue pro"),
        ("PolarityTests: a bare prospects cue", "Абаев заявил, что мирное соглашение возможно в ближайшее время.", "nurlan prospects pro"),
        ("PolarityTests: no decision yet", "Нацбанк принял решение о снижении базовой ставки.", "bank rate-cut pro"),
        ("PolarityTests: a place name alone", "Эмре Кая заявил, что Стамбул готов принять переговоры.", "emre tr-venue pro"),
        ("RuleTests: aboutness", "Абаев заявил, что Казахстан готов предоставить площадку для переговоров.", "nurlan kz-venue pro"),
        ("RuleTests: an impersonal belief", "«Казахстан готов быть площадкой для переговоров», — сказал Абаев.", "nurlan kz-venue pro"),
        ("RuleTests: a verbal noun of prices / a meeting about the rate", "Нацбанк снизил базовую ставку.", "bank rate-cut pro"),
        ("RuleTests: the opinion of experts", "По мнению Абаева, Казахстан не станет предлагать площадку для переговоров.", "nurlan kz-venue contra"),
        ("RuleTests: a relative clause on another noun", "Абаев выступил за снижение базовой ставки.", "nurlan rate-cut pro"),
    ]

    @Test(arguments: twins.indices)
    func twinIsAStance(_ i: Int) {
        let t = Self.twins[i]
        #expect(EngineFixture.triples(t.body).contains(t.expected), "twin of \(t.twinOf)")
    }
}
