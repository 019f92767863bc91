import Alerts
import Corpus

/// A small `StanceHistory` test double: stances in a list, disagreements in a set. It
/// answers by scanning, the obvious way, so the rules are tested apart from SQL.
final class InMemoryHistory: StanceHistory {
    private(set) var recorded: [RecordedStance] = []
    private var open: Set<String> = []

    func record(_ stance: Stance) {
        recorded.append(RecordedStance(stance: stance, arrival: Int64(recorded.count + 1)))
    }

    private func of(_ actor: String, _ topic: String) -> [RecordedStance] {
        recorded.filter { $0.stance.actor == actor && $0.stance.topic == topic }
    }

    private static func later(_ a: RecordedStance, _ b: RecordedStance) -> Bool {
        (a.stance.stated, a.arrival) < (b.stance.stated, b.arrival)
    }

    func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
        of(actor, topic).filter { $0.stance.stated <= day }.max(by: Self.later)
    }

    func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance? {
        of(actor, topic).min { a, b in
            let da = abs(a.stance.stated.days(to: day)), db = abs(b.stance.stated.days(to: day))
            return da != db ? da < db : a.arrival > b.arrival
        }
    }

    func latestStated(actor: String, topic: String) throws -> RecordedStance? {
        of(actor, topic).max(by: Self.later)
    }

    private func key(_ a: String, _ b: String, _ topic: String) -> String {
        (a < b ? [a, b, topic] : [b, a, topic]).joined(separator: "|")
    }

    func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool {
        open.contains(key(a, b, topic))
    }

    func setDisagreement(_ a: String, _ b: String, topic: String, open isOpen: Bool) throws {
        if isOpen { open.insert(key(a, b, topic)) } else { open.remove(key(a, b, topic)) }
    }
}

/// Replays articles through the rules the way the store does: per stance, alerts, record, close.
struct RuleReplay {
    let rules: AlertRules
    let history = InMemoryHistory()

    /// Feeds one article's stances (text order) and returns the alerts they raised.
    func arrive(_ stances: [Stance]) throws -> [Alert] {
        var out: [Alert] = []
        for stance in stances where stance.polarity != .neutral {
            out += try rules.alerts(for: stance, history: history)
            history.record(stance)
            try rules.afterRecording(stance, history: history)
        }
        return out
    }
}

/// A stance with only what the rules look at filled in.
func stance(_ article: String, _ actor: String, _ topic: String, _ polarity: Polarity, _ stated: String,
            evidence: String = "evidence") -> Stance {
    Stance(article: article, actor: actor, topic: topic, polarity: polarity, stated: Day(iso: stated)!,
           evidence: evidence, evidenceStart: 0, evidenceEnd: evidence.utf8.count, rules: ["test"])
}
