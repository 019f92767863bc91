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
        var merged = Merged()
        findings(article) { merged.add($0) }
        return merged.stances(article: article, watchlist: watchlist)
    }

    /// Like `stances(in:)`, but asks `keepGoing` before each sentence and gives up, returning
    /// `nil`, the first time it says no: the daemon's time budget per article.
    public func stances(in article: Article, keepGoing: () -> Bool) -> [Stance]? {
        var merged = Merged()
        var stopped = false
        findings(article, shouldStop: {
            if !stopped && !keepGoing() { stopped = true }
            return stopped
        }) { merged.add($0) }
        return stopped ? nil : merged.stances(article: article, watchlist: watchlist)
    }

    /// Per sentence that yielded a stance: sentence text, actor, topic, polarity, stated date, rules fired.
    public func explain(_ article: Article) -> [StanceExplanation] {
        findings(article).map {
            StanceExplanation(sentence: $0.evidence(in: article.body), actor: watchlist.actors[$0.actor].id, topic: watchlist.topics[$0.topic].id,
                              polarity: $0.polarity, stated: $0.stated.day, rules: $0.rules, start: $0.start, end: $0.end)
        }
    }

    /// Developer trace: each sentence with its holder and the rule that named it.
    public func trace(_ article: Article) -> [String] {
        var lines: [String] = []
        _ = findings(article, traceSink: { lines.append($0) })
        return lines
    }
}
