/// Pro or contra, from the words of the clause around a topic's cue.
///
/// The clause runs from the cue to the nearest boundary on each side (comma, colon,
/// dash, "что", contrast words "однако"/"но"/"а"), so "не посредник, однако готов
/// предоставить площадку" gives each topic its own clause. A clause joined by a correlative
/// ("к тому, чтобы …") or listing more of the object before it ("…, включая посредничество")
/// reaches back over the clause before, whose words govern it.
///
/// `rules` is the chain, in order; each step applies to the topic kinds it names, and the
/// first that decides ends it. A rule gives the side (and its name is printed); a stop
/// ends the chain with no stance:
/// 1. stop `hedged`: a hedged clause (`hedges.txt`: "на фоне", "о возможном",
///    "теоретически") or a sentence with a sentence-wide hedge ("не принимала решения",
///    "считается").
/// 1a. stop `poll`: the clause reports a poll ("оценивают 90% россиян").
/// 2. stop `relativeOnObject`: the clause is a relative clause on an oblique plural noun
///    ("встретился с профсоюзами, которые выступают против …" speaks of the unions).
/// 3. `polarity.act`: an act the topic's descriptions name ("голосует против поправки" in
///    `contra` makes "депутат проголосовал против поправки" contra, whatever else it holds).
/// 4. stop `conditionOrBackground` (direction and evaluative topics): a condition ("если")
///    in the clause, or a passive state with its duration ("отстранены три года").
/// 5. stop `forecast` (direction and plain topics): a forecast or compulsion in the clause
///    ("вынудят", "рано или поздно").
/// 6. `polarity.description` (direction and plain topics): a word under a negation that only
///    one description negates, not a cue or a direction word ("вопрос не обсуждается" meets
///    `contra`'s "не обсуждается").
/// 7. `polarity.direction` (direction topics): a direction word (снизить/повысить,
///    допустить/запретить) that acts on the topic (a verbal noun governing a word of it, a verb
///    with one beside it: not "сокращать неравенство") read through the topic's own
///    descriptions; a negation before it
///    flips it, a pessimistic word in the clause ("рано") flips it too. A reversive verb
///    governing it turns it over ("снять запрет"), and so does a verb of rejection before it
///    ("раскритиковал запрет").
/// 8. `polarity.evaluation`: optimism / pessimism words (возможно, близки, нереалистично,
///    не верю), each flipped by a negation before it, read through which description is
///    the optimistic one (plain topics: approval words, a relative clause after the cue
///    included, else the next clause when it points back at the cue's: "…, но республика к
///    этому не может отнестись положительно"; a reversive word before the cue makes it a
///    judgement of the undoing: "поддерживает отмену пошлин"; evaluative topics: the whole
///    sentence when the clause has none).
/// 9. `polarity.description` (direction topics): signed overlap of the clause with the two
///    descriptions, met beyond the cue's own words ("в статусе нейтральных атлетов" meets the
///    pro side's "в нейтральном статусе"); or two words of one description beyond the cues and
///    none of the other's, however many cue words the other repeats ("рассмотреть … после 2018
///    года" meets `contra`'s «рассмотреть после 2018 года»).
/// 10. `polarity.description` (evaluative topics): signed word overlap of the sentence with
///     the two descriptions ("результата … не будет" meets "… не будет").
/// 11. stop `conditional` (plain topics): a condition on another's act in the sentence ("он
///     разместит оружие, если это сделают соседи", "если Норландия снизит цены, пошлины
///     отменят"): what is promised or threatened under it is no side; not an offer ("если будет
///     потребность, …").
/// 12. `polarity.reversal` (plain topics): a reversive verb before the cue ("отменить пошлины",
///     "выйти из договора"), or after it ("пошлины нужно отменить"): the side the topic's
///     descriptions give to undoing it (contra unless `pro` is the undoing), turned over when
///     the verb is negated ("не намерен отказываться от").
/// 13. `polarity.negatedCue` (plain topics): a negation within five words before the cue.
/// 14. `polarity.readiness` (plain topics): readiness or possibility (готов, может, предложил).
/// 15. stop `properCue` (plain topics): a cue that is a place name is no affirmation.
/// 16. `polarity.affirmedCue` (plain topics): the holder speaks of the topic affirmatively.
///
/// So evaluative and direction topics end after the descriptions: a bare cue
/// ("урегулирование", "ключевая ставка") says nothing about prospects or direction.
/// A direction topic whose descriptions lean on their axis by one word only
/// (`TopicModel.weakDirection`: "поддерживает его импичмент или отстранение") is a plain topic
/// with one direction word: it goes on to the plain topics' steps (8 for plain topics, 11–16).
/// A cue that names the contra side's own act ("импичмент" where `contra` says "поддерживает
/// его импичмент": `TopicModel.contraCueStems`) turns over what the steps that read the cue
/// itself give (evaluation, reversal, negated cue, readiness, affirmed cue; `cueReaders`), and
/// so does the naive reading: "поддерживает импичмент" is contra.
/// Negations that affirm ("не исключает", "не против") are read as no negation.
struct PolarityFinder {
    let text: ArticleText
    let lexicon: Lexicon
    /// The function words the rules test for (`lexicon.words`).
    let words: FunctionWords

    init(text: ArticleText, lexicon: Lexicon) {
        self.text = text
        self.lexicon = lexicon
        self.words = lexicon.words
    }

    /// The polarity of topic `topic` for the cue at `hit`, with the rule that decided it; or
    /// the stop that ended the chain (nil for either when no step applied).
    func polarity(topic: TopicModel, hit: Range<Int>, sentence: Range<Int>,
                  properCue: Bool = false) -> (side: (Polarity, RuleName)?, stop: PolarityStop?) {
        let context = context(topic: topic, hit: hit, sentence: sentence, properCue: properCue)
        for rule in Self.rules where rule.kinds.contains(topic.kind) || (topic.weakDirection && rule.kinds == [.plain]) {
            switch rule.decide(self, context) {
            case .side(let polarity, let name)?:
                // these steps read the side of the measure the cue names
                let turned = Self.cueReaders.contains(name) && namesContraAct(topic, hit: hit)
                return ((turned ? polarity.opposite : polarity, name), nil)
            case .noStance?:
                guard case .stop(let reason) = rule.name else { return (nil, nil) }
                return (nil, reason)
            case nil: continue
            }
        }
        return (nil, nil)
    }

    /// Whether the cue at `hit` names the contra side's own act (`TopicModel.contraCueStems`),
    /// or, for a cue that is only a word of stance, its object does ("поддерживает импичмент
    /// Трампа" is contra a topic of support for him).
    /// A topic about prospects has no act to turn.
    func namesContraAct(_ topic: TopicModel, hit: Range<Int>) -> Bool {
        guard topic.kind != .evaluative, !topic.contraCueStems.isEmpty else { return false }
        var r = hit
        if hit.count == 1, lexicon.genericStems.contains(text.stems[hit.lowerBound]) {
            r = hit.lowerBound..<toBoundary(from: hit.upperBound, in: hit.upperBound..<min(text.words.count, hit.upperBound + 2))
        }
        return r.contains { topic.contraCueStems.contains(text.stems[$0]) }
    }

    /// The first word at or after `start` in `r` that a clause boundary precedes, or the end of
    /// `r`: where the clause running from `start` ends.
    func toBoundary(from start: Int, in r: Range<Int>) -> Int {
        var end = start
        while end < r.upperBound, !text.boundary(before: end) { end += 1 }
        return end
    }

    /// The steps that read a side of the cue itself (approval of it, readiness for it, its
    /// negation, undoing it, naming it): for a cue of the contra side's act they turn over.
    static let cueReaders: Set<RuleName> = [.polarityEvaluation, .polarityReversal, .polarityNegatedCue,
                                            .polarityReadiness, .polarityAffirmedCue]

    /// The chain, in order (see the type's doc comment).
    static let rules: [PolarityRule] = [
        .stop(.hedged) { $0.isHedged($1) },
        .stop(.poll) { $0.reportsAPoll($1.clause) },
        .stop(.relativeOnObject) { $0.isRelativeOnObject($1) },
        .rule(.polarityAct) { $0.byAct($1) },
        .stop(.conditionOrBackground, for: [.direction, .evaluative]) { $0.isConditionOrBackground($1) },
        .stop(.forecast, for: [.direction, .plain]) { $0.forecast($1.clause) },
        .rule(.polarityDescription, for: [.direction, .plain]) { $0.byNegatedDescription($1) },
        .rule(.polarityDirection, for: [.direction]) { $0.byDirection($1) },
        .rule(.polarityEvaluation, for: [.plain]) { $0.byApproval($1) },
        .rule(.polarityEvaluation, for: [.evaluative]) { $0.byProspects($1) },
        .rule(.polarityEvaluation, for: [.direction]) { $0.byClauseEvaluation($1) },
        .rule(.polarityDescription, for: [.direction]) { $0.byDescriptionBeyondCues($1) },
        .rule(.polarityDescription, for: [.evaluative]) { $0.byDescriptionInSentence($1) },
        .stop(.conditional, for: [.plain]) { $0.conditionOnAnotherAct($1.sentence) },
        .rule(.polarityReversal, for: [.plain]) { $0.byReversal($1) },
        .rule(.polarityNegatedCue, for: [.plain]) { $0.byNegatedCue($1) },
        .rule(.polarityReadiness, for: [.plain]) { $0.byReadiness($1) },
        .stop(.properCue, for: [.plain]) { $1.properCue },
        .rule(.polarityAffirmedCue, for: [.plain]) { _, _ in .pro },
    ]

    /// What every rule sees: the topic, the cue, its sentence and clause.
    func context(topic: TopicModel, hit: Range<Int>, sentence: Range<Int>, properCue: Bool) -> PolarityContext {
        let clause = clause(hit, in: sentence)
        // "роль посредника, которая … не такая реалистичная": a relative clause right after
        // the cue's clause speaks of the cue (used for approval only)
        var withRelative = clause
        if clause.upperBound < sentence.upperBound, isRelative(clause.upperBound) {
            var end = clause.upperBound + 1
            while end < sentence.upperBound, end - clause.upperBound < 12, !isRelative(end) { end += 1 }
            withRelative = clause.lowerBound..<end
        }
        return PolarityContext(topic: topic, hit: hit, sentence: sentence, clause: clause,
                               clauseWithRelative: withRelative, clauseEvaluation: evaluation(clause, clause: clause),
                               properCue: properCue)
    }

    /// Word `w` opens a relative clause ("который", "которые").
    func isRelative(_ w: Int) -> Bool {
        text.facts[w].parts.contains(.relativePrefixes)
    }
}

/// What the polarity rules see: the topic, the cue's words, its sentence and clause.
struct PolarityContext {
    let topic: TopicModel
    /// The cue's words.
    let hit: Range<Int>
    let sentence: Range<Int>
    /// The cue's clause (`PolarityFinder.clause`).
    let clause: Range<Int>
    /// The clause with a relative clause right after it ("роль посредника, которая …").
    let clauseWithRelative: Range<Int>
    /// The evaluation words of the clause (`PolarityFinder.evaluation`).
    let clauseEvaluation: (value: Int, at: Int?)
    /// The cue is a place name (see `TopicHit.properCue`).
    let properCue: Bool
}

/// Why the polarity chain stopped with no stance (see `PolarityFinder`).
enum PolarityStop: Sendable, Equatable {
    case hedged, poll, relativeOnObject, conditionOrBackground, forecast, properCue, conditional
}

/// One step of the polarity chain: a rule that gives the side, or a stop that ends the
/// chain with no stance, for the topic kinds it names.
struct PolarityRule: Sendable {
    /// What a step decided.
    enum Decision {
        case side(Polarity, RuleName)
        case noStance
    }

    /// The rule's name, or the stop's reason.
    enum Name: Sendable, Equatable {
        case rule(RuleName)
        case stop(PolarityStop)
    }

    let name: Name
    let kinds: Set<TopicModel.Kind>
    let decide: @Sendable (PolarityFinder, PolarityContext) -> Decision?

    /// A rule that gives a side when `apply` returns one.
    static func rule(_ name: RuleName, for kinds: Set<TopicModel.Kind> = Set(TopicModel.Kind.allCases),
                     _ apply: @escaping @Sendable (PolarityFinder, PolarityContext) -> Polarity?) -> PolarityRule {
        PolarityRule(name: .rule(name), kinds: kinds) { finder, context in
            apply(finder, context).map { .side($0, name) }
        }
    }

    /// A stop that ends the chain with no stance when `applies` says so.
    static func stop(_ reason: PolarityStop, for kinds: Set<TopicModel.Kind> = Set(TopicModel.Kind.allCases),
                     _ applies: @escaping @Sendable (PolarityFinder, PolarityContext) -> Bool) -> PolarityRule {
        PolarityRule(name: .stop(reason), kinds: kinds) { finder, context in
            applies(finder, context) ? .noStance : nil
        }
    }
}

// MARK: - the rules

extension PolarityFinder {
    /// Stop `hedged`: a hedge in the clause, or a sentence-wide hedge in the sentence.
    func isHedged(_ context: PolarityContext) -> Bool {
        hedged(context.clause) || hedged(context.sentence, sentence: true)
    }

    /// A share of people as a subject in `r` ("негативно оценивают 90% россиян", not "для 62%
    /// граждан"): the clause reports a poll, their view, not the speaker's.
    func reportsAPoll(_ r: Range<Int>) -> Bool {
        r.contains { w in
            text.words[w].kind == .number && !(w > r.lowerBound && text.facts[w - 1].isa(.prepositions))
                && (w + 1..<min(r.upperBound, w + 3)).contains { text.facts[$0].isa(.pollNouns) }
        }
    }

    /// Stop `relativeOnObject`: "встретился с профсоюзами, которые выступают против …": a
    /// relative clause on an oblique noun speaks of that noun, not for the holder.
    func isRelativeOnObject(_ context: PolarityContext) -> Bool {
        let start = context.clause.lowerBound
        guard start > context.sentence.lowerBound, isRelative(start) else { return false }
        return text.facts[context.clause.lowerBound - 1].parts.contains(.obliquePluralEndings)
    }

    /// `polarity.act`: "проголосовал против поправки": an act the descriptions name decides;
    /// an undoing between the act and the cue turns it ("выступает за отмену поправки").
    func byAct(_ context: PolarityContext) -> Polarity? {
        let topic = context.topic
        guard !topic.proActs.isEmpty || !topic.contraActs.isEmpty else { return nil }
        var pro = false, contra = false, at = context.clause.lowerBound
        // a verb names the act; a verbal noun ("голосование за проект") only names the event
        for w in context.clause.dropLast() where isActPreposition(w + 1) && !isVerbalNoun(w) {
            let key = TopicModel.actKey(text.stems[w], text.words[w + 1].norm, prefixes: words.list(.verbPrefixes))
            if topic.proActs.contains(key) { pro = true; at = w }
            if topic.contraActs.contains(key) { contra = true; at = w }
        }
        guard pro != contra else { return nil }
        var side: Polarity = pro ? .pro : .contra
        // «выступает за отказ от перевода часов»: an undoing between the act and the cue turns it
        if let undoing = reversal(before: context.hit.lowerBound, clause: context.clause, reach: 3, plain: true), undoing > at + 1 {
            side = side.opposite
        }
        return negated(at, clause: context.clause, window: 3) ? side.opposite : side
    }

    /// «против» or «за» at word `w`: the preposition of an act.
    func isActPreposition(_ w: Int) -> Bool {
        text.facts[w].isa(.against) || text.facts[w].isa(.forSide)
    }

    /// Stop `conditionOrBackground`: a condition in the clause, or a state described with its
    /// duration ("спортсмены отстранены три с половиной года").
    func isConditionOrBackground(_ context: PolarityContext) -> Bool {
        hedged(context.clause, condition: true) || background(context.clause, sentence: context.sentence)
    }

    /// `polarity.direction`: the direction words of the clause (of the sentence when the
    /// clause is even and the sentence unhedged), through the topic's descriptions.
    func byDirection(_ context: PolarityContext) -> Polarity? {
        var votes = direction(context.clause, clause: context.clause, topic: context.topic)
        if votes.pro == votes.contra && !hedged(context.sentence) {
            votes = direction(context.sentence, clause: context.sentence, topic: context.topic)
        }
        guard votes.pro != votes.contra, let at = votes.at else { return nil }
        let side: Polarity = votes.pro > votes.contra ? .pro : .contra
        // a judgement after the direction word turns it ("снижать … не нужно", "запрет ни к
        // чему не привел"); an approving verb before it governs it and its negation is
        // already the direction's own ("не поддержит снижение")
        let after = (at + 1)..<max(context.clause.upperBound, at + 1)
        let judgedWrong = context.clauseEvaluation.value < 0
            || evaluation(after, clause: context.clause, approval: true).value < 0
            || rejected(before: at, clause: context.clause)
        return judgedWrong ? side.opposite : side
    }

    /// Word `w` ends a negated phrase that affirms ("не исключает", "не против").
    func inAffirmativeNegation(_ w: Int, clause: Range<Int>) -> Bool {
        (max(clause.lowerBound, w - 2)..<w).contains { k in affirmativeNegation(at: k, limit: clause.upperBound).map { k + $0 > w } ?? false }
    }

    /// A verb of rejection before word `at` in the clause ("раскритиковал запрет", "осудил
    /// повышение"): it governs the direction word and turns its side. Its negation ("не осудил
    /// запрет") is read by the direction word, as for any verb before it; a negation that
    /// affirms ("не исключает запрет") leaves no rejection.
    func rejected(before at: Int, clause: Range<Int>) -> Bool {
        // (the direction word may stand before the clause, read from the whole sentence)
        (clause.lowerBound..<max(clause.lowerBound, at)).contains { w in
            text.facts[w].has(.approvalFirst) && !inAffirmativeNegation(w, clause: clause)
                && entries(at: w, lexicon.approvalByFirst, limit: at).contains {
                    $0.value < 0 && !$0.words.contains(where: lexicon.negators.contains)
                }
        }
    }

    /// `polarity.evaluation` (plain topics): approval words in the clause and a relative
    /// clause after it, for the side approval supports. A cue in a condition's own clause («Если Минфин поддержит налог, X готов его ввести») is
    /// judged by the condition's subject, not the holder: no side here.
    func byApproval(_ context: PolarityContext) -> Polarity? {
        let c = context.clause
        if phraseLength(at: c.lowerBound, lexicon.conditions, limit: c.upperBound) != nil { return nil }
        let range = context.clauseWithRelative
        var value = evaluation(range, clause: range, approval: true).value
        if value == 0, let next = clausePointingBack(after: range, in: context.sentence) {
            value = evaluation(next, clause: next, approval: true).value
        }
        return side(ofJudgement: value, of: context.hit, clause: context.clause, topic: context.topic)
    }

    /// The side a judgement of `value` on the cue at `hit` supports: the side approval gives,
    /// unless a reversive verb governs the cue ("поддерживает отмену пошлин", "отмена пошлин
    /// была бы ошибкой"): then what is judged is the undoing, whose side the topic's
    /// descriptions give. Nil for no judgement.
    func side(ofJudgement value: Int, of hit: Range<Int>, clause: Range<Int>, topic: TopicModel) -> Polarity? {
        guard value != 0 else { return nil }
        if reversal(of: hit, clause: clause, plain: topic.kind == .plain) != nil {
            return value > 0 ? topic.reversalPolarity : topic.reversalPolarity.opposite
        }
        return side(ofEvaluation: value, topic: topic)
    }

    /// The clause after `r` in `sentence` (past a contrast word opening it) when a pronoun in
    /// its first five words points back at what `r` named ("…вступления Швеции в НАТО, но пока
    /// что республика к этому не может отнестись положительно").
    func clausePointingBack(after r: Range<Int>, in sentence: Range<Int>) -> Range<Int>? {
        var lo = r.upperBound
        if lo < sentence.upperBound, opensClause(lo) { lo += 1 }
        guard lo < sentence.upperBound else { return nil }
        var hi = lo + 1
        while hi < sentence.upperBound, !text.boundary(before: hi), !opensClause(hi) { hi += 1 }
        guard (lo..<min(hi, lo + 5)).contains(where: { text.facts[$0].isa(.pointingBack) }) else { return nil }
        return lo..<hi
    }

    /// `polarity.evaluation` (evaluative topics): optimism or pessimism in the clause, else
    /// in the sentence.
    func byProspects(_ context: PolarityContext) -> Polarity? {
        var value = context.clauseEvaluation.value
        if value == 0 { value = evaluation(context.sentence, clause: context.sentence).value }
        return side(ofEvaluation: value, topic: context.topic)
    }

    /// `polarity.evaluation` (direction topics): optimism or pessimism in the clause.
    func byClauseEvaluation(_ context: PolarityContext) -> Polarity? {
        side(ofEvaluation: context.clauseEvaluation.value, topic: context.topic)
    }

    /// The side an evaluation of `value` supports; nil for none.
    func side(ofEvaluation value: Int, topic: TopicModel) -> Polarity? {
        guard value != 0 else { return nil }
        return value > 0 ? topic.positivePolarity : topic.positivePolarity.opposite
    }

    /// `polarity.description` (direction topics): the clause meets one description, beyond the
    /// cue's own words ("совещание о пенсионной реформе" names the topic, it takes no side).
    func byDescriptionBeyondCues(_ context: PolarityContext) -> Polarity? {
        let (pro, contra) = overlap(context.clause, topic: context.topic)
        let (proBeyond, contraBeyond) = overlap(context.clause, topic: context.topic, beyondCues: true)
        let (win, lose) = pro > contra ? (proBeyond, contraBeyond) : (contraBeyond, proBeyond)
        if abs(pro - contra) >= 2 && win >= 1 && lose <= win { return pro > contra ? .pro : .contra }
        // two words of one description beyond the cues and none of the other's: the cue's own
        // words, which a description may repeat, do not outvote them
        guard min(proBeyond, contraBeyond) == 0, max(proBeyond, contraBeyond) >= 2 else { return nil }
        return proBeyond > contraBeyond ? .pro : .contra
    }

    /// `polarity.description` (evaluative topics): the sentence meets one description.
    func byDescriptionInSentence(_ context: PolarityContext) -> Polarity? {
        let (pro, contra) = overlap(context.sentence, topic: context.topic)
        guard abs(pro - contra) >= 2 else { return nil }
        return pro > contra ? .pro : .contra
    }

    /// `polarity.description` (direction and plain topics): a word of the clause under a
    /// negation that only one description negates, neither a cue nor a direction word
    /// ("вопрос пока не обсуждается" meets `contra`'s "не обсуждается", "время для него не
    /// пришло" its "не пришло"), or that only one description names as its act, which negated
    /// is the other side ("налог не будут вводить" against `pro`'s "вводит"). The watchlist's author wrote that denial as a side, so it
    /// comes before the direction word the cue itself carries ("повышение … не обсуждается").
    func byNegatedDescription(_ context: PolarityContext) -> Polarity? {
        let topic = context.topic
        var pro = 0, contra = 0
        for w in context.clause where text.facts[w].has(.topicWord) && !text.facts[w].has(.negator)
            && text.facts[w].direction == nil {
            let stem = text.stems[w]
            guard topic.sideStems.contains(stem), !topic.cueStems.contains(stem),
                  negated(w, clause: context.clause, window: 2) else { continue }
            // a denial one description writes is that side; else one description's own act,
            // negated, is the other side («налог не будут вводить»), unless an undoing verb is
            // the reversal rule's («не отменять пошлины»)
            let denied = (pro: topic.proStems.contains { $0.stem == stem && $0.negated },
                          contra: topic.contraStems.contains { $0.stem == stem && $0.negated })
            if denied.pro || denied.contra {
                if denied.pro != denied.contra { if denied.pro { pro += 1 } else { contra += 1 } }
                continue
            }
            guard !text.facts[w].has(.reversal) else { continue }
            let acts = (pro: topic.proStems.contains { $0.stem == stem }, contra: topic.contraStems.contains { $0.stem == stem })
            if acts.pro != acts.contra { if acts.pro { contra += 1 } else { pro += 1 } }
        }
        guard (pro > 0) != (contra > 0) else { return nil }
        return pro > 0 ? .pro : .contra
    }

    /// `polarity.reversal`: "отменить пошлины", "выйти из договора", "не видит причин отменять …".
    func byReversal(_ context: PolarityContext) -> Polarity? {
        guard let verb = reversal(of: context.hit, clause: context.clause, plain: true) else { return nil }
        let side = context.topic.reversalPolarity
        return negated(verb, clause: context.clause) ? side.opposite : side
    }

    /// `polarity.negatedCue`: a negation within five words before the cue.
    func byNegatedCue(_ context: PolarityContext) -> Polarity? {
        negated(context.hit.lowerBound, clause: context.clause) ? .contra : nil
    }

    /// Whether the cue at `hit` is only what something is about: a regarding word right before
    /// it ("месседж в отношении заявки …", "по поводу вступления …"), or a decision or
    /// question noun, perhaps with the name of who decides, and a question preposition
    /// ("решением о членстве …", "вопрос о введении …", "решение Турции по …"). Such a sentence
    /// names the question, not a side of it.
    func namesTheQuestion(_ hit: Range<Int>, sentence: Range<Int>) -> Bool {
        let w = hit.lowerBound - 1
        guard w >= sentence.lowerBound else { return false }
        if text.facts[w].isa(.regardingWords) { return true }
        guard text.facts[w].isa(.questionPrepositions), w - 1 >= sentence.lowerBound else { return false }
        if text.facts[w - 1].isa(.questionNouns) { return true }
        // the one who decides or asks, named between ("решение Турции по …", "вопрос
        // журналистов о …")
        return w - 2 >= sentence.lowerBound && text.facts[w - 2].isa(.questionNouns)
    }

    /// `polarity.readiness`: readiness or possibility in the clause, unless negated.
    func byReadiness(_ context: PolarityContext) -> Polarity? {
        guard let at = modal(context.clause) else { return nil }
        return negated(at, clause: context.clause, window: 2) ? .contra : .pro
    }
}

// MARK: - what the rules read

extension PolarityFinder {
    /// The clause around words `cue` in sentence range `sentence`.
    func clause(_ cue: Range<Int>, in sentence: Range<Int>) -> Range<Int> {
        var lo = clauseStart(cue.lowerBound, in: sentence)
        // "не готова к тому, чтобы повысить …": a clause joined by a correlative is governed by
        // the words before it, and they belong to it
        if lo - 2 > sentence.lowerBound, text.facts[lo - 1].isa(.complementizers), text.boundary(before: lo - 1),
           text.facts[lo - 2].isa(.correlatives) {
            lo = clauseStart(lo - 2, in: sentence)
        }
        // "готовность поддержать любые инициативы, включая посредничество": a clause that lists
        // more of the object before it is governed by the words before it
        if lo - 1 > sentence.lowerBound, text.facts[lo].isa(.listContinuations) {
            lo = clauseStart(lo - 1, in: sentence)
        }
        var hi = cue.upperBound
        while hi < sentence.upperBound, !text.boundary(before: hi), !opensClause(hi) {
            hi += 1
        }
        return lo..<hi
    }

    /// The first word of the clause that word `w` is in: back to a boundary or a word opening a clause.
    func clauseStart(_ w: Int, in sentence: Range<Int>) -> Int {
        var lo = w
        while lo > sentence.lowerBound, !text.boundary(before: lo), !opensClause(lo - 1) { lo -= 1 }
        return lo
    }

    /// Word `w` is a contrast word or complementizer that opens a clause: not the «что» of
    /// «пока что» (`thatAdverbHeads`), which is part of an adverb.
    func opensClause(_ w: Int) -> Bool {
        text.facts[w].isa(.contrast) && !(w > 0 && text.facts[w - 1].isa(.thatAdverbHeads) && !text.boundary(before: w))
    }

    /// Negators before word `w` within `window` words of the clause, after cancelling
    /// affirmative negated phrases; odd count = negated.
    func negated(_ w: Int, clause: Range<Int>, window: Int = 5) -> Bool {
        var count = 0
        var k = max(clause.lowerBound, w - window)
        while k < w {
            if let length = affirmativeNegation(at: k, limit: clause.upperBound) { k += length; continue }
            if text.facts[k].has(.negator) { count += 1 }
            k += 1
        }
        return count % 2 == 1
    }

    /// The length of the affirmative negated phrase ("не исключает") starting at word `k`.
    func affirmativeNegation(at k: Int, limit: Int) -> Int? {
        // no phrase can match where none of their first words does (most words)
        guard text.facts[k].has(.affirmativeFirst) else { return nil }
        for phrase in lexicon.affirmativeNegations where k + phrase.count <= limit {
            if phrase.indices.allSatisfy({ matches(k + $0, phrase[$0]) }) { return phrase.count }
        }
        return nil
    }

    /// Word `w` is `part`, has it as its stem, or starts with it.
    private func matches(_ w: Int, _ part: String) -> Bool {
        text.stems[w] == part || text.words[w].norm.hasPrefix(part)
    }

    /// Sum of evaluation in range `r` (negations flip single words); the position of the first.
    func evaluation(_ r: Range<Int>, clause: Range<Int>, approval: Bool = false) -> (value: Int, at: Int?) {
        var value = 0
        var first: Int? = nil
        var w = r.lowerBound
        let index = approval ? lexicon.approvalByFirst : lexicon.evaluationByFirst
        let opens: WordMarks = approval ? .approvalFirst : .evaluationFirst
        while w < r.upperBound {
            guard text.facts[w].has(opens) else { w += 1; continue }
            // «не исключил»: a word of an affirmative negated phrase judges nothing
            if w > r.lowerBound, let length = affirmativeNegation(at: w - 1, limit: r.upperBound), length > 1 {
                w += length - 1
                continue
            }
            // the longest entry written here ("пессимистично оценила шансы" over
            // "пессимистично"); "процесс, возможно медленный": a parenthetical "perhaps", not a prospect
            let entry = entries(at: w, index, limit: r.upperBound)
                .filter { $0.words.count > 1 || !parenthetical(w) }
                .max { $0.words.count < $1.words.count }
            guard let entry else { w += 1; continue }
            let flipped = entry.words.count == 1 && negated(w, clause: clause, window: 4)
            value += flipped ? -entry.value : entry.value
            if first == nil { first = w }
            w += entry.words.count
        }
        return (value, first)
    }

    /// The entries of `index` (evaluation or approval phrases, by first word) written at word `w`,
    /// ending before `limit`.
    func entries(at w: Int, _ index: [String: [(words: [String], value: Int)]], limit: Int) -> [(words: [String], value: Int)] {
        (index[text.words[w].norm] ?? []).filter { entry in
            w + entry.words.count <= limit && entry.words.indices.allSatisfy { text.words[w + $0].norm == entry.words[$0] }
        }
    }

    /// The length of an evaluation or approval phrase starting at word `k` that holds a
    /// negator of its own ("ничего не дал", "не сработал"): its negation is the judgement's.
    func negatedJudgement(at k: Int, limit: Int) -> Int? {
        guard text.facts[k].has(.evaluationFirst) || text.facts[k].has(.approvalFirst) else { return nil }
        for index in [lexicon.evaluationByFirst, lexicon.approvalByFirst] {
            if let entry = entries(at: k, index, limit: limit).first(where: {
                $0.words.count > 1 && $0.words.contains(where: lexicon.negators.contains)
            }) { return entry.words.count }
        }
        return nil
    }

    /// "…, возможно медленный": the adverb set off by a comma before a word it qualifies.
    func parenthetical(_ w: Int) -> Bool {
        guard text.facts[w].isa(.parentheticalWords), w > 0, w + 1 < text.words.count,
              text.punctBefore[w].unicodeScalars.contains(","), text.punctBefore[w].contains(","),
              !text.boundary(before: w + 1) else { return false }
        return !text.facts[w + 1].parts.contains(.infinitiveEndings)
    }

    /// Direction votes in range `r` mapped to the topic's polarity; position of the first.
    func direction(_ r: Range<Int>, clause: Range<Int>, topic: TopicModel) -> (pro: Int, contra: Int, at: Int?) {
        var pro = 0, contra = 0
        var first: Int? = nil
        var lastDirection: Int? = nil
        for w in r {
            guard let cls = text.facts[w].direction else { continue }
            if first == nil { first = w }
            guard var side = topic.directionPolarity[cls] else { continue }
            // "запрет на участие": a direction word right after another is its object, whether
            // or not the one before acts on the topic
            if let prev = lastDirection, w - prev <= 2 { lastDirection = w; continue }
            lastDirection = w
            // a noun of direction must govern a word of the topic ("повышения цен" is not a rate),
            // or the topic's own direction word as its object ("запрет на участие")
            let actsOnTopic = isVerbalNoun(w) ? governsTopicWord(w, topic: topic) : nearTopicWord(w, topic: topic, clause: clause)
            if !actsOnTopic && !governsDirection(w, topic: topic, in: r) { continue }
            // "снять запрет", "не намерен отменять ограничения": a reversive verb governing the
            // direction word turns it over, and a negation then belongs to the verb
            var negatedAt = w
            if let verb = reversal(before: w, clause: clause) { side = side.opposite; negatedAt = verb }
            if negated(negatedAt, clause: clause, window: 6) {
                // "не поддержит снижение на 50 б.п.": the negation is about the amount
                if amountFollows(w) { continue }
                side = side.opposite
            }
            if side == .pro { pro += 1 } else { contra += 1 }
        }
        return (pro, contra, first)
    }

    /// One of the two words after `w`, in `r`, is a direction word of the topic: its object
    /// ("запрет на участие", "разрешение на возвращение").
    func governsDirection(_ w: Int, topic: TopicModel, in r: Range<Int>) -> Bool {
        ((w + 1)..<min(r.upperBound, w + 3)).contains { k in
            text.facts[k].direction.map { topic.directionPolarity[$0] != nil } ?? false
        }
    }

    /// One of the three words after `w` is a word of the topic (`isTopicWordOrName`).
    func governsTopicWord(_ w: Int, topic: TopicModel) -> Bool {
        ((w + 1)..<min(text.words.count, w + 4)).contains { isTopicWordOrName($0, topic: topic) }
    }

    /// Word `k` is a word of the topic's texts, a cue word or a name.
    func isTopicWordOrName(_ k: Int, topic: TopicModel) -> Bool {
        text.words[k].capitalized || text.facts[k].has(.topicWord)
            && ((topic.descriptionWeights[text.stems[k]] ?? 0) > 0 || topic.cueStems.contains(text.stems[k]))
    }

    /// A verb of direction acts on the topic when a word of it stands within three words after
    /// it or four before it in the clause ("снизить ставку", "пенсионный возраст повышать не
    /// будут"); "сокращать неравенство" acts on something else.
    func nearTopicWord(_ w: Int, topic: TopicModel, clause: Range<Int>) -> Bool {
        governsTopicWord(w, topic: topic)
            || (max(clause.lowerBound, w - 4)..<w).contains { isTopicWordOrName($0, topic: topic) }
    }

    /// A direction word of the cue's clause, negated, with an amount after it ("не поддержит
    /// снижение на 50 б.п."): the holder disputes the size, not the direction.
    func disputesOnlyTheAmount(_ cue: Range<Int>, sentence: Range<Int>) -> Bool {
        let clause = clause(cue, in: sentence)
        return clause.contains { w in
            text.facts[w].direction != nil && amountFollows(w) && negated(w, clause: clause, window: 6)
        }
    }

    /// "на 50": an amount within four words after `w`.
    func amountFollows(_ w: Int) -> Bool {
        let after = (w + 1)..<min(text.words.count, w + 5)
        return after.contains { k in
            text.facts[k].isa(.on) && k + 1 < text.words.count && text.words[k + 1].kind == .number
        }
    }

    /// "спортсмены отстранены три с половиной года": a state described with its duration
    /// is background, not a position.
    func background(_ clause: Range<Int>, sentence: Range<Int>) -> Bool {
        let passive = clause.contains { w in
            text.facts[w].direction != nil && text.facts[w].parts.contains(.passiveEndings)
        }
        guard passive else { return false }
        return sentence.contains { text.facts[$0].isa(.timeUnits) && $0 > clause.lowerBound }
    }

    /// A verbal noun ("снижение", "повышения"): it names an action on some object.
    func isVerbalNoun(_ w: Int) -> Bool {
        text.facts[w].parts.contains(.verbalNounEndings)
    }

    /// The first word of readiness or possibility in `r` ("готов", "может", "выступает за").
    func modal(_ r: Range<Int>) -> Int? {
        for w in r where text.facts[w].has(.modal) && !text.facts[w].isa(.forSide) { return w }
        for w in r.dropLast() where text.facts[w + 1].isa(.forSide) && text.facts[w].has(.modalWithFor) {
            return w
        }
        for w in r {
            for p in lexicon.modalPhrases where p[0] == text.stems[w] && w + p.count <= r.upperBound
                && (1..<p.count).allSatisfy({ text.stems[w + $0] == p[$0] }) {
                return w
            }
        }
        return nil
    }

    /// A reversive word ("отменить", "снять", "выйти из", "отказаться от") within `reach` words
    /// before word `w` in clause `clause`, not itself a direction word.
    /// A reversive word governing the cue at `hit`: up to three words before it ("отменить
    /// пошлины"), or a reversive verb (no verbal noun: "пошлины для отмены льгот") up to five
    /// words after it in its clause, the measure put first ("пошлины нужно отменить", "пошлины
    /// отменять не нужно").
    /// For a plain topic (no direction of its own) a reversive word that also names a direction
    /// undoes too («отказ от пошлин», «снятие пошлин»); for the others its direction reads it.
    func reversal(of hit: Range<Int>, clause: Range<Int>, plain: Bool = false) -> Int? {
        if let verb = reversal(before: hit.lowerBound, clause: clause, reach: 3, plain: plain) { return verb }
        return (hit.upperBound..<min(clause.upperBound, hit.upperBound + 5)).first {
            undoes($0, plain: plain) && !isVerbalNoun($0)
        }
    }

    func reversal(before w: Int, clause: Range<Int>, reach: Int = 2, plain: Bool = false) -> Int? {
        var k = w - 1
        while k >= max(clause.lowerBound, w - reach) {
            if undoes(k, plain: plain) { return k }
            k -= 1
        }
        return nil
    }

    /// Whether word `k` is a reversive word that reads as one (see `reversal(of:clause:plain:)`).
    private func undoes(_ k: Int, plain: Bool) -> Bool {
        text.facts[k].has(.reversal) && (plain || text.facts[k].direction == nil)
    }

    /// True when range `r` holds a forecast or compulsion phrase (`forecast.txt`).
    func forecast(_ r: Range<Int>) -> Bool {
        has(lexicon.forecasts, in: r)
    }

    /// Stop `conditional`: a condition in `r` whose own clause names no need or request
    /// (`offer:` in `conditions.txt`): "если это сделают соседи", not "если будет потребность".
    func conditionOnAnotherAct(_ r: Range<Int>) -> Bool {
        r.contains { w in
            guard let length = phraseLength(at: w, lexicon.conditions, limit: r.upperBound) else { return false }
            // the condition's own clause, up to the next boundary
            return !(w + length..<toBoundary(from: w + length, in: r)).contains { lexicon.offerStems.contains(text.stems[$0]) }
        }
    }

    /// True when a phrase of `phrases` (folded words: forecasts or conditions, whose first
    /// words `Lexicon.phraseFirstWords` holds) stands in `r`.
    func has(_ phrases: [[String]], in r: Range<Int>) -> Bool {
        r.contains { phraseLength(at: $0, phrases, limit: r.upperBound) != nil }
    }

    /// The length of the phrase of `phrases` (folded words, first words in
    /// `Lexicon.phraseFirstWords`) that starts at word `w` and ends before `limit`, if any.
    func phraseLength(at w: Int, _ phrases: [[String]], limit: Int) -> Int? {
        guard text.facts[w].has(.phraseFirstWord) else { return nil }
        return phrases.first { p in
            p[0] == text.words[w].norm && w + p.count <= limit && (1..<p.count).allSatisfy { text.words[w + $0].norm == p[$0] }
        }?.count
    }

    /// True when the clause holds a hedge ("не принимала решения", "на фоне", "о возможном").
    func hedged(_ r: Range<Int>, sentence: Bool = false, condition: Bool = false, open: Bool = false) -> Bool {
        let hedges = open ? lexicon.openQuestions : condition ? lexicon.conditionHedges
            : sentence ? lexicon.sentenceHedges : lexicon.hedges
        for w in r where text.facts[w].has(.phraseFirstWord) {
            for hedge in hedges where w + hedge.count <= r.upperBound {
                guard hedge.indices.allSatisfy({ text.words[w + $0].norm == hedge[$0] }) else { continue }
                // "вряд ли" is a judgement, not an open question
                let hardly = hedge == [words.word(.questionParticle)] && w > r.lowerBound
                    && text.facts[w - 1].isa(.hardly)
                if !hardly { return true }
            }
        }
        return false
    }

    /// Signed overlap of range `r` with the pro and contra descriptions.
    func overlap(_ r: Range<Int>, topic: TopicModel, beyondCues: Bool = false) -> (Int, Int) {
        var pro = 0, contra = 0
        var seen = Set<String>()
        let skipCues = beyondCues || topic.kind == .evaluative
        // a word of no topic's texts is no side's (most words)
        for w in r where text.facts[w].has(.topicWord) && !text.facts[w].has(.negator) && !seen.contains(text.stems[w])
            && !(skipCues && topic.cueStems.contains(text.stems[w])) {
            let stem = text.stems[w]
            seen.insert(stem)
            // the negation is read only for a word of the descriptions (most are not)
            guard topic.sideStems.contains(stem) else { continue }
            let flipped = negated(w, clause: r, window: 2)
            if topic.proStems.contains(where: { $0.stem == stem && $0.negated == flipped }) { pro += 1 }
            if topic.contraStems.contains(where: { $0.stem == stem && $0.negated == flipped }) { contra += 1 }
        }
        return (pro, contra)
    }
}
