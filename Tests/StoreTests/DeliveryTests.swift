/// Delivery recorded per destination (journald, the alert log), batches of articles in one
/// transaction, and articles noted in progress.
import Alerts
import Corpus
import Platform
import TestFixtures
import Testing
@testable import Store

struct DeliveryTests {
    let rules = AlertRules(watchlist: Scenarios.seedWatchlist)

    private func seeded() throws -> StanceStore {
        try StanceStore.seededWithScenarios(rules: rules)
    }

    @Test func eachDestinationHasItsOwnRecord() throws {
        let store = try seeded()
        let journal = try store.pendingAlerts(for: .journal)
        try #require(journal.count == 2)
        #expect(try store.pendingAlerts(for: .alertLog) == journal)
        #expect(try store.pendingAlerts(for: .journal, limit: 1) == [journal[0]])

        // The log took both, journald is away: only journald still has them pending.
        try store.markDelivered(journal.map(\.id), to: [.alertLog])
        #expect(try store.pendingAlerts(for: .alertLog).isEmpty)
        #expect(try store.pendingAlerts(for: .journal) == journal)
        #expect(try store.pendingCounts(for: .journal).values.reduce(0, +) == 2)
        #expect(try store.pendingCounts(for: .alertLog).isEmpty)

        // journald takes the first; then both at once.
        try store.markDelivered([journal[0].id], to: [.journal])
        #expect(try store.pendingAlerts(for: .journal) == [journal[1]])
        try store.markDelivered([journal[1].id, "no-such-alert"], to: [.journal, .alertLog])
        #expect(try store.pendingAlerts(for: .journal).isEmpty)
        #expect(try store.status().alerts == .init(sent: 2, pending: 0))
    }

    @Test func aBatchRecordsTheSameAsOneArticleAtATime() throws {
        let one = try seeded()
        let batched = try StanceStore.inMemory()
        let items = Scenarios.seeds.enumerated().map { n, article in
            ArticleRecord(article: Article(id: article.stances[0].article, date: Day(iso: article.date)!, hasHeaderDate: true, body: "body"),
                          hash: "sha-\(article.stances[0].article)", identity: identity(n), stances: article.stances)
        }
        // The last item repeats the first one's content under another name: a duplicate inside the batch.
        var copy = items[0]
        copy.article.id = "copy.txt"
        let outcomes = try batched.ingest(items + [copy], rules: rules)
        #expect(outcomes.count == items.count + 1)
        if case .alreadyIngested(let existing) = outcomes.last! {
            #expect(existing == items[0].article.id)
        } else {
            Issue.record("the repeated content was ingested again: \(outcomes.last!)")
        }
        #expect(try batched.pendingAlerts() == one.pendingAlerts())
        #expect(try batched.allStances() == one.allStances())
    }

    @Test func anArticleInProgressIsRememberedUntilRecorded() throws {
        let store = try StanceStore.inMemory()
        try store.markInProgress(name: "slow.txt", identity: identity(7))
        #expect(try store.articlesInProgress() == ["slow.txt": identity(7)])
        try store.refuse(name: "slow.txt", identity: identity(7), hash: nil, reason: "too slow")
        #expect(try store.articlesInProgress().isEmpty)

        try store.markInProgress(name: "fine.txt", identity: identity(8))
        try store.ingest("fine.txt", date: "2025-01-01", [], rules: rules, n: 8)
        #expect(try store.articlesInProgress().isEmpty)
    }
}
