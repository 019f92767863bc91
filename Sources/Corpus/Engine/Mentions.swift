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
    static let prepositions: Set<String> = K.set(["в", "во", "на", "с", "со", "к", "ко", "у", "о", "об", "от", "до", "для", "при",
                                            "без", "над", "под", "про", "через", "между", "после", "перед", "за", "из", "по", "около", "против"])

    /// All mentions in word order. `words` are the article's word tokens.
    func mentions(_ words: [Token], stems: [String]) -> [Mention] {
        var watched: [Mention] = []
        var covered = [Bool](repeating: false, count: words.count)
        var i = 0
        while i < words.count {
            if let m = watchedMention(at: i, words, stems) {
                watched.append(m)
                for k in m.first...m.last { covered[k] = true }
                i = m.last + 1
            } else {
                i += 1
            }
        }
        var out: [Mention] = []
        var wi = 0
        i = 0
        while i < words.count {
            if covered[i] {
                while wi < watched.count, watched[wi].first < i { wi += 1 }
                if wi < watched.count, watched[wi].first == i { out.append(watched[wi]); i = watched[wi].last + 1; wi += 1; continue }
                i += 1; continue
            }
            let w = words[i]
            if lexicon.pronouns.contains(w.norm) {
                out.append(Mention(kind: .pronoun, actors: [], first: i, last: i, nominative: true))
                i += 1; continue
            }
            // "глава Нацбанка": a role head before a watched name in the genitive is that actor
            if lexicon.roleHeads.contains(w.norm) || index.headForms[stems[i]] != nil || lexicon.roleHeads.contains(stems[i]),
               i + 1 < words.count, covered[i + 1], let named = watched.first(where: { $0.first == i + 1 }),
               named.kind == .name, !named.nominative {
                out.append(Mention(kind: .role, actors: named.actors, first: i, last: named.last,
                                   nominative: (index.headForms[stems[i]] ?? w.norm) == w.norm && !(i > 0 && Self.prepositions.contains(words[i - 1].norm))))
                i = named.last + 1
                continue
            }
            if let acts = index.headActors[stems[i]] {
                // a bare head ("Президент отметил"), unless a name follows it; a country
                // after it narrows it to that country's actors ("глава Казахстана")
                let next = i + 1 < words.count ? words[i + 1] : nil
                let nominative = index.headForms[stems[i]] == w.norm
                if next == nil || !(next!.capitalized) || covered[i + 1] {
                    out.append(Mention(kind: .head, actors: acts, first: i, last: i, nominative: nominative))
                    i += 1; continue
                }
                if let (c, len, _) = gazetteerEntry(at: i + 1, words, stems), !c.institution {
                    let narrowed = acts.filter { index.actorCountries[$0].contains(c.line) && index.ownAnchors[$0].contains(stems[i + 1]) }
                    if !narrowed.isEmpty {
                        out.append(Mention(kind: narrowed.count == 1 ? .role : .head, actors: narrowed, first: i, last: i + len, nominative: nominative))
                        i += 1 + len; continue
                    }
                }
            }
            if w.capitalized, let (c, len, nominative) = gazetteerEntry(at: i, words, stems) {
                if c.institution {
                    out.append(Mention(kind: .institution, actors: [], country: c.line, first: i, last: i + len - 1, nominative: nominative))
                }
                i += len; continue
            }
            // an unwatched speaker: one capitalised word right before or after a verb of saying
            // ("Зеленский рассказал", "заявил Трамп"), not a country and not watched
            if w.capitalized, w.kind == .word, w.scalarCount >= 3, w.cyrillicOnly, !lexicon.stopwords.contains(w.norm),
               i == 0 || !words[i - 1].capitalized || words[i - 1].end + 1 < w.start,
               (i + 1 < words.count && !covered[i + 1] && lexicon.speechVerbs.contains(stems[i + 1]) && words[i + 1].start <= w.end + 1)
                || (i > 0 && lexicon.speechVerbs.contains(stems[i - 1]) && words[i - 1].end + 1 >= w.start && !words[i - 1].capitalized),
               i + 1 >= words.count || !words[i + 1].capitalized {
                let oblique = Self.obliqueEndings.contains { w.norm.hasSuffix($0) }
                out.append(Mention(kind: .other, actors: [], first: i, last: i, nominative: !oblique))
                i += 1; continue
            }
            // an unwatched person: two or more capitalised words in a row (not a country, not watched)
            if w.capitalized, w.kind == .word, w.scalarCount >= 3, i + 1 < words.count, !covered[i + 1],
               words[i + 1].capitalized, words[i + 1].kind == .word, words[i + 1].start <= w.end + 2,
               !isAcronym(w), !isAcronym(words[i + 1]), gazetteerEntry(at: i + 1, words, stems) == nil {
                var j = i + 1
                while j + 1 < words.count, !covered[j + 1], words[j + 1].capitalized, words[j + 1].start <= words[j].end + 2 { j += 1 }
                // oblique endings ("с Владимиром Путиным", "Зеленскому") mark no subject
                let last = words[j].norm
                let oblique = Self.obliqueEndings.contains { last.hasSuffix($0) } || (i > 0 && Self.prepositions.contains(words[i - 1].norm))
                out.append(Mention(kind: .other, actors: [], first: i, last: j, nominative: !oblique))
                i = j + 1; continue
            }
            i += 1
        }
        // "для Минфина и ЦБ": a mention joined by "и" to one after a preposition is no subject either
        for k in out.indices.dropFirst() where out[k].first >= 2 && words[out[k].first - 1].norm == K.и
            && out[k - 1].last == out[k].first - 2 && out[k - 1].first > 0 && Self.prepositions.contains(words[out[k - 1].first - 1].norm) {
            out[k].nominative = false
        }
        return out
    }

    static let obliqueEndings = ["ым", "им", "ом", "ем", "ому", "ему", "ого", "его", "ой", "ую"].map(Fold.word)

    /// The longest watched name or role starting at word `i`.
    private func watchedMention(at i: Int, _ words: [Token], _ stems: [String]) -> Mention? {
        let byStem = index.patternsByStem[stems[i]]
        let byPrefix = index.patternsByPrefix[String(decoding: words[i].norm.utf8.prefix(2), as: UTF8.self)]
        guard byStem != nil || byPrefix != nil else { return nil }
        var best: (len: Int, pats: [ActorPattern])? = nil
        for pi in [byStem ?? [], byPrefix ?? []].joined() {
            let p = index.actorPatterns[pi]
            guard p.words.count <= words.count - i else { continue }
            var ok = true
            for (k, pw) in p.words.enumerated() where !match(words[i + k], stems[i + k], pw, single: p.words.count == 1).0 { ok = false; break }
            guard ok else { continue }
            if best == nil || p.words.count > best!.len { best = (p.words.count, [p]) }
            else if p.words.count == best!.len { best!.pats.append(p) }
        }
        guard let b = best else { return nil }
        // a name match wins over a role match of the same length
        let names = b.pats.filter { $0.kind == .name }
        let chosen = names.isEmpty ? b.pats : names
        let actors = Array(Set(chosen.map(\.actor))).sorted()
        let lastWord = i + b.len - 1
        // nominative: the head word as written in the watchlist (names: the last word)
        let headPos = chosen[0].kind == .name ? lastWord : i
        let headPat = chosen[0].kind == .name ? chosen[0].words.last! : chosen[0].words[0]
        var nominative = words[headPos].norm == headPat.folded
        if i > 0, Self.prepositions.contains(words[i - 1].norm) { nominative = false }
        // an indeclinable acronym right after a lower-case word of the same clause is that
        // word's genitive ("в руководстве ФРС"), unless the word is a verb of saying
        if headPat.acronym, chosen[0].words.count == 1, i > 0, !words[i - 1].capitalized, words[i - 1].kind == .word,
           words[i - 1].end + 1 >= words[i].start, !lexicon.speechVerbs.contains(stems[i - 1]),
           ![K.и, K.а, K.но].contains(words[i - 1].norm) {
            nominative = false
        }
        return Mention(kind: names.isEmpty ? .role : .name, actors: actors, first: i, last: lastWord, nominative: nominative)
    }

    /// A gazetteer entry starting at word `i`: its line, whether it is an institution or
    /// capital (not the country's own name, not an adjective), its length, nominative or not.
    func gazetteerEntry(at i: Int, _ words: [Token], _ stems: [String]) -> (c: (line: Int, institution: Bool), len: Int, nominative: Bool)? {
        var best: (c: (line: Int, institution: Bool), len: Int, nominative: Bool)? = nil
        guard let entries = lexicon.gazetteerByFirst[stems[i]] else { return nil }
        for (li, k) in entries {
            let e = lexicon.gazetteer[li][k]
            do {
                guard i + e.count <= words.count && e.count > (best?.len ?? 0) else { continue }
                var ok = true
                for (j, x) in e.enumerated() where stems[i + j] != x { ok = false; break }
                guard ok else { continue }
                let folded = lexicon.gazetteerFolded[li][k]
                let adjective = folded.count == 1 && (folded[0].hasSuffix(K.ский) || folded[0].hasSuffix(K.цкий))
                let nominative = words[i + e.count - 1].norm == folded.last! && !(i > 0 && Self.prepositions.contains(words[i - 1].norm))
                best = ((li, k > 0 && !adjective), e.count, nominative)
            }
        }
        return best
    }

    /// Called on capitalized words only (`allCaps` is false for the others).
    private func isAcronym(_ t: Token) -> Bool {
        t.scalarCount >= 2 && t.allCaps
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
