/// Pro or contra, from the words of the clause around a topic's cue.
///
/// The clause runs from the cue to the nearest boundary on each side (comma, colon,
/// dash, "что", contrast words "однако"/"но"/"а"), so "не посредник, однако готов
/// предоставить площадку" gives each topic its own clause. Rules, in order:
/// 0. `polarity.act`: an act the topic's descriptions name ("голосует против поправки" in
///    `contra` makes "депутат проголосовал против поправки" contra, whatever else it holds).
/// 1. `polarity.direction` (direction topics): a direction word (снизить/повысить,
///    допустить/запретить) read through the topic's own descriptions; a negation before it
///    flips it, a pessimistic word in the clause ("рано") flips it too.
/// 2. `polarity.evaluation`: optimism / pessimism words (возможно, близки, нереалистично,
///    не верю), each flipped by a negation before it, read through which description is
///    the optimistic one.
/// 3. `polarity.description` (evaluative topics): signed word overlap with the two
///    descriptions ("результата … не будет" meets "… не будет").
/// 4. `polarity.reversal`: a reversive verb before the cue ("отменить пошлины", "выйти из
///    договора"): the side the topic's descriptions give to undoing it (contra unless `pro`
///    is the undoing), turned over when the verb is negated ("не намерен отказываться от").
///    Direction words are turned over the same way ("снять запрет").
/// 4b. `polarity.negatedCue`: a negation within five words before the cue.
/// 5. `polarity.readiness`: readiness or possibility (готов, может, предложил).
/// 6. `polarity.affirmedCue`: the holder speaks of the topic affirmatively.
/// A forecast or compulsion in the clause ("вынудят", "рано или поздно") gives no stance on a
/// plain or direction topic.
/// Direction topics fall back to the signed description overlap ("в статусе нейтральных
/// атлетов" meets the pro side's "в нейтральном статусе"). A hedged clause (`hedges.txt`:
/// "на фоне", "о возможном", "теоретически") gives no stance, nor does a sentence with a
/// sentence-wide hedge ("не принимала решения", "считается").
/// Evaluative topics stop after rule 3 and direction topics after that fallback: a bare cue
/// ("урегулирование", "ключевая ставка") says nothing about prospects or direction.
/// Negations that affirm ("не исключает", "не против") are read as no negation.
struct PolarityFinder {
    let text: ArticleText
    let lexicon: Lexicon
    static let contrast: Set<String> = K.set(["однако", "но", "а", "что", "чтобы", "хотя", "зато", "тогда", "поэтому"])

    /// The clause around words `r` in sentence range `s`.
    func clause(_ r: Range<Int>, in s: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        while lo > s.lowerBound, !text.boundary(before: lo), !Self.contrast.contains(text.words[lo - 1].norm) { lo -= 1 }
        var hi = r.upperBound
        while hi < s.upperBound, !text.boundary(before: hi), !Self.contrast.contains(text.words[hi].norm) { hi += 1 }
        return lo..<hi
    }

    /// Negators before word `w` within `window` words of the clause, after cancelling
    /// affirmative negated phrases; odd count = negated.
    func negated(_ w: Int, clause c: Range<Int>, window: Int = 5) -> Bool {
        var n = 0
        var k = max(c.lowerBound, w - window)
        while k < w {
            if let len = affirmativeNegation(at: k, limit: c.upperBound) { k += len; continue }
            if lexicon.negators.contains(text.words[k].norm) { n += 1 }
            k += 1
        }
        return n % 2 == 1
    }

    func affirmativeNegation(at k: Int, limit: Int) -> Int? {
        // no phrase can match where none of their first words does (most words)
        guard lexicon.affirmativeFirstWords.contains(where: { text.stems[k] == $0 || text.words[k].norm.hasPrefix($0) }) else { return nil }
        for p in lexicon.affirmativeNegations where k + p.count <= limit {
            var ok = true
            for (j, x) in p.enumerated() where !(text.words[k + j].norm == x || text.stems[k + j] == x || text.words[k + j].norm.hasPrefix(x)) { ok = false; break }
            if ok { return p.count }
        }
        return nil
    }

    /// Sum of evaluation in range `r` (negations flip single words); the position of the first.
    func evaluation(_ r: Range<Int>, clause c: Range<Int>, approval: Bool = false) -> (value: Int, at: Int?) {
        var v = 0
        var first: Int? = nil
        var w = r.lowerBound
        let index = approval ? lexicon.approvalByFirst : lexicon.evaluationByFirst
        while w < r.upperBound {
            var matched = 0
            guard let entries = index[text.words[w].norm] else { w += 1; continue }
            for e in entries where w + e.words.count <= r.upperBound && e.words.count >= matched {
                var ok = true
                for (k, x) in e.words.enumerated() where text.words[w + k].norm != x { ok = false; break }
                // "процесс, возможно медленный": a parenthetical "perhaps", not a prospect
                if ok, e.words.count == 1, parenthetical(w) { ok = false }
                if ok {
                    let neg = e.words.count == 1 && negated(w, clause: c, window: 3)
                    if matched == 0 || e.words.count > matched { v += neg ? -e.value : e.value; matched = e.words.count }
                    if first == nil { first = w }
                }
            }
            w += max(1, matched)
        }
        return (v, first)
    }

    static let obliquePluralEndings = ["ами", "ями", "ах", "ях", "ам", "ям", "ом", "ем", "ой", "ей"].map(Fold.word)

    static let parentheticalWords = ["возможно", "вероятно", "наверное"].map(Fold.word)

    /// "…, возможно медленный": the adverb set off by a comma before a word it qualifies.
    func parenthetical(_ w: Int) -> Bool {
        guard Self.parentheticalWords.contains(text.words[w].norm), w > 0, w + 1 < text.words.count,
              text.punctBefore[w].contains(","), !text.boundary(before: w + 1) else { return false }
        let next = text.words[w + 1].norm
        return !(next.hasSuffix(Fold.word("ть")) || next.hasSuffix(Fold.word("ться")))
    }

    /// Direction votes in range `r` mapped to the topic's polarity; position of the first.
    func direction(_ r: Range<Int>, clause c: Range<Int>, topic: TopicModel) -> (pro: Int, contra: Int, at: Int?) {
        var pro = 0, contra = 0
        var first: Int? = nil
        var lastDirection: Int? = nil
        for w in r {
            guard let cls = lexicon.directions[text.stems[w]] else { continue }
            if first == nil { first = w }
            guard var p = topic.directionPolarity[cls] else { continue }
            // a noun of direction must govern a word of the topic ("повышения цен" is not a rate)
            if Self.isVerbalNoun(text.words[w].norm) {
                let after = (w + 1)..<min(text.words.count, w + 4)
                guard after.contains(where: { (topic.descriptionWeights[text.stems[$0]] ?? 0) > 0 || topic.cueStems.contains(text.stems[$0])
                    || text.words[$0].capitalized }) else { continue }
            }
            // "запрет на участие": a direction word right after another is its object
            if let prev = lastDirection, w - prev <= 2 { lastDirection = w; continue }
            lastDirection = w
            // "снять запрет", "не намерен отменять ограничения": a reversive verb governing the
            // direction word turns it over, and a negation then belongs to the verb
            var negatedAt = w
            if let rv = reversal(before: w, clause: c) { p = p.opposite; negatedAt = rv }
            if negated(negatedAt, clause: c, window: 6) {
                // "не поддержит снижение на 50 б.п.": the negation is about the amount
                let after = (w + 1)..<min(text.words.count, w + 5)
                if after.contains(where: { text.words[$0].norm == K.на && $0 + 1 < text.words.count && text.words[$0 + 1].kind == .number }) { continue }
                p = p.opposite
            }
            if p == .pro { pro += 1 } else { contra += 1 }
        }
        return (pro, contra, first)
    }

    static let passiveEndings = ["ены", "ена", "ан", "аны", "ана", "ован", "ованы", "ята", "яты"].map(Fold.word)
    static let timeUnits = ["год", "года", "лет", "месяц", "месяца", "месяцев", "недели", "недель", "дней"].map(Fold.word)

    /// "спортсмены отстранены три с половиной года": a state described with its duration
    /// is background, not a position.
    func background(_ c: Range<Int>, sentence s: Range<Int>) -> Bool {
        let passive = c.contains { w in lexicon.directions[text.stems[w]] != nil && Self.passiveEndings.contains { text.words[w].norm.hasSuffix($0) } }
        guard passive else { return false }
        return s.contains { Self.timeUnits.contains(text.words[$0].norm) && $0 > c.lowerBound }
    }

    static let verbalNounEndings = ["ение", "ения", "ению", "ением", "ении", "ание", "ания", "анию", "анием", "ании"].map(Fold.word)

    /// A verbal noun ("снижение", "повышения"): it names an action on some object.
    static func isVerbalNoun(_ norm: String) -> Bool {
        verbalNounEndings.contains { norm.hasSuffix($0) }
    }

    func modal(_ r: Range<Int>) -> Int? {
        for w in r where lexicon.modal.contains(text.stems[w]) && text.words[w].norm != K.за { return w }
        for w in r.dropLast() where lexicon.modal.contains(text.stems[w] + " " + K.за) && text.words[w + 1].norm == K.за { return w }
        return nil
    }

    /// The polarity of topic `topic` for the cue at `hit`, with the rule that decided it.
    func polarity(topic: TopicModel, hit: Range<Int>, sentence s: Range<Int>, properCue: Bool = false) -> (Polarity, RuleName)? {
        let c = clause(hit, in: s)
        // "роль посредника, которая … не такая реалистичная": a relative clause right after
        // the cue's clause speaks of the cue (used for approval only)
        var withRelative = c
        if c.upperBound < s.upperBound, text.words[c.upperBound].norm.hasPrefix(K.котор) {
            var end = c.upperBound + 1
            while end < s.upperBound, end - c.upperBound < 12, !text.words[end].norm.hasPrefix(K.котор) { end += 1 }
            withRelative = c.lowerBound..<end
        }
        let ev = evaluation(c, clause: c)
        if hedged(c) || hedged(s, sentence: true) { return nil }
        // "встретился с профсоюзами, которые выступают против …": a relative clause on an
        // oblique noun speaks of that noun, not for the holder
        if c.lowerBound > s.lowerBound, text.words[c.lowerBound].norm.hasPrefix(K.котор) {
            let antecedent = text.words[c.lowerBound - 1].norm
            if Self.obliquePluralEndings.contains(where: { antecedent.hasSuffix($0) }) { return nil }
        }
        // "проголосовал против поправки": an act the descriptions name decides
        if !topic.proActs.isEmpty || !topic.contraActs.isEmpty {
            var pro = false, contra = false, at = c.lowerBound
            // a verb names the act; a verbal noun ("голосование за проект") only names the event
            for w in c.dropLast() where (text.words[w + 1].norm == K.против || text.words[w + 1].norm == K.за) && !Self.isVerbalNoun(text.words[w].norm) {
                let key = TopicModel.actKey(text.stems[w], text.words[w + 1].norm)
                if topic.proActs.contains(key) { pro = true; at = w }
                if topic.contraActs.contains(key) { contra = true; at = w }
            }
            if pro != contra {
                let p: Polarity = pro ? .pro : .contra
                return (negated(at, clause: c, window: 3) ? p.opposite : p, .polarityAct)
            }
        }
        if topic.kind != .plain && (hedged(c, condition: true) || background(c, sentence: s)) { return nil }
        // "нас вынудят пойти на …", "рано или поздно это случится": pressure or prediction
        if topic.kind != .evaluative && forecast(c) { return nil }
        if topic.kind == .direction {
            var d = direction(c, clause: c, topic: topic)
            if d.pro == d.contra && !hedged(s) { d = direction(s, clause: s, topic: topic) }
            if d.pro != d.contra {
                var p: Polarity = d.pro > d.contra ? .pro : .contra
                // a judgement after the direction word turns it ("снижать … не нужно",
                // "запрет ни к чему не привел"); an approving verb before it governs it and its
                // negation is already the direction's own ("не поддержит снижение")
                let after = (d.at.map { $0 + 1 } ?? c.lowerBound)..<max(c.upperBound, (d.at ?? c.lowerBound) + 1)
                if ev.value < 0 || evaluation(after, clause: c, approval: true).value < 0 { p = p.opposite }
                return (p, .polarityDirection)
            }
        }
        var e = topic.kind == .plain ? evaluation(withRelative, clause: withRelative, approval: true) : ev
        if e.value == 0 && topic.kind == .evaluative { e = evaluation(s, clause: s) }
        if e.value != 0 {
            let p = e.value > 0 ? topic.positivePolarity : topic.positivePolarity.opposite
            return (p, .polarityEvaluation)
        }
        if topic.kind == .direction {
            // the description must be met beyond the cue's own words ("совещание о пенсионной
            // реформе" names the topic, it takes no side)
            let (pro, contra) = overlap(c, topic: topic)
            let (proBeyond, contraBeyond) = overlap(c, topic: topic, beyondCues: true)
            let (win, lose) = pro > contra ? (proBeyond, contraBeyond) : (contraBeyond, proBeyond)
            if abs(pro - contra) >= 2 && win >= 1 && lose <= win {
                return (pro > contra ? .pro : .contra, .polarityDescription)
            }
            return nil
        }
        if topic.kind == .evaluative {
            let (pro, contra) = overlap(s, topic: topic)
            if abs(pro - contra) >= 2 { return (pro > contra ? .pro : .contra, .polarityDescription) }
            return nil
        }
        // "отменить пошлины", "выйти из договора", "не видит причин отменять …"
        if let rv = reversal(before: hit.lowerBound, clause: c, reach: 3) {
            let p = topic.reversalPolarity
            return (negated(rv, clause: c) ? p.opposite : p, .polarityReversal)
        }
        if negated(hit.lowerBound, clause: c) { return (.contra, .polarityNegatedCue) }
        if let m = modal(c) {
            return (negated(m, clause: c, window: 2) ? .contra : .pro, .polarityReadiness)
        }
        if properCue { return nil }
        return (.pro, .polarityAffirmedCue)
    }

    /// A reversive word ("отменить", "снять", "выйти из", "отказаться от") within `reach` words
    /// before word `w` in clause `c`, not itself a direction word.
    func reversal(before w: Int, clause c: Range<Int>, reach: Int = 2) -> Int? {
        var k = w - 1
        while k >= max(c.lowerBound, w - reach) {
            if lexicon.reversals.contains(text.stems[k]) && lexicon.directions[text.stems[k]] == nil { return k }
            k -= 1
        }
        return nil
    }

    /// True when range `r` holds a forecast or compulsion phrase (`forecast.txt`).
    func forecast(_ r: Range<Int>) -> Bool {
        for w in r {
            for p in lexicon.forecasts where p[0] == text.words[w].norm && w + p.count <= r.upperBound {
                if (1..<p.count).allSatisfy({ text.words[w + $0].norm == p[$0] }) { return true }
            }
        }
        return false
    }

    /// True when the clause holds a hedge ("не принимала решения", "на фоне", "о возможном").
    func hedged(_ r: Range<Int>, sentence: Bool = false, condition: Bool = false) -> Bool {
        for w in r where lexicon.phraseFirstWords.contains(text.words[w].norm) {
            for h in condition ? lexicon.conditionHedges : sentence ? lexicon.sentenceHedges : lexicon.hedges where w + h.count <= r.upperBound {
                var ok = true
                for (k, x) in h.enumerated() where text.words[w + k].norm != x { ok = false; break }
                // "вряд ли" is a judgement, not an open question
                if ok, h == [K.ли], w > r.lowerBound, text.words[w - 1].norm == K.вряд { ok = false }
                if ok { return true }
            }
        }
        return false
    }

    /// Signed overlap of range `r` with the pro and contra descriptions.
    func overlap(_ r: Range<Int>, topic: TopicModel, beyondCues: Bool = false) -> (Int, Int) {
        var pro = 0, contra = 0
        var seen = Set<String>()
        for w in r where !lexicon.negators.contains(text.words[w].norm) && !seen.contains(text.stems[w])
            && !((beyondCues || topic.kind == .evaluative) && topic.cueStems.contains(text.stems[w])) {
            seen.insert(text.stems[w])
            // the negation is read only for a word of the descriptions (most are not)
            guard topic.sideStems.contains(text.stems[w]) else { continue }
            let neg = negated(w, clause: r, window: 2)
            if topic.proStems.contains(where: { $0.stem == text.stems[w] && $0.negated == neg }) { pro += 1 }
            if topic.contraStems.contains(where: { $0.stem == text.stems[w] && $0.negated == neg }) { contra += 1 }
        }
        return (pro, contra)
    }
}
