import Alerts
import Corpus
import TestFixtures
import Testing
@testable import Store

/// The SQL history (index seeks, two-step nearest) against the reference that scans a list
/// (`InMemoryHistory`): random histories with many same-day ties and window edges must
/// raise the same alerts (a quarter of the stances with a side only implied, which a shift
/// does not turn from).
struct HistoryParityTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sqlHistoryRaisesWhatTheReferenceRaises(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let actors = ["a", "b", "c"]
        let watchlist = Watchlist(
            actors: actors.map { .init(id: $0, names: [$0.uppercased()], group: "g") } + [.init(id: "solo", names: ["S"])],
            topics: ["t1", "t2"].map { .init(id: $0, label: $0, cues: [$0], pro: "p", contra: "c") })
        let rules = AlertRules(watchlist: watchlist)
        let store = try StanceStore.inMemory()
        let reference = RuleReplay(rules: rules)
        let start = Day(iso: "2025-01-01")!
        func line(_ alert: Alert) -> String { alert.summary + " prior=\(alert.priorArticle)@\(alert.priorDate)" }
        var expected: [String] = [], actual: [String] = []
        for n in 0..<120 {
            let name = "art\(n).txt"
            var stances: [Stance] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                // Dates on a coarse grid (every 15 days over ~8 months): many ties and exact window edges.
                let day = start.adding(days: 15 * Int.random(in: 0...16, using: &rng))
                var s = stance(name, (actors + ["solo"]).randomElement(using: &rng)!,
                               ["t1", "t2"].randomElement(using: &rng)!,
                               Bool.random(using: &rng) ? .pro : .contra, day.description)
                // one in four with its side only implied: no side a shift turns from
                if Int.random(in: 0..<4, using: &rng) == 0 { s.rules = ["topic.cue", Stance.impliedSideRule] }
                // Like the engine: at most one stance per (actor, topic, polarity) in an article.
                if !stances.contains(where: { ($0.actor, $0.topic, $0.polarity) == (s.actor, s.topic, s.polarity) }) {
                    stances.append(s)
                }
            }
            expected += try reference.arrive(stances).map(line)
            actual += try store.ingest(name, date: "2025-12-31", stances, rules: rules, n: n).map(line)
        }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
    }
}
