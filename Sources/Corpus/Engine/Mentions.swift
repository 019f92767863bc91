/// Who is mentioned where: watched actors by name or role, bare role heads, pronouns,
/// capitals and institutions that stand for a country, and unwatched people.
struct Mention: Sendable {
    enum Kind: Sendable, Equatable {
        case name, role, head, pronoun
        /// a capital or institution of a country ("Анкара", "Кремль")
        case institution
        /// a person or body the watchlist does not watch
        case other
    }
    var kind: Kind
    /// Candidate actors (one for a name; several for a shared role; none for `other`).
    var actors: [Int]
    /// Gazetteer line of an institution mention.
    var country: Int? = nil
    /// Word positions (indices into the article's word list), inclusive.
    var first: Int
    var last: Int
    /// Written in the nominative, not after a preposition: it can be a subject.
    var nominative: Bool
}

/// Finds mentions in the article's word list.
struct MentionFinder {
    let index: WatchIndex
    let lexicon: Lexicon
    static let prepositions: Set<String> = ["в", "во", "на", "с", "со", "к", "ко", "у", "о", "об", "от", "до", "для", "при",
                                            "без", "над", "под", "про", "через", "между", "после", "перед", "за", "из", "по", "около", "против"]

    /// All mentions in word order. `words` are the article's word tokens.
    func mentions(_ words: [Token], stems: [String]) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        while i < words.count {
            var best: (len: Int, pats: [ActorPattern], exact: Bool)? = nil
            for p in index.actorPatterns where p.words.count <= words.count - i {
                var ok = true
                var exact = true
                for (k, pw) in p.words.enumerated() {
                    let (m, e) = match(words[i + k], stems[i + k], pw, single: p.words.count == 1)
                    if !m { ok = false; break }
                    if k == 0 { exact = e }
                }
                guard ok else { continue }
                if best == nil || p.words.count > best!.len { best = (p.words.count, [p], exact) }
                else if p.words.count == best!.len { best!.pats.append(p); best!.exact = best!.exact || exact }
            }
            if let b = best {
                // a name match wins over a role match of the same length
                let names = b.pats.filter { $0.kind == .name }
                let chosen = names.isEmpty ? b.pats : names
                let actors = Array(Set(chosen.map(\.actor))).sorted()
                let lastWord = i + b.len - 1
                // nominative: the head word as written in the watchlist (names: the last word)
                let headPos = chosen[0].kind == .name ? lastWord : i
                let headPat = chosen[0].kind == .name ? chosen[0].words.last! : chosen[0].words[0]
                var nominative = words[headPos].norm == headPat.folded
                if i > 0, Self.prepositions.contains(words[i - 1].norm), words[i - 1].end + 1 >= words[i].start - 1 { nominative = false }
                out.append(Mention(kind: names.isEmpty ? .role : .name, actors: actors, first: i, last: lastWord, nominative: nominative))
                i += b.len
                continue
            }
            let w = words[i]
            if lexicon.pronouns.contains(w.norm) && !w.capitalized || lexicon.pronouns.contains(w.norm) {
                out.append(Mention(kind: .pronoun, actors: [], first: i, last: i, nominative: true))
                i += 1; continue
            }
            if let acts = index.headActors[w.norm], lexicon.roleHeads.contains(w.norm) {
                // a bare head ("Президент отметил"), unless a name or a country follows it
                let next = i + 1 < words.count ? words[i + 1] : nil
                if next == nil || !(next!.capitalized) {
                    out.append(Mention(kind: .head, actors: acts, first: i, last: i, nominative: true))
                    i += 1; continue
                }
            }
            if w.capitalized, let c = institution(stems[i], w) {
                out.append(Mention(kind: .institution, actors: [], country: c, first: i, last: i, nominative: c >= 0))
                i += 1; continue
            }
            // an unwatched person: two or more capitalised words in a row (not a country)
            if w.capitalized, w.kind == .word, w.raw.unicodeScalars.count >= 3, i + 1 < words.count,
               words[i + 1].capitalized, words[i + 1].kind == .word, words[i + 1].start <= w.end + 2,
               !isAcronym(w), !isAcronym(words[i + 1]), country(stems[i]) == nil, country(stems[i + 1]) == nil {
                var j = i + 1
                while j + 1 < words.count, words[j + 1].capitalized, words[j + 1].start <= words[j].end + 2 { j += 1 }
                out.append(Mention(kind: .other, actors: [], first: i, last: j, nominative: true))
                i = j + 1; continue
            }
            i += 1
        }
        return out
    }

    private func isAcronym(_ t: Token) -> Bool {
        let raw = String(t.raw)
        return raw.unicodeScalars.count >= 2 && raw == raw.uppercased()
    }

    /// The gazetteer line of a country name (its first entry), or nil.
    func country(_ stem: String) -> Int? {
        for (li, line) in lexicon.gazetteer.enumerated() where line.contains(where: { $0.count == 1 && $0[0] == stem }) { return li }
        return nil
    }

    /// A capital or institution (not the country's own name, not an adjective): its line.
    private func institution(_ stem: String, _ w: Token) -> Int? {
        for (li, line) in lexicon.gazetteer.enumerated() {
            for (k, e) in line.enumerated() where k > 0 && e.count == 1 && e[0] == stem {
                return li
            }
        }
        return nil
    }

    /// Whether a text word matches a pattern word; the second value says the form is the
    /// dictionary form (a nominative).
    func match(_ t: Token, _ stem: String, _ p: PatternWord, single: Bool) -> (Bool, Bool) {
        guard t.kind == .word || t.kind == .number else { return (false, false) }
        if p.acronym { return (t.norm == p.folded && t.capitalized, true) }
        if p.proper {
            if p.folded.unicodeScalars.count <= 4 && !t.capitalized { return (false, false) }
            if t.norm == p.folded { return (true, true) }
            if WordForms.nameMatches(t.norm, p.folded) { return (true, false) }
            if !single, p.folded.unicodeScalars.count >= 6, stem == p.stem { return (true, false) }
            return (false, false)
        }
        if t.norm == p.folded { return (true, true) }
        if stem == p.stem { return (true, false) }
        return (false, false)
    }
}
