public import Corpus

/// A stance as it is on record: the stance and where it sits in arrival order.
public struct RecordedStance: Sendable, Hashable {
    public var stance: Stance
    /// Arrival order across the whole history (article arrival, then text order): larger
    /// arrived later. Breaks ties between stances stated on the same day.
    public var arrival: Int64

    public init(stance: Stance, arrival: Int64) {
        self.stance = stance
        self.arrival = arrival
    }
}

/// What the alert rules may ask of the stances on record (pro/contra only).
///
/// The store implements it over its open write transaction, so it answers from earlier
/// articles *and* the stances of the current article recorded so far.
public protocol StanceHistory {
    /// The actor's stance on the topic with the greatest (stated, arrival) at or before `day`.
    func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance?
    /// The same, among the stances whose side was read from words (not `Stance.sideIsOnlyImplied`):
    /// what a shift turns from.
    func latestRead(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance?
    /// The actor's stance on the topic stated first after `day` (on that date, the latest arrived).
    func nextStated(actor: String, topic: String, after day: Day) throws -> RecordedStance?
    /// The actor's stance on the topic stated nearest to `day`; at equal distance, the later arrived.
    func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance?
    /// The actor's stance on the topic with the greatest (stated, arrival).
    func latestStated(actor: String, topic: String) throws -> RecordedStance?
    /// Whether actors `a` and `b` (either order) are in an open disagreement on the topic.
    func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool
    /// Opens or closes the disagreement between `a` and `b` (either order) on the topic.
    func setDisagreement(_ a: String, _ b: String, topic: String, open: Bool) throws
}

extension StanceHistory {
    /// The nearer of two candidates on either side of `day` (at equal distance, the later
    /// arrived): a helper for implementations that look up each side with an index seek.
    public func nearer(_ before: RecordedStance?, _ after: RecordedStance?, to day: Day) -> RecordedStance? {
        guard let before else { return after }
        guard let after else { return before }
        let db = abs(before.stance.stated.days(to: day))
        let da = abs(day.days(to: after.stance.stated))
        if db != da { return db < da ? before : after }
        return before.arrival > after.arrival ? before : after
    }
}
