import Alerts
import Corpus
import TestFixtures
import Testing
@testable import Store

/// The SQL history gives the alert rules the same answers as the specification: the
/// corpus scenarios through a real (in-memory) SQLite store.
struct IngestRulesTests {
    @Test func seedsRaiseExactlyTheGoldAlertsAndNoTrap() throws {
        let store = try StanceStore.inMemory()
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        var byArticle: [String: [String]] = [:]
        for (n, article) in Scenarios.seeds.enumerated() {
            let name = article.stances[0].article
            byArticle[name] = try store.ingest(name, date: article.date, article.stances, rules: rules, n: n)
                .map(\.summary)
        }
        #expect(byArticle[Scenarios.a000] == [])
        #expect(byArticle[Scenarios.a002] == [])
        #expect(byArticle[Scenarios.a001] == ["divergence tokayev kz-mediator pro>contra \(Scenarios.a001) sarym"])
        #expect(byArticle[Scenarios.a003] == ["shift tokayev settlement-prospects contra>pro \(Scenarios.a003) -"])
        #expect(byArticle[Scenarios.a004] == [])
        let pending = try store.pendingAlerts()
        #expect(pending.map(\.summary) == [byArticle[Scenarios.a001]![0], byArticle[Scenarios.a003]![0]])
        #expect(pending[0].priorArticle == Scenarios.a002)  // same stated date as 000: the later arrival
        #expect(pending[1].priorArticle == Scenarios.a001 && pending[1].priorDate == Day(iso: "2025-09-24"))
    }

    @Test func dev2DisagreementClosesAndOpensAgain() throws {
        let store = try StanceStore.inMemory()
        let rules = AlertRules(watchlist: Scenarios.dev2Watchlist)
        var summaries: [String] = []
        for (n, stances) in Scenarios.dev2.enumerated() {
            summaries += try store.ingest(stances[0].article, date: "2026-01-01", stances, rules: rules, n: n)
                .map(\.summary)
        }
        #expect(summaries == Scenarios.dev2Gold)
    }

    @Test func lateOldStatementsAreComparedWithTheirDateNeighbours() throws {
        let store = try StanceStore.inMemory()
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        try store.ingest("a", date: "2025-01-01", [stance("a", "tokayev", "kz-venue", .pro, "2025-01-01")], rules: rules, n: 1)
        let shift = try store.ingest("b", date: "2025-06-01",
                                     [stance("b", "tokayev", "kz-venue", .contra, "2025-06-01")], rules: rules, n: 2)
        #expect(shift.map(\.summary) == ["shift tokayev kz-venue pro>contra b -"])
        #expect(try store.ingest("c", date: "2025-07-01",
                                 [stance("c", "tokayev", "kz-venue", .pro, "2025-03-01")], rules: rules, n: 3).isEmpty)
        #expect(try store.ingest("d", date: "2025-07-02",
                                 [stance("d", "tokayev", "kz-venue", .contra, "2024-01-01")], rules: rules, n: 4).isEmpty)
        let late = try store.ingest("e", date: "2025-07-03",
                                    [stance("e", "tokayev", "kz-venue", .contra, "2025-02-01")], rules: rules, n: 5)
        #expect(late.map(\.summary) == ["shift tokayev kz-venue pro>contra e -"])
        #expect(late.first?.priorArticle == "a")
    }

    @Test func sameDateTiesGoToTheLaterArrival() throws {
        let store = try StanceStore.inMemory()
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        try store.ingest("a", date: "2025-05-05", [stance("a", "sarym", "kz-venue", .pro, "2025-05-05")], rules: rules, n: 1)
        #expect(try store.ingest("b", date: "2025-05-05", [stance("b", "sarym", "kz-venue", .contra, "2025-05-05")],
                                 rules: rules, n: 2).map(\.summary) == ["shift sarym kz-venue pro>contra b -"])
        let back = try store.ingest("c", date: "2025-05-05", [stance("c", "sarym", "kz-venue", .pro, "2025-05-05")],
                                    rules: rules, n: 3)
        #expect(back.map(\.summary) == ["shift sarym kz-venue contra>pro c -"])
        #expect(back.first?.priorArticle == "b")
    }

    @Test func nearestTieBetweenEarlierAndLaterDateGoesToTheLaterArrival() throws {
        for (first, second, expected) in [("after", "before", 0), ("before", "after", 1)] {
            let store = try StanceStore.inMemory()
            let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
            let days = ["before": ("2025-03-01", Polarity.pro), "after": ("2025-03-11", Polarity.contra)]
            for (n, name) in [first, second].enumerated() {
                try store.ingest(name, date: "2025-04-01",
                                 [stance(name, "sarym", "kz-mediator", days[name]!.1, days[name]!.0)], rules: rules, n: n)
            }
            let alerts = try store.ingest("t", date: "2025-04-01",
                                          [stance("t", "tokayev", "kz-mediator", .pro, "2025-03-06")], rules: rules, n: 9)
            #expect(alerts.count == expected, "arrival \(first) then \(second)")
        }
    }

    @Test func stancesOfTheSameArticleSeeEachOther() throws {
        let store = try StanceStore.inMemory()
        let alerts = try store.ingest("x", date: "2025-11-08", [
            stance("x", "tokayev", "settlement-prospects", .contra, "2025-09-01"),
            stance("x", "tokayev", "settlement-prospects", .pro, "2025-11-08"),
            stance("x", "sarym", "settlement-prospects", .contra, "2025-11-07"),
        ], rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        #expect(alerts.map(\.summary) == ["shift tokayev settlement-prospects contra>pro x -",
                                          "divergence sarym settlement-prospects pro>contra x tokayev"])
    }
}
