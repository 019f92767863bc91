/// The per-article pipeline: who holds each sentence (pass 1), then topics, polarity and
/// dates for the sentences an actor holds or names (pass 2); candidates stay per sentence
/// until the model weighs them and `Decision` makes one stance per (actor, topic, stated date).
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

    /// Every rule as `explain` and the stance records print them, the date's last.
    var ruleTexts: [String] { rules.map(\.rawValue) + [stated.ruleText] }

    /// The sentence as written in `body`.
    func evidence(in body: String) -> String {
        body.utf8Text(start, end)
    }
}

extension StanceEngine {
    /// Every candidate of every sentence, in text order, with its features (see `Feature`);
    /// the article-wide features are filled in once all are known.
    /// `shouldStop` is asked before each sentence of both passes; when it says yes the analysis
    /// ends there and returns no candidate (the caller, which asked, knows the result is partial).
    func candidates(_ article: Article, traceSink: ((String) -> Void)? = nil,
                    shouldStop: () -> Bool = { false }) -> [Candidate] {
        var forms = WordForms(stemmer: stemmer, shared: stemCache)
        let text = ArticleText(body: article.body, lexicon: lexicon, index: index, forms: &forms)
        let attribution = Attribution(text: text, lexicon: lexicon, index: index)
        let topicFinder = TopicFinder(text: text, index: index, lexicon: lexicon, buckets: buckets,
                                          activeTopics: TopicFinder.active(text, index))
        let polarityFinder = PolarityFinder(text: text, lexicon: lexicon)
        var state = SpeakerState()
        var quoteSpeakers: [Int: Speaker?] = [:]
        var speakers: [(Speaker, RuleName)?] = []
        // pass 1: who holds each sentence
        for s in text.sentences.indices {
            if shouldStop() { return [] }
            for mi in text.sentenceMentions[s] {
                let m = text.mentions[mi]
                if m.kind == .name || (m.kind == .role && m.actors.count == 1) { state.lastSeen[m.actors[0]] = m.first }
            }
            let sp = attribution.speaker(of: s, state: state, quoteSpeakers: &quoteSpeakers)
            for mi in text.sentenceMentions[s] {
                let m = text.mentions[mi]
                if (m.kind == .role || m.kind == .head), let r = attribution.resolve(m, state: state), case .actor(let a) = r {
                    state.lastSeen[a] = m.first
                }
            }
            speakers.append(sp)
            if let sp { state.lastSubject = sp.0; state.lastSpeaker = sp.0 }
            else if let m = text.sentenceMentions[s].first.map({ text.mentions[$0] }), m.kind == .other,
                    m.first == text.sentenceWords[s].lowerBound {
                state.lastSubject = .other
            }
        }
        // "… . Об этом заявил X." gives the sentence before to X
        for s in text.sentences.indices.dropFirst() where speakers[s - 1] == nil {
            let r = text.sentenceWords[s]
            guard r.count >= 3, text.words[r.lowerBound].norm == K.об, text.words[r.lowerBound + 1].norm == K.этом,
                  let sp = speakers[s] else { continue }
            speakers[s - 1] = (sp.0, .speakerAboutThis)
        }
        if let traceSink {
            for t in index.topics {
                traceSink("topic \(t.id): \(t.kind) directions \(t.directionPolarity.map { "\($0.key.rawValue)→\($0.value.rawValue)" }.sorted()) positive→\(t.positivePolarity.rawValue) anchors \(t.anchors.map(Fold.decode).sorted())")
            }
            for s in text.sentences.indices {
                let who: String
                switch speakers[s]?.0 {
                case .actor(let a)?: who = watchlist.actors[a].id
                case .other?: who = "other"
                case nil: who = "-"
                }
                let sen = text.sentences[s]
                let body = article.body.utf8Text(sen.start, sen.end)
                traceSink("[\(s)] p\(sen.paragraph)\(sen.isBoilerplate ? " furniture" : "") \(who) \(speakers[s]?.1.rawValue ?? "") | \(body)")
            }
        }
        // pass 2: topics, polarity, dates, features
        var out: [Candidate] = []
        var lastDate: (paragraph: Int, speaker: Speaker, date: StatedDate)? = nil
        let features = CandidateFeatures(text: text, lexicon: lexicon, index: index, polarity: polarityFinder)
        for s in text.sentences.indices {
            if shouldStop() { return [] }
            if speakers[s] == nil || speakers[s]?.0 == .other { dateBack(from: s, text, article, &out) }
            let sentence = text.sentences[s]
            let r = text.sentenceWords[s]
            var date: StatedDate? = nil
            var holders: [(actor: Int, rule: RuleName, feature: RuleName)] = []
            if let (speaker, speakerRule) = speakers[s] {
                // date of the sentence, or carried from the sentence before when this one goes on
                // with the same speaker in the same paragraph ("Он вновь указал", "При этом он")
                date = DateFinder.find(text.words[r], article: article.date, lexicon: lexicon)
                if date == nil, let l = lastDate, l.speaker == speaker,
                   l.paragraph == sentence.paragraph && continues(r, text, rule: speakerRule) || startsContinuation(r, text) {
                    date = l.date.carried(.carried)
                }
                if let d = date { lastDate = (sentence.paragraph, speaker, d) } else { lastDate = nil }
                if case .actor(let a) = speaker {
                    holders.append((a, speakerRule, speakerRule))
                    // "X и Y выступают за …": both hold it
                    for b in coordinated(with: a, sentence: s, text) where !holders.contains(where: { $0.actor == b }) {
                        holders.append((b, .speakerCoordinated, speakerRule))
                    }
                }
            } else {
                lastDate = nil
            }
            guard !sentence.isBoilerplate else { continue }
            // candidates as wide as a keyword reader's: every watched actor named in the
            // sentence is a possible holder too; the model weighs how the holder was found
            // (not when someone else holds the words: "по мнению экспертов, X не станет …")
            for mi in text.sentenceMentions[s] where speakers[s]?.0 != .other {
                let m = text.mentions[mi]
                guard m.kind == .name || m.kind == .role, m.actors.count == 1, !holders.contains(where: { $0.actor == m.actors[0] }) else { continue }
                holders.append((m.actors[0], .speakerMentioned, .speakerMentioned))
            }
            guard !holders.isEmpty else { continue }
            if date == nil, speakers[s] == nil { date = DateFinder.find(text.words[r], article: article.date, lexicon: lexicon) }
            let stated = date ?? StatedDate(day: article.date, strength: 0, rule: .dateArticle)
            let sentenceFacts = features.sentence(s, question: isQuestion(r, text, sentence))
            let ev = polarityFinder.evaluation(r, clause: r)
            let noSide = r.contains { lexicon.noSide.contains(text.words[$0].norm) }
            var dirAt: Int? = nil
            for w in r where lexicon.directions[text.stems[w]] != nil { dirAt = w; break }
            for (actor, speakerRule, featureRule) in holders {
                var hits = topicFinder.hits(sentence: s, holder: actor, keepAmbiguous: true)
                let cueTopics = Set(hits.map(\.topic))
                // words inside the clause of a cue belong to that cue's topic
                var usedByCue = Set<Int>()
                for h in hits { usedByCue.formUnion(polarityFinder.clause(h.words, in: r)) }
                hits += topicFinder.descriptionHits(sentence: s, holder: actor, evaluationAt: ev.value != 0 ? ev.at : nil,
                                                    directionAt: dirAt, skip: cueTopics, usedByCue: usedByCue)
                let competing = Set(hits.map(\.topic)).count - 1
                for h in hits {
                    let topic = index.topics[h.topic]
                    let found = polarityFinder.polarity(topic: topic, hit: h.words, sentence: r, properCue: h.properCue)
                    let naive: Polarity = polarityFinder.negated(h.words.lowerBound, clause: r, window: 4) ? .contra : .pro
                    let (pol, prule) = found ?? (naive, .polarityNaive)
                    let f = Finding(sentence: s, actor: actor, topic: h.topic, polarity: pol, stated: stated,
                                    rules: [speakerRule] + h.rules + [prule],
                                    start: sentence.start, end: sentence.end)
                    let x = features.values(f, hit: h, sentence: sentenceFacts, speakerRule: featureRule, polarityRule: prule,
                                            naive: naive, competing: competing)
                    out.append(Candidate(finding: f, features: x, competing: h.competing, noSide: noSide))
                }
            }
        }
        CandidateFeatures.fillArticle(&out)
        return out
    }

    /// Watched actors joined to a mention of `actor` in sentence `s` by a bare «и» ("Абаев и
    /// Сейтова заявили"): the coordinated subjects hold the words together.
    func coordinated(with actor: Int, sentence s: Int, _ text: ArticleText) -> [Int] {
        let ms = text.sentenceMentions[s].map { text.mentions[$0] }.filter { ($0.kind == .name || $0.kind == .role) && $0.actors.count == 1 }
        var out: [Int] = []
        for (i, m) in ms.enumerated() where m.actors[0] == actor {
            for n in [i - 1, i + 1] where n >= 0 && n < ms.count && ms[n].actors[0] != actor {
                let (a, b) = n < i ? (ms[n], m) : (m, ms[n])
                if b.first == a.last + 2, text.words[a.last + 1].norm == K.и, !text.boundary(before: a.last + 1) { out.append(ms[n].actors[0]) }
            }
        }
        return out
    }

    /// How many sentences back a demonstrative sentence dates undated stances.
    static let backReferenceReach = 3

    /// "Это письмо … было направлено в декабре прошлого года": sentence `s` of the same
    /// paragraph, pointing back with a demonstrative and giving a date, dates the undated
    /// stances of the `backReferenceReach` sentences before it.
    private func dateBack(from s: Int, _ text: ArticleText, _ article: Article, _ out: inout [Candidate]) {
        let r = text.sentenceWords[s]
        guard let f = r.first, Self.demonstratives.contains(text.words[f].norm),
              let d = DateFinder.find(text.words[r], article: article.date, lexicon: lexicon) else { return }
        let paragraph = text.sentences[s].paragraph
        for k in out.indices where out[k].finding.sentence < s && out[k].finding.sentence >= s - Self.backReferenceReach
            && text.sentences[out[k].finding.sentence].paragraph == paragraph && out[k].finding.stated.strength == 0 {
            out[k].finding.stated = d.carried(.backReference)
            out[k].features[Feature.dateExplicit.index] = 1
        }
    }

    static let demonstratives = ["это", "этот", "эта", "эти", "такое", "данное", "данный"].map(Fold.word)

    static let connectives = ["однако", "при", "также", "тогда", "затем", "кроме", "он", "она", "по"].map(Fold.word)

    /// A sentence that goes on with the statement before it: a quote's continuation, a
    /// pronoun subject, or a connective at its start ("При этом он …", "Однако …").
    func continues(_ r: Range<Int>, _ text: ArticleText, rule: RuleName) -> Bool {
        if rule == .speakerQuote || rule == .speakerPronoun { return true }
        guard let f = r.first else { return false }
        if Self.connectives.contains(text.words[f].norm) { return true }
        return r.prefix(4).contains { text.words[$0].norm == K.он || text.words[$0].norm == K.она }
    }

    func startsContinuation(_ r: Range<Int>, _ text: ArticleText) -> Bool {
        guard let f = r.first else { return false }
        let w = text.words[f].norm
        return w == K.тогда || (w == K.он || w == K.она) && r.count > 1 && text.words[f + 1].norm == K.вновь
    }

    func isQuestion(_ r: Range<Int>, _ text: ArticleText, _ sentence: Sentence) -> Bool {
        if sentence.endsWithQuestionMark { return true }
        var hasQuestionNoun = false, hasLi = false
        for w in r {
            let n = text.words[w].norm
            if n == K.ли { hasLi = true } else if lexicon.questionWords.contains(n) { hasQuestionNoun = true }
        }
        return hasQuestionNoun && hasLi
    }
}
