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
}

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
struct WatchIndex: Sendable {
    var actorPatterns: [ActorPattern] = []
    /// Stems of role heads ("президент", "министр") → actors having a role with that head.
    var headActors: [String: [Int]] = [:]
    /// Stem of a role head → its dictionary form (the nominative).
    var headForms: [String: String] = [:]
    /// Actor patterns whose first word is a common word, by its stem.
    var patternsByStem: [String: [Int]] = [:]
    /// Actor patterns whose first word is a proper name or acronym, by its first two bytes
    /// (and those of its fleeting-vowel form: лев → льв).
    var patternsByPrefix: [String: [Int]] = [:]
    var topics: [TopicModel] = []
    /// Anchor stems of each actor (its names' and roles' proper words and their gazetteer
    /// twins, plus those of its group mates).
    var actorAnchors: [Set<String>] = []
    /// Gazetteer line index of each actor (countries its roles name, and its group mates').
    var actorCountries: [Set<Int>] = []
    /// Anchor stems of the actor alone (its own names and roles, widened by the gazetteer).
    var ownAnchors: [Set<String>] = []

    init(watchlist: Watchlist, lexicon: Lexicon, stemmer: Stemmer) {
        func words(_ text: String) -> [PatternWord] {
            Tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }.map { t in
                let raw = text.utf8Text(t.start, t.end)
                let acronym = raw.unicodeScalars.count >= 2 && raw == raw.uppercased() && raw != raw.lowercased()
                return PatternWord(folded: t.norm, stem: Fold.stem(t.norm, stemmer), proper: t.capitalized, acronym: acronym)
            }
        }
        for (i, a) in watchlist.actors.enumerated() {
            for n in a.names { actorPatterns.append(ActorPattern(actor: i, kind: .name, words: words(n))) }
            for r in a.roles {
                let ws = words(r)
                actorPatterns.append(ActorPattern(actor: i, kind: .role, words: ws))
                // every role word that heads roles ("глава", "парламентарий") can stand alone
                for h in ws where lexicon.roleHeads.contains(h.folded) {
                    headActors[h.stem, default: []].append(i)
                    headForms[h.stem] = h.folded
                }
            }
        }
        for (k, v) in headActors { headActors[k] = Array(Set(v)).sorted() }
        for (pi, p) in actorPatterns.enumerated() {
            guard let w = p.words.first else { continue }
            if w.proper || w.acronym {
                var keys = Set([String(decoding: w.folded.utf8.prefix(2), as: UTF8.self)])
                let u = Array(w.folded.utf8)
                if u.count >= 3 { keys.insert(String(decoding: [u[0], Array(Fold.word("ь").utf8)[0]], as: UTF8.self)); keys.insert(String(decoding: [u[0], u[2]], as: UTF8.self)) }
                for k in keys { patternsByPrefix[k, default: []].append(pi) }
            } else {
                patternsByStem[w.stem, default: []].append(pi)
                patternsByStem[w.folded, default: []].append(pi)
            }
        }
        for (k, v) in patternsByStem { patternsByStem[k] = Array(Set(v)).sorted() }
        // countries and anchors of actors
        func countries(of text: String) -> Set<Int> {
            let stems = Set(words(text).filter { $0.proper }.map(\.stem))
            var out = Set<Int>()
            for (li, line) in lexicon.gazetteer.enumerated() where line.contains(where: { $0.count == 1 && stems.contains($0[0]) }) {
                out.insert(li)
            }
            return out
        }
        var own: [Set<Int>] = []
        for a in watchlist.actors {
            own.append(countries(of: (a.names + a.roles).joined(separator: " ; ")))
        }
        for (i, a) in watchlist.actors.enumerated() {
            var c = own[i]
            if let g = a.group {
                for (j, b) in watchlist.actors.enumerated() where j != i && b.group == g { c.formUnion(own[j]) }
            }
            actorCountries.append(c)
            var mine = Set<String>()
            for li in own[i] { for e in lexicon.gazetteer[li] { mine.formUnion(e) } }
            for t in a.names + a.roles { for w in words(t) where w.proper { mine.insert(w.stem) } }
            ownAnchors.append(mine)
            var anchors = Set<String>()
            for li in c { for e in lexicon.gazetteer[li] { anchors.formUnion(e) } }
            var mates = [a]
            if let g = a.group { mates += watchlist.actors.filter { $0.group == g && $0.id != a.id } }
            for m in mates { for t in m.names + m.roles { for w in words(t) where w.proper { anchors.insert(w.stem) } } }
            actorAnchors.append(anchors)
        }
        topics = watchlist.topics.map { TopicModel(topic: $0, lexicon: lexicon, stemmer: stemmer, words: words) }
        // an anchor every topic shares ties nothing: drop it
        var freq: [String: Int] = [:]
        for t in topics { for a in t.anchors { freq[a, default: 0] += 1 } }
        let limit = max(2, (topics.count + 1) / 2)
        for i in topics.indices where topics.count > 2 {
            topics[i].anchors = topics[i].anchors.filter { (freq[$0] ?? 0) < topics.count }
        }
        // description words shared by most topics are weak evidence: weight by rarity
        var wf: [String: Int] = [:]
        for t in topics { for w in t.descriptionStems { wf[w, default: 0] += 1 } }
        for i in topics.indices {
            var weights: [String: Double] = [:]
            for w in topics[i].descriptionStems {
                let f = Double(wf[w] ?? 1)
                weights[w] = f >= Double(limit) ? 0 : 1.0 / f
            }
            topics[i].descriptionWeights = weights
        }
    }
}
