/// # TestFixtures
///
/// What several test targets share: the gold scenarios copied from the public corpora (the
/// tests never read /work/shared), a stance builder, a list-scanning `StanceHistory` with a
/// replay of the rules over it, and a fixed-seed random generator.
public import Corpus

/// Gold scenarios: the seeds' and dev2's watchlists, stances and gold alerts.
public enum Scenarios {
    /// The seed watchlist's actors: Tokayev and Sarym in one group.
    public static let seedWatchlist = Watchlist(
        actors: [
            .init(id: "tokayev", names: ["Касым-Жомарт Токаев", "Токаев"], group: "kazakhstan"),
            .init(id: "sarym", names: ["Айдос Сарым", "Сарым"], group: "kazakhstan"),
        ],
        topics: ["kz-mediator", "kz-venue", "settlement-prospects"].map {
            .init(id: $0, label: $0, cues: [$0], pro: "pro", contra: "contra")
        })

    public static let a000 = "000_5c49a9c33680695c.txt"
    public static let a001 = "001_fa40498c7c5f6522.txt"
    public static let a002 = "002_a79a80be541b1d91.txt"
    public static let a003 = "003_c6bafed80c9d2d07.txt"
    public static let a004 = "004_3c6dd68e0fab39f4.txt"

    /// The seeds' gold stances (text order), per article in arrival order 000 002 001 003 004,
    /// with each article's header date.
    public static let seeds: [(date: String, stances: [Stance])] = [
        ("2025-09-22", [stance(a000, "sarym", "kz-mediator", .pro, "2025-09-22"),
                        stance(a000, "sarym", "kz-venue", .pro, "2025-09-22"),
                        stance(a000, "tokayev", "kz-venue", .pro, "2025-09-22"),
                        stance(a000, "tokayev", "kz-mediator", .contra, "2025-01-01")]),
        ("2025-09-23", [stance(a002, "sarym", "kz-mediator", .pro, "2025-09-22"),
                        stance(a002, "sarym", "kz-venue", .pro, "2025-09-22"),
                        stance(a002, "tokayev", "kz-venue", .pro, "2025-09-22")]),
        ("2025-09-24", [stance(a001, "tokayev", "kz-mediator", .contra, "2025-09-24",
                               evidence: "Казахстан в военном конфликте между Россией и Украиной не является "
                                   + "посредником и не намерен им быть."),
                        stance(a001, "tokayev", "kz-venue", .pro, "2025-09-24"),
                        stance(a001, "tokayev", "settlement-prospects", .contra, "2025-09-24")]),
        ("2025-11-08", [stance(a003, "tokayev", "kz-venue", .pro, "2025-11-08"),
                        stance(a003, "tokayev", "settlement-prospects", .pro, "2025-11-08",
                               evidence: "Токаев подчеркнул, что прекращение огня на Украине «возможно»"),
                        stance(a003, "tokayev", "settlement-prospects", .contra, "2025-09-01"),
                        stance(a003, "tokayev", "kz-mediator", .contra, "2025-09-01")]),
        ("2025-12-23", [stance(a004, "tokayev", "kz-venue", .pro, "2025-12-23"),
                        stance(a004, "tokayev", "kz-mediator", .contra, "2025-12-23")]),
    ]

    /// dev2's football group (Infantino, Čeferin) and Russia-finance group (Bank, ministry).
    public static let dev2Watchlist = Watchlist(
        actors: [
            .init(id: "infantino", names: ["Джанни Инфантино"], group: "football"),
            .init(id: "ceferin", names: ["Александер Чеферин"], group: "football"),
            .init(id: "cbr", names: ["Банк России"], group: "russia-finance"),
            .init(id: "minfin", names: ["Минфин"], group: "russia-finance"),
        ],
        topics: ["ru-athletes-return", "crypto-legalisation"].map {
            .init(id: $0, label: $0, cues: [$0], pro: "pro", contra: "contra")
        })

    /// dev2's stances of those actors, per article in arrival order (gold `order`).
    public static let dev2: [[Stance]] = [
        [stance("102.txt", "cbr", "crypto-legalisation", .contra, "2022-01-20")],
        [stance("100.txt", "infantino", "ru-athletes-return", .contra, "2022-03-31")],
        [stance("112.txt", "cbr", "crypto-legalisation", .contra, "2022-02-09"),
         stance("112.txt", "minfin", "crypto-legalisation", .pro, "2022-02-09")],
        [stance("144.txt", "minfin", "crypto-legalisation", .pro, "2022-02-01"),
         stance("144.txt", "cbr", "crypto-legalisation", .contra, "2022-02-21")],
        [stance("139.txt", "ceferin", "ru-athletes-return", .contra, "2025-04-03")],
        [stance("104.txt", "infantino", "ru-athletes-return", .pro, "2025-04-03")],
        [stance("107.txt", "ceferin", "ru-athletes-return", .pro, "2025-09-03")],
        [stance("106.txt", "cbr", "crypto-legalisation", .pro, "2025-12-23")],
        [stance("133.txt", "cbr", "crypto-legalisation", .pro, "2025-12-23")],
        [stance("137.txt", "cbr", "crypto-legalisation", .pro, "2025-12-23")],
        [stance("145.txt", "infantino", "ru-athletes-return", .pro, "2026-02-02")],
        [stance("120.txt", "ceferin", "ru-athletes-return", .contra, "2026-02-12"),
         stance("120.txt", "infantino", "ru-athletes-return", .pro, "2026-02-12")],
    ]

    /// dev2's gold alerts among those actors, in arrival order: kind, actor, topic, from>to,
    /// article, other actor (as `Alert.summary` writes them).
    public static let dev2Gold: [String] = [
        "divergence minfin crypto-legalisation contra>pro 112.txt cbr",
        "shift infantino ru-athletes-return contra>pro 104.txt -",
        "divergence infantino ru-athletes-return contra>pro 104.txt ceferin",
        "shift ceferin ru-athletes-return contra>pro 107.txt -",
        "shift cbr crypto-legalisation contra>pro 106.txt -",
        "shift ceferin ru-athletes-return pro>contra 120.txt -",
        "divergence ceferin ru-athletes-return pro>contra 120.txt infantino",
    ]
}
