import Platform

/// One watched topic, prepared: cue phrases as stems, the content words of its label
/// and descriptions, its anchors, and what its `pro`/`contra` descriptions say about
/// direction (снижение vs повышение, допуск vs запрет) and evaluation (optimism vs
/// pessimism). Nothing is keyed on the topic id: a new watchlist brings its own words.
struct TopicModel: Sendable {
    enum Kind: Sendable, Equatable {
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

    init(topic: Watchlist.Topic, lexicon: Lexicon, stemmer: Stemmer, words: (String) -> [PatternWord]) {
        id = topic.id
        cues = topic.cues.map { words($0).map(\.stem) }.filter { !$0.isEmpty }
        cueStems = Set(cues.flatMap { $0 })
        func content(_ s: String) -> [(String, Bool)] {
            var out: [(String, Bool)] = []
            var negate = 0
            for w in words(s) {
                if lexicon.negators.contains(w.folded) || w.folded == K.против { negate = 3; continue }
                if lexicon.stopwords.contains(w.folded) || w.folded.unicodeScalars.count < 3 { if negate > 0 { negate -= 1 }; continue }
                out.append((w.stem, negate > 0))
                if negate > 0 { negate -= 1 }
            }
            return out
        }
        proStems = content(topic.pro).map { (stem: $0.0, negated: $0.1) }
        contraStems = content(topic.contra).map { (stem: $0.0, negated: $0.1) }
        sideStems = Set(proStems.map(\.stem) + contraStems.map(\.stem))
        func acts(_ s: String) -> [String] {
            let ws = words(s)
            return ws.indices.dropLast().compactMap { i in
                ws[i + 1].folded == K.против || ws[i + 1].folded == K.за ? TopicModel.actKey(ws[i].stem, ws[i + 1].folded) : nil
            }
        }
        proActs = acts(topic.pro)
        contraActs = acts(topic.contra)
        let proUndoes = proStems.contains { !$0.negated && lexicon.reversals.contains($0.stem) }
        let contraUndoes = contraStems.contains { !$0.negated && lexicon.reversals.contains($0.stem) }
        if proUndoes && !contraUndoes { reversalPolarity = .pro }
        descriptionStems = Set((content(topic.label) + content(topic.pro) + content(topic.contra)).map(\.0))
        for c in cues { descriptionStems.formUnion(c) }
        // anchors: what the topic is about, when its label leads with it ("Турция (Стамбул)
        // как площадка", "Святой Престол как посредник"), and the places among its cues
        // ("Стамбул", "Женева"); widened by the gazetteer. A label that leads with a common
        // word ("Снижение ставки ФРС") has no anchor: its later names are context.
        func inGazetteer(_ stem: String) -> Bool {
            lexicon.gazetteer.contains { line in line.contains { $0.contains(stem) } }
        }
        var proper = Set<String>()
        var phrases: [[String]] = []
        func add(_ run: [String]) {
            if run.count == 1 { proper.insert(run[0]) } else if run.count > 1 { phrases.append(run) }
        }
        let labelWords = words(topic.label)
        if let first = labelWords.first, first.proper, inGazetteer(first.stem) || first.acronym {
            add(Array(labelWords.prefix { $0.proper }.map(\.stem)))
        }
        for text in topic.cues {
            let ws = words(text)
            if ws.allSatisfy({ $0.proper }) && ws.allSatisfy({ inGazetteer($0.stem) }) { add(ws.map(\.stem)) }
        }
        // single-word gazetteer entries widen the anchors; multi-word ones ("Святой Престол")
        // are kept as phrases, so their common words ("святой", "республика") anchor nothing
        var widened = proper
        let named = proper.union(phrases.flatMap { $0 })
        for line in lexicon.gazetteer where line.contains(where: { e in e.count == 1 && named.contains(e[0]) || phrases.contains(e) }) {
            for e in line { if e.count == 1 { widened.insert(e[0]) } else if !phrases.contains(e) { phrases.append(e) } }
        }
        anchors = widened
        anchorPhrases = phrases
        // direction: which class each description leans to (a negated word counts for the other class)
        func lean(_ stems: [(stem: String, negated: Bool)]) -> [Direction: Int] {
            var out: [Direction: Int] = [:]
            for s in stems {
                guard var cls = lexicon.directions[s.stem] else { continue }
                if s.negated { cls = cls.opposite }
                out[cls, default: 0] += 1
            }
            return out
        }
        let lp = lean(proStems), lc = lean(contraStems)
        // each axis (down/up, allow/forbid) scores how clearly the descriptions lean on it;
        // a weak second axis ("актор допускает дальнейшее повышение": a verb, not an
        // admission) is dropped
        var scores: [(Direction, Int)] = []
        for cls in [Direction.down, .allow] {
            let opp = cls.opposite
            scores.append((cls, (lp[cls] ?? 0) - (lp[opp] ?? 0) - (lc[cls] ?? 0) + (lc[opp] ?? 0)))
        }
        let strongest = scores.map { abs($0.1) }.max() ?? 0
        for (cls, score) in scores where score != 0 && (abs(score) == strongest || abs(score) >= 2) {
            let opp = cls.opposite
            directionPolarity[cls] = score > 0 ? .pro : .contra
            directionPolarity[opp] = score > 0 ? .contra : .pro
        }
        // valence: evaluation words in each description
        let entries = (lexicon.evaluation + lexicon.approval).filter { $0.words.count == 1 }.map { (Fold.stem($0.words[0], stemmer), $0.value) }
        func valence(_ text: String) -> Int {
            var v = 0
            var neg = 0
            for w in words(text) {
                if lexicon.negators.contains(w.folded) { neg = 2; continue }
                if let e = entries.first(where: { $0.0 == w.stem }) { v += neg > 0 ? -e.1 : e.1 }
                if neg > 0 { neg -= 1 }
            }
            return v
        }
        let vp = valence(topic.pro), vc = valence(topic.contra)
        positivePolarity = vp >= vc ? .pro : .contra
        if !directionPolarity.isEmpty { kind = .direction }
        else if vp >= 2 && vc <= -1 && vp - vc >= 3 { kind = .evaluative }
    }

    static let verbPrefixes = ["про", "по", "вы", "за", "с", "от", "на", "при"].map(Fold.word)

    /// An act's key: the verb stem without a perfective prefix, cut to five letters, and the
    /// preposition ("проголосовал против" and "голосует против" share one).
    static func actKey(_ stem: String, _ preposition: String) -> String {
        var s = Substring(stem)
        for p in verbPrefixes where s.hasPrefix(p) && s.utf8.count - p.utf8.count >= 4 { s = s.dropFirst(p.count); break }
        return String(s.prefix(5)) + " " + preposition
    }
}
