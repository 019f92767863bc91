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

/// The article's words at one position, for the mention rules.
struct MentionContext {
    let words: [Token]
    let stems: [String]
    let facts: [WordFacts]
    /// True for the words of a watched name or role.
    let covered: [Bool]
    /// The watched names and roles by their first word.
    let watchedAt: [Int: Mention]
    /// The position the rules are tried at.
    var at: Int

    var word: Token { words[at] }
    var stem: String { stems[at] }
    /// The facts of the word at the position.
    var fact: WordFacts { facts[at] }
    /// The folded word at the position.
    var norm: String { words[at].norm }
    var capitalized: Bool { words[at].capitalized }
    /// The word after this one, if any.
    var next: Token? { at + 1 < words.count ? words[at + 1] : nil }
    /// True when the word at `k` exists and is part of a watched name or role.
    func isCovered(_ k: Int) -> Bool { covered.indices.contains(k) && covered[k] }
}

/// What a mention rule found at a position: a mention, or words to pass over without one
/// (a country's own name), and where the rules go on.
struct MentionStep {
    var mention: Mention?
    var next: Int
}

/// The names of the mention rules (they are no stance rules: nothing prints them).
enum MentionRuleName: String, CaseIterable, Sendable {
    case watched, insideWatched, pronoun, headOfName, bareHead, headOfCountry, institution, country
    case unwatchedSpeaker, unwatchedPerson
}

/// One mention rule: its name and what it finds at a position, or nil.
struct MentionRule: Sendable {
    let name: MentionRuleName
    let apply: @Sendable (MentionFinder, MentionContext) -> MentionStep?
}

/// Finds mentions in the article's word list: first the watched names and roles (the longest
/// match at each word), then, at each word in turn where one can start (`mayStartAMention`),
/// the first of these rules that finds something:
/// 1. `watched`: the watched name or role that starts here.
/// 2. `insideWatched`: a word inside one (reached by a skip) is passed over.
/// 3. `pronoun`: a personal pronoun ("он", "она").
/// 4. `headOfName`: a role head before a watched name in the genitive is that actor
///    ("глава Нацбанка").
/// 5. `bareHead`: a role head not followed by a name ("Президент отметил").
/// 6. `headOfCountry`: a role head followed by a country narrows it to that country's
///    actors ("глава Казахстана").
/// 7. `institution`: a capital or institution that stands for a country ("Анкара").
/// 8. `country`: a country's own name or adjective is passed over, no mention.
/// 9. `unwatchedSpeaker`: one capitalised word right before or after a verb of saying
///    ("Зеленский рассказал", "заявил Трамп"), not a country and not watched.
/// 10. `unwatchedPerson`: two or more capitalised words in a row, not a country, not watched.
/// Then `joinedAfterPreposition`: a mention joined by "и" to one after a preposition is no
/// subject either ("для Минфина и ЦБ").
struct MentionFinder {
    let index: WatchIndex
    let lexicon: Lexicon

    static let rules: [MentionRule] = [
        MentionRule(name: .watched, apply: { $0.watched($1) }),
        MentionRule(name: .insideWatched, apply: { $0.insideWatched($1) }),
        MentionRule(name: .pronoun, apply: { $0.pronoun($1) }),
        MentionRule(name: .headOfName, apply: { $0.headOfName($1) }),
        MentionRule(name: .bareHead, apply: { $0.bareHead($1) }),
        MentionRule(name: .headOfCountry, apply: { $0.headOfCountry($1) }),
        MentionRule(name: .institution, apply: { $0.institution($1) }),
        MentionRule(name: .country, apply: { $0.country($1) }),
        MentionRule(name: .unwatchedSpeaker, apply: { $0.unwatchedSpeaker($1) }),
        MentionRule(name: .unwatchedPerson, apply: { $0.unwatchedPerson($1) }),
    ]

    /// All mentions in word order. `words` are the article's word tokens.
    func mentions(_ words: [Token], stems: [String], facts: [WordFacts]) -> [Mention] {
        let watched = watchedMentions(words, stems, facts)
        var covered = [Bool](repeating: false, count: words.count)
        for m in watched { for k in m.first...m.last { covered[k] = true } }
        let watchedAt = Dictionary(watched.map { ($0.first, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [Mention] = []
        // one context, moved along the words
        var context = MentionContext(words: words, stems: stems, facts: facts, covered: covered, watchedAt: watchedAt,
                                     at: 0)
        while context.at < words.count {
            guard mayStartAMention(context) else {
                context.at += 1
                continue
            }
            let found = firstStep(context)
            if let m = found?.step.mention { out.append(m) }
            context.at = found?.step.next ?? context.at + 1
        }
        joinedAfterPreposition(&out, words, facts)
        return out
    }

    /// True when a rule can decide at the context's position: each rule first asks for one of
    /// these (a watched word, a capitalised word, a pronoun, a role head), so at any other word
    /// the rules are not tried.
    func mayStartAMention(_ c: MentionContext) -> Bool {
        c.covered[c.at] || c.capitalized || c.fact.has(.pronoun) || isRoleHead(c) || c.fact.has(.headActor)
    }

    /// A role head ("глава", "президент"), as written or by its stem.
    private func isRoleHead(_ c: MentionContext) -> Bool {
        !c.fact.marks.isDisjoint(with: [.roleHead, .headForm, .roleHeadStem])
    }

    /// What the first rule that finds something finds at the context's position.
    func firstStep(_ context: MentionContext) -> (step: MentionStep, rule: MentionRuleName)? {
        for rule in Self.rules {
            if let step = rule.apply(self, context) { return (step, rule.name) }
        }
        return nil
    }

    /// The watched names and roles, each the longest match at its first word, left to right.
    func watchedMentions(_ words: [Token], _ stems: [String], _ facts: [WordFacts]) -> [Mention] {
        var watched: [Mention] = []
        var at = 0
        while at < words.count {
            // no pattern opens with a word neither index holds (most words)
            guard facts[at].has(.patternStart) else { at += 1; continue }
            if let m = watchedMention(at: at, words, stems, facts) {
                watched.append(m)
                at = m.last + 1
            } else {
                at += 1
            }
        }
        return watched
    }

    /// True when the word before `k` is a preposition.
    func afterPreposition(_ k: Int, _ facts: [WordFacts]) -> Bool {
        k > 0 && facts[k - 1].isa(.prepositions)
    }

    /// The watched name or role that starts here.
    func watched(_ c: MentionContext) -> MentionStep? {
        guard c.covered[c.at], let m = c.watchedAt[c.at] else { return nil }
        return MentionStep(mention: m, next: m.last + 1)
    }

    /// A word inside a watched name or role.
    func insideWatched(_ c: MentionContext) -> MentionStep? {
        c.covered[c.at] ? MentionStep(mention: nil, next: c.at + 1) : nil
    }

    /// "он", "она".
    func pronoun(_ c: MentionContext) -> MentionStep? {
        guard c.fact.has(.pronoun) else { return nil }
        return MentionStep(mention: Mention(kind: .pronoun, actors: [], first: c.at, last: c.at, nominative: true),
                           next: c.at + 1)
    }

    /// "глава Нацбанка": a role head before a watched name in the genitive is that actor; it
    /// is a subject when the head is in its dictionary form and not after a preposition.
    func headOfName(_ c: MentionContext) -> MentionStep? {
        guard isRoleHead(c), c.isCovered(c.at + 1), let named = c.watchedAt[c.at + 1], named.kind == .name,
              !named.nominative else { return nil }
        let dictionaryForm = (index.headForms[c.stem] ?? c.word.norm) == c.word.norm
        let nominative = dictionaryForm && !afterPreposition(c.at, c.facts)
        let m = Mention(kind: .role, actors: named.actors, first: c.at, last: named.last, nominative: nominative)
        return MentionStep(mention: m, next: named.last + 1)
    }

    /// "Президент отметил": a role head with no name after it stands for the actors having it.
    func bareHead(_ c: MentionContext) -> MentionStep? {
        guard c.fact.has(.headActor), let actors = index.headActors[c.stem] else { return nil }
        if let next = c.next, next.capitalized, !c.covered[c.at + 1] { return nil }
        let nominative = index.headForms[c.stem] == c.word.norm
        let m = Mention(kind: .head, actors: actors, first: c.at, last: c.at, nominative: nominative)
        return MentionStep(mention: m, next: c.at + 1)
    }

    /// "глава Казахстана": a role head before a country is the head of that country's actors.
    func headOfCountry(_ c: MentionContext) -> MentionStep? {
        guard c.fact.has(.headActor), let next = c.next, next.capitalized, !c.covered[c.at + 1],
              let actors = index.headActors[c.stem],
              let (entry, len, _) = gazetteerEntry(at: c.at + 1, c.words, c.stems, c.facts), !entry.institution else {
            return nil
        }
        let narrowed = actors.filter {
            index.actorCountries[$0].contains(entry.line) && index.ownAnchors[$0].contains(c.stems[c.at + 1])
        }
        guard !narrowed.isEmpty else { return nil }
        let nominative = index.headForms[c.stem] == c.word.norm
        let kind: Mention.Kind = narrowed.count == 1 ? .role : .head
        let m = Mention(kind: kind, actors: narrowed, first: c.at, last: c.at + len, nominative: nominative)
        return MentionStep(mention: m, next: c.at + 1 + len)
    }

    /// "Анкара", "Кремль": a capital or institution that stands for its country.
    func institution(_ c: MentionContext) -> MentionStep? {
        guard c.capitalized, let (entry, len, nominative) = gazetteerEntry(at: c.at, c.words, c.stems, c.facts),
              entry.institution else { return nil }
        let m = Mention(kind: .institution, actors: [], country: entry.line, first: c.at, last: c.at + len - 1,
                        nominative: nominative)
        return MentionStep(mention: m, next: c.at + len)
    }

    /// "Турция", "турецкий": a country's own name is passed over.
    func country(_ c: MentionContext) -> MentionStep? {
        guard c.capitalized, let (_, len, _) = gazetteerEntry(at: c.at, c.words, c.stems, c.facts) else { return nil }
        return MentionStep(mention: nil, next: c.at + len)
    }

    /// A capitalised word of three letters or more.
    private func mayBeName(_ t: Token) -> Bool {
        t.capitalized && t.kind == .word && t.scalarCount >= 3
    }

    /// "Зеленский рассказал", "заявил Трамп", "спросил Смирнов": one capitalised word, alone,
    /// right before or after a verb of saying or asking.
    func unwatchedSpeaker(_ c: MentionContext) -> MentionStep? {
        guard c.capitalized else { return nil }
        let w = c.word, at = c.at, words = c.words
        guard mayBeName(w), w.cyrillicOnly, !c.fact.has(.stopword) else { return nil }
        let alone = (at == 0 || !words[at - 1].capitalized || words[at - 1].end + 1 < w.start)
            && !(c.next?.capitalized ?? false)
        let verbAfter = c.next.map { next in
            !c.covered[at + 1] && saysOrAsks(at + 1, c) && next.start <= w.end + 1
        } ?? false
        let verbBefore = at > 0 && saysOrAsks(at - 1, c) && words[at - 1].end + 1 >= w.start
            && !words[at - 1].capitalized
        guard alone, verbAfter || verbBefore else { return nil }
        let oblique = c.fact.parts.contains(.obliqueEndings)
        return MentionStep(mention: Mention(kind: .other, actors: [], first: at, last: at, nominative: !oblique),
                           next: at + 1)
    }

    /// Word `k` is a verb of saying (by its stem) or of asking (as written: «спрос» is also a noun).
    private func saysOrAsks(_ k: Int, _ c: MentionContext) -> Bool {
        c.facts[k].has(.speechVerb) || c.facts[k].isa(.askingVerbs)
    }

    /// "Владимир Зеленский": two or more capitalised words in a row; an oblique ending or a
    /// preposition before them ("с Владимиром Путиным"), or a dative or accusative ending on
    /// every word ("в интервью Лексу Фридману"), marks no subject.
    func unwatchedPerson(_ c: MentionContext) -> MentionStep? {
        guard c.capitalized else { return nil }
        let w = c.word, at = c.at, words = c.words
        guard mayBeName(w), let next = c.next, !c.covered[at + 1], next.capitalized, next.kind == .word,
              next.start <= w.end + 2, !isAcronym(w), !isAcronym(next),
              gazetteerEntry(at: at + 1, words, c.stems, c.facts) == nil else { return nil }
        var last = at + 1
        while last + 1 < words.count, !c.covered[last + 1], words[last + 1].capitalized,
              words[last + 1].start <= words[last].end + 2 {
            last += 1
        }
        let oblique = c.facts[last].parts.contains(.obliqueEndings) || afterPreposition(at, c.facts)
            || (at...last).allSatisfy { c.facts[$0].parts.contains(.datAccNameEndings) }
        return MentionStep(mention: Mention(kind: .other, actors: [], first: at, last: last, nominative: !oblique),
                           next: last + 1)
    }

    /// "для Минфина и ЦБ": a mention joined by "и" to one after a preposition is no subject.
    func joinedAfterPreposition(_ mentions: inout [Mention], _ words: [Token], _ facts: [WordFacts]) {
        for k in mentions.indices.dropFirst() {
            let m = mentions[k], before = mentions[k - 1]
            if m.first >= 2, facts[m.first - 1].isa(.and), before.last == m.first - 2,
               afterPreposition(before.first, facts) {
                mentions[k].nominative = false
            }
        }
    }

    /// The longest watched name or role starting at word `at`; of names and roles of the same
    /// length, the names. It can be a subject when its head word (a name's last, a role's
    /// first) is written as in the watchlist, not after a preposition, and it is not an
    /// acronym governed by the word before it.
    private func watchedMention(at: Int, _ words: [Token], _ stems: [String], _ facts: [WordFacts]) -> Mention? {
        let longest = longestPatterns(at: at, words, stems, facts)
        guard let length = longest.first?.words.count else { return nil }
        let names = longest.filter { $0.kind == .name }
        let chosen = names.isEmpty ? longest : names
        let actors = Array(Set(chosen.map(\.actor))).sorted()
        let last = at + length - 1
        let isName = chosen[0].kind == .name
        let head = isName ? chosen[0].words[length - 1] : chosen[0].words[0]
        let genitiveAcronym = head.acronym && length == 1 && governedByWordBefore(at, words, facts)
        let asWritten = words[isName ? last : at].norm == head.folded
        let nominative = asWritten && !afterPreposition(at, facts) && !genitiveAcronym
        let kind: Mention.Kind = names.isEmpty ? .role : .name
        return Mention(kind: kind, actors: actors, first: at, last: last, nominative: nominative)
    }

    /// The watched patterns of the greatest length that match from word `at`, in index order.
    private func longestPatterns(at: Int, _ words: [Token], _ stems: [String], _ facts: [WordFacts]) -> [ActorPattern] {
        let byStem = index.patternsByStem[stems[at]]
        let byPrefix = index.patternsByPrefix[String(decoding: words[at].norm.utf8.prefix(2), as: UTF8.self)]
        guard byStem != nil || byPrefix != nil else { return [] }
        var longest: [ActorPattern] = []
        for pi in [byStem ?? [], byPrefix ?? []].joined() {
            let pattern = index.actorPatterns[pi]
            guard matches(pattern, at: at, words, stems) else { continue }
            if longest.isEmpty || pattern.words.count > longest[0].words.count {
                longest = [pattern]
            } else if pattern.words.count == longest[0].words.count {
                longest.append(pattern)
            }
        }
        return longest
    }

    /// True when every word of `pattern` matches the words from `at`.
    private func matches(_ pattern: ActorPattern, at: Int, _ words: [Token], _ stems: [String]) -> Bool {
        let single = pattern.words.count == 1
        guard pattern.words.count <= words.count - at else { return false }
        return pattern.words.indices.allSatisfy { k in
            match(words[at + k], stems[at + k], pattern.words[k], single: single).0
        }
    }

    /// "в руководстве ФРС": an indeclinable acronym right after a lower-case word of the same
    /// clause is that word's genitive, unless the word is a verb of saying or joins clauses.
    private func governedByWordBefore(_ at: Int, _ words: [Token], _ facts: [WordFacts]) -> Bool {
        guard at > 0 else { return false }
        let before = words[at - 1]
        return !before.capitalized && before.kind == .word && before.end + 1 >= words[at].start
            && !facts[at - 1].has(.speechVerb) && !facts[at - 1].isa(.clauseJoiners)
    }

    /// A gazetteer entry found in the text: its line, whether it is an institution or capital
    /// (not the country's own name, not an adjective), its length in words, nominative or not.
    typealias GazetteerHit = (c: (line: Int, institution: Bool), len: Int, nominative: Bool)

    /// The longest gazetteer entry starting at word `at` (the first of equal length).
    func gazetteerEntry(at: Int, _ words: [Token], _ stems: [String], _ facts: [WordFacts]) -> GazetteerHit? {
        guard facts[at].has(.gazetteerFirst), let entries = lexicon.gazetteerByFirst[stems[at]] else { return nil }
        var best: GazetteerHit? = nil
        for (line, position) in entries {
            let entry = lexicon.gazetteer[line][position]
            guard at + entry.count <= words.count, entry.count > (best?.len ?? 0),
                  entry.indices.allSatisfy({ stems[at + $0] == entry[$0] }) else { continue }
            let folded = lexicon.gazetteerFolded[line][position]
            let adjective = folded.count == 1 && lexicon.words.endsAny(folded[0], .adjectiveNameSuffixes)
            let asWritten = words[at + entry.count - 1].norm == folded[folded.count - 1]
            let nominative = asWritten && !afterPreposition(at, facts)
            // the first entry of a line is the country's own name
            best = ((line, position > 0 && !adjective), entry.count, nominative)
        }
        return best
    }

    /// Called on capitalized words only (`allCaps` is false for the others).
    private func isAcronym(_ t: Token) -> Bool {
        t.scalarCount >= 2 && t.allCaps
    }

    /// Whether a text word matches a pattern word; the second value says the form is the
    /// dictionary form (a nominative).
    func match(_ token: Token, _ stem: String, _ word: PatternWord, single: Bool) -> (Bool, Bool) {
        guard token.kind == .word || token.kind == .number else { return (false, false) }
        if word.acronym { return (token.norm == word.folded && token.capitalized, true) }
        if word.proper {
            if word.length <= 4 && !token.capitalized { return (false, false) }
            if token.norm == word.folded { return (true, true) }
            if index.nameForms.matches(token.norm, word.folded) { return (true, false) }
            if !single, word.length >= 6, stem == word.stem { return (true, false) }
            // a name spelt one letter off ("Смортич"), written with a capital
            if token.capitalized, let ending = index.nameForms.oneLetterOff(token.norm, word.folded) {
                return (true, ending.isEmpty)
            }
            return (false, false)
        }
        if token.norm == word.folded { return (true, true) }
        if stem == word.stem { return (true, false) }
        return (false, false)
    }
}
