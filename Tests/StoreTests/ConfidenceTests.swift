import Alerts
import Corpus
import TestFixtures
import Testing
@testable import Store

/// The stance model's confidence is stored with each stance (migration "v2: stance
/// confidence") and read back; a stance without one reads back without one.
struct ConfidenceTests {
    @Test func confidenceIsStoredAndReadBack() throws {
        let store = try StanceStore.inMemory()
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        let sure = stance("a", "sarym", "kz-mediator", .pro, "2025-01-01", confidence: 0.873)
        let unknown = stance("a", "tokayev", "kz-venue", .contra, "2025-01-01")
        try store.ingest("a", date: "2025-01-01", [sure, unknown], rules: rules, n: 1)
        let stored = try store.allStances()
        #expect(stored.map(\.confidence) == [0.873, nil])
    }
}
