@testable import Corpus
import Platform

/// Shared helpers for the engine tests: a small watchlist, engines built from YAML,
/// articles from strings, sentences split with `|` marking the boundaries.
enum EngineFixture {
    /// A watchlist of invented actors on three shapes of topic: a plain one (venue,
    /// mediator), an evaluative one (prospects) and a direction one (a rate).
    static let yaml = """
    actors:
      - id: nurlan
        names: [Нурлан Абаев, Абаев]
        roles: [президент Казахстана, глава государства]
        group: kz
      - id: dana
        names: [Дана Сейтова, Сейтова]
        roles: [депутат Мажилиса, казахстанский парламентарий]
        group: kz
      - id: emre
        names: [Эмре Кая, Кая]
        roles: [президент Турции, глава государства]
        group: tr
      - id: bank
        names: [Национальный банк, Нацбанк]
        roles: [регулятор, совет директоров Нацбанка]
    topics:
      - id: kz-mediator
        label: Казахстан как посредник в конфликте
        cues: [посредник, посредничество, честный брокер]
        pro: Казахстан выступает или готов выступить посредником
        contra: Казахстан не посредник и не намерен им быть
      - id: kz-venue
        label: Казахстан как площадка для переговоров
        cues: [площадка, переговорная площадка, принять переговоры]
        pro: Казахстан готов предоставить площадку и принять переговоры (или актор приветствует эту готовность)
        contra: Казахстан не станет площадкой для переговоров или актор отвергает её
      - id: tr-venue
        label: Турция (Стамбул) как площадка переговоров
        cues: [площадка, Стамбул, принять переговоры]
        pro: Турция готова принять или организовать переговоры у себя
        contra: Турция не подходит или не нужна как площадка
      - id: prospects
        label: Перспективы прекращения огня в обозримом будущем
        cues: [прекращение огня, перемирие, урегулирование, мирное соглашение, сделка]
        pro: актор оптимистичен - прекращение огня или соглашение возможны и достижимы в обозримом будущем
        contra: актор пессимистичен - скорого завершения не будет, ожидать результата переговоров нереалистично
      - id: rate-cut
        label: Снижение базовой ставки Нацбанка
        cues: [базовая ставка, снижение ставки, смягчение]
        pro: ставка снижается, или актор сигнализирует о её снижении
        contra: ставка повышается, или актор допускает дальнейшее повышение или считает смягчение преждевременным
    """

    static let engine: StanceEngine = {
        try! StanceEngine(watchlist: Watchlist(yaml: yaml))
    }()

    static let stemmer = Stemmer(language: "russian")!

    static func article(_ body: String, date: Day = Day(year: 2025, month: 11, day: 8)!) -> Article {
        Article(id: "t.txt", date: date, hasHeaderDate: true, body: body)
    }

    /// (actor, topic, polarity) triples the engine finds in `body`.
    static func triples(_ body: String, date: Day = Day(year: 2025, month: 11, day: 8)!, engine: StanceEngine = engine) -> Set<String> {
        Set(engine.stances(in: article(body, date: date)).map { "\($0.actor) \($0.topic) \($0.polarity.rawValue)" })
    }

    static func stances(_ body: String, date: Day = Day(year: 2025, month: 11, day: 8)!) -> [Stance] {
        engine.stances(in: article(body, date: date))
    }

    static var lexicon: Lexicon { engine.lexicon }

    /// The text split by the segmenter, boundaries shown as `|` (furniture sentences dropped).
    static func segmented(_ text: String) -> String {
        let tokens = Tokenizer.tokens(text)
        let sentences = Segmenter.sentences(tokens, lexicon: lexicon).filter { !$0.isBoilerplate }
        return sentences.map { s in
            text.utf8Text(s.start, s.end)
        }.joined(separator: "|")
    }
}
