/// Stage 2 of the chain (`ArticleText → holders → findings → stances`): every meeting of a
/// holder and a topic in a sentence, read for polarity, dated, and described by its features.
///
/// For each sentence that is not page furniture:
/// 1. the holders: the sentence's speaker when it is a watched actor, the actors coordinated
///    with it (`speaker.coordinated`: "Абаев и Сейтова заявили"), one who said it too ("Об
///    этом также сообщала X", dated by that sentence: `SentenceHolders.alsoHeld`), and, as
///    wide as a keyword reader, every other watched actor the sentence names (`speaker.mentioned`), unless
///    someone unwatched holds the words ("по мнению экспертов, X не станет …"); in a quote, a
///    bare role head that is the teller's compatriot and says «…, что» (`quotedSaying`);
/// 2. the date (`StatedDates`: the sentence's own, carried, pointed back to, or the article's);
/// 3. for each holder, the topics: by cue (`TopicFinder.hits`), then by description for the
///    topics no cue found, leaving out the words inside a cue's clause (they belong to it);
/// 4. for each topic, the polarity: the first `PolarityFinder` rule that reads the clause, else
///    `polarity.naive` (contra when a negation stands within four words before the cue);
/// 5. the candidate's features (`CandidateFeatures`), the article-wide ones once all are known.
struct FindingStage {
    let lexicon: Lexicon
    let index: WatchIndex
    let text: ArticleText
    let article: Article
    let topicFinder: TopicFinder
    let polarityFinder: PolarityFinder
    let features: CandidateFeatures
    let attribution: Attribution

    /// A watched actor holding a sentence's words: how it was found, and the rule its
    /// features are read from (a coordinated actor is weighed as the speaker it stands with).
    struct Holder {
        var actor: Int
        var rule: RuleName
        var featureRule: RuleName
        /// The words the holder holds, when not the whole sentence (`speaker.proposal`).
        var scope: Range<Int>? = nil
    }

    init(engine: StanceEngine, text: ArticleText, article: Article) {
        lexicon = engine.lexicon
        index = engine.index
        self.text = text
        self.article = article
        topicFinder = TopicFinder(text: text, index: engine.index, lexicon: engine.lexicon, buckets: engine.buckets,
                                  activeTopics: TopicFinder.active(text, engine.index))
        polarityFinder = PolarityFinder(text: text, lexicon: engine.lexicon)
        features = CandidateFeatures(text: text, lexicon: engine.lexicon, index: engine.index, polarity: polarityFinder)
        attribution = Attribution(text: text, lexicon: engine.lexicon, index: engine.index)
    }

    /// Every candidate of the article in text order, or nil when `shouldStop` said yes first.
    func candidates(_ holders: SentenceHolders, shouldStop: () -> Bool) -> [Candidate]? {
        var out: [Candidate] = []
        var dates = StatedDates(text: text, article: article, lexicon: lexicon)
        for s in text.sentences.indices {
            if shouldStop() { return nil }
            let speaker = holders.speakers[s]
            if speaker == nil || speaker?.0 == .other { dates.dateBack(from: s, &out) }
            var date: StatedDate? = nil
            var found: [Holder] = []
            if let (who, rule) = speaker {
                date = dates.date(of: s, speaker: who, rule: rule)
                if case .actor(let actor) = who { found = spokenBy(actor, rule: rule, sentence: s) }
            } else {
                dates.forget()
            }
            guard !text.sentences[s].isBoilerplate else { continue }
            let parts = heldParts(in: s)
            if let (who, rule) = speaker, rule == .speakerQuote, case .actor(let teller) = who {
                found += quotedSaying(in: s, teller: teller, besides: found)
            }
            if speaker?.0 != .other { found += named(in: s, besides: found, parts: parts) }
            if let also = holders.alsoHeld[s], !found.contains(where: { $0.actor == also.actor }) {
                // "Об этом также сообщала X": X said it too, when the sentence that names X says
                let holder = Holder(actor: also.actor, rule: .speakerAboutThis, featureRule: .speakerAboutThis)
                out += candidates(in: s, holders: [holder], parts: parts, stated: dates.own(also.from) ?? dates.articleDate)
            }
            guard !found.isEmpty else { continue }
            if date == nil, speaker == nil { date = dates.own(s) }
            out += candidates(in: s, holders: found, parts: parts, stated: date ?? dates.articleDate)
        }
        CandidateFeatures.fillArticle(&out)
        return out
    }

    /// Holder rule 1: the speaker, and the actors coordinated with it by «и».
    private func spokenBy(_ actor: Int, rule: RuleName, sentence s: Int) -> [Holder] {
        var out = [Holder(actor: actor, rule: rule, featureRule: rule)]
        for other in coordinated(with: actor, sentence: s) where !out.contains(where: { $0.actor == other }) {
            out.append(Holder(actor: other, rule: .speakerCoordinated, featureRule: rule))
        }
        return out
    }

    /// The words of sentence `s` that a watched actor it names holds, by the mention (its index
    /// in `text.mentions`) that holds them: the infinitive after a proposal of theirs
    /// (`speaker.proposal`), what their criticism is addressed to (`speaker.criticism`, read as
    /// a rejection: `criticismScope`) or a relative clause on their name
    /// (`speaker.relativeClause`).
    /// Read once per sentence: the holder rules and the veto on other people's words share it.
    struct HeldPart {
        var actor: Int
        var rule: RuleName
        var scope: Range<Int>
    }

    func heldParts(in s: Int) -> [Int: HeldPart] {
        var out: [Int: HeldPart] = [:]
        for mi in text.sentenceMentions[s] {
            let m = text.mentions[mi]
            guard m.kind == .name || m.kind == .role, m.actors.count == 1 else { continue }
            if let scope = proposalScope(m, sentence: s) {
                out[mi] = HeldPart(actor: m.actors[0], rule: .speakerProposal, scope: scope)
            } else if let scope = criticismScope(m, sentence: s) {
                out[mi] = HeldPart(actor: m.actors[0], rule: .speakerCriticism, scope: scope)
            } else if let scope = relativeScope(m, sentence: s) {
                out[mi] = HeldPart(actor: m.actors[0], rule: .speakerRelative, scope: scope)
            }
        }
        return out
    }

    /// Holder rules 2 to 4: every other watched actor the sentence names holds the words its
    /// mention holds (`parts`), or else is only named (`speaker.mentioned`).
    private func named(in s: Int, besides found: [Holder], parts: [Int: HeldPart]) -> [Holder] {
        var out: [Holder] = []
        for mi in text.sentenceMentions[s] {
            let m = text.mentions[mi]
            guard m.kind == .name || m.kind == .role, m.actors.count == 1 else { continue }
            let actor = m.actors[0]
            guard !found.contains(where: { $0.actor == actor }), !out.contains(where: { $0.actor == actor }) else { continue }
            let part = parts[mi]
            let rule = part?.rule ?? .speakerMentioned
            out.append(Holder(actor: actor, rule: rule, featureRule: rule, scope: part?.scope))
        }
        return out
    }

    /// «Президент и наш МИД уже много раз говорили, что …», — сказал Сарым: inside a quote, a bare
    /// role head («президент», «премьер») in the nominative, followed within eight words by a verb
    /// of saying and «что» (the teller may join it: «президент сказал, я сказал, что»), is the one
    /// watched actor of that head who shares a country with the
    /// teller (their own president); that actor holds the clause «что» opens, as its speaker.
    func quotedSaying(in s: Int, teller: Int, besides found: [Holder]) -> [Holder] {
        let r = text.sentenceWords[s]
        var out: [Holder] = []
        let countries = index.actorCountries[teller]
        for mi in text.sentenceMentions[s] {
            let m = text.mentions[mi]
            guard m.kind == .head, m.nominative, text.quoteOf[m.first] != -1 else { continue }
            let own = m.actors.filter { $0 != teller && !index.actorCountries[$0].isDisjoint(with: countries) }
            guard own.count == 1, let actor = own.first,
                  !found.contains(where: { $0.actor == actor }), !out.contains(where: { $0.actor == actor }),
                  let verb = (m.last + 1..<min(m.last + 9, r.upperBound)).first(where: attribution.isSpeechVerb),
                  let that = complementizer(after: verb, in: r)
            else { continue }
            out.append(Holder(actor: actor, rule: .speakerVerbSubject, featureRule: .speakerVerbSubject,
                              scope: (that + 1)..<r.upperBound))
        }
        return out
    }

    /// The «что» right after speech verb `v`, or after the teller joining the saying («президент
    /// сказал, я сказал, что …»: `joiningSpeakers` and verbs of saying, at most three words).
    func complementizer(after v: Int, in r: Range<Int>) -> Int? {
        var k = v + 1
        while k < min(r.upperBound, v + 5) {
            if text.facts[k].isa(.complementizers) { return k }
            guard text.facts[k].isa(.joiningSpeakers) || attribution.isSpeechVerb(k) else { return nil }
            k += 1
        }
        return nil
    }

    /// "…депутату Лаптеву, который требует отменить пошлины": a relative clause right after a
    /// name (a comma between) tells of that actor; its words, up to the next boundary.
    func relativeScope(_ m: Mention, sentence s: Int) -> Range<Int>? {
        let r = text.sentenceWords[s]
        let rel = m.last + 1
        guard rel + 1 < r.upperBound, text.boundary(before: rel), text.punctBefore[rel].unicodeScalars.first == ",",
              text.facts[rel].parts.contains(.relativePrefixes) else { return nil }
        return rel..<polarityFinder.toBoundary(from: rel + 1, in: r)
    }

    /// Whether the cue at `hit` lies in words another watched actor holds (`parts`): a relative
    /// clause on their name ("Лаптев раскритиковал мэра Ветрову, которая поддерживает пошлины")
    /// or their proposal ("получила письмо депутата Лаптева с требованием отменить пошлины").
    func inAnotherActorsWords(_ hit: Range<Int>, holder: Int, parts: [Int: HeldPart]) -> Bool {
        parts.values.contains { $0.actor != holder && $0.scope.contains(hit.lowerBound) }
    }

    /// «о критике Маска в адрес законопроекта»: a name that owns a noun of criticism
    /// (`judgementNouns`, at most three words before it, nothing between but words), not in the
    /// nominative or the dative, and is followed by «в адрес» holds what follows, up to the
    /// clause's end, and rejects it. Without «в адрес» («после критики Маска Трамп поддержал …»)
    /// the words after the name are the next clause's.
    func criticismScope(_ m: Mention, sentence s: Int) -> Range<Int>? {
        let r = text.sentenceWords[s]
        let at = m.last + 1
        guard at + 2 < r.upperBound, !m.nominative, !text.facts[m.last].parts.contains(.datAccNameEndings),
              text.facts[at].isa(.inPrepositions), text.facts[at + 1].isa(.addressNouns),
              !text.boundary(before: at), !text.boundary(before: at + 1), !text.boundary(before: at + 2)
        else { return nil }
        return owns(m, a: .judgementNouns, in: r) ? (at + 2)..<polarityFinder.toBoundary(from: at + 2, in: r) : nil
    }

    /// Whether a noun of `role` stands at most three words before mention `m`, nothing between
    /// but words of the same clause («предложения американского миллиардера Илона Маска»).
    func owns(_ m: Mention, a role: WordRole, in r: Range<Int>) -> Bool {
        var k = m.first - 1
        while k >= max(r.lowerBound, m.first - 4), !text.boundary(before: k + 1) {
            if text.facts[k].isa(role) { return true }
            k -= 1
        }
        return false
    }

    /// "после предложения американского миллиардера Илона Маска объявить импичмент": a name that
    /// owns a noun of proposal or call (`proposalNouns`, at most three words before it, nothing
    /// between but words), not in the nominative or the dative, and is followed by an infinitive
    /// holds that infinitive's clause.
    func proposalScope(_ m: Mention, sentence s: Int) -> Range<Int>? {
        let r = text.sentenceWords[s]
        let verb = m.last + 1
        // the owner, in the genitive: not the one the proposal is made to ("предложение Путину")
        guard verb < r.upperBound, !text.boundary(before: verb), !m.nominative,
              !text.facts[m.last].parts.contains(.datAccNameEndings) else { return nil }
        // "письмо депутата Лаптева с требованием отменить …": the proposal after the name
        if verb + 2 < r.upperBound, text.facts[verb].isa(.prepositions), text.facts[verb + 1].isa(.proposalNouns),
           !text.boundary(before: verb + 1), !text.boundary(before: verb + 2),
           text.facts[verb + 2].parts.contains(.infinitiveEndings), !text.words[verb + 2].capitalized {
            return (verb + 2)..<polarityFinder.toBoundary(from: verb + 3, in: r)
        }
        guard !text.words[verb].capitalized, text.facts[verb].parts.contains(.infinitiveEndings),
              owns(m, a: .proposalNouns, in: r) else { return nil }
        return verb..<polarityFinder.toBoundary(from: verb + 1, in: r)
    }

    /// Watched actors joined to a mention of `actor` in sentence `s` in one list of subjects
    /// ("Абаев и Сейтова заявили", "Министры Абаев, Ким, Сейтова и Ли проголосовали"): the
    /// coordinated subjects hold the words together. Each link of the list is a comma or a bare
    /// «и», with nothing between two names but other capitalised names, and the list ends with
    /// «и» (a lone comma may end a clause: «Как заявил Абаев, Сейтова готова …»). All stand in
    /// the nominative: «перепалка между Маском и Трампом» joins no subjects.
    func coordinated(with actor: Int, sentence s: Int) -> [Int] {
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
            .filter { ($0.kind == .name || $0.kind == .role) && $0.actors.count == 1 && $0.nominative }
        guard let i = mentions.firstIndex(where: { $0.actors[0] == actor }) else { return [] }
        var (first, last, closed) = (i, i, false)
        while first > 0, let byAnd = link(mentions[first - 1].last, mentions[first].first) {
            first -= 1; closed = closed || byAnd
        }
        while last + 1 < mentions.count, let byAnd = link(mentions[last].last, mentions[last + 1].first) {
            last += 1; closed = closed || byAnd
        }
        guard first < last, closed || closesWithAnd(after: mentions[last].last, in: text.sentenceWords[s]) else { return [] }
        var out: [Int] = []
        for m in mentions[first...last] where m.actors[0] != actor && !out.contains(m.actors[0]) {
            out.append(m.actors[0])
        }
        return out
    }

    /// The words of a list of names after word `w`, up to `end`: each with no mark or a comma
    /// before it, each a capitalised word (a name), the head of a watched role or a bare «и».
    /// Returns the first word past them and the joins met: a comma, an «и», an «и» with a name
    /// right after it.
    private func listWords(after w: Int, upTo end: Int) -> (next: Int, comma: Bool, and: Bool, andThenName: Bool) {
        var (k, comma, and, andThenName) = (w + 1, false, false, false)
        while k < end {
            let p = text.punctBefore[k]
            guard p.isEmpty || p == "," else { break }
            let isAnd = text.facts[k].isa(.and)
            // a name, or the head of a watched role before one ("Ветрова и депутат Лаптев")
            guard isAnd || text.words[k].capitalized || text.facts[k].has(.headActor) else { break }
            if p == "," { comma = true }
            if k > w + 1, text.facts[k - 1].isa(.and), p.isEmpty, !isAnd { andThenName = true }
            if isAnd { and = true }
            k += 1
        }
        return (k, comma, and, andThenName)
    }

    /// How the words after `left` join it to the name at `right` in a list (`listWords`): nil
    /// when they do not, else whether «и» is among the joins.
    private func link(_ left: Int, _ right: Int) -> Bool? {
        let run = listWords(after: left, upTo: right)
        let p = text.punctBefore[right]
        guard run.next == right, p.isEmpty || p == "," else { return nil }
        return run.comma || run.and || p == "," ? run.and : nil
    }

    /// True when a list of names goes on after word `w` to a bare «и» and one more name
    /// ("…, Ким и Ли").
    private func closesWithAnd(after w: Int, in sentence: Range<Int>) -> Bool {
        listWords(after: w, upTo: sentence.upperBound).andThenName
    }

    /// What the candidates of one sentence share, each part read when a candidate first needs
    /// it (most sentences with a holder name no topic).
    private struct SentenceReading {
        var facts: CandidateFeatures.SentenceFacts?
        /// Where the sentence's evaluation words stand, when they weigh anything.
        var evaluationAt: Int??
        var directionAt: Int??
        /// A no-side word, or a compound by its last part ("письмо-приглашение").
        var noSide: Bool?
        /// A phrase saying no decision was taken (`Candidate.openQuestion`).
        var openQuestion: Bool?

        /// The part at `key`, read by `read` the first time it is asked for.
        mutating func once<T>(_ key: WritableKeyPath<Self, T?>, _ read: () -> T) -> T {
            if let known = self[keyPath: key] { return known }
            let value = read()
            self[keyPath: key] = value
            return value
        }
    }

    /// Steps 3 to 5 for the holders of sentence `s` (`parts`: the words its actors hold).
    private func candidates(in s: Int, holders: [Holder], parts: [Int: HeldPart], stated: StatedDate) -> [Candidate] {
        let sentence = text.sentences[s]
        let r = text.sentenceWords[s]
        var reading = SentenceReading()
        var out: [Candidate] = []
        // a sentence another watched actor says (verb, quote, attribution): an actor only named
        // in it holds none of its words
        let spokenByAnother = holders.contains { $0.rule != .speakerMentioned && $0.scope == nil }
        for holder in holders {
            let hits = topicHits(s, holder: holder, reading: &reading)
            guard !hits.isEmpty else { continue }
            let facts = reading.once(\.facts) { features.sentence(s, question: isQuestion(s)) }
            let noSide = reading.once(\.noSide) { r.contains { text.facts[$0].has(.noSide) } }
            let openQuestion = reading.once(\.openQuestion) { polarityFinder.hedged(r, open: true) }
            let competing = Set(hits.map(\.topic)).count - 1
            for hit in hits {
                let otherCues = Set(hits.filter { $0.topic != hit.topic }.map(\.words.lowerBound))
                let topic = index.topics[hit.topic]
                let found = polarityReading(hit, topic: topic, holder: holder, sentence: r)
                var naive: Polarity = polarityFinder.negated(hit.words.lowerBound, clause: r, window: 4) ? .contra : .pro
                if polarityFinder.namesContraAct(topic, hit: hit.words) {
                    naive = naive.opposite
                }
                var (polarity, polarityRule) = found.side ?? (naive, .polarityNaive)
                // "пошлины на сыр из Литвы, но не из Латвии": a topic of a shared cue named only
                // past «но не» / «а не» takes the other side
                if hit.rules.contains(where: Self.namingRules.contains),
                   namedOnlyPastANegatedContrast(topic: hit.topic, cue: hit.words, in: holder.scope ?? r) {
                    polarity = polarity.opposite
                }
                let finding = Finding(sentence: s, actor: holder.actor, topic: hit.topic, polarity: polarity, stated: stated,
                                      rules: [holder.rule] + hit.rules + [polarityRule],
                                      start: sentence.start, end: sentence.end)
                let values = features.values(finding, hit: hit, sentence: facts, speakerRule: holder.featureRule,
                                             polarityRule: polarityRule, naive: naive, competing: competing,
                                             otherCues: otherCues)
                let asObject = index.labelObjects[hit.topic].contains(holder.actor)
                    || holder.rule == .speakerMentioned && (namedRightAfter(hit.words, actor: holder.actor, sentence: s)
                    || namedAsAgentOfCue(hit.words, actor: holder.actor, sentence: s))
                let implied = Self.impliedSides.contains(polarityRule)
                let vetoes: [(Candidate.Veto, Bool)] = [
                    (.noSide, noSide),
                    (.namedAsObject, asObject),
                    (.questionOnly, implied && (polarityFinder.namesTheQuestion(hit.words, sentence: r) || isQuestion(s))),
                    (.amountOnly, implied && polarityFinder.disputesOnlyTheAmount(hit.words, sentence: r)),
                    (.othersWords, inAnotherSpeakersWords(hit.words, holder: holder.actor, sentence: s)
                        || holder.rule == .speakerMentioned && spokenByAnother),
                    (.pastAContrast, holder.rule == .speakerMentioned
                        && contrastBetween(hit.words, actor: holder.actor, sentence: s)),
                    (.pressedOrConditional, found.stop == .forecast || found.stop == .conditional),
                    (.poll, found.stop == .poll),
                    (.anotherActorsClause, holder.rule != .speakerMentioned && holder.rule != .speakerCoordinated
                        && anotherActorSubject(hit.words, holder: holder.actor, topic: topic, sentence: s)
                        || holder.scope == nil && inAnotherActorsWords(hit.words, holder: holder.actor, parts: parts)),
                ]
                out.append(Candidate(finding: finding, features: values, competing: hit.competing,
                                     vetoes: Set(vetoes.filter(\.1).map(\.0)), openQuestion: openQuestion))
            }
        }
        return out
    }

    /// Step 4 for one hit: the polarity chain's reading of the holder's words, or, for the owner
    /// of a criticism («критика X в адрес законопроекта»), the rejection of what it is addressed
    /// to (`PolarityFinder.side(ofJudgement:)`).
    private func polarityReading(_ hit: TopicHit, topic: TopicModel, holder: Holder,
                                 sentence r: Range<Int>) -> (side: (Polarity, RuleName)?, stop: PolarityStop?) {
        let words = holder.scope ?? r
        if holder.rule == .speakerCriticism {
            let side = polarityFinder.side(ofJudgement: -1, of: hit.words, clause: words, topic: topic)
            return (side.map { ($0, .polarityEvaluation) }, nil)
        }
        if let back = hit.pointsTo {
            // «назвал это решение подарком»: a judgement of the measure the sentence before
            // read; approval takes its side, rejection the other
            let measure = polarityFinder.polarity(topic: topic, hit: back.words, sentence: text.sentenceWords[back.sentence],
                                                  properCue: false).side?.0
            let clause = polarityFinder.clause(hit.words, in: words)
            let judgement = polarityFinder.evaluation(clause, clause: clause, approval: true).value
            guard let measure, judgement != 0 else { return (nil, nil) }
            return ((judgement > 0 ? measure : measure.opposite, .polarityEvaluation), nil)
        }
        return polarityFinder.polarity(topic: topic, hit: hit.words, sentence: words, properCue: hit.properCue)
    }

    /// The topic rules that tie a shared cue to a topic by a word that names it in the sentence.
    static let namingRules: Set<RuleName> = [.topicSpecificWord, .topicAnchorInSentence]

    /// Whether the words that name `topic` in `r` (its anchors and names) stand only after the
    /// cue, past a contrast word followed by a negation ("…, но не на сыр из Латвии", "а не").
    func namedOnlyPastANegatedContrast(topic t: Int, cue: Range<Int>, in r: Range<Int>) -> Bool {
        let model = index.topics[t]
        let naming = r.filter { w in
            text.words[w].kind == .word && (model.anchors.contains(text.stems[w]) || text.words[w].capitalized && model.properStems.contains(text.stems[w]))
        }
        guard let first = naming.first, first >= cue.upperBound else { return false }
        // the nearest contrast word before the naming word, after the cue, and a negation right after it
        guard let contrast = (cue.upperBound..<first).last(where: { text.facts[$0].isa(.contrastWords) }),
              contrast + 1 < first, text.facts[contrast + 1].has(.negator) else { return false }
        return true
    }

    /// The polarity rules that read no side from words of their own: a modal, the naive
    /// reading, a bare naming of the topic (see `Candidate.Veto.questionOnly`).
    static let impliedSides: Set<RuleName> = [.polarityAffirmedCue, .polarityReadiness, .polarityNaive]

    /// Whether sentence `s` names `actor` right after the cue (at its end or one word later, a
    /// role before the name): the cue's complement, its object or owner.
    func namedRightAfter(_ cue: Range<Int>, actor: Int, sentence s: Int) -> Bool {
        text.sentenceMentions[s].contains { mi in
            let m = text.mentions[mi]
            return m.actors == [actor] && (cue.upperBound...(cue.upperBound + 1)).contains(m.first)
        }
    }

    /// Whether sentence `s` names `actor` right before the cue as the agent of a passive
    /// participle ("предложенный Трампом законопроект"): the cue's author, not who holds the words.
    func namedAsAgentOfCue(_ cue: Range<Int>, actor: Int, sentence s: Int) -> Bool {
        text.sentenceMentions[s].contains { mi in
            let m = text.mentions[mi]
            return m.actors == [actor] && m.last + 1 == cue.lowerBound && m.first > 0
                && attribution.isPassiveParticiple(m.first - 1)
        }
    }

    /// Whether the cue lies in what someone else says later in the sentence: the last speech
    /// verb between the holder's first mention and the cue has another subject, named right
    /// before it, after a speech verb of the holder's own ("Силуанов сказал, что …, а глава
    /// Минэкономразвития Улюкаев заявил, что … НДФЛ …"; a subject further back is likely not the
    /// verb's: "Уоллер и Боуман выпустят …, но большинство участников считают").
    func inAnotherSpeakersWords(_ cue: Range<Int>, holder: Int, sentence s: Int) -> Bool {
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
        let saysOutsideQuotes = { (w: Int) in text.quoteOf[w] == -1 && attribution.isSpeechVerb(w) }
        guard let holderAt = mentions.first(where: { $0.actors == [holder] })?.last, holderAt < cue.lowerBound,
              let verb = (holderAt + 1..<cue.lowerBound).last(where: saysOutsideQuotes),
              let subject = attribution.leftSubject(verb, mentions: mentions), subject.first > holderAt,
              verb - subject.last <= 3,
              // the holder spoke first: "Ветрова и Лаптев заявили" is one act of both
              (holderAt + 1..<subject.first).contains(where: saysOutsideQuotes)
        else { return false }
        return subject.kind == .other
            || (subject.kind == .name || subject.kind == .role) && subject.actors.count == 1 && subject.actors[0] != holder
    }

    /// Whether a contrast word («но», «однако», «а») stands between every mention of `actor` in
    /// sentence `s` and the cue after them: a new clause with its own subject ("Уоллер и
    /// Боуман выпустят заявление …, но большинство участников считают … политика").
    func contrastBetween(_ cue: Range<Int>, actor: Int, sentence s: Int) -> Bool {
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
            .filter { ($0.kind == .name || $0.kind == .role) && $0.actors == [actor] }
        guard let last = mentions.last, last.last < cue.lowerBound else { return false }
        return (last.last + 1..<cue.lowerBound).contains { text.facts[$0].isa(.contrastWords) }
    }

    /// Whether, after the holder's last mention before the cue, a «что» opens a clause whose
    /// subject is another watched actor or a foreign country, named before the cue and not
    /// before a contrast word ("Вэнс рассчитывает, что Маск вновь вернётся в движение Трампа";
    /// "Лукашенко заявил, что Россия не стремилась разместить …"; not a country the topic is
    /// about, nor for a topic about prospects): the clause tells of them, not for the holder.
    func anotherActorSubject(_ cue: Range<Int>, holder: Int, topic: TopicModel, sentence s: Int) -> Bool {
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
        guard let holderAt = mentions.last(where: { $0.actors == [holder] && $0.last < cue.lowerBound })?.last,
              let that = (holderAt + 1..<cue.lowerBound).first(where: { text.facts[$0].isa(.complementizers) })
        else { return false }
        // past «но» the cue's clause has a subject of its own again
        let lastContrast = (that + 1..<cue.lowerBound).last { text.facts[$0].isa(.contrastWords) }
        let inCueClause = { (w: Int) in lastContrast.map { w >= $0 } ?? true }
        let actor = mentions.contains { m in
            (m.kind == .name || m.kind == .role) && m.actors.count == 1 && m.actors != [holder] && m.nominative
                && m.first > that && m.last < cue.lowerBound && text.quoteOf[m.first] == -1 && inCueClause(m.last)
        }
        // a country the topic is about ("Белоруссия и Турция … подходят на роль посредников"),
        // or the parties of a topic about prospects, are what the holder speaks of
        guard !actor, topic.kind != .evaluative else { return actor }
        let clause = (that + 1..<cue.lowerBound).filter { text.quoteOf[$0] == -1 && inCueClause($0) }
        guard !clause.contains(where: { topic.anchors.contains(text.stems[$0]) || topic.properStems.contains(text.stems[$0]) })
        else { return false }
        return clause.contains { isForeignCountryName($0, holder: holder) }
    }

    /// Word `w` is a country's own name as the gazetteer writes it (the nominative: "Россия",
    /// not "России" or "российский"), not after a preposition, and not the country of
    /// `holder` or of its group ("…, что Россия не стремилась разместить …" tells of Russia).
    func isForeignCountryName(_ w: Int, holder: Int) -> Bool {
        guard text.words[w].capitalized, w == 0 || !text.facts[w - 1].isa(.prepositions),
              let entries = lexicon.gazetteerByFirst[text.stems[w]] else { return false }
        return entries.contains { line, k in
            k == 0 && lexicon.gazetteerFolded[line][k] == [text.words[w].norm] && !index.actorCountries[holder].contains(line)
        }
    }

    /// Step 3: the topics `holder` meets in sentence `s`, by cue and then by description.
    private func topicHits(_ s: Int, holder: Holder, reading: inout SentenceReading) -> [TopicHit] {
        let r = text.sentenceWords[s]
        var hits = topicFinder.hits(sentence: s, holder: holder.actor, keepAmbiguous: true, within: holder.scope)
        // a holder of part of the sentence meets only the cues of that part
        if holder.scope != nil { return hits }
        let cueTopics = Set(hits.map(\.topic))
        var usedByCue = Set<Int>()
        for hit in hits { usedByCue.formUnion(polarityFinder.clause(hit.words, in: r)) }
        // a sentence that names a topic by its cue speaks of that one: no other by description
        guard cueTopics.isEmpty else { return hits }
        let evaluationAt = reading.once(\.evaluationAt) {
            let evaluation = polarityFinder.evaluation(r, clause: r)
            return evaluation.value != 0 ? evaluation.at : nil
        }
        let directionAt = reading.once(\.directionAt) { r.first { text.facts[$0].direction != nil } }
        hits += topicFinder.descriptionHits(sentence: s, holder: holder.actor, evaluationAt: evaluationAt,
                                            directionAt: directionAt, skip: cueTopics, usedByCue: usedByCue)
        if hits.isEmpty, let back = topicFinder.pointedBack(sentence: s, holder: holder.actor) { hits.append(back) }
        return hits
    }

    /// A question put to someone is not a position: it ends with "?", or it holds a question
    /// word and the particle «ли».
    func isQuestion(_ s: Int) -> Bool {
        if text.sentences[s].endsWithQuestionMark { return true }
        var hasQuestionWord = false, hasParticle = false
        for w in text.sentenceWords[s] {
            let facts = text.facts[w]
            if facts.isa(.questionParticle) { hasParticle = true }
            else if facts.has(.questionWord) { hasQuestionWord = true }
        }
        return hasQuestionWord && hasParticle
    }
}
