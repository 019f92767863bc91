import Platform

/// The stance engine: an article in, the watched actors' pro/contra positions out.
///
/// A plain chain of stages, each a small type in `Engine/` (`Chain.swift` strings them
/// together): `ArticleText` (`Tokenizer`, `Segmenter`: sentences, page furniture;
/// `MentionFinder`: names, roles, pronouns, institutions, unwatched people) →
/// `SentenceHolders` (`Attribution`: who holds each sentence) → `FindingStage` (holders,
/// `StatedDates`/`DateFinder`: when it was said, `TopicFinder`: which topic, `PolarityFinder`:
/// which side, `CandidateFeatures`) → `Decision` (the model, abstentions, one stance per
/// actor, topic and stated date). Each stage is an ordered list of named rules; every stance
/// carries the names of the rules that decided it (`RuleName`; `RuleCatalog` lists them in
/// order, `stancewatch explain --rules` prints them). Everything language-specific is one
/// `Language` value over the data folder `Language/ru/`. The watchlist is compiled once at
/// init; per article, each distinct word is looked up once, and stemmed once per process.
///
/// Nothing is keyed on a corpus: topics are read from their own words (cues, label, and
/// the `pro`/`contra` descriptions, which decide whether a topic is a *direction* topic —
/// снижение/повышение, допуск/запрет —, an *evaluative* one — optimism/pessimism — or a
/// *plain* one — readiness and its negation), places tie shared cues to topics through a
/// general gazetteer, and actors are found by their names and roles.
///
/// The rules propose, a model decides: every sentence where a watched actor (holding the
/// words or only named) meets a topic is a candidate, each rule that fired is a feature, and
/// `StanceModel` (a logistic regression, `Language/ru/stance-model.txt`) gives each candidate a
/// confidence. Below the model's threshold the engine abstains; an actor given both sides of
/// one topic on one stated day by one article is an abstention too. Only confident stances
/// are returned, so only they enter the history and raise alerts.
public struct StanceEngine: Sendable {
    let watchlist: Watchlist
    /// Everything language-specific: folding, stemmer, lexicons.
    let language: Language
    /// `language.lexicon`, kept at hand for the stages.
    let lexicon: Lexicon
    let index: WatchIndex
    var stemmer: Stemmer { language.stemmer }
    let buckets: [Substring: [(Int, Int)]]
    let stemCache = StemCache()
    let model: StanceModel

    /// Loads the language data (`Language`) and the stance model from the module's resources
    /// and compiles `watchlist`.
    public init(watchlist: Watchlist) throws {
        let language = try Language.load()
        let model = try StanceModel.bundled(lexiconDirectory: language.directory)
        self.init(watchlist: watchlist, language: language, model: model)
    }

    /// The bundled language data with `model` instead of the bundled one (training, evaluation).
    public init(watchlist: Watchlist, model: StanceModel) throws {
        self.init(watchlist: watchlist, language: try Language.load(), model: model)
    }

    init(watchlist: Watchlist, language: Language, model: StanceModel) {
        self.model = model
        self.watchlist = watchlist
        self.language = language
        self.lexicon = language.lexicon
        self.index = WatchIndex(watchlist: watchlist, lexicon: language.lexicon, stemmer: language.stemmer)
        self.buckets = TopicFinder.buckets(index)
    }

    /// Pro/contra stances in text order, each with its confidence: at most one per (actor,
    /// topic, polarity), and never both polarities of one (actor, topic) on one stated day.
    public func stances(in article: Article) -> [Stance] {
        decide(candidates(article)).stances(article: article, watchlist: watchlist)
    }

    /// Like `stances(in:)`, but asks `keepGoing` before each sentence and gives up, returning
    /// `nil`, the first time it says no: the daemon's time budget per article.
    public func stances(in article: Article, keepGoing: () -> Bool) -> [Stance]? {
        var stopped = false
        let found = candidates(article, shouldStop: {
            if !stopped && !keepGoing() { stopped = true }
            return stopped
        })
        return stopped ? nil : decide(found).stances(article: article, watchlist: watchlist)
    }

    /// Every candidate the rules proposed: the stances (with confidence and each feature's
    /// contribution) and the abstentions with their reason, in text order.
    public func explain(_ article: Article) -> [StanceExplanation] {
        let decision = decide(candidates(article))
        return decision.weighed.map { w in
            let f = w.candidate.finding
            return StanceExplanation(sentence: f.evidence(in: article.body), actor: watchlist.actors[f.actor].id, topic: watchlist.topics[f.topic].id,
                                     polarity: f.polarity, stated: f.stated.day, rules: f.ruleTexts, start: f.start, end: f.end,
                                     confidence: w.confidence, abstention: w.abstention,
                                     contributions: model.contributions(w.candidate.features))
        }
    }

    /// The candidates of `article` with their feature values, for training and evaluation.
    public func candidateRecords(in article: Article) -> [CandidateRecord] {
        candidates(article).map { c in
            CandidateRecord(article: article.id, actor: watchlist.actors[c.finding.actor].id, topic: watchlist.topics[c.finding.topic].id,
                            polarity: c.finding.polarity, stated: c.finding.stated.day, features: c.features)
        }
    }

    /// Developer trace: each sentence with its holder and the rule that named it.
    public func trace(_ article: Article) -> [String] {
        var lines: [String] = []
        _ = candidates(article, traceSink: { lines.append($0) })
        return lines
    }
}

/// A candidate stance as the training command sees it: who, which topic, which side, when,
/// and the feature values (in `Feature.allCases` order).
public struct CandidateRecord: Sendable, Hashable {
    public var article: String
    public var actor: String
    public var topic: String
    public var polarity: Polarity
    public var stated: Day
    public var features: [Double]
}
