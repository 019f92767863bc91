/// Who holds a sentence's words: a watched actor, or someone the watchlist does not watch.
enum Speaker: Equatable {
    case actor(Int)
    case other
}

struct SpeakerState {
    var lastSubject: Speaker? = nil
    var lastSpeaker: Speaker? = nil
    /// Word position of each actor's latest mention.
    var lastSeen: [Int: Int] = [:]
}

/// The sentence the speaker rules read, and what is known before them.
struct SpeakerContext {
    let sentence: Int
    /// The sentence's words (positions in the article's word list).
    let range: Range<Int>
    /// The sentence's mentions, in word order.
    let mentions: [Mention]
    let state: SpeakerState
    /// The speaker of the quote the sentence lies in, when it lies in one that has a speaker.
    let quoteSpeaker: Speaker?
    /// The attribution noun the noun rules look at (nil for the sentence rules).
    var noun: Int? = nil

    /// This context with the noun rules looking at `noun`.
    func at(noun: Int) -> SpeakerContext {
        var c = self
        c.noun = noun
        return c
    }
}

/// One speaker rule: its name and the holder it finds, or nil.
struct SpeakerRule: Sendable {
    let name: RuleName
    let apply: @Sendable (Attribution, SpeakerContext) -> Speaker?
}

/// A step of the speaker chain: one rule over the sentence, or rules tried at each
/// attribution noun in turn (all of them at a noun before the next noun).
enum SpeakerStep: Sendable {
    case sentence(SpeakerRule)
    case eachAttributionNoun([SpeakerRule])
}

/// Who holds the words of a sentence: the speaker rules over one article.
///
/// Rules, tried in this order (`chain`); the first that names someone decides,
/// and its name goes into the stance's `rules`:
/// 1. `speaker.quote` (`quote`): the sentence lies inside a quote whose speaker is named after
///    it («…», — сказал он / "…" - заявил Песков) or before it (заявил X: «…»), or, for a
///    quote that opens a line with no attribution, the speaker of the sentence before.
/// 2. At each attribution noun outside quotes ("по словам", "по мнению"), in turn, the first of:
///    a. `speaker.attributionNoun` (`possessiveSource`): "по его словам": the last subject.
///    b. `speaker.attributionNoun` (`unnamedSource`): "по мнению экспертов": an unnamed
///       source speaks, nobody watched.
///    c. `speaker.reportedSubject` (`reportedSubject`): "X, по словам Y, готов …": X holds
///       it, Y only reports.
///    d. `speaker.attributionNoun` (`namedSource`): "по словам X", "как сообщила
///       пресс-служба X" (X within three words of the noun, in its phrase).
/// 3. `speaker.verbSubject` (`verbSubject`): the subject of a speech verb outside quotes, not
///    in the infinitive ("может объявить" is what may be said): the nearest nominative mention
///    to its left, else one just after it (inverted "заявил Токаев"); "X, который …
///    подчеркнул" gives X. An unwatched subject (an outlet) that relays a watched one's saying
///    in the clause its «что» opens («Издание отмечает, что министр X заявил, что …») gives way.
/// 4. `speaker.participleAgent` (`participleAgent`): "предлагаемая Эльвирой Набиуллиной
///    стратегия" (the agent of a passive participle, in the instrumental).
/// 5. `speaker.headline` (`headline`): "X: …".
/// 6. `speaker.agent` (`agent`): a watched actor in the nominative, not after a preposition
///    (the actor acts: "Банк России понизил ставку"); a capital or institution only with
///    readiness ("Анкара готова").
/// 7. `speaker.pronoun` (`pronoun`): a sentence opening with "Он/Она" continues the last subject.
/// The driver adds `speaker.aboutThis` afterwards: a sentence with nobody, followed by
/// "Об этом заявил X" or "Соответствующий документ подписал X", is X's.
///
/// Pronouns resolve to the last subject (speaker or agent) — not merely the last name
/// mentioned, so "обсуждал с Трампом" does not capture a following "он" — unless their
/// genders disagree ("Белова встретилась с Соколовым. Он …": `referent(of:state:)`). A shared role
/// or bare role head ("президент", "глава МОК") resolves to the most recently mentioned
/// actor holding it; unmentioned, it stays unresolved. A capital or institution as a
/// nominative subject ("Анкара выразила готовность") speaks for the most recently mentioned
/// watched actor whose roles name that country; "в Кремле заявили" (a place, no subject)
/// is unattributed, as is "Ранее в Казахстане заявили". Unwatched people (two capitalised
/// words not in the watchlist, "Владимир Зеленский") take the speaker's place and give
/// no stance.
struct Attribution {
    let text: ArticleText
    let lexicon: Lexicon
    let index: WatchIndex

    /// The rules in the order they are tried.
    static let chain: [SpeakerStep] = [
        .sentence(SpeakerRule(name: .speakerQuote, apply: { $1.quoteSpeaker })),
        .eachAttributionNoun([
            SpeakerRule(name: .speakerAttributionNoun, apply: { $0.possessiveSource($1) }),
            SpeakerRule(name: .speakerAttributionNoun, apply: { $0.unnamedSource($1) }),
            SpeakerRule(name: .speakerReportedSubject, apply: { $0.reportedSubject($1) }),
            SpeakerRule(name: .speakerAttributionNoun, apply: { $0.namedSource($1) }),
        ]),
        .sentence(SpeakerRule(name: .speakerVerbSubject, apply: { $0.verbSubject($1) })),
        .sentence(SpeakerRule(name: .speakerParticipleAgent, apply: { $0.participleAgent($1) })),
        .sentence(SpeakerRule(name: .speakerHeadline, apply: { $0.headline($1) })),
        .sentence(SpeakerRule(name: .speakerAgent, apply: { $0.agent($1) })),
        .sentence(SpeakerRule(name: .speakerPronoun, apply: { $0.pronoun($1) })),
    ]

    /// The sentence's holder and the rule that found it. `quoteSpeakers` keeps each quote's
    /// speaker once found (a quote spans several sentences).
    func speaker(of s: Int, state: SpeakerState, quoteSpeakers: inout [Int: Speaker?]) -> (Speaker, RuleName)? {
        let range = text.sentenceWords[s]
        guard !range.isEmpty else { return nil }
        var quoteSpeaker: Speaker? = nil
        if let q = enclosingQuote(range) {
            if quoteSpeakers[q] == nil { quoteSpeakers[q] = self.quoteSpeaker(q, state: state) }
            quoteSpeaker = quoteSpeakers[q] ?? nil
        }
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
        let context = SpeakerContext(sentence: s, range: range, mentions: mentions, state: state,
                                     quoteSpeaker: quoteSpeaker)
        return firstRule(context)
    }

    /// What the first rule of the chain that names someone finds, and its name.
    func firstRule(_ context: SpeakerContext) -> (Speaker, RuleName)? {
        for step in Self.chain {
            switch step {
            case .sentence(let rule):
                if let sp = rule.apply(self, context) { return (sp, rule.name) }
            case .eachAttributionNoun(let rules):
                for noun in context.range where isAttributionNoun(noun) {
                    for rule in rules {
                        if let sp = rule.apply(self, context.at(noun: noun)) { return (sp, rule.name) }
                    }
                }
            }
        }
        return nil
    }

    /// The quote the sentence lies in: it starts inside it, and ends inside it or after it.
    func enclosingQuote(_ range: Range<Int>) -> Int? {
        let q = text.quoteOf[range.lowerBound]
        guard q >= 0 else { return nil }
        return text.quoteOf[range.upperBound - 1] == q || text.quotes[q].upperBound <= range.upperBound ? q : nil
    }

    /// True for an attribution noun ("словам", "мнению") outside quotes.
    func isAttributionNoun(_ w: Int) -> Bool {
        text.facts[w].has(.attributionNoun) && text.quoteOf[w] == -1
    }

    // MARK: the noun rules (at `context.noun`)

    /// True when the word at `w` lies in the sentence and is one of `role`'s words.
    private func isa(_ w: Int, _ role: WordRole, in range: Range<Int>) -> Bool {
        range.contains(w) && text.facts[w].isa(role)
    }

    /// "по его словам": the last subject.
    func possessiveSource(_ c: SpeakerContext) -> Speaker? {
        guard let noun = c.noun else { return nil }
        if isa(noun + 1, .possessives, in: c.range) { return referent(of: noun + 1, state: c.state) }
        if isa(noun - 1, .possessives, in: c.range) { return referent(of: noun - 1, state: c.state) }
        return nil
    }

    /// "по мнению экспертов": a common noun right after the attribution noun (no name, no
    /// title, no honorific, no mention) is an unnamed source: somebody unwatched speaks.
    func unnamedSource(_ c: SpeakerContext) -> Speaker? {
        guard let noun = c.noun, c.range.contains(noun + 1), !text.boundary(before: noun + 1) else { return nil }
        let w = noun + 1, next = text.words[w]
        let facts = text.facts[w]
        guard next.kind == .word, !next.capitalized, !facts.isa(.possessives), !facts.isa(.honorifics) else { return nil }
        let titled = !facts.marks.isDisjoint(with: [.roleHead, .roleHeadStem, .headActor])
        return titled || c.mentions.contains(where: { $0.first == w }) ? nil : .other
    }

    /// The mention the attribution noun names ("по словам Абаева"): within three words
    /// after it, in its phrase, not a pronoun.
    func namedAfterNoun(_ c: SpeakerContext) -> Mention? {
        guard let noun = c.noun else { return nil }
        return c.mentions.first { m in
            m.first > noun && m.first <= noun + 3 && m.kind != .pronoun
                && !((noun + 1)...m.first).contains { text.boundary(before: $0) }
        }
    }

    /// "Абаев, по словам Сейтовой, готов …": the nominative name or role before the noun
    /// holds the words, the named source only reports them.
    func reportedSubject(_ c: SpeakerContext) -> Speaker? {
        guard let noun = c.noun, let named = namedAfterNoun(c), resolve(named, state: c.state) != nil else {
            return nil
        }
        let subject = c.mentions.first { m in
            m.last < noun && m.nominative && !afterPreposition(m) && (m.kind == .name || m.kind == .role)
                && text.quoteOf[m.first] == -1
        }
        guard let subject, let sp = resolve(subject, state: c.state), case .actor = sp else { return nil }
        return sp
    }

    /// "по словам Абаева", "как сообщила пресс-служба Нацбанка".
    func namedSource(_ c: SpeakerContext) -> Speaker? {
        namedAfterNoun(c).flatMap { resolve($0, state: c.state) }
    }

    // MARK: the sentence rules

    /// The subject of the first speech verb outside quotes that has one; when that subject is
    /// nobody watched (an outlet, an unwatched source) and a later speech verb past «что» has a
    /// watched subject, that one: «Издание отмечает, что министр X заявил, что …» is X's words,
    /// the outlet only relays them.
    func verbSubject(_ c: SpeakerContext) -> Speaker? {
        // a speech verb in the infinitive says what someone may or will say ("Путин может
        // объявить о …, заявил Песков"), not what was said
        var relay: (speaker: Speaker, verb: Int)?
        for v in c.range where text.quoteOf[v] == -1 && isSpeechVerb(v) && !text.facts[v].parts.contains(.infinitiveEndings) {
            guard let sp = verbSubject(v, in: c.range, mentions: c.mentions, state: c.state) else { continue }
            guard let outer = relay else {
                if sp == .other { relay = (sp, v); continue }
                return sp
            }
            if sp != .other && opensItsClause(after: outer.verb, verb: v) { return sp }
        }
        return relay?.speaker
    }

    /// Whether speech verb `v` stands in the clause a complementizer after verb `outer` opens,
    /// with no comma between («Издание отмечает, что министр X заявил»; not «…, что запрет
    /// нужно сохранить, а X заявил о сессии»), at most ten words on.
    func opensItsClause(after outer: Int, verb v: Int) -> Bool {
        guard let that = (outer + 1..<v).first(where: { text.facts[$0].isa(.complementizers) }),
              v - that <= 10 else { return false }
        return !(that + 1...v).contains { text.punctBefore[$0].contains(",") }
    }

    /// "предлагаемая Эльвирой Набиуллиной стратегия": a watched name or role outside the
    /// nominative right after a passive participle is its agent.
    func participleAgent(_ c: SpeakerContext) -> Speaker? {
        for m in c.mentions where (m.kind == .name || m.kind == .role) && !m.nominative && m.first > c.range.lowerBound
            && text.quoteOf[m.first] == -1 && isPassiveParticiple(m.first - 1) {
            // "Маск раскритиковал предложенный Трампом законопроект": a verb of saying or judging
            // before the participle is the sentence's own, and its subject holds the words
            if (c.range.lowerBound..<(m.first - 1)).contains(where: judgesOrSays) { return nil }
            if let sp = resolve(m, state: c.state) { return sp }
        }
        return nil
    }

    /// Word `w` is a speech verb or opens an evaluation or approval, outside quotes.
    func judgesOrSays(_ w: Int) -> Bool {
        text.quoteOf[w] == -1 && (isSpeechVerb(w) || text.facts[w].has(.evaluationFirst) || text.facts[w].has(.approvalFirst))
    }

    /// "Абаев: …": a mention opening the sentence, followed by a colon.
    func headline(_ c: SpeakerContext) -> Speaker? {
        guard let m = c.mentions.first, m.first == c.range.lowerBound, m.last + 1 < c.range.upperBound,
              text.punctBefore[m.last + 1].unicodeScalars.contains(":"), text.punctBefore[m.last + 1].contains(":") else {
            return nil
        }
        return resolve(m, state: c.state)
    }

    /// "Нацбанк понизил ставку": the first watched actor in the nominative outside quotes,
    /// not after a preposition, nor in what a speech verb reports ("X заявил, что решение
    /// Нетаньяху …": an unnamed speaker's words); a capital or institution only in a sentence
    /// of readiness.
    func agent(_ c: SpeakerContext) -> Speaker? {
        let modal = c.range.contains { text.facts[$0].has(.modal) }
        let reported = c.range.first { v in
            text.quoteOf[v] == -1 && isSpeechVerb(v) && (v + 1..<min(v + 3, c.range.upperBound)).contains {
                text.facts[$0].isa(.complementizers)
            }
        }
        for m in c.mentions where text.quoteOf[m.first] == -1 && m.nominative && !afterPreposition(m)
            && m.kind != .pronoun && m.kind != .other && (m.kind != .institution || modal)
            && !(reported.map { m.first > $0 } ?? false) {
            if let sp = resolve(m, state: c.state) { return sp }
        }
        return nil
    }

    /// "Он подчеркнул …": a pronoun among the first three words continues the last subject.
    func pronoun(_ c: SpeakerContext) -> Speaker? {
        guard let m = c.mentions.first, m.kind == .pronoun, m.first <= c.range.lowerBound + 2 else { return nil }
        return referent(of: m.first, state: c.state)
    }

    // MARK: mentions and verbs

    /// A passive participle ("предлагаемая", "подготовленный").
    func isPassiveParticiple(_ w: Int) -> Bool {
        text.facts[w].parts.contains(.passiveParticipleEndings) && text.words[w].norm.utf8.count > 8
    }

    /// The actor (or unwatched speaker) a mention stands for, given what came before.
    func resolve(_ m: Mention, state: SpeakerState) -> Speaker? {
        switch m.kind {
        case .name, .role:
            return m.actors.count == 1 ? .actor(m.actors[0]) : mostRecent(m.actors, state)
        case .head:
            return mostRecent(m.actors, state)
        case .pronoun:
            return referent(of: m.first, state: state)
        case .institution:
            guard let country = m.country else { return nil }
            let actors = index.actorCountries.indices.filter { index.actorCountries[$0].contains(country) }
            return mostRecent(actors, state)
        case .other:
            return .other
        }
    }

    /// A pronoun (or a possessive: «по его словам») at word `pronoun` stands for the last subject,
    /// unless their genders disagree («Белова встретилась с Соколовым. Он заявил …»): then for
    /// the watched actor of the pronoun's gender named last, or for nobody.
    func referent(of pronoun: Int, state: SpeakerState) -> Speaker? {
        let facts = text.facts[pronoun]
        let gender: Gender? = facts.isa(.masculinePronouns) ? .masculine : facts.isa(.femininePronouns) ? .feminine : nil
        guard let gender, case .actor(let subject)? = state.lastSubject,
              let subjectGender = index.actorGenders[subject], subjectGender != gender else { return state.lastSubject }
        return mostRecent(index.actorGenders.indices.filter { index.actorGenders[$0] == gender }, state)
    }

    /// The actor among `actors` mentioned last.
    private func mostRecent(_ actors: [Int], _ state: SpeakerState) -> Speaker? {
        var best: (actor: Int, at: Int)? = nil
        for a in actors {
            if let at = state.lastSeen[a], best == nil || at > best!.at { best = (a, at) }
        }
        return best.map { .actor($0.actor) }
    }

    /// True when mention `m` is preceded by a preposition (then it is no subject).
    func afterPreposition(_ m: Mention) -> Bool {
        m.first > 0 && text.facts[m.first - 1].isa(.prepositions)
    }

    func isSpeechVerb(_ w: Int) -> Bool {
        text.words[w].kind == .word && text.facts[w].has(.speechVerb)
    }

    /// A verb of asking as written ("спросил", "поинтересовалась").
    func isAskingVerb(_ w: Int) -> Bool {
        text.facts[w].isa(.askingVerbs)
    }

    /// The subject of the speech verb at `v`, tried in this order: the antecedent of a
    /// relative pronoun before it; after a comma or dash, a mention just after it; the
    /// nearest nominative mention to its left; a mention within five words after it.
    /// A relative pronoun after the possessor of a topic's word stands for either of them
    /// («бюджетный проект Трампа, который назвал …»: the bill, or Trump): no subject then.
    func verbSubject(_ v: Int, in range: Range<Int>, mentions ms: [Mention], state: SpeakerState) -> Speaker? {
        if let m = relativeAntecedent(v, in: range, mentions: ms) {
            return possessesATopicWord(m, mentions: ms) ? nil : resolve(m, state: state)
        }
        if let m = invertedSubject(v, mentions: ms), let sp = resolve(m, state: state) { return sp }
        if let m = leftSubject(v, mentions: ms), let sp = resolve(m, state: state) { return sp }
        return rightSubject(v, mentions: ms).flatMap { resolve($0, state: state) }
    }

    /// "X, который 7 ноября подчеркнул": the relative pronoun (up to four words before the
    /// verb) stands for the mention ending at most two words before it.
    func relativeAntecedent(_ v: Int, in range: Range<Int>, mentions ms: [Mention]) -> Mention? {
        let window = stride(from: v - 1, through: max(range.lowerBound, v - 4), by: -1)
        let relative = window.first { text.facts[$0].parts.contains(.relativePrefixes) }
        guard let k = relative else {
            return nil
        }
        return ms.last { $0.last < k && $0.last >= k - 2 && $0.kind != .pronoun }
    }

    /// Whether mention `m` (with the role written before it for the same actor: «президента США
    /// Дональда Трампа») stands outside the nominative right after a word of some topic, with
    /// nothing between («проект президента Трампа»): it is that word's possessor.
    func possessesATopicWord(_ m: Mention, mentions ms: [Mention]) -> Bool {
        guard !m.nominative else { return false }
        var first = m.first
        while let role = ms.last(where: { $0.last == first - 1 && $0.actors == m.actors }), !hasPunctuation(before: first) {
            first = role.first
        }
        guard first > 0, text.words[first - 1].kind == .word, !hasPunctuation(before: first) else { return false }
        return text.facts[first - 1].has(.topicWord) && !text.facts[first - 1].isa(.prepositions)
    }

    /// Whether a mark other than a space stands before word `k`.
    func hasPunctuation(before k: Int) -> Bool {
        text.punctBefore[k].contains { !$0.isWhitespace }
    }

    /// "…, заявил Абаев": after a comma or dash the subject follows the verb.
    func invertedSubject(_ v: Int, mentions ms: [Mention]) -> Mention? {
        let punct = text.punctBefore[v]
        // (the string search only where a mark is there at all: it is dear)
        guard punct.unicodeScalars.contains(where: { $0 == "," || $0 == "—" || $0 == "–" }),
              punct.contains(",") || punct.contains("—") || punct.contains("–") else { return nil }
        return ms.first { m in
            m.first > v && m.first <= v + 5 && text.quoteOf[m.first] == -1 && !afterPreposition(m)
                && (m.nominative || m.kind == .other) && !thatBetween(v, m.first)
        }
    }

    /// Whether a complementizer ("что", "чтобы") stands between words `a` and `b`: what follows
    /// it is what was said, not who said it ("заявил, что решение Нетаньяху …").
    func thatBetween(_ a: Int, _ b: Int) -> Bool {
        (a + 1..<b).contains { text.facts[$0].isa(.complementizers) }
    }

    /// The nearest nominative mention left of the verb outside quotes, not across "что".
    func leftSubject(_ v: Int, mentions ms: [Mention]) -> Mention? {
        for m in ms.reversed() where m.last < v && text.quoteOf[m.first] == -1 {
            if thatBetween(m.last, v) { return nil }
            if m.nominative && !afterPreposition(m) { return m }
        }
        return nil
    }

    /// The first mention within five words after the verb (names before bare heads), when it
    /// can be a subject: a name, role or institution in the nominative, a head, an unwatched one;
    /// not past a complementizer.
    func rightSubject(_ v: Int, mentions ms: [Mention]) -> Mention? {
        let right = ms.filter { m in
            m.first > v && m.first <= v + 5 && text.quoteOf[m.first] == -1 && !afterPreposition(m) && !thatBetween(v, m.first)
        }
        guard let m = right.first(where: { $0.kind != .head }) ?? right.first else { return nil }
        let mustBeNominative = m.kind == .name || m.kind == .role || m.kind == .institution
        return mustBeNominative && !m.nominative ? nil : m
    }

    // MARK: quotes

    /// The speaker of quote `q`: named after it, before it, or the previous speaker when
    /// the quote opens its line.
    func quoteSpeaker(_ q: Int, state: SpeakerState) -> Speaker? {
        let span = text.quotes[q]
        // the first sentence holding the quote's last word or starting after it (sentences are
        // ordered word ranges: a binary search, so a page of many short quotes stays linear)
        let last = max(span.upperBound - 1, span.lowerBound)
        let s = Self.partitionPoint(text.sentenceWords.count) {
            text.sentenceWords[$0].upperBound > last || text.sentenceWords[$0].lowerBound >= span.upperBound
        }
        guard s < text.sentenceWords.count else { return nil }
        if let sp = speakerNamedAfter(span, sentence: s, state: state) { return sp }
        guard span.lowerBound > 0 else { return state.lastSpeaker }
        let before = text.punctBefore[span.lowerBound]
        // (the string search only where the mark is there at all: it is dear, and an article of
        // short quotes asks it for each)
        if before.unicodeScalars.contains(":") && before.contains(":"), let sp = speakerNamedBefore(span, state: state) {
            return sp
        }
        // a quote opening its line, no attribution: the speaker before it
        return before.unicodeScalars.contains("\n") && before.contains("\n") ? state.lastSpeaker : nil
    }

    /// «…», — сказал он: the subject of a speech verb (or of a verb of asking: «…?», — спросил
    /// он; the quote is his question, whoever spoke before) within five words after the quote
    /// (the mentions of the sentence `s` ending the quote and of the next one).
    func speakerNamedAfter(_ span: Range<Int>, sentence s: Int, state: SpeakerState) -> Speaker? {
        let sentences = s + 1 < text.sentences.count ? [s, s + 1] : [s]
        let ms = sentences.flatMap { text.sentenceMentions[$0].map { text.mentions[$0] } }
        let limit = min(text.words.count, span.upperBound + 5)
        guard let v = (span.upperBound..<limit).first(where: { (isSpeechVerb($0) || isAskingVerb($0)) && text.quoteOf[$0] == -1 }) else {
            return nil
        }
        return verbSubject(v, in: v..<min(text.words.count, v + 8), mentions: ms, state: state)
    }

    /// заявил X: «…» / X: «…»: the subject of a speech verb before the colon, else the last
    /// nominative mention there (from the start of the sentence holding the word before).
    func speakerNamedBefore(_ span: Range<Int>, state: SpeakerState) -> Speaker? {
        let sentence = Self.partitionPoint(text.sentenceWords.count) {
            text.sentenceWords[$0].upperBound > span.lowerBound - 1
        }
        let holds = sentence < text.sentenceWords.count && text.sentenceWords[sentence].contains(span.lowerBound - 1)
        let start = holds ? text.sentenceWords[sentence].lowerBound : 0
        // mentions are in word order: those from `start` up to the quote
        var pre: [Mention] = []
        var mi = Self.partitionPoint(text.mentions.count) { text.mentions[$0].first >= start }
        while mi < text.mentions.count, text.mentions[mi].first < span.lowerBound {
            if text.mentions[mi].last < span.lowerBound { pre.append(text.mentions[mi]) }
            mi += 1
        }
        for v in (start..<span.lowerBound).reversed() where isSpeechVerb(v) {
            if let sp = verbSubject(v, in: start..<span.lowerBound, mentions: pre, state: state) { return sp }
        }
        return pre.last(where: { $0.nominative }).flatMap { resolve($0, state: state) }
    }

    /// The first index in `0..<count` for which `isAfter` holds, `isAfter` being false then
    /// true along the indices (a binary search).
    static func partitionPoint(_ count: Int, _ isAfter: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isAfter(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
