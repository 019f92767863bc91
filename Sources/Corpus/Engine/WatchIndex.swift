import Platform

// The watchlist compiled once per engine: actor name/role patterns and topic models.

/// One word of a name or role pattern, prepared for matching.
struct PatternWord: Sendable, Hashable {
    /// Folded form (proper names compare inflections of it).
    var folded: String
    /// Snowball stem of the folded form.
    var stem: String
    /// Written with a capital in the watchlist: a proper name (or part of one).
    var proper: Bool
    /// All capitals (ЦБ, ФРС, МОК): matched exactly and only when capitalised in the text.
    var acronym: Bool
    /// Unicode scalars in `folded`.
    var length: Int

    init(folded: String, stem: String, proper: Bool, acronym: Bool) {
        self.folded = folded
        self.stem = stem
        self.proper = proper
        self.acronym = acronym
        length = folded.unicodeScalars.count
    }
}

/// The grammatical gender of an actor or a personal pronoun.
enum Gender: Sendable, Equatable { case masculine, feminine }

/// A name or role of a watched actor, as words to find in sequence.
struct ActorPattern: Sendable {
    enum Kind: Sendable { case name, role }
    var actor: Int
    var kind: Kind
    var words: [PatternWord]
}

/// The watchlist compiled for matching: actor names and roles, topic cues, description
/// words, anchors (the proper names that tie a topic to a country or body) and the
/// direction / valence each topic's `pro` and `contra` descriptions carry.
///
/// A reference type, like `Lexicon` and for the same reason: filled by `init`, never changed
/// after it (private setters), shared by every per-article stage; hence `@unchecked Sendable`.
final class WatchIndex: @unchecked Sendable {
    private(set) var actorPatterns: [ActorPattern] = []
    /// Stems of role heads ("президент", "министр") → actors having a role with that head.
    private(set) var headActors: [String: [Int]] = [:]
    /// Stem of a role head → its dictionary form (the nominative).
    private(set) var headForms: [String: String] = [:]
    /// Actor patterns whose first word is a common word, by its stem.
    private(set) var patternsByStem: [String: [Int]] = [:]
    /// Actor patterns whose first word is a proper name or acronym, by its first two bytes
    /// (and those of its fleeting-vowel form: лев → льв).
    private(set) var patternsByPrefix: [String: [Int]] = [:]
    private(set) var topics: [TopicModel] = []
    /// For each topic, the actors its label names right after a word of stance ("Поддержка
    /// Дональда Трампа"): what the topic is about, not who holds a side of it.
    private(set) var labelObjects: [Set<Int>] = []
    /// Anchor stems of each actor (its names' and roles' proper words and their gazetteer
    /// twins, plus those of its group mates).
    private(set) var actorAnchors: [Set<String>] = []
    /// Gazetteer line index of each actor (countries its roles name, and its group mates').
    private(set) var actorCountries: [Set<Int>] = []
    /// Each actor's grammatical gender as their surnames give it (the last word of each name
    /// by `feminineSurnameEndings` / `masculineSurnameEndings`), or nil when they do not tell
    /// or disagree ("Эрдоган", "Ковентри").
    private(set) var actorGenders: [Gender?] = []
    /// Anchor stems of the actor alone (its own names and roles, widened by the gazetteer).
    private(set) var ownAnchors: [Set<String>] = []

    /// Every stem of every topic's texts: cues, descriptions, sides, anchors and names (a word
    /// of none of them counts for no topic: `WordMarks.topicWord`).
    private(set) var topicStems: Set<String> = []
    /// Every topic's anchors and the first stems of its anchor phrases (`WordMarks.anchorWord`).
    private(set) var anchorStems: Set<String> = []
    /// The buckets (`WordForms.bucket`) of every cue's first stem.
    private(set) var cueBuckets: Set<Substring> = []
    /// The topics each stem weighs in (`TopicModel.descriptionWeights` above 0), in topic order.
    private(set) var weightedTopics: [String: [Int]] = [:]
    /// Whether an actor's own anchors (`ownAnchors`) and a topic's anchors meet, by actor then topic.
    private(set) var ownAnchorsMeet: [[Bool]] = []
    /// Whether an actor's anchors with its group's (`actorAnchors`) and a topic's anchors meet.
    private(set) var anchorsMeet: [[Bool]] = []

    /// The inflected forms of proper names (the lexicon's name endings), for matching names.
    let nameForms: NameForms

    /// Compiles the watchlist, in these steps:
    /// 1. `addActorPatterns`: each actor's names and roles as word patterns; role heads.
    /// 2. `indexPatternsByFirstWord`: patterns by the stem or the first letters of their first word.
    /// 3. `addCountriesAndAnchors`: the countries each actor's roles name, and its anchors.
    /// 4. the topic models (`TopicModel`).
    /// 5. `dropAnchorsEveryTopicShares`: an anchor every topic has ties nothing.
    /// 6. `weighDescriptionWords`: description words by rarity among the topics.
    /// 7. `collectTopicWords`: the words of all topics, for the per-word facts.
    init(watchlist: Watchlist, lexicon: Lexicon, stemmer: Stemmer) {
        let words = { (text: String) in Self.patternWords(text, stemmer: stemmer) }
        nameForms = NameForms(lexicon.words)
        addActorPatterns(watchlist.actors, lexicon: lexicon, words: words)
        indexPatternsByFirstWord()
        addCountriesAndAnchors(watchlist.actors, lexicon: lexicon, words: words)
        actorGenders = watchlist.actors.map { Self.gender(of: $0.names, lexicon.words) }
        topics = watchlist.topics.map { TopicModel(topic: $0, lexicon: lexicon, stemmer: stemmer, words: words) }
        labelObjects = watchlist.topics.map { objectsOfStance(in: words($0.label), lexicon: lexicon) }
        dropAnchorsEveryTopicShares()
        weighDescriptionWords()
        collectTopicWords()
    }

    /// The gender the surnames of `names` agree on, if they tell one.
    static func gender(of names: [String], _ words: FunctionWords) -> Gender? {
        let told = Set(names.compactMap { name -> Gender? in
            guard let last = name.split(separator: " ").last else { return nil }
            let surname = Fold.word(last)
            if words.list(.feminineSurnameEndings).contains(where: surname.hasSuffix) { return .feminine }
            if words.list(.masculineSurnameEndings).contains(where: surname.hasSuffix) { return .masculine }
            return nil
        })
        return told.count == 1 ? told.first : nil
    }

    /// The actors whose name follows a word of stance (`Lexicon.genericStems`) in `label`,
    /// at once or after one word ("Поддержка Дональда Трампа", "Критика действий Маска").
    private func objectsOfStance(in label: [PatternWord], lexicon: Lexicon) -> Set<Int> {
        var out = Set<Int>()
        for i in label.indices where lexicon.genericStems.contains(label[i].stem) {
            for start in (i + 1)...(i + 2) where start < label.count {
                for p in actorPatterns where p.kind == .name && start + p.words.count <= label.count {
                    let named = p.words.indices.allSatisfy { k in
                        let w = label[start + k], n = p.words[k]
                        return w.folded == n.folded || w.stem == n.stem || (n.proper && nameForms.matches(w.folded, n.folded))
                    }
                    if named { out.insert(p.actor) }
                }
            }
        }
        return out
    }

    /// True when some actor pattern can open with the folded word `norm` of stem `stem`: its first
    /// word matches it as `MentionFinder.match` would for a capitalised word in a longer pattern
    /// (the most that function lets through). A word no pattern can open with starts none.
    func mayOpenPattern(_ norm: String, stem: String) -> Bool {
        let byStem = patternsByStem[stem] ?? []
        let byPrefix = patternsByPrefix[String(decoding: norm.utf8.prefix(2), as: UTF8.self)] ?? []
        return [byStem, byPrefix].joined().contains { pi in
            guard let word = actorPatterns[pi].words.first else { return false }
            if norm == word.folded { return true }
            if word.acronym { return false }
            if word.proper {
                return nameForms.matches(norm, word.folded) || word.length >= 6 && stem == word.stem
                    || nameForms.oneLetterOff(norm, word.folded) != nil
            }
            return stem == word.stem
        }
    }

    /// Step 7: the words of all topics, the buckets of their cues, and which actors' anchors
    /// meet which topics'.
    private func collectTopicWords() {
        ownAnchorsMeet = ownAnchors.map { own in topics.map { !own.isDisjoint(with: $0.anchors) } }
        anchorsMeet = actorAnchors.map { anchors in topics.map { !anchors.isDisjoint(with: $0.anchors) } }
        for (ti, t) in topics.enumerated() {
            for (stem, weight) in t.descriptionWeights where weight > 0 { weightedTopics[stem, default: []].append(ti) }
            topicStems.formUnion(t.cueStems)
            topicStems.formUnion(t.descriptionStems)
            topicStems.formUnion(t.descriptionWeights.keys)
            topicStems.formUnion(t.sideStems)
            topicStems.formUnion(t.anchors)
            anchorStems.formUnion(t.anchors)
            for p in t.anchorPhrases { if let first = p.first { anchorStems.insert(first) } }
            topicStems.formUnion(t.properStems)
            for p in t.anchorPhrases { topicStems.formUnion(p) }
            for c in t.cues { if let first = c.first { cueBuckets.insert(WordForms.bucket(first)) } }
        }
    }

    /// The words of a name, role or topic text, prepared for matching.
    static func patternWords(_ text: String, stemmer: Stemmer) -> [PatternWord] {
        Tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }.map { t in
            let raw = text.utf8Text(t.start, t.end)
            let acronym = raw.unicodeScalars.count >= 2 && raw == raw.uppercased() && raw != raw.lowercased()
            let stem = Fold.stem(t.norm, stemmer)
            return PatternWord(folded: t.norm, stem: stem, proper: t.capitalized, acronym: acronym)
        }
    }

    /// Step 1: a pattern per name and role; every role word that heads roles ("глава",
    /// "парламентарий") can stand alone for the actors having it.
    private func addActorPatterns(_ actors: [Watchlist.Actor], lexicon: Lexicon,
                                           words: (String) -> [PatternWord]) {
        for (actor, a) in actors.enumerated() {
            for name in a.names { actorPatterns.append(ActorPattern(actor: actor, kind: .name, words: words(name))) }
            for role in a.roles {
                let roleWords = words(role)
                actorPatterns.append(ActorPattern(actor: actor, kind: .role, words: roleWords))
                for head in roleWords where lexicon.roleHeads.contains(head.folded) {
                    headActors[head.stem, default: []].append(actor)
                    headForms[head.stem] = head.folded
                }
            }
        }
        for (head, actors) in headActors { headActors[head] = Array(Set(actors)).sorted() }
    }

    /// Step 2: patterns opening with a proper name or acronym by the first two bytes of its
    /// folded form (and those of its fleeting-vowel forms: лев → ль, лв); the others by the
    /// stem and the folded form of their first word.
    private func indexPatternsByFirstWord() {
        for (pi, p) in actorPatterns.enumerated() {
            guard let first = p.words.first else { continue }
            guard first.proper || first.acronym else {
                patternsByStem[first.stem, default: []].append(pi)
                patternsByStem[first.folded, default: []].append(pi)
                continue
            }
            let bytes = Array(first.folded.utf8)
            var keys = Set([String(decoding: bytes.prefix(2), as: UTF8.self)])
            if bytes.count >= 3 {
                keys.insert(String(decoding: [bytes[0]] + nameForms.softSign.utf8.prefix(1), as: UTF8.self))
                keys.insert(String(decoding: [bytes[0], bytes[2]], as: UTF8.self))
            }
            for k in keys { patternsByPrefix[k, default: []].append(pi) }
        }
        for (stem, patterns) in patternsByStem { patternsByStem[stem] = Array(Set(patterns)).sorted() }
    }

    /// Step 3: each actor's countries (those its roles name, and its group mates'), its own
    /// anchors (its proper words and its countries' gazetteer words) and its anchors with
    /// its group's.
    private func addCountriesAndAnchors(_ actors: [Watchlist.Actor], lexicon: Lexicon,
                                                 words: (String) -> [PatternWord]) {
        func countries(of text: String) -> Set<Int> {
            let stems = Set(words(text).filter { $0.proper }.map(\.stem))
            let lines = lexicon.gazetteer.indices.filter { li in
                lexicon.gazetteer[li].contains { $0.count == 1 && stems.contains($0[0]) }
            }
            return Set(lines)
        }
        func properStems(_ actor: Watchlist.Actor) -> [String] {
            (actor.names + actor.roles).flatMap { words($0).filter(\.proper).map(\.stem) }
        }
        func gazetteerWords(_ lines: Set<Int>) -> Set<String> {
            Set(lines.flatMap { lexicon.gazetteer[$0].flatMap { $0 } })
        }
        let own = actors.map { countries(of: ($0.names + $0.roles).joined(separator: " ; ")) }
        for (i, a) in actors.enumerated() {
            let mates = actors.indices.filter { $0 != i && a.group != nil && actors[$0].group == a.group }
            let shared = mates.reduce(own[i]) { $0.union(own[$1]) }
            actorCountries.append(shared)
            ownAnchors.append(gazetteerWords(own[i]).union(properStems(a)))
            let matesByID = actors.filter { a.group != nil && $0.group == a.group && $0.id != a.id }
            actorAnchors.append(([a] + matesByID).reduce(gazetteerWords(shared)) { $0.union(properStems($1)) })
        }
    }

    /// Step 5: with more than two topics, an anchor every topic shares ties nothing.
    private func dropAnchorsEveryTopicShares() {
        guard topics.count > 2 else { return }
        var topicsHaving: [String: Int] = [:]
        for t in topics { for a in t.anchors { topicsHaving[a, default: 0] += 1 } }
        for i in topics.indices {
            topics[i].anchors = topics[i].anchors.filter { (topicsHaving[$0] ?? 0) < topics.count }
        }
    }

    /// Step 6: description words shared by most topics are weak evidence: weight 1/(topics
    /// having it), 0 from half the topics up (at least two).
    private func weighDescriptionWords() {
        let limit = max(2, (topics.count + 1) / 2)
        var topicsHaving: [String: Int] = [:]
        for t in topics { for w in t.descriptionStems { topicsHaving[w, default: 0] += 1 } }
        for i in topics.indices {
            var weights: [String: Double] = [:]
            for w in topics[i].descriptionStems {
                let f = Double(topicsHaving[w] ?? 1)
                weights[w] = f >= Double(limit) ? 0 : 1.0 / f
            }
            topics[i].descriptionWeights = weights
        }
    }
}
