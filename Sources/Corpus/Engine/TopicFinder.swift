/// A topic a sentence speaks of, the words that name it and the rules that found it.
struct TopicHit {
    var topic: Int
    /// Word range of the cue (or of the evaluation/direction word for description hits).
    var words: Range<Int>
    var rules: [RuleName]
    /// The cue is a place name (an anchor of the topic), not a word for the position.
    var properCue: Bool = false
    /// For a cue several topics share and nothing ties to one: all of them (`topic.ambiguous`).
    var competing: [Int] = []
    /// For `topic.pointedBack`: the sentence and cue of the measure the words point back to.
    var pointsTo: (sentence: Int, words: Range<Int>)? = nil
}

/// Which watched topics a sentence speaks of, and where.
///
/// `topic.cue`: a cue phrase of the topic, word by word in the same word family. A cue of one
/// word needs support in the sentence or the article (`supported`); one that is only a word of
/// stance or speech (`Lexicon.genericStems`: "поддержка", "голосовать") needs the topic's own
/// name in the sentence ("голосовать за Трампа"), as the object when «за» or «против» follows
/// it (`sideObject`: not "голосование за бюджетный проект президента Трампа").
/// A cue of a single topic is kept, unless the topic is tied to a place that neither the
/// sentence nor the holder's (or its group's) country names: then `topic.anchorNearby` (the
/// two sentences before name it) or nothing (`chooseSingle`).
/// A cue several topics share ("площадка", "посредник") is tied to a topic by the first of
/// `sharedCueRules` that chooses, in order:
/// 1. `topic.anchorInSentence`: a proper word of the topic or its gazetteer twins in the
///    sentence ("Казахстан", "Анкара", "турецкий"); every topic so named is kept.
/// 2. `topic.actorCountry`: the holder's own country, by its names and roles.
/// 3. `topic.anchorNearby`: the most anchors in the two sentences before.
/// 4. `topic.groupCountry`: the country of the holder's group mates.
/// 5. `topic.generic`: the one sharing topic without anchors.
/// 6. `topic.anchorInArticle`: the most anchors in the whole article.
/// 7. `topic.specificWord`: a name in its label, cues or descriptions that none of the other
///    sharing topics has (every topic so named is kept: "вступление Финляндии и Швеции"),
///    else a word of them that none of the others has (topics close in meaning: "пошлины на
///    сыр из Норландии").
/// Otherwise the cue is dropped, or, for the model, kept for each topic as `topic.ambiguous`
/// (an abstention). A watched actor named in the sentence anchors the topics of their own
/// country ("становление Эрдогана посредником"). A cue that is a place name ("Ватикан",
/// "Стамбул") gives way when the same sentence holds a common-word cue of another topic
/// anchored there ("Ватикан … посредником" is about mediation), and never stands as a bare
/// affirmation (see `PolarityFinder`); a one-word acronym no place list knows ("НДФЛ") is
/// no place name.
/// `topic.description`: without a cue, a sentence whose content words overlap the topic's
/// label and descriptions (weighted by rarity across topics) and which carries an
/// evaluation (evaluative topics) or a direction word (direction topics).
/// `topic.pointedBack`: without a cue or a description, a determiner and a noun of decision or
/// change («это решение», «предлагаемые изменения»: `pointingDeterminers`, `measureNounPrefixes`)
/// stand for the measure the nearest sentence before that names one by its cue names (at most
/// `pointBackSentences` before), when it names one topic only.
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
        // only a word that anchors some topic can count (`anchorWords`, ascending): those of `r`
        var i = Attribution.partitionPoint(text.anchorWords.count) { text.anchorWords[$0] >= r.lowerBound }
        while i < text.anchorWords.count, text.anchorWords[i] < r.upperBound {
            let w = text.anchorWords[i]
            i += 1
            guard text.words[w].kind == .word else { continue }
            if anchors.contains(text.stems[w]) { n += 1; continue }
            for p in phrases where p[0] == text.stems[w] && w + p.count <= r.upperBound {
                if (0..<p.count).allSatisfy({ text.stems[w + $0] == p[$0] }) { n += 1; break }
            }
        }
        if let holder {
            for mi in text.sentenceMentions[holder.sentence] {
                let m = text.mentions[mi]
                let namesAnotherActor = m.kind == .name && r.contains(m.first) && m.actors.count == 1
                    && m.actors[0] != holder.actor
                guard namesAnotherActor else { continue }
                if index.ownAnchorsMeet[m.actors[0]][topic] { n += 1 }
            }
        }
        return n
    }

    /// Cue hits of sentence `s`, with shared cues tied to topics, in steps: the cues that
    /// start at each word (`cueMatches`), the support a one-word cue needs (`supported`), the
    /// topic rules (`choose`; a topic they set aside for a shared cue's words is not found again
    /// by a longer cue over them), and place-name cues giving way (`placeNamesGiveWay`).
    /// With `keepAmbiguous`, a shared cue nothing ties to one topic gives a hit for each of
    /// its topics, marked `topic.ambiguous` (the model abstains on them, `explain` says why).
    /// With `within`, only cues that start in those words count (a holder of part of the sentence).
    /// How many sentences back a pointing noun phrase may reach for its measure.
    static let pointBackSentences = 6

    /// `topic.pointedBack`: the measure a determiner and a noun of decision or change in sentence
    /// `s` point back to, or nil.
    func pointedBack(sentence s: Int, holder: Int) -> TopicHit? {
        let r = text.sentenceWords[s]
        guard let w = r.dropLast().first(where: { text.facts[$0].isa(.pointingDeterminers)
            && text.facts[$0 + 1].parts.contains(.measureNounPrefixes) && !text.boundary(before: $0 + 1) }) else { return nil }
        for back in stride(from: s - 1, through: max(0, s - Self.pointBackSentences), by: -1) {
            let named = hits(sentence: back, holder: holder)
            guard let first = named.first else { continue }
            guard named.allSatisfy({ $0.topic == first.topic }) else { return nil }
            return TopicHit(topic: first.topic, words: w..<(w + 2), rules: [.topicPointedBack],
                            pointsTo: (back, first.words))
        }
        return nil
    }

    func hits(sentence s: Int, holder: Int, keepAmbiguous: Bool = false, within: Range<Int>? = nil) -> [TopicHit] {
        let r = text.sentenceWords[s]
        var out: [TopicHit] = []
        var ambiguous: [TopicHit] = []
        var memo = SentenceMemo()
        // words a topic rule gave to some topics of a shared cue, and the topics it set aside
        var setAside: [(words: Range<Int>, topics: [Int])] = []
        // the words inside a cue stay open to shorter cues of other topics ("роль
        // посредника" of one country, "посредник" of another)
        for w in within ?? r {
            guard let match = cueMatches(at: w, limit: r.upperBound) else { continue }
            let cue = w..<(w + match.length)
            var topics = match.topics
            // a one-word cue needs support: an anchor, the holder's own country, another word of the
            // topic's texts in the sentence, or an article that is about the topic as a whole; a
            // word of stance or speech ("поддержать", "голосовать") says no more than that a
            // position is taken, so it needs a name of the topic in the sentence
            if match.length == 1 {
                topics = topics.filter { t in
                    match.generic.contains(t) ? namesTopic(t, in: sideObject(after: w, in: r) ?? r)
                        : memo.supported(t, stem: text.stems[w]) { supported(t, sentence: s, holder: holder, cue: w) }
                }
            }
            guard !topics.isEmpty else { continue }
            let chosen = memo.chosen(topics) { choose(topics, sentence: s, holder: holder) }
            if chosen.isEmpty && topics.count > 1 && keepAmbiguous {
                for t in topics where !ambiguous.contains(where: { $0.topic == t }) {
                    ambiguous.append(TopicHit(topic: t, words: cue, rules: [.topicCue, .topicAmbiguous],
                                              competing: topics))
                }
            }
            for (t, rule) in chosen where !out.contains(where: { $0.topic == t }) {
                out.append(TopicHit(topic: t, words: cue, rules: [.topicCue] + (rule.map { [$0] } ?? []),
                                    properCue: isPlaceName(cue, topic: t, sentenceStart: r.lowerBound)))
            }
            if !chosen.isEmpty { setAside.append((cue, topics.filter { t in !chosen.contains { $0.0 == t } })) }
        }
        // a topic set aside for some words is not found by another cue over them ("повышении
        // пенсионного возраста для чиновников": the words went to the officials' topic)
        out.removeAll { h in setAside.contains { $0.topics.contains(h.topic) && $0.words.overlaps(h.words) } }
        out = placeNamesGiveWay(out)
        for a in ambiguous where !out.contains(where: { $0.topic == a.topic }) { out.append(a) }
        return out
    }

    /// The topics whose cues start at word `w` (sorted), and the length of the longest. The
    /// first word matches by its stem, or by its family unless it is a word of stance or speech
    /// and the cue's is not (`Lexicon.genericStems`: «согласился» is no form of the cue
    /// «соглашение», «одобрении» is one of the cue «одобрить»).
    /// `generic`: the topics whose cue there is a single word of stance or speech ("поддержка").
    func cueMatches(at w: Int, limit: Int) -> (topics: [Int], length: Int, generic: Set<Int>)? {
        guard text.facts[w].has(.cueBucket) else { return nil }
        var found: [(topic: Int, length: Int)] = []
        var generic = Set<Int>()
        for (ti, ci) in buckets[WordForms.bucket(text.stems[w])] ?? [] {
            let cue = index.topics[ti].cues[ci]
            guard text.stems[w] == cue[0] || WordForms.sameFamily(text.stems[w], cue[0])
                && (!lexicon.genericStems.contains(text.stems[w]) || lexicon.genericStems.contains(cue[0])) else { continue }
            if let end = matchRest(cue, after: w, limit: limit) {
                found.append((ti, end - w))
                if cue.count == 1 && lexicon.genericStems.contains(cue[0]) { generic.insert(ti) }
            }
        }
        guard let length = found.map(\.length).max() else { return nil }
        return (Array(Set(found.map(\.topic))).sorted(), length, generic)
    }

    /// A place-name cue gives way to a common-word cue of another topic the place anchors.
    func placeNamesGiveWay(_ hits: [TopicHit]) -> [TopicHit] {
        let common = hits.filter { !$0.properCue }
        return hits.filter { h in
            !(h.properCue && common.contains { c in c.topic != h.topic && anchorsIn(h.words, topic: c.topic) > 0 })
        }
    }

    /// A cue written as a proper name ("Ватикан", "Святой Престол", "Стамбул") or one the
    /// topic's anchors hold: it names a place, not a position.
    func isPlaceName(_ r: Range<Int>, topic t: Int, sentenceStart: Int) -> Bool {
        let anchors = index.topics[t].anchors
        if r.allSatisfy({ anchors.contains(text.stems[$0]) }) { return true }
        if index.topics[t].anchorPhrases.contains(where: { $0 == r.map { text.stems[$0] } }) { return true }
        // an acronym no place list knows names a thing («НДФЛ»), not a place
        if r.count == 1 && text.words[r.lowerBound].allCaps { return false }
        return r.allSatisfy { text.words[$0].capitalized } && !(r.count == 1 && r.lowerBound == sentenceStart)
    }

    /// Matches the words of `cue` after its first word at `w`: each next cue word may come
    /// after up to two other words of the same clause ("ограничительная денежно-кредитная
    /// политика" for "ограничительная политика"), names and the «и» between them not counted
    /// (`namesInGap`), six words at most. Returns the end of the match.
    func matchRest(_ cue: [String], after w: Int, limit: Int) -> Int? {
        var at = w + 1
        for cs in cue.dropFirst() {
            var found: Int? = nil
            var k = at
            var gap = 0
            while k < limit, gap <= 2, k <= at + 6 {
                if text.boundary(before: k) { break }
                if WordForms.sameFamily(text.stems[k], cs) { found = k; break }
                if !namesInGap(k) { gap += 1 }
                k += 1
            }
            guard let f = found else { return nil }
            at = f + 1
        }
        return at
    }

    /// A word a cue may skip without counting: a name and the «и» between names
    /// ("вступление Финляндии и Швеции в НАТО").
    func namesInGap(_ k: Int) -> Bool {
        text.words[k].capitalized || text.facts[k].isa(.and)
    }

    /// Ties a cue to the right topics: a single topic by `chooseSingle`, a cue several
    /// topics share by the first of `sharedCueRules` that chooses.
    func choose(_ topics: [Int], sentence s: Int, holder: Int) -> [(Int, RuleName?)] {
        if topics.isEmpty { return [] }
        let choice = topicChoice(topics, sentence: s, holder: holder)
        if topics.count == 1 { return chooseSingle(choice) }
        for rule in Self.sharedCueRules {
            if let chosen = rule.choose(self, choice) { return chosen.map { ($0, rule.name) } }
        }
        return []
    }

    /// The rules for a cue several topics share, in order (see the type's doc comment).
    static let sharedCueRules: [TopicRule] = [
        TopicRule(.topicAnchorInSentence) { _, choice in choice.inSentence.isEmpty ? nil : choice.inSentence },
        TopicRule(.topicActorCountry) { _, choice in choice.own.count == 1 ? choice.own : nil },
        TopicRule(.topicAnchorNearby) { finder, choice in
            choice.sentence > 0 ? finder.mostAnchored(choice.pool, in: choice.nearby) : nil
        },
        TopicRule(.topicGroupCountry) { _, choice in choice.group.count == 1 ? choice.group : nil },
        TopicRule(.topicGeneric) { finder, choice in finder.generic(choice.pool) },
        TopicRule(.topicAnchorInArticle) { finder, choice in
            finder.mostAnchored(choice.pool, in: 0..<finder.text.words.count)
        },
        TopicRule(.topicSpecificWord) { finder, choice in
            finder.named(choice.topics, in: choice.words) ?? finder.specific(choice.topics, in: choice.words).map { [$0] }
        },
    ]

    /// A single topic is kept, unless it is tied to a place that neither the sentence nor the
    /// holder's (or its group's) country names: then the two sentences before must name it
    /// (`topic.anchorNearby`), and the sentence no other country.
    func chooseSingle(_ choice: TopicChoice) -> [(Int, RuleName?)] {
        let t = choice.topics[0]
        let anchored = !index.topics[t].anchors.isEmpty || !index.topics[t].anchorPhrases.isEmpty
        let placeUnnamed = anchored && choice.inSentence.isEmpty
            && !index.anchorsMeet[choice.holder][t]
        guard placeUnnamed else { return [(t, nil)] }
        if otherCountryNamed(choice.words, topic: t) || anchorsIn(choice.nearby, topic: t) == 0 { return [] }
        return [(t, .topicAnchorNearby)]
    }

    /// The one topic of `pool` with the most anchors in range `r` (none when tied or none).
    func mostAnchored(_ pool: [Int], in r: Range<Int>) -> [Int]? {
        let scored = pool.map { ($0, anchorsIn(r, topic: $0)) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        guard let best = scored.first, scored.count == 1 || scored[1].1 < best.1 else { return nil }
        return [best.0]
    }

    /// The one topic of `pool` without anchors.
    func generic(_ pool: [Int]) -> [Int]? {
        let generic = pool.filter { index.topics[$0].anchors.isEmpty }
        return generic.count == 1 ? generic : nil
    }

    /// The topics of `topics` whose own names (`TopicModel.properStems` that no other of them
    /// has) stand in range `r`: each so named is kept ("вступление Финляндии и Швеции");
    /// nil when none is.
    func named(_ topics: [Int], in r: Range<Int>) -> [Int]? {
        let hits = topicsWithOwnWords(topics, in: r, words: \.properStems, capitalizedOnly: true)
        return hits.isEmpty ? nil : hits
    }

    /// The one topic of `topics` whose own words (label, cues, descriptions: stems no other
    /// of them has) stand in range `r`; nil when none or several do.
    func specific(_ topics: [Int], in r: Range<Int>) -> Int? {
        let hits = topicsWithOwnWords(topics, in: r, words: \.descriptionStems, capitalizedOnly: false)
        return hits.count == 1 ? hits[0] : nil
    }

    /// The topics of `topics` with a word of range `r` among their `words` that no other of
    /// them has (with `capitalizedOnly`, a word written with a capital).
    func topicsWithOwnWords(_ topics: [Int], in r: Range<Int>, words: KeyPath<TopicModel, Set<String>>,
                            capitalizedOnly: Bool) -> [Int] {
        // each topic's words taken once (not per word and topic)
        let sets = Array(zip(topics, topics.map { index.topics[$0][keyPath: words] }))
        return sets.filter { t, own in
            r.contains { w in
                (!capitalizedOnly || text.words[w].capitalized) && own.contains(text.stems[w])
                    && !sets.contains { $0.0 != t && $0.1.contains(text.stems[w]) }
            }
        }.map(\.0)
    }

    /// Whether `r` writes a name of topic `t` (`TopicModel.properStems`) or an anchor, with a capital.
    func namesTopic(_ t: Int, in r: Range<Int>) -> Bool {
        let topic = index.topics[t]
        return r.contains { w in
            text.words[w].capitalized && (topic.properStems.contains(text.stems[w]) || topic.anchors.contains(text.stems[w]))
        }
    }

    /// The object a word of stance takes a side on, when «за» or «против» follows it:
    /// the two words after the preposition ("голосовать за Трампа", "голосовать за кандидатуру
    /// Трампа"; not the owner further on: "голосование за бюджетный проект президента Трампа").
    func sideObject(after w: Int, in r: Range<Int>) -> Range<Int>? {
        let p = w + 1
        guard p < r.upperBound, text.facts[p].isa(.forSide) || text.facts[p].isa(.against) else { return nil }
        return (p + 1)..<min(r.upperBound, p + 3)
    }

    /// Whether a one-word cue of topic `t` at word `cue` is backed by something else.
    func supported(_ t: Int, sentence s: Int, holder: Int, cue: Int) -> Bool {
        let r = text.sentenceWords[s]
        if anchorsIn(r, topic: t, holder: (holder, s)) > 0 { return true }
        if index.anchorsMeet[holder][t] { return true }
        let weights = index.topics[t].descriptionWeights
        for w in r where w != cue && text.facts[w].has(.topicWord) && !WordForms.sameFamily(text.stems[w], text.stems[cue]) {
            if let wt = weights[text.stems[w]], wt > 0 { return true }
        }
        return activeTopics.contains(t)
    }

    /// Topics the article as a whole is about: at least three distinct words of the
    /// topic's texts (cues included) across the article.
    static func active(_ text: ArticleText, _ index: WatchIndex) -> Set<Int> {
        // each distinct stem of the article that weighs in a topic counts for it
        var counts = [Int](repeating: 0, count: index.topics.count)
        var seen = Set<String>()
        for w in text.stems.indices where text.facts[w].has(.weighted) && seen.insert(text.stems[w]).inserted {
            for t in index.weightedTopics[text.stems[w]] ?? [] { counts[t] += 1 }
        }
        return Set(counts.indices.filter { counts[$0] >= 3 })
    }

    /// True when the sentence names a country that anchors some other topic but not `t`.
    func otherCountryNamed(_ r: Range<Int>, topic t: Int) -> Bool {
        for oi in index.topics.indices where oi != t && !index.topics[oi].anchors.isEmpty {
            if anchorsIn(r, topic: oi) > 0 && !index.topics[oi].anchors.isSubset(of: index.topics[t].anchors) { return true }
        }
        return false
    }

    /// Topics named without a cue: overlap with the descriptions plus an evaluation or
    /// a direction word (found by `Polarity`), at word `at`.
    func descriptionHits(sentence s: Int, holder: Int, evaluationAt: Int?, directionAt: Int?, skip: Set<Int>,
                         usedByCue: Set<Int> = []) -> [TopicHit] {
        let r = text.sentenceWords[s]
        var out: [TopicHit] = []
        // (the topics by index: a loop over the models would copy each one)
        for ti in index.topics.indices where !skip.contains(ti) {
            let kind = index.topics[ti].kind
            let word: Int?
            switch kind {
            case .evaluative: word = evaluationAt
            case .direction: word = directionAt
            case .plain: word = nil
            }
            guard let at = word else { continue }
            let weights = index.topics[ti].descriptionWeights
            let score = descriptionScore(r, weights: weights)
            // an evaluative topic the whole article is about takes an evaluation with no
            // word of its own ("путь к миру остаётся открытым")
            let aboutTheArticle = activeTopics.contains(ti) && r.count >= 6 && !usedByCue.contains(at)
            guard score >= 1.5 || (kind == .evaluative && (hasTimeframe(r) || aboutTheArticle)) else { continue }
            // a direction word must govern a word of the topic ("уменьшении объема добычи")
            if kind == .direction && score < 2 && !governsTopicWord(at, in: r, weights: weights) { continue }
            let placeUnnamed = !index.topics[ti].anchors.isEmpty && anchorsIn(r, topic: ti) == 0
                && !index.anchorsMeet[holder][ti]
            if placeUnnamed { continue }
            out.append(TopicHit(topic: ti, words: at..<(at + 1), rules: [.topicDescription]))
        }
        return out
    }

    /// The summed weights of the distinct words of a topic's texts (their `weights`) in range `r`.
    func descriptionScore(_ r: Range<Int>, weights: [String: Double]) -> Double {
        var seen = Set<String>()
        var score = 0.0
        for w in r where text.facts[w].has(.topicWord) && !seen.contains(text.stems[w]) {
            if let weight = weights[text.stems[w]] { score += weight; seen.insert(text.stems[w]) }
        }
        return score
    }

    /// A word of a topic's texts (a stem it weighs, `weights`) within three words of word `at`
    /// (in range `r`).
    func governsTopicWord(_ at: Int, in r: Range<Int>, weights: [String: Double]) -> Bool {
        let near = max(r.lowerBound, at - 3)..<min(r.upperBound, at + 4)
        return near.contains { $0 != at && text.facts[$0].has(.topicWord) && (weights[text.stems[$0]] ?? 0) > 0 }
    }

    func hasTimeframe(_ r: Range<Int>) -> Bool {
        for w in r where text.facts[w].has(.timeframeFirst) {
            for tf in lexicon.timeframes where w + tf.count <= r.upperBound {
                var ok = true
                for (k, x) in tf.enumerated() where text.stems[w + k] != x { ok = false; break }
                if ok { return true }
            }
        }
        return false
    }
}

/// One rule that ties a shared cue to topics: the topics it chooses, or nil to leave the
/// cue to the next rule.
struct TopicRule: Sendable {
    let name: RuleName
    let choose: @Sendable (TopicFinder, TopicChoice) -> [Int]?

    init(_ name: RuleName, _ choose: @escaping @Sendable (TopicFinder, TopicChoice) -> [Int]?) {
        self.name = name
        self.choose = choose
    }
}

/// What the topic rules see: the topics sharing a cue, the sentence and the holder, and the
/// topics each kind of anchor points to.
struct TopicChoice {
    let topics: [Int]
    let sentence: Int
    let holder: Int
    /// The sentence's words.
    let words: Range<Int>
    /// The words of the two sentences before.
    let nearby: Range<Int>
    /// Topics anchored in the sentence (watched actors named there count by their country).
    let inSentence: [Int]
    /// Topics anchored in the holder's own country.
    let own: [Int]
    /// Topics anchored in the country of the holder's group mates.
    let group: [Int]
    /// The topics the later rules choose among: the holder's own, or all.
    var pool: [Int] { own.isEmpty ? topics : own }

}

extension TopicFinder {
    /// What the topic rules see for a cue of `topics` in sentence `s` held by `holder`. (A
    /// method, not an initializer taking the finder: an initializer's arguments are its own
    /// copies, and a copy of the finder is a copy of the article's word tables' references.)
    func topicChoice(_ topics: [Int], sentence s: Int, holder: Int) -> TopicChoice {
        let sentenceWords = text.sentenceWords[s]
        return TopicChoice(topics: topics, sentence: s, holder: holder, words: sentenceWords,
                           nearby: text.sentenceWords[max(0, s - 2)].lowerBound..<sentenceWords.lowerBound,
                           inSentence: topics.filter { anchorsIn(sentenceWords, topic: $0, holder: (holder, s)) > 0 },
                           own: topics.filter { index.ownAnchorsMeet[holder][$0] },
                           group: topics.filter { index.anchorsMeet[holder][$0] })
    }
}

/// Decisions that depend on the sentence, not on the cue's position: each made once per
/// sentence (a run-on page of repeated cues stays linear).
struct SentenceMemo {
    private var chosenFor: [[Int]: [(Int, RuleName?)]] = [:]
    /// topic → cue stem → supported
    private var supportFor: [Int: [String: Bool]] = [:]

    mutating func chosen(_ topics: [Int], _ decide: () -> [(Int, RuleName?)]) -> [(Int, RuleName?)] {
        if let known = chosenFor[topics] { return known }
        let chosen = decide()
        chosenFor[topics] = chosen
        return chosen
    }

    mutating func supported(_ topic: Int, stem: String, _ decide: () -> Bool) -> Bool {
        if let known = supportFor[topic]?[stem] { return known }
        let ok = decide()
        supportFor[topic, default: [:]][stem] = ok
        return ok
    }
}
