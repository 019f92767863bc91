public import Corpus

/// The shift and divergence rules (spec §4): which alerts a new stance raises against the
/// stances on record, and when an open disagreement closes.
public struct AlertRules: Sendable {
    /// Divergences need the two stances stated at most this many days apart.
    public var divergenceWindowDays: Int
    private let groupmates: [String: [String]]
    private let names: [String: String]

    /// Rules for `watchlist`'s groups; `divergenceWindowDays` is the user's window (90 by default).
    public init(watchlist: Watchlist, divergenceWindowDays: Int = 90) {
        self.divergenceWindowDays = divergenceWindowDays
        var mates: [String: [String]] = [:]
        var names: [String: String] = [:]
        for actor in watchlist.actors {
            mates[actor.id] = watchlist.groupmates(of: actor.id).map(\.id)
            names[actor.id] = actor.names.first
        }
        self.groupmates = mates
        self.names = names
    }

    /// The confidence a stance needs to stand against the actor's own record: a stance that
    /// would raise a shift (the actor's latest stance on the topic, by stated date, has the
    /// other side) is more often a misreading than a change, and a false one costs two false
    /// alerts (the shift into it and the one out of it). Below this the stance is dropped
    /// (`raise`). Stances without a confidence (recorded before the model) always stand.
    public static let shiftConfidence = 0.6

    /// A read stance that would reverse the actor's own stance stated fewer than this many days
    /// earlier is dropped like a weak one (`raise`): a position held for under two weeks and then
    /// turned round is far more often two readings of one exchange (a condition, a quoted
    /// opponent, one article read twice) than a change; a real change shows in a later report.
    public static let reversalDays = 14

    /// True when `stance`, read with a confidence, would open a shift against the history with a
    /// confidence below `shiftConfidence`, against a stance stated fewer than `reversalDays`
    /// days before it, or with a side only implied (`Stance.sideIsOnlyImplied`: a sentence that
    /// names the topic and takes no side in words does not turn the actor's record round).
    public func isTooWeakToShift(_ stance: Stance, history: some StanceHistory) throws -> Bool {
        guard let c = stance.confidence,
              let prior = try history.latest(actor: stance.actor, topic: stance.topic, atOrBefore: stance.stated),
              prior.stance.polarity == stance.polarity.opposite
        else { return false }
        return c < Self.shiftConfidence || prior.stance.stated.days(to: stance.stated) < Self.reversalDays
            || stance.sideIsOnlyImplied
    }

    /// Whether the actor's stance stated next after `stance` already holds its side.
    func isKnownChange(_ stance: Stance, history: some StanceHistory) throws -> Bool {
        try history.nextStated(actor: stance.actor, topic: stance.topic, after: stance.stated)?.stance.polarity
            == stance.polarity
    }

    /// Alerts the new stance raises against the history: call it before recording the stance.
    /// A shift turns from the latest stance whose side was read from words: one only implied
    /// (`Stance.sideIsOnlyImplied`) is no side to turn from. A late report of a change the
    /// record already holds (the stance stated next after the new one is of the new side) dates
    /// that change earlier but is no news: no shift. A stance whose side is only implied opens
    /// no divergence either (the groupmate's may be: the new stance is what must take a side).
    public func alerts(for stance: Stance, history: some StanceHistory) throws -> [Alert] {
        var alerts: [Alert] = []
        if let prior = try history.latestRead(actor: stance.actor, topic: stance.topic, atOrBefore: stance.stated),
           prior.stance.polarity != stance.polarity,
           try !isKnownChange(stance, history: history) {
            alerts.append(alert(.shift, stance, against: prior.stance, otherActor: nil))
        }
        // a stance whose side is only implied opens no disagreement: it names the topic and
        // takes no side in words (as it turns no record round, `isTooWeakToShift`)
        let mates = stance.sideIsOnlyImplied ? [] : groupmates[stance.actor] ?? []
        for other in mates {
            guard let near = try history.nearest(actor: other, topic: stance.topic, to: stance.stated),
                  near.stance.polarity == stance.polarity.opposite,
                  abs(near.stance.stated.days(to: stance.stated)) <= divergenceWindowDays,
                  try !history.isOpenDisagreement(stance.actor, other, topic: stance.topic)
            else { continue }
            alerts.append(alert(.divergence, stance, against: near.stance, otherActor: other))
            try history.setDisagreement(stance.actor, other, topic: stance.topic, open: true)
        }
        return alerts
    }

    /// After the stance is recorded: closes each open disagreement of its actor on its topic
    /// whose two actors' latest stances (by stated date) now agree.
    public func afterRecording(_ stance: Stance, history: some StanceHistory) throws {
        for other in groupmates[stance.actor] ?? []
        where try history.isOpenDisagreement(stance.actor, other, topic: stance.topic) {
            guard let mine = try history.latestStated(actor: stance.actor, topic: stance.topic),
                  let theirs = try history.latestStated(actor: other, topic: stance.topic),
                  mine.stance.polarity == theirs.stance.polarity
            else { continue }
            try history.setDisagreement(stance.actor, other, topic: stance.topic, open: false)
        }
    }

    private func alert(_ kind: AlertKind, _ new: Stance, against prior: Stance, otherActor: String?) -> Alert {
        Alert(kind: kind, actor: new.actor, topic: new.topic, from: prior.polarity, to: new.polarity,
              article: new.article, priorArticle: prior.article, date: new.stated, priorDate: prior.stated,
              evidence: new.evidence, priorEvidence: prior.evidence, otherActor: otherActor,
              actorName: names[new.actor], otherActorName: otherActor.flatMap { names[$0] })
    }
}
