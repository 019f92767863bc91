/// The obvious `StanceHistory`, and the rules replayed over it the way the store runs them.
public import Alerts
public import Corpus

/// A `StanceHistory` test double: stances in a list, disagreements in a set. It answers by
/// scanning, the obvious way, so the rules are tested apart from SQL and the SQL history
/// can be checked against it.
public final class InMemoryHistory: StanceRecord {
    public private(set) var recorded: [RecordedStance] = []
    private var open: Set<[String]> = []
    private var kept: Set<String> = []

    public init() {}

    /// Records `stance` as the next arrival.
    public func record(_ stance: Stance) {
        recorded.append(RecordedStance(stance: stance, arrival: Int64(recorded.count + 1)))
    }

    /// Keeps the alert's id; false when it was kept before (as the store's outbox does).
    public func keep(_ alert: Alert) -> Bool {
        kept.insert(alert.id).inserted
    }

    private func of(_ actor: String, _ topic: String) -> [RecordedStance] {
        recorded.filter { $0.stance.actor == actor && $0.stance.topic == topic }
    }

    private static func earlier(_ a: RecordedStance, _ b: RecordedStance) -> Bool {
        (a.stance.stated, a.arrival) < (b.stance.stated, b.arrival)
    }

    public func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        of(actor, topic).filter { $0.stance.stated <= day }.max(by: Self.earlier)
    }

    public func latestRead(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        of(actor, topic).filter { $0.stance.stated <= day && !$0.stance.sideIsOnlyImplied }.max(by: Self.earlier)
    }

    public func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance? {
        of(actor, topic).min { a, b in
            let da = abs(a.stance.stated.days(to: day)), db = abs(b.stance.stated.days(to: day))
            return da != db ? da < db : a.arrival > b.arrival
        }
    }

    public func nextStated(actor: String, topic: String, after day: Day) throws -> RecordedStance? {
        let later = of(actor, topic).filter { $0.stance.stated > day }
        guard let first = later.map(\.stance.stated).min() else { return nil }
        return later.filter { $0.stance.stated == first }.max(by: Self.earlier)
    }

    public func latestStated(actor: String, topic: String) throws -> RecordedStance? {
        of(actor, topic).max(by: Self.earlier)
    }

    private func key(_ a: String, _ b: String, _ topic: String) -> [String] {
        [min(a, b), max(a, b), topic]
    }

    public func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool {
        open.contains(key(a, b, topic))
    }

    public func setDisagreement(_ a: String, _ b: String, topic: String, open isOpen: Bool) throws {
        if isOpen { open.insert(key(a, b, topic)) } else { open.remove(key(a, b, topic)) }
    }
}

/// Replays articles through the rules exactly as the store does (`AlertRules.raise`), over the list-scanning history.
public struct RuleReplay {
    public let rules: AlertRules
    public let history = InMemoryHistory()

    public init(rules: AlertRules) {
        self.rules = rules
    }

    /// Feeds one article's stances (text order) and returns the alerts they raised.
    public func arrive(_ stances: [Stance]) throws -> [Alert] {
        try rules.raise(stances, in: history)
    }
}
