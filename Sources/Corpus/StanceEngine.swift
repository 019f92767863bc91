import Platform

/// The stance engine: an article in, the watched actors' pro/contra positions out.
///
/// Stages, each a small type in `Engine/`: `Tokenizer` and `Segmenter` (sentences,
/// page furniture), `MentionFinder` (names, roles, pronouns, institutions, unwatched
/// people), `Attribution` (who holds each sentence), `TopicFinder` (which topic),
/// `PolarityFinder` (which side), `DateFinder` (when it was said). Every stance carries
/// the names of the rules that decided it. Lexicons are data (`Lexicon/`), the watchlist
/// is compiled once at init; per article, each distinct word is looked up once, and
/// stemmed once per process.
///
/// Nothing is keyed on a corpus: topics are read from their own words (cues, label, and
/// the `pro`/`contra` descriptions, which decide whether a topic is a *direction* topic —
/// снижение/повышение, допуск/запрет —, an *evaluative* one — optimism/pessimism — or a
/// *plain* one — readiness and its negation), places tie shared cues to topics through a
/// general gazetteer, and actors are found by their names and roles.
public struct StanceEngine: Sendable {
    let watchlist: Watchlist
    let lexicon: Lexicon
    let index: WatchIndex
    let stemmer: Stemmer
    let buckets: [Substring: [(Int, Int)]]
    let stemCache = StemCache()

    /// Loads the lexicons from the module's resources and compiles `watchlist`.
    public init(watchlist: Watchlist) throws {
        guard let stemmer = Stemmer(language: "russian") else {
            throw Lexicon.LoadError(description: "the Snowball Russian stemmer is not available; the engine was not started")
        }
        let lexicon = try Lexicon.bundled(stem: { Fold.stem($0, stemmer) })
        self.init(watchlist: watchlist, lexicon: lexicon, stemmer: stemmer)
    }

    init(watchlist: Watchlist, lexicon: Lexicon, stemmer: Stemmer) {
        self.watchlist = watchlist
        self.lexicon = lexicon
        self.stemmer = stemmer
        self.index = WatchIndex(watchlist: watchlist, lexicon: lexicon, stemmer: stemmer)
        self.buckets = TopicFinder.buckets(index)
    }

    /// Pro/contra stances in text order, at most one per (actor, topic, polarity).
    public func stances(in article: Article) -> [Stance] {
        merge(findings(article), article: article)
    }

    /// Per sentence that yielded a stance: sentence text, actor, topic, polarity, stated date, rules fired.
    public func explain(_ article: Article) -> [StanceExplanation] {
        findings(article).map {
            StanceExplanation(sentence: $0.evidence, actor: watchlist.actors[$0.actor].id, topic: watchlist.topics[$0.topic].id,
                              polarity: $0.polarity, stated: $0.stated.day, rules: $0.rules, start: $0.start, end: $0.end)
        }
    }

    /// Developer trace: each sentence with its holder and the rule that named it.
    public func trace(_ article: Article) -> [String] {
        var lines: [String] = []
        _ = findings(article, traceSink: { lines.append($0) })
        return lines
    }

    /// At most one stance per (actor, topic, polarity), in text order; when the same
    /// position is found more than once, the most explicitly dated mention gives the date
    /// (a day beats a month, a month beats "месяц назад", any date beats none).
    func merge(_ found: [Finding], article: Article) -> [Stance] {
        var order: [String] = []
        var best: [String: (Finding, StatedDate)] = [:]
        for f in found {
            let key = "\(f.actor)|\(f.topic)|\(f.polarity.rawValue)"
            if let (first, date) = best[key] {
                if f.stated.strength > date.strength { best[key] = (first, f.stated) }
            } else {
                order.append(key); best[key] = (f, f.stated)
            }
        }
        return order.map { key in
            let (f, date) = best[key]!
            return Stance(article: article.id, actor: watchlist.actors[f.actor].id, topic: watchlist.topics[f.topic].id,
                          polarity: f.polarity, stated: date.day, evidence: f.evidence,
                          evidenceStart: f.start, evidenceEnd: f.end, rules: f.rules + (date.rule == f.stated.rule ? [] : [date.rule]))
        }
    }
}
