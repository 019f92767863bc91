/// One stance as found in one sentence, before merging.
struct Finding: Sendable {
    var sentence: Int
    var actor: Int
    var topic: Int
    var polarity: Polarity
    var stated: StatedDate
    /// The speaker, topic and polarity rules that fired; the date's rule is `stated`'s.
    var rules: [RuleName]
    /// UTF-8 byte range of the sentence in the body. The evidence text is cut only for the
    /// findings that become stances: a long article can yield a finding per sentence.
    var start: Int
    var end: Int

    /// The side was read from a bare naming of the topic (`polarity.affirmedCue`), no word
    /// taking it (see `Stance.sideIsOnlyImplied`).
    var sideIsOnlyImplied: Bool { rules.contains(.polarityAffirmedCue) }

    /// Who, on what, on which stated day: what one article says once, on one side or both.
    struct Statement: Hashable {
        var actor: Int
        var topic: Int
        var day: Day
    }

    var statement: Statement { Statement(actor: actor, topic: topic, day: stated.day) }

    /// The holder does not speak in the sentence, it is only named there (`speaker.mentioned`)
    /// or is the agent of a participle ("предложенный X законопроект").
    var holderOnlyNamed: Bool { rules.contains(.speakerMentioned) || rules.contains(.speakerParticipleAgent) }

    /// Every rule as `explain` and the stance records print them, the date's last.
    var ruleTexts: [String] { rules.map(\.rawValue) + [stated.ruleText] }

    /// The sentence as written in `body`.
    func evidence(in body: String) -> String {
        body.utf8Text(start, end)
    }
}

extension StanceEngine {
    /// The chain `ArticleText → holders → findings → stances`, up to the candidates: the
    /// article's text broken up (`ArticleText`), who holds each sentence (`SentenceHolders`),
    /// then every (holder, topic) meeting with its polarity, date and features (`FindingStage`).
    /// The model weighs them and `Decision` makes one stance per (actor, topic, stated date).
    /// `shouldStop` is asked before each sentence of both stages; when it says yes the analysis
    /// ends there and returns no candidate (the caller, which asked, knows the result is partial).
    func candidates(_ article: Article, traceSink: ((String) -> Void)? = nil,
                    shouldStop: () -> Bool = { false }) -> [Candidate] {
        var forms = WordForms(stemmer: stemmer, shared: stemCache)
        let text = ArticleText(body: article.body, lexicon: lexicon, index: index, forms: &forms)
        let attribution = Attribution(text: text, lexicon: lexicon, index: index)
        guard let holders = SentenceHolders(text: text, attribution: attribution, shouldStop: shouldStop)
        else { return [] }
        if let traceSink { EngineTrace(watchlist: watchlist, index: index).write(text, holders, article, to: traceSink) }
        let stage = FindingStage(engine: self, text: text, article: article)
        return stage.candidates(holders, shouldStop: shouldStop) ?? []
    }
}
