import Alerts
import TestFixtures
@testable import Store

extension StanceStore {
    /// An in-memory store holding the seed scenarios, ingested in order under `rules`.
    static func seededWithScenarios(rules: AlertRules) throws -> StanceStore {
        let store = try StanceStore.inMemory()
        for (n, article) in Scenarios.seeds.enumerated() {
            try store.ingest(article.stances[0].article, date: article.date, article.stances, rules: rules, n: n)
        }
        return store
    }
}
