import Platform

/// One watched topic, prepared: cue phrases as stems, the content words of its label
/// and descriptions, its anchors, and what its `pro`/`contra` descriptions say about
/// direction (снижение vs повышение, допуск vs запрет) and evaluation (optimism vs
/// pessimism). Nothing is keyed on the topic id: a new watchlist brings its own words.
struct TopicModel: Sendable {
    enum Kind: Sendable, Hashable, CaseIterable {
        /// pro and contra differ by a direction (down/up or allow/forbid)
        case direction
        /// pro and contra differ by optimism / pessimism
        case evaluative
        /// pro is readiness or affirmation, contra its negation
        case plain
    }
    var id: String
    var cues: [[String]]
    /// Every stem of every cue (the overlap rules do not count them: they name the topic, not a side).
    var cueStems: Set<String> = []
    /// Content stems of label, pro and contra (stop words removed).
    var descriptionStems: Set<String>
    var descriptionWeights: [String: Double] = [:]
    var proStems: [(stem: String, negated: Bool)]
    var contraStems: [(stem: String, negated: Bool)]
    /// Every stem of `proStems` and `contraStems`.
    var sideStems: Set<String>
    /// Stems of proper words of the topic texts, widened by the gazetteer.
    var anchors: Set<String>
    /// Stems of the names in the topic's texts ("Швеции", "ХАМАС"; a text's first word only
    /// when it is written with a capital elsewhere too, is an acronym or a gazetteer place):
    /// what tells topics close in meaning apart (`topic.specificWord`).
    var properStems: Set<String> = []
    /// Multi-word anchors, as stem sequences.
    var anchorPhrases: [[String]] = []
    /// Direction → polarity (`.down` → `.pro`).
    var directionPolarity: [Direction: Polarity] = [:]
    /// Polarity that optimism / approval supports.
    var positivePolarity: Polarity = .pro
    /// The side that undoing the topic's measure takes ("отменить пошлины", "снять запрет"):
    /// contra, unless the topic's own `pro` description is the undoing ("отмена пошлин").
    var reversalPolarity: Polarity = .contra
    /// Acts the descriptions name, as (verb stem, «против»/«за») pairs: "голосует против
    /// поправки" in `contra` makes "проголосовал против" a contra act.
    var proActs: [String] = []
    var contraActs: [String] = []
    var kind: Kind = .plain
    /// Stems of the cues that name the contra side's own act ("импичмент" where `contra` says
    /// "поддерживает его импичмент" and neither the label nor `pro` has it): affirming such a
    /// cue is contra, and the rules that read a bare cue turn over for it.
    var contraCueStems: Set<String> = []
    /// A direction topic whose descriptions lean on their axis by one word only ("поддерживает
    /// его импичмент или отстранение"): a bare naming of it, readiness or a negated cue still
    /// read as they do for a plain topic, after the direction rules.
    var weakDirection = false

    /// The steps, in order: the descriptions without their exclusion notes; the cues as stems;
    /// the content words of each description (a word after a negation or «против» marked
    /// negated); the acts they name; the side undoing takes; the description stems; the
    /// anchors and the names; the direction each description leans to; the valence of each,
    /// which gives the positive side and, with the directions, the kind.
    init(topic: Watchlist.Topic, lexicon: Lexicon, stemmer: Stemmer, words: (String) -> [PatternWord]) {
        let reader = DescriptionReader(lexicon: lexicon, stemmer: stemmer)
        let texts = Texts(label: words(topic.label), cues: topic.cues.map(words),
                          pro: words(reader.withoutExclusionNotes(topic.pro)),
                          contra: words(reader.withoutExclusionNotes(topic.contra)))
        id = topic.id
        cues = texts.cues.map { $0.map(\.stem) }.filter { !$0.isEmpty }
        cueStems = Set(cues.flatMap { $0 })
        proStems = reader.content(texts.pro)
        contraStems = reader.content(texts.contra)
        sideStems = Set(proStems.map(\.stem) + contraStems.map(\.stem))
        proActs = reader.acts(texts.pro)
        contraActs = reader.acts(texts.contra)
        reversalPolarity = reader.reversalPolarity(pro: proStems, contra: contraStems)
        descriptionStems = Set((reader.content(texts.label) + proStems + contraStems).map(\.stem))
        contraCueStems = reader.contraCueStems(texts, cues: cues, pro: proStems, contra: contraStems)
        for cue in cues { descriptionStems.formUnion(cue) }
        (anchors, anchorPhrases) = reader.anchors(texts)
        properStems = reader.properStems(texts)
        directionPolarity = reader.directionPolarity(pro: proStems, contra: contraStems)
        weakDirection = !directionPolarity.isEmpty
            && reader.axisScores(pro: proStems, contra: contraStems).allSatisfy { abs($0.1) < 2 }
        let proValence = reader.valence(texts.pro), contraValence = reader.valence(texts.contra)
        positivePolarity = proValence >= contraValence ? .pro : .contra
        // a topic is about prospects by its words of prospects, not by words of approval
        // ("поддерживает, одобряет" / "критикует" name acts on a measure)
        kind = Self.kind(directions: directionPolarity, proValence: reader.valence(texts.pro, approval: false),
                         contraValence: reader.valence(texts.contra, approval: false))
    }

    /// Direction topics have a direction; evaluative ones a pro that is clearly optimistic and
    /// a contra that is pessimistic; the others are plain.
    static func kind(directions: [Direction: Polarity], proValence: Int, contraValence: Int) -> Kind {
        if !directions.isEmpty { return .direction }
        if proValence >= 2 && contraValence <= -1 && proValence - contraValence >= 3 { return .evaluative }
        return .plain
    }

    /// An act's key: the verb stem without a perfective prefix (`verbPrefixes`, the first that
    /// fits), cut to five letters, and the preposition ("проголосовал против" and "голосует
    /// против" share one).
    static func actKey(_ stem: String, _ preposition: String, prefixes: [String]) -> String {
        var s = Substring(stem)
        for p in prefixes where s.hasPrefix(p) && s.utf8.count - p.utf8.count >= 4 { s = s.dropFirst(p.count); break }
        return String(s.prefix(5)) + " " + preposition
    }
}

/// A topic's texts as pattern words.
private struct Texts {
    var label: [PatternWord]
    var cues: [[PatternWord]]
    var pro: [PatternWord]
    var contra: [PatternWord]
}

/// What a topic's texts say, read with the lexicon: the steps of `TopicModel.init`.
private struct DescriptionReader {
    let lexicon: Lexicon
    let stemmer: Stemmer

    /// Content stems (stop words and words under three letters dropped); a word within three
    /// words after a negation or «против» is negated.
    func content(_ words: [PatternWord]) -> [(stem: String, negated: Bool)] {
        var out: [(stem: String, negated: Bool)] = []
        var negate = 0
        for w in words {
            if lexicon.negators.contains(w.folded) || lexicon.words.isa(w.folded, .against) { negate = 3; continue }
            let isContent = !lexicon.stopwords.contains(w.folded) && w.folded.unicodeScalars.count >= 3
            if isContent { out.append((w.stem, negate > 0)) }
            if negate > 0 { negate -= 1 }
        }
        return out
    }

    /// The acts a description names: a word before «против» or «за» (see `TopicModel.actKey`).
    func acts(_ words: [PatternWord]) -> [String] {
        let prefixes = lexicon.words.list(.verbPrefixes)
        return words.indices.dropLast().compactMap { i in
            let preposition = words[i + 1].folded
            let isAct = lexicon.words.isa(preposition, .against) || lexicon.words.isa(preposition, .forSide)
            return isAct ? TopicModel.actKey(words[i].stem, preposition, prefixes: prefixes) : nil
        }
    }

    /// The stems of the cues all of whose words only `contra` says, and says as the act it
    /// supports, not as the object of a measure word: "импичмент" of "поддерживает его
    /// импичмент", not "майнинг" of "за запрет … майнинга"; no word of the label, of `pro`, of a
    /// negation, of stance in general, or of direction.
    func contraCueStems(_ texts: Texts, cues: [[String]], pro: [(stem: String, negated: Bool)],
                        contra: [(stem: String, negated: Bool)]) -> Set<String> {
        var notContraOnly = Set((content(texts.label) + pro + contra.filter(\.negated)).map(\.stem))
        notContraOnly.formUnion(lexicon.genericStems)
        var afterMeasureWord = false
        for w in texts.contra {
            if afterMeasureWord { notContraOnly.insert(w.stem) }
            if lexicon.directions[w.stem] != nil || lexicon.reversals.contains(w.stem) {
                afterMeasureWord = true
                notContraOnly.insert(w.stem)
            }
        }
        let said = Set(contra.filter { !$0.negated }.map(\.stem)).subtracting(notContraOnly)
        var out = Set<String>()
        for cue in cues {
            let words = cue.filter { !lexicon.stopwords.contains($0) }
            if !words.isEmpty && words.allSatisfy(said.contains) { out.formUnion(words) }
        }
        return out
    }

    /// Undoing the measure is contra, unless only the pro description undoes ("отмена пошлин").
    func reversalPolarity(pro: [(stem: String, negated: Bool)], contra: [(stem: String, negated: Bool)]) -> Polarity {
        let proUndoes = pro.contains { !$0.negated && lexicon.reversals.contains($0.stem) }
        let contraUndoes = contra.contains { !$0.negated && lexicon.reversals.contains($0.stem) }
        return proUndoes && !contraUndoes ? .pro : .contra
    }

    /// Anchors: what the topic is about, when its label leads with it ("Турция (Стамбул) как
    /// площадка", "Святой Престол как посредник"), and the places among its cues ("Стамбул",
    /// "Женева"); widened by the gazetteer. A label that leads with a common word ("Снижение
    /// ставки ФРС") has no anchor: its later names are context.
    func anchors(_ texts: Texts) -> (words: Set<String>, phrases: [[String]]) {
        var proper = Set<String>()
        var phrases: [[String]] = []
        func add(_ run: [String]) {
            if run.count == 1 { proper.insert(run[0]) } else if run.count > 1 { phrases.append(run) }
        }
        if let first = texts.label.first, first.proper, inGazetteer(first.stem) || first.acronym {
            add(Array(texts.label.prefix { $0.proper }.map(\.stem)))
        }
        for cue in texts.cues where cue.allSatisfy({ $0.proper }) && cue.allSatisfy({ inGazetteer($0.stem) }) {
            add(cue.map(\.stem))
        }
        // single-word gazetteer entries widen the anchors; multi-word ones ("Святой Престол")
        // are kept as phrases, so their common words ("святой", "республика") anchor nothing
        var widened = proper
        let named = proper.union(phrases.flatMap { $0 })
        let namesOne = { (entry: [String]) in entry.count == 1 && named.contains(entry[0]) || phrases.contains(entry) }
        for line in lexicon.gazetteer where line.contains(where: namesOne) {
            for entry in line {
                if entry.count == 1 {
                    widened.insert(entry[0])
                } else if !phrases.contains(entry) {
                    phrases.append(entry)
                }
            }
        }
        return (widened, phrases)
    }

    /// The names of the topic's texts (see `TopicModel.properStems`).
    func properStems(_ texts: Texts) -> Set<String> {
        let all = [texts.label, texts.pro, texts.contra] + texts.cues
        var out = Set(all.flatMap { $0.dropFirst().filter(\.proper).map(\.stem) })
        for text in all {
            guard let first = text.first, first.proper else { continue }
            if first.acronym || inGazetteer(first.stem) { out.insert(first.stem) }
        }
        return out
    }

    /// A description without its exclusion notes: a parenthesis that says what is not a
    /// position ("(приглашение к переговорам само по себе - не позиция)", "(допинговые санкции
    /// сюда не относятся)") names words the side's rules must not read as the side's. A note
    /// is one whose part after its last spaced dash opens with a negation (`noteOpeners`, such
    /// as «ещё», may stand before it), or which ends with a negated verb after other words.
    func withoutExclusionNotes(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            out += rest[..<open]
            if !isExclusionNote(rest[rest.index(after: open)..<close]) { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static let dashes: Set<Character> = ["-", "\u{2013}", "\u{2014}"]

    func isExclusionNote(_ note: Substring) -> Bool {
        let chars = Array(note)
        let dash = chars.indices.last { i in Self.dashes.contains(chars[i]) && i > 0 && chars[i - 1] == " " }
        let tail = dash.map { String(chars[($0 + 1)...]) }
        let folded = { (s: String) in Tokenizer.tokens(s).filter { $0.kind == .word }.map(\.norm) }
        if let tail {
            let words = folded(tail).drop { lexicon.words.isa($0, .noteOpeners) }
            if let first = words.first, lexicon.negators.contains(first) { return true }
        }
        let words = folded(String(note))
        return words.count >= 3 && lexicon.negators.contains(words[words.count - 2])
    }

    func inGazetteer(_ stem: String) -> Bool {
        lexicon.gazetteer.contains { line in line.contains { $0.contains(stem) } }
    }

    /// Which side each direction takes. Each axis (down/up, allow/forbid) scores how clearly
    /// the descriptions lean on it (a negated word counts for the other end); a weak second
    /// axis ("актор допускает дальнейшее повышение": a verb, not an admission) is dropped.
    func directionPolarity(pro: [(stem: String, negated: Bool)],
                           contra: [(stem: String, negated: Bool)]) -> [Direction: Polarity] {
        let scores = axisScores(pro: pro, contra: contra)
        let strongest = scores.map { abs($0.1) }.max() ?? 0
        var out: [Direction: Polarity] = [:]
        for (direction, score) in scores where score != 0 && (abs(score) == strongest || abs(score) >= 2) {
            out[direction] = score > 0 ? .pro : .contra
            out[direction.opposite] = score > 0 ? .contra : .pro
        }
        return out
    }

    /// How clearly the descriptions lean on each axis (down/up, allow/forbid): the words of
    /// `pro` leaning to its first end and of `contra` to its other end, less the reverse.
    func axisScores(pro: [(stem: String, negated: Bool)], contra: [(stem: String, negated: Bool)]) -> [(Direction, Int)] {
        let proLean = lean(pro), contraLean = lean(contra)
        return [Direction.down, .allow].map { d in
            (d, (proLean[d] ?? 0) - (proLean[d.opposite] ?? 0) - (contraLean[d] ?? 0) + (contraLean[d.opposite] ?? 0))
        }
    }

    /// How many of a description's words lean to each direction.
    func lean(_ stems: [(stem: String, negated: Bool)]) -> [Direction: Int] {
        var out: [Direction: Int] = [:]
        for s in stems {
            guard var direction = lexicon.directions[s.stem] else { continue }
            if s.negated { direction = direction.opposite }
            out[direction, default: 0] += 1
        }
        return out
    }

    /// The evaluation and (unless `approval` is false) approval words of a description, summed;
    /// a word within two words after a negation counts the other way.
    func valence(_ words: [PatternWord], approval: Bool = true) -> Int {
        let entries = (lexicon.evaluation + (approval ? lexicon.approval : [])).filter { $0.words.count == 1 }
            .map { (stem: Fold.stem($0.words[0], stemmer), value: $0.value) }
        var value = 0
        var negate = 0
        for w in words {
            if lexicon.negators.contains(w.folded) { negate = 2; continue }
            if let entry = entries.first(where: { $0.stem == w.stem }) {
                value += negate > 0 ? -entry.value : entry.value
            }
            if negate > 0 { negate -= 1 }
        }
        return value
    }
}
