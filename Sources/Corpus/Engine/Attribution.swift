/// Who holds the words of a sentence.
///
/// Rules, tried in this order; the first that names someone decides, and its name goes
/// into the stance's `rules`:
/// 1. `speaker.quote`: the sentence lies inside a quote whose speaker is named after it
///    («…», — сказал он / "…" - заявил Песков) or before it (заявил X: «…»), or, for a
///    quote that opens a line with no attribution, the speaker of the sentence before.
/// 2. `speaker.reportedSubject`: "X, по словам Y, готов …" — X holds it, Y only reports.
/// 3. `speaker.attributionNoun`: "по словам X", "по мнению X", "как сообщила пресс-служба X".
/// 4. `speaker.verbSubject`: the subject of a speech verb outside quotes: the nearest
///    nominative mention to its left, else one just after it (inverted "заявил Токаев");
///    "X, который … подчеркнул" gives X.
/// 4b. `speaker.participleAgent`: "предлагаемая Эльвирой Набиуллиной стратегия" (the agent
///    of a passive participle, in the instrumental).
/// 5. `speaker.headline`: "X: …".
/// 6. `speaker.agent`: a watched actor in the nominative, not after a preposition (the
///    actor acts: "Банк России понизил ставку").
/// 7. `speaker.pronoun`: a sentence opening with "Он/Она" continues the last subject.
/// 8. `speaker.aboutThis`: filled in afterwards: a sentence with nobody, followed by
///    "Об этом заявил X", is X's.
/// Pronouns resolve to the last subject (speaker or agent) — not merely the last name
/// mentioned, so "обсуждал с Трампом" does not capture a following "он". A shared role
/// or bare role head ("президент", "глава МОК") resolves to the most recently mentioned
/// actor holding it; unmentioned, it stays unresolved. A capital or institution as a
/// nominative subject ("Анкара выразила готовность") speaks for the most recently mentioned
/// watched actor whose roles name that country; "в Кремле заявили" (a place, no subject)
/// is unattributed, as is "Ранее в Казахстане заявили". Unwatched people (two capitalised
/// words not in the watchlist, "Владимир Зеленский") take the speaker's place and give
/// no stance.
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

struct Attribution {
    let text: ArticleText
    let lexicon: Lexicon
    let index: WatchIndex
    /// Prepositions: a mention after one is no subject.
    let prepositions: Set<String>

    init(text: ArticleText, lexicon: Lexicon, index: WatchIndex) {
        self.text = text
        self.lexicon = lexicon
        self.index = index
        prepositions = lexicon.words.set(.prepositions)
    }

    static let honorifics = K.set(["господина", "госпожи", "г-на", "г-жи", "кардинала", "мистера", "миссис"])

    static let participleEndings = ["емая", "емый", "емое", "емые", "емой", "емую", "енная", "енный", "енное", "енные",
                                    "енной", "енную", "анная", "анный", "анное", "анные", "анной", "анную"].map(Fold.word)

    /// A passive participle ("предлагаемая", "подготовленный").
    static func isPassiveParticiple(_ norm: String) -> Bool {
        norm.utf8.count > 8 && participleEndings.contains { norm.hasSuffix($0) }
    }

    func resolve(_ m: Mention, state: SpeakerState) -> Speaker? {
        switch m.kind {
        case .name:
            return m.actors.count == 1 ? .actor(m.actors[0]) : mostRecent(m.actors, state)
        case .role:
            if m.actors.count == 1 { return .actor(m.actors[0]) }
            return mostRecent(m.actors, state)
        case .head:
            return mostRecent(m.actors, state)
        case .pronoun:
            return state.lastSubject
        case .institution:
            guard let c = m.country else { return nil }
            let cands = index.actorCountries.indices.filter { index.actorCountries[$0].contains(c) }
            return mostRecent(cands, state)
        case .other:
            return .other
        }
    }

    private func mostRecent(_ actors: [Int], _ state: SpeakerState) -> Speaker? {
        var best: (Int, Int)? = nil
        for a in actors { if let p = state.lastSeen[a], best == nil || p > best!.1 { best = (a, p) } }
        return best.map { .actor($0.0) }
    }

    /// True when mention `m` is preceded by a preposition (then it is no subject).
    func afterPreposition(_ m: Mention) -> Bool {
        m.first > 0 && prepositions.contains(text.words[m.first - 1].norm)
    }

    func isSpeechVerb(_ w: Int) -> Bool {
        text.words[w].kind == .word && lexicon.speechVerbs.contains(text.stems[w])
    }

    /// The sentence's holder and the rule that found it.
    func speaker(of s: Int, state: SpeakerState, quoteSpeakers: inout [Int: Speaker?]) -> (Speaker, RuleName)? {
        let range = text.sentenceWords[s]
        guard !range.isEmpty else { return nil }
        let ms = text.sentenceMentions[s].map { text.mentions[$0] }
        // 1. inside a quote
        let q = text.quoteOf[range.lowerBound]
        if q >= 0, text.quoteOf[range.upperBound - 1] == q || text.quotes[q].upperBound <= range.upperBound {
            if quoteSpeakers[q] == nil { quoteSpeakers[q] = quoteSpeaker(q, state: state) }
            if let sp = quoteSpeakers[q]! {
                return (sp, .speakerQuote)
            }
        }
        // 2./3. по словам X
        for w in range where lexicon.attributionNouns.contains(text.words[w].norm) && text.quoteOf[w] == -1 {
            let next = w + 1 < range.upperBound ? text.words[w + 1].norm : ""
            let prev = w > range.lowerBound ? text.words[w - 1].norm : ""
            if K.possessives.contains(next) || K.possessives.contains(prev), let sp = state.lastSubject {
                return (sp, .speakerAttributionNoun)
            }
            // "по мнению экспертов": an unnamed source speaks, nobody watched
            if w + 1 < range.upperBound, !text.boundary(before: w + 1), text.words[w + 1].kind == .word,
               !text.words[w + 1].capitalized, !K.possessives.contains(next), !Self.honorifics.contains(next),
               lexicon.roleHeads.isDisjoint(with: [next, text.stems[w + 1]]), index.headActors[text.stems[w + 1]] == nil,
               !ms.contains(where: { $0.first == w + 1 }) {
                return (.other, .speakerAttributionNoun)
            }
            // the speaker follows the noun within its phrase: "по мнению экспертов, Котяков …"
            // names no speaker
            if let m = ms.first(where: { m in m.first > w && m.first <= w + 3 && m.kind != .pronoun
                                            && !((w + 1)...m.first).contains { text.boundary(before: $0) } }),
               let sp = resolve(m, state: state) {
                if let subj = ms.first(where: { $0.last < w && $0.nominative && !afterPreposition($0) && ($0.kind == .name || $0.kind == .role) && text.quoteOf[$0.first] == -1 }),
                   let ss = resolve(subj, state: state), case .actor = ss {
                    return (ss, .speakerReportedSubject)
                }
                return (sp, .speakerAttributionNoun)
            }
        }
        // 4. subject of a speech verb
        for v in range where text.quoteOf[v] == -1 && isSpeechVerb(v) {
            if let sp = verbSubject(v, in: range, mentions: ms, state: state) { return (sp, .speakerVerbSubject) }
        }
        // 4b. "предлагаемая Эльвирой Набиуллиной стратегия": a passive participle with its
        // agent in the instrumental
        for m in ms where (m.kind == .name || m.kind == .role) && !m.nominative && m.first > range.lowerBound
            && text.quoteOf[m.first] == -1 && Self.isPassiveParticiple(text.words[m.first - 1].norm) {
            if let sp = resolve(m, state: state) { return (sp, .speakerParticipleAgent) }
        }
        // 5. "X: ..."
        if let m = ms.first, m.first == range.lowerBound, m.last + 1 < range.upperBound, text.punctBefore[m.last + 1].contains(":"),
           let sp = resolve(m, state: state) {
            return (sp, .speakerHeadline)
        }
        // 6. a watched actor in the nominative
        let modal = range.contains { lexicon.modal.contains(text.stems[$0]) }
        for m in ms where text.quoteOf[m.first] == -1 && m.nominative && !afterPreposition(m) && m.kind != .pronoun && m.kind != .other {
            // a capital or institution acts for its country only with readiness ("Анкара готова")
            if m.kind == .institution && !modal { continue }
            if let sp = resolve(m, state: state) { return (sp, .speakerAgent) }
        }
        // 7. "Он ..." at the start
        if let m = ms.first, m.kind == .pronoun, m.first <= range.lowerBound + 2, let sp = state.lastSubject {
            return (sp, .speakerPronoun)
        }
        return nil
    }

    /// The subject of the speech verb at `v`.
    func verbSubject(_ v: Int, in range: Range<Int>, mentions ms: [Mention], state: SpeakerState) -> Speaker? {
        // "X, который 7 ноября подчеркнул": the relative pronoun stands for the mention before it
        for k in stride(from: v - 1, through: max(range.lowerBound, v - 4), by: -1) where text.words[k].norm.hasPrefix(K.котор) {
            if let m = ms.last(where: { $0.last < k && $0.last >= k - 2 && $0.kind != .pronoun }) { return resolve(m, state: state) }
            break
        }
        // "…, заявил X": after a comma or dash the subject follows the verb
        let inverted = text.punctBefore[v].contains(",") || text.punctBefore[v].contains("—") || text.punctBefore[v].contains("–")
        if inverted, let m = ms.first(where: { $0.first > v && $0.first <= v + 5 && text.quoteOf[$0.first] == -1 && !afterPreposition($0) && ($0.nominative || $0.kind == .other) }),
           let sp = resolve(m, state: state) {
            return sp
        }
        // left: nearest nominative mention, not across "что"
        var left: Mention? = nil
        for m in ms.reversed() where m.last < v {
            if text.quoteOf[m.first] != -1 { continue }
            var blocked = false
            for w in m.last + 1..<v where text.words[w].norm == K.что || text.words[w].norm == K.чтобы { blocked = true; break }
            if blocked { break }
            if m.nominative && !afterPreposition(m) { left = m; break }
        }
        if let m = left, let sp = resolve(m, state: state) {
            // a role head followed by a name: the name decides
            return sp
        }
        // right: first mention within five words, names before bare heads
        let right = ms.filter { $0.first > v && $0.first <= v + 5 && text.quoteOf[$0.first] == -1 && !afterPreposition($0) }
        if let m = right.first(where: { $0.kind != .head }) ?? right.first, m.kind != .institution || m.nominative {
            if m.kind == .name || m.kind == .role || m.kind == .other || m.kind == .institution {
                if !m.nominative && m.kind != .other { return nil }
            }
            return resolve(m, state: state)
        }
        return nil
    }

    /// The speaker of quote `q`: named after it, before it, or the previous speaker when
    /// the quote opens its line.
    func quoteSpeaker(_ q: Int, state: SpeakerState) -> Speaker? {
        let span = text.quotes[q]
        // the first sentence holding the quote's last word or starting after it (sentences are
        // ordered word ranges: a binary search, so a page of many short quotes stays linear)
        let last = max(span.upperBound - 1, span.lowerBound)
        let s = Self.partitionPoint(text.sentenceWords.count) { text.sentenceWords[$0].upperBound > last || text.sentenceWords[$0].lowerBound >= span.upperBound }
        guard s < text.sentenceWords.count else { return nil }
        let ms = text.sentenceMentions[s].map { text.mentions[$0] } + (s + 1 < text.sentences.count ? text.sentenceMentions[s + 1].map { text.mentions[$0] } : [])
        // after: «…», — сказал он
        var w = span.upperBound
        let limit = min(text.words.count, w + 5)
        while w < limit {
            if isSpeechVerb(w) && text.quoteOf[w] == -1 {
                if let sp = verbSubject(w, in: w..<min(text.words.count, w + 8), mentions: ms, state: state) { return sp }
                break
            }
            w += 1
        }
        // before: заявил X: «…» / X: «…»
        if span.lowerBound > 0 {
            let before = text.punctBefore[span.lowerBound]
            if before.contains(":") {
                let k = Self.partitionPoint(text.sentenceWords.count) { text.sentenceWords[$0].upperBound > span.lowerBound - 1 }
                let start = k < text.sentenceWords.count && text.sentenceWords[k].contains(span.lowerBound - 1) ? text.sentenceWords[k].lowerBound : 0
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
                if let m = pre.last(where: { $0.nominative }), let sp = resolve(m, state: state) { return sp }
            }
            // a quote opening its line, no attribution: the speaker before it
            if before.contains("\n") { return state.lastSpeaker }
        } else {
            return state.lastSpeaker
        }
        return nil
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
