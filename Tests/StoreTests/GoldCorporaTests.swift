import Alerts
import Corpus
import TestFixtures
import Testing
@testable import Store

/// The whole gold of the three public corpora: their gold stances, replayed through the store
/// in gold arrival order, raise exactly their gold alerts (kind, actor, topic, from, to,
/// article and other actor), no more, no fewer.
struct GoldCorporaTests {
    @Test(arguments: GoldCorpora.all.map(\.name))
    func goldStancesRaiseExactlyTheGoldAlerts(corpus name: String) throws {
        let corpus = try #require(GoldCorpora.all.first { $0.name == name })
        let watchlist = Watchlist(
            actors: corpus.actors.map { .init(id: $0, names: [$0], group: corpus.groups[$0]) },
            topics: [])
        let rules = AlertRules(watchlist: watchlist)
        let store = try StanceStore.inMemory()
        var raised: [String] = []
        for (n, article) in corpus.articles.enumerated() {
            let stances = article.stances.map { s in
                stance(article.name, s.0, s.1, Polarity(rawValue: s.2)!, s.3)
            }
            raised += try store.ingest(article.name, date: "2026-01-01", stances, rules: rules, n: n).map(\.summary)
        }
        #expect(raised.count == corpus.alerts.count)
        #expect(Set(raised) == Set(corpus.alerts))
    }
}
