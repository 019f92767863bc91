/// Which watched topics a sentence speaks of, and where.
///
/// `topic.cue`: a cue phrase of the topic, word by word in the same word family.
/// A cue several topics share ("площадка", "посредник") is tied to a topic by, in order:
/// `topic.anchorInSentence` (a proper word of the topic or its gazetteer twins in the
/// sentence: "Казахстан", "Анкара", "турецкий" — every topic so named is kept),
/// `topic.actorCountry` (the holder's own country, by its names and roles),
/// `topic.anchorNearby` (the two sentences before), `topic.groupCountry` (the country of
/// the holder's group mates), `topic.generic` (the one sharing topic without anchors),
/// `topic.anchorInArticle`, `topic.specificWord` (a word of its label, cues or descriptions
/// that none of the other sharing topics has: topics close in meaning); otherwise the cue is
/// dropped, or, for the model, kept for each topic as `topic.ambiguous` (an abstention). A watched actor named in the
/// sentence anchors the topics of their own country ("становление Эрдогана посредником").
/// A cue that is a place name ("Ватикан", "Стамбул") gives way when the same sentence
/// holds a common-word cue of another topic anchored there ("Ватикан … посредником" is
/// about mediation), and never stands as a bare affirmation (see `PolarityFinder`).
/// `topic.description`: without a cue, a sentence whose content words overlap the topic's
/// label and descriptions (weighted by rarity across topics) and which carries an
/// evaluation (evaluative topics) or a direction word (direction topics).
struct TopicHit {
    var topic: Int
    /// Word range of the cue (or of the evaluation/direction word for description hits).
    var words: Range<Int>
    var rules: [RuleName]
    /// The cue is a place name (an anchor of the topic), not a word for the position.
    var properCue: Bool = false
    /// For a cue several topics share and nothing ties to one: all of them (`topic.ambiguous`).
    var competing: [Int] = []
}

struct TopicFinder {
    let text: ArticleText
    let index: WatchIndex
    let lexicon: Lexicon
    /// cue first-word bucket → (topic, cue index)
    let buckets: [Substring: [(Int, Int)]]
    /// Topics the article as a whole is about (see `active`).
    var activeTopics: Set<Int> = []

    static func buckets(_ index: WatchIndex) -> [Substring: [(Int, Int)]] {
        var b: [Substring: [(Int, Int)]] = [:]
        for (ti, t) in index.topics.enumerated() {
            for (ci, c) in t.cues.enumerated() { b[WordForms.bucket(c[0]), default: []].append((ti, ci)) }
        }
        return b
    }

    /// Anchors of `topic` in range `r`: its words, and watched actors (other than the
    /// holder, named in `r` of the holder's sentence) whose own country anchors the topic
    /// ("становление Эрдогана посредником").
    func anchorsIn(_ r: Range<Int>, topic: Int, holder: (actor: Int, sentence: Int)? = nil) -> Int {
        var n = 0
        let anchors = index.topics[topic].anchors
        let phrases = index.topics[topic].anchorPhrases
        guard !anchors.isEmpty || !phrases.isEmpty else { return 0 }
        for w in r where text.words[w].kind == .word {
            if anchors.contains(text.stems[w]) { n += 1; continue }
            for p in phrases where p[0] == text.stems[w] && w + p.count <= r.upperBound {
                if (0..<p.count).allSatisfy({ text.stems[w + $0] == p[$0] }) { n += 1; break }
            }
        }
        if let holder {
            for mi in text.sentenceMentions[holder.sentence] {
                let m = text.mentions[mi]
                guard m.kind == .name, r.contains(m.first), m.actors.count == 1, m.actors[0] != holder.actor else { continue }
                if !index.ownAnchors[m.actors[0]].isDisjoint(with: anchors) { n += 1 }
            }
        }
        return n
    }

    /// Cue hits of sentence `s`, with shared cues tied to topics.
    /// With `keepAmbiguous`, a shared cue nothing ties to one topic gives a hit for each of
    /// its topics, marked `topic.ambiguous` (the model abstains on them, `explain` says why).
    func hits(sentence s: Int, holder: Int, keepAmbiguous: Bool = false) -> [TopicHit] {
        let r = text.sentenceWords[s]
        var out: [TopicHit] = []
        var ambiguous: [TopicHit] = []
        // choices and support depend on the sentence, not on the cue's position: decide each
        // once per sentence (a run-on page of repeated cues stays linear)
        var chosenFor: [[Int]: [(Int, RuleName?)]] = [:]
        var supportFor: [Int: [String: Bool]] = [:]  // topic → cue stem → supported
        var w = r.lowerBound
        while w < r.upperBound {
            var found: [(topic: Int, len: Int)] = []
            if let cands = buckets[WordForms.bucket(text.stems[w])] {
                for (ti, ci) in cands {
                    let cue = index.topics[ti].cues[ci]
                    guard WordForms.sameFamily(text.stems[w], cue[0]) else { continue }
                    if let end = matchRest(cue, after: w, limit: r.upperBound) { found.append((ti, end - w)) }
                }
            }
            guard !found.isEmpty else { w += 1; continue }
            let len = found.map(\.len).max()!
            var topics = Array(Set(found.map(\.topic))).sorted()
            // a one-word cue needs support: an anchor, the holder's own country, another word of the
            // topic's texts in the sentence, or an article that is about the topic as a whole
            if len == 1 {
                topics = topics.filter { t in
                    if let known = supportFor[t]?[text.stems[w]] { return known }
                    let ok = supported(t, sentence: s, holder: holder, cue: w)
                    supportFor[t, default: [:]][text.stems[w]] = ok
                    return ok
                }
            }
            guard !topics.isEmpty else { w += 1; continue }
            var chosen: [(Int, RuleName?)]
            if let known = chosenFor[topics] { chosen = known } else {
                chosen = choose(topics, sentence: s, holder: holder)
                chosenFor[topics] = chosen
            }
            // topics close in meaning: told apart by a word only one of them has in its
            // label, cues or descriptions ("пошлины на сыр из Норландии")
            if chosen.isEmpty && topics.count > 1, let t = specific(topics, in: r) {
                chosen = [(t, .topicSpecificWord)]
            }
            if chosen.isEmpty && topics.count > 1 && keepAmbiguous {
                for t in topics where !ambiguous.contains(where: { $0.topic == t }) {
                    ambiguous.append(TopicHit(topic: t, words: w..<(w + len), rules: [.topicCue, .topicAmbiguous], competing: topics))
                }
            }
            for (t, rule) in chosen {
                if !out.contains(where: { $0.topic == t }) {
                    out.append(TopicHit(topic: t, words: w..<(w + len), rules: [.topicCue] + (rule.map { [$0] } ?? []),
                                        properCue: isPlaceName(w..<(w + len), topic: t, sentenceStart: r.lowerBound)))
                }
            }
            // the words inside a cue stay open to shorter cues of other topics ("роль
            // посредника" of one country, "посредник" of another)
            w += 1
        }
        // a place-name cue gives way to a common-word cue of another topic the place anchors
        let common = out.filter { !$0.properCue }
        out.removeAll { h in
            h.properCue && common.contains { c in c.topic != h.topic && anchorsIn(h.words, topic: c.topic) > 0 }
        }
        for a in ambiguous where !out.contains(where: { $0.topic == a.topic }) { out.append(a) }
        return out
    }

    /// A cue written as a proper name ("Ватикан", "Святой Престол", "Стамбул") or one the
    /// topic's anchors hold: it names a place, not a position.
    func isPlaceName(_ r: Range<Int>, topic t: Int, sentenceStart: Int) -> Bool {
        let anchors = index.topics[t].anchors
        if r.allSatisfy({ anchors.contains(text.stems[$0]) }) { return true }
        if index.topics[t].anchorPhrases.contains(where: { $0 == r.map { text.stems[$0] } }) { return true }
        return r.allSatisfy { text.words[$0].capitalized } && !(r.count == 1 && r.lowerBound == sentenceStart)
    }

    /// Matches the words of `cue` after its first word at `w`: each next cue word may come
    /// after up to two other words of the same clause ("ограничительная денежно-кредитная
    /// политика" for "ограничительная политика"). Returns the end of the match.
    func matchRest(_ cue: [String], after w: Int, limit: Int) -> Int? {
        var at = w + 1
        for cs in cue.dropFirst() {
            var found: Int? = nil
            var k = at
            while k < limit, k <= at + 2 {
                if text.boundary(before: k) { break }
                if WordForms.sameFamily(text.stems[k], cs) { found = k; break }
                k += 1
            }
            guard let f = found else { return nil }
            at = f + 1
        }
        return at
    }

    /// Ties a cue shared by several topics to the right ones.
    func choose(_ topics: [Int], sentence s: Int, holder: Int) -> [(Int, RuleName?)] {
        let r = text.sentenceWords[s]
        let inSentence = topics.filter { anchorsIn(r, topic: $0, holder: (holder, s)) > 0 }
        if topics.isEmpty { return [] }
        if topics.count == 1 {
            let t = topics[0]
            // a single topic with anchors, while the sentence names another country only: not this one
            // a topic tied to a place needs that place: in the sentence, in the two before,
            // or as the holder's (or its group's) own country
            let anchored = !index.topics[t].anchors.isEmpty || !index.topics[t].anchorPhrases.isEmpty
            if anchored && inSentence.isEmpty && index.actorAnchors[holder].isDisjoint(with: index.topics[t].anchors) {
                let lo = max(0, s - 2)
                let near = text.sentenceWords[lo].lowerBound..<r.lowerBound
                if otherCountryNamed(r, topic: t) || anchorsIn(near, topic: t) == 0 { return [] }
                return [(t, .topicAnchorNearby)]
            }
            return [(t, nil)]
        }
        if !inSentence.isEmpty { return inSentence.map { ($0, .topicAnchorInSentence) } }
        let own = topics.filter { !index.ownAnchors[holder].isDisjoint(with: index.topics[$0].anchors) }
        if own.count == 1 { return [(own[0], .topicActorCountry)] }
        let group = topics.filter { !index.actorAnchors[holder].isDisjoint(with: index.topics[$0].anchors) }
        let pool = own.isEmpty ? topics : own
        let lo = max(0, s - 2)
        if lo < s {
            let near = text.sentenceWords[lo].lowerBound..<r.lowerBound
            let scored = pool.map { ($0, anchorsIn(near, topic: $0)) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
            if let best = scored.first, scored.count == 1 || scored[1].1 < best.1 { return [(best.0, .topicAnchorNearby)] }
        }
        if group.count == 1 { return [(group[0], .topicGroupCountry)] }
        let generic = pool.filter { index.topics[$0].anchors.isEmpty }
        if generic.count == 1 { return [(generic[0], .topicGeneric)] }
        let all = 0..<text.words.count
        let scored = pool.map { ($0, anchorsIn(all, topic: $0)) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        if let best = scored.first, scored.count == 1 || scored[1].1 < best.1 { return [(best.0, .topicAnchorInArticle)] }
        return []
    }

    /// The one topic of `topics` whose own words (label, cues, descriptions: stems no other
    /// of them has) stand in range `r`; nil when none or several do.
    func specific(_ topics: [Int], in r: Range<Int>) -> Int? {
        var found: Int? = nil
        for t in topics {
            let own = index.topics[t].descriptionStems
            let hit = r.contains { w in
                own.contains(text.stems[w]) && !topics.contains { $0 != t && index.topics[$0].descriptionStems.contains(text.stems[w]) }
            }
            if hit { if found != nil { return nil }; found = t }
        }
        return found
    }

    /// Whether a one-word cue of topic `t` at word `cue` is backed by something else.
    func supported(_ t: Int, sentence s: Int, holder: Int, cue: Int) -> Bool {
        let r = text.sentenceWords[s]
        let topic = index.topics[t]
        if anchorsIn(r, topic: t, holder: (holder, s)) > 0 { return true }
        if !topic.anchors.isEmpty && !index.actorAnchors[holder].isDisjoint(with: topic.anchors) { return true }
        for w in r where w != cue && !WordForms.sameFamily(text.stems[w], text.stems[cue]) {
            if let wt = topic.descriptionWeights[text.stems[w]], wt > 0 { return true }
        }
        return activeTopics.contains(t)
    }

    /// Topics the article as a whole is about: at least three distinct words of the
    /// topic's texts (cues included) across the article.
    static func active(_ text: ArticleText, _ index: WatchIndex) -> Set<Int> {
        var out = Set<Int>()
        let distinct = Set(text.stems)
        for (ti, t) in index.topics.enumerated() {
            var n = 0
            for (stem, wt) in t.descriptionWeights where wt > 0 && distinct.contains(stem) { n += 1; if n >= 3 { break } }
            if n >= 3 { out.insert(ti) }
        }
        return out
    }

    /// True when the sentence names a country that anchors some other topic but not `t`.
    func otherCountryNamed(_ r: Range<Int>, topic t: Int) -> Bool {
        for (oi, o) in index.topics.enumerated() where oi != t && !o.anchors.isEmpty {
            if anchorsIn(r, topic: oi) > 0 && !o.anchors.isSubset(of: index.topics[t].anchors) { return true }
        }
        return false
    }

    /// Topics named without a cue: overlap with the descriptions plus an evaluation or
    /// a direction word (found by `Polarity`), at word `at`.
    func descriptionHits(sentence s: Int, holder: Int, evaluationAt: Int?, directionAt: Int?, skip: Set<Int>,
                         usedByCue: Set<Int> = []) -> [TopicHit] {
        let r = text.sentenceWords[s]
        var out: [TopicHit] = []
        for (ti, t) in index.topics.enumerated() where !skip.contains(ti) {
            let at: Int?
            switch t.kind {
            case .evaluative: at = evaluationAt
            case .direction: at = directionAt
            case .plain: at = nil
            }
            guard let a = at else { continue }
            var seen = Set<String>()
            var score = 0.0
            for w in r where !seen.contains(text.stems[w]) {
                if let wt = t.descriptionWeights[text.stems[w]] { score += wt; seen.insert(text.stems[w]) }
            }
            // an evaluative topic the whole article is about takes an evaluation with no
            // word of its own ("путь к миру остаётся открытым")
            guard score >= 1.5 || (t.kind == .evaluative && (hasTimeframe(r) || activeTopics.contains(ti) && r.count >= 6 && !usedByCue.contains(a))) else { continue }
            // a direction word must govern a word of the topic ("уменьшении объема добычи")
            if t.kind == .direction && score < 2 {
                let near = max(r.lowerBound, a - 3)..<min(r.upperBound, a + 4)
                guard near.contains(where: { $0 != a && (t.descriptionWeights[text.stems[$0]] ?? 0) > 0 }) else { continue }
            }
            if !t.anchors.isEmpty && anchorsIn(r, topic: ti) == 0 && index.actorAnchors[holder].isDisjoint(with: t.anchors) { continue }
            out.append(TopicHit(topic: ti, words: a..<(a + 1), rules: [.topicDescription]))
        }
        return out
    }

    func hasTimeframe(_ r: Range<Int>) -> Bool {
        for w in r {
            for tf in lexicon.timeframes where w + tf.count <= r.upperBound {
                var ok = true
                for (k, x) in tf.enumerated() where text.stems[w + k] != x { ok = false; break }
                if ok { return true }
            }
        }
        return false
    }
}
