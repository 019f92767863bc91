import Foundation

/// The model's verdict on one candidate: its confidence and, when the engine abstains, why.
struct Weighed {
    var candidate: Candidate
    var confidence: Double
    var abstention: String?
}

/// What the engine decided for one article: every candidate weighed, in text order.
struct Decision {
    var weighed: [Weighed]

    /// At most one stance per (actor, topic, polarity), in text order; when the same position
    /// is found more than once, the most explicitly dated confident mention gives the date (a
    /// day beats a month, a month beats "месяц назад", any date beats none) and the most
    /// confident one the confidence.
    func stances(article: Article, watchlist: Watchlist) -> [Stance] {
        var order: [String] = []
        var best: [String: (Finding, StatedDate, Double)] = [:]
        for w in weighed where w.abstention == nil {
            let f = w.candidate.finding
            let key = "\(f.actor)|\(f.topic)|\(f.polarity.rawValue)"
            if let (first, date, c) = best[key] {
                // a side read from words speaks for the stance before one only implied
                let shown = first.sideIsOnlyImplied && !f.sideIsOnlyImplied ? f : first
                best[key] = (shown, f.stated.strength > date.strength ? f.stated : date, max(c, w.confidence))
            } else {
                order.append(key); best[key] = (f, f.stated, w.confidence)
            }
        }
        return order.map { key in
            let (f, date, c) = best[key]!
            return Stance(article: article.id, actor: watchlist.actors[f.actor].id, topic: watchlist.topics[f.topic].id,
                          polarity: f.polarity, stated: date.day, evidence: f.evidence(in: article.body),
                          evidenceStart: f.start, evidenceEnd: f.end, rules: f.ruleTexts + (date.ruleText == f.stated.ruleText ? [] : [date.ruleText]),
                          confidence: (c * 1000).rounded() / 1000)
        }
    }
}

extension StanceEngine {
    /// How much more confident one side must be than the other, on one day, to stand alone.
    static let clearMargin = 0.25

    /// The readings that take a side from no word of their own in an article's conflict: the
    /// naive one, and readiness or possibility («готов», «могут нести»): like a side only
    /// implied, they give way to a side another rule read, and contradict only each other.
    static let modalSides: Set<RuleName> = [.polarityNaive, .polarityReadiness]

    /// Why the engine abstains on candidate `c` read with confidence `p`, or nil when it is a
    /// stance. A cue several topics share, with nothing to tie it to one of them, is no stance
    /// on any, however confident the rest of the evidence is. Above the threshold these still
    /// abstain: the candidate's vetoes (`Candidate.Veto`, in their order), a side only implied
    /// for an actor who does not speak (`Finding.holderOnlyNamed`), and a pro reading of a
    /// sentence whose negation no rule read (`negatedPro`: on unseen subjects that negation is
    /// the holder's answer far more often than not).
    private func abstention(_ c: Candidate, confidence p: Double) -> String? {
        if !c.competing.isEmpty {
            return "ambiguous topic: " + c.competing.map { watchlist.topics[$0].id }.joined(separator: " | ")
        }
        if p >= model.threshold {
            if let veto = Candidate.Veto.allCases.first(where: c.vetoes.contains) { return veto.reason }
            if c.finding.sideIsOnlyImplied && c.finding.holderOnlyNamed {
                return "the topic only named, beside an actor who does not speak"
            }
            if c.features[Feature.negatedPro.index] != 0 { return "a negation the reading does not account for" }
            return nil
        }
        if c.features[Feature.speakerMentioned.index] != 0 { return "speaker unclear" }
        return String(format: "low confidence %.2f", p)
    }

    /// Weighs every candidate with the model. Below the threshold the engine abstains and says
    /// why: a cue several topics share with nothing to tie it («ambiguous topic: a | b»), a
    /// holder only named in the sentence («speaker unclear»), a pro reading of a sentence
    /// holding a negation no rule read («a negation the reading does not account for»), a
    /// sentence that denies a report, links the measure or invites to talks («a denial, a link
    /// or an invitation takes no side»), an actor named right after the cue («named as what the
    /// topic is about, not as who holds the words»), a decision or question on the topic («a
    /// decision or question on the topic named, not a side of it»), a negated amount («the
    /// negation is about the amount, not the direction»), a cue in what someone else says
    /// after the holder («the topic lies in another speaker's words») or past «но» from an actor
    /// only named («the topic lies past «но» or «а», away from the actor named»), a bare naming beside an
    /// actor who does not speak («the topic only named, beside an actor who does not speak»),
    /// else «low confidence 0.xx» (`abstention`). An article that says, for the holder and topic,
    /// that no decision was taken that day takes no side for them that day («the article says
    /// the question is still open»).
    /// When the article also gives the actor, confidently, the other side of the same topic on
    /// the same stated day, the weaker side is abstained on, and both are unless one is
    /// clearly (`clearMargin`) more confident («both polarities in one article»): an article
    /// that reports a real change dates the two statements apart. A side only implied, read
    /// naively (no rule decided it) or from readiness alone (`modalSides`) gives way to the
    /// other side, and contradicts only other such readings, never a side a rule read.
    func decide(_ cs: [Candidate]) -> Decision {
        var out: [Weighed] = cs.map { c in
            let p = model.probability(c.features)
            return Weighed(candidate: c, confidence: p, abstention: abstention(c, confidence: p))
        }
        // an article that says, that day, the holder's question is open takes no side for it
        let open = Set(out.filter(\.candidate.openQuestion).map(\.candidate.finding.statement))
        for k in out.indices where out[k].abstention == nil && open.contains(out[k].candidate.finding.statement) {
            out[k].abstention = "the article says the question is still open"
        }
        // the most confident candidate of each side read from words that take it, per statement
        // (a rule's reading, and also a naive or modal one; `bestByRule` without those); a side
        // only implied (a bare naming of the topic) contradicts nothing
        var best: [Finding.Statement: [Polarity: Double]] = [:]
        var bestByRule: [Finding.Statement: [Polarity: Double]] = [:]
        for w in out where w.abstention == nil && !w.candidate.finding.sideIsOnlyImplied {
            let f = w.candidate.finding
            best[f.statement, default: [:]][f.polarity] = max(best[f.statement]?[f.polarity] ?? 0, w.confidence)
            if !f.rules.contains(where: Self.modalSides.contains) {
                bestByRule[f.statement, default: [:]][f.polarity] = max(bestByRule[f.statement]?[f.polarity] ?? 0, w.confidence)
            }
        }
        for k in out.indices where out[k].abstention == nil {
            let f = out[k].candidate.finding
            let modal = f.rules.contains(where: Self.modalSides.contains)
            // a side a rule read is contradicted only by another a rule read
            let against = f.sideIsOnlyImplied || modal ? best : bestByRule
            guard let sides = against[f.statement], let other = sides[f.polarity.opposite] else { continue }
            // an implied, naive or modal side gives way to any other; of two sides rules read,
            // one clearly stronger keeps it; otherwise the engine is unsure of both
            if f.sideIsOnlyImplied || modal || (sides[f.polarity] ?? 0) - other < Self.clearMargin {
                out[k].abstention = "both polarities in one article"
            }
        }
        return Decision(weighed: out)
    }
}
