/// At most one stance per (actor, topic, polarity), in text order; when the same position is
/// found more than once, the most explicitly dated mention gives the date (a day beats a
/// month, a month beats "месяц назад", any date beats none). Findings are added one by one
/// and only the first of each position is kept.
struct Merged {
    private var order: [String] = []
    private var best: [String: (Finding, StatedDate)] = [:]

    mutating func add(_ f: Finding) {
        let key = "\(f.actor)|\(f.topic)|\(f.polarity.rawValue)"
        if let (first, date) = best[key] {
            if f.stated.strength > date.strength { best[key] = (first, f.stated) }
        } else {
            order.append(key); best[key] = (f, f.stated)
        }
    }

    func stances(article: Article, watchlist: Watchlist) -> [Stance] {
        order.map { key in
            let (f, date) = best[key]!
            return Stance(article: article.id, actor: watchlist.actors[f.actor].id, topic: watchlist.topics[f.topic].id,
                          polarity: f.polarity, stated: date.day, evidence: f.evidence(in: article.body),
                          evidenceStart: f.start, evidenceEnd: f.end, rules: f.rules + (date.rule == f.stated.rule ? [] : [date.rule]))
        }
    }
}
