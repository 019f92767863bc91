import Alerts
import Corpus
import Testing
@testable import Store

/// The SQL history (index seeks, two-step nearest) against a reference that scans a list:
/// random histories with many same-day ties and window edges must raise the same alerts.
struct HistoryParityTests {
    /// The obvious implementation of `StanceHistory`: filter, then max/min.
    final class ReferenceHistory: StanceHistory {
        var recorded: [RecordedStance] = []
        var open: Set<[String]> = []

        private func of(_ actor: String, _ topic: String) -> [RecordedStance] {
            recorded.filter { $0.stance.actor == actor && $0.stance.topic == topic }
        }
        private static func order(_ a: RecordedStance, _ b: RecordedStance) -> Bool {
            (a.stance.stated, a.arrival) < (b.stance.stated, b.arrival)
        }
        func latest(actor: String, topic: String, atOrBefore day: Day) throws -> RecordedStance? {
            of(actor, topic).filter { $0.stance.stated <= day }.max(by: Self.order)
        }
        func nearest(actor: String, topic: String, to day: Day) throws -> RecordedStance? {
            of(actor, topic).min { a, b in
                let da = abs(a.stance.stated.days(to: day)), db = abs(b.stance.stated.days(to: day))
                return da != db ? da < db : a.arrival > b.arrival
            }
        }
        func latestStated(actor: String, topic: String) throws -> RecordedStance? {
            of(actor, topic).max(by: Self.order)
        }
        func isOpenDisagreement(_ a: String, _ b: String, topic: String) throws -> Bool {
            open.contains([min(a, b), max(a, b), topic])
        }
        func setDisagreement(_ a: String, _ b: String, topic: String, open isOpen: Bool) throws {
            if isOpen { open.insert([min(a, b), max(a, b), topic]) } else { open.remove([min(a, b), max(a, b), topic]) }
        }
    }

    /// SplitMix64: a fixed-seed generator, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sqlHistoryRaisesWhatTheReferenceRaises(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let actors = ["a", "b", "c"]
        let watchlist = Watchlist(
            actors: actors.map { .init(id: $0, names: [$0.uppercased()], group: "g") } + [.init(id: "solo", names: ["S"])],
            topics: ["t1", "t2"].map { .init(id: $0, label: $0, cues: [$0], pro: "p", contra: "c") })
        let rules = AlertRules(watchlist: watchlist)
        let store = try StanceStore.inMemory()
        let reference = ReferenceHistory()
        let start = Day(iso: "2025-01-01")!
        var expected: [String] = [], actual: [String] = []
        for n in 0..<120 {
            let name = "art\(n).txt"
            var stances: [Stance] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                // Dates on a coarse grid (every 15 days over ~8 months): many ties and exact window edges.
                let day = start.adding(days: 15 * Int.random(in: 0...16, using: &rng))
                let s = stance(name, (actors + ["solo"]).randomElement(using: &rng)!,
                               ["t1", "t2"].randomElement(using: &rng)!,
                               Bool.random(using: &rng) ? .pro : .contra, day.description)
                // Like the engine: at most one stance per (actor, topic, polarity) in an article.
                if !stances.contains(where: { ($0.actor, $0.topic, $0.polarity) == (s.actor, s.topic, s.polarity) }) {
                    stances.append(s)
                }
            }
            for s in stances {
                for alert in try rules.alerts(for: s, history: reference) {
                    expected.append(alert.summary + " prior=\(alert.priorArticle)@\(alert.priorDate)")
                }
                reference.recorded.append(RecordedStance(stance: s, arrival: Int64(reference.recorded.count + 1)))
                try rules.afterRecording(s, history: reference)
            }
            actual += try store.ingest(name, date: "2025-12-31", stances, rules: rules, n: n)
                .map { $0.summary + " prior=\($0.priorArticle)@\($0.priorDate)" }
        }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
    }
}
