/// The store's contract: no content ingested twice, the alert outbox, stable alert ids, stance
/// order, the catch-up identity check and refusals.
import Alerts
import Corpus
import Foundation
import GRDB
import Platform
import TestFixtures
import Testing
@testable import Store

struct StoreBehaviourTests {
    let rules = AlertRules(watchlist: Scenarios.seedWatchlist)

    private func seeded() throws -> StanceStore {
        try StanceStore.seededWithScenarios(rules: rules)
    }

    @Test func sameContentIsNotIngestedTwice() throws {
        let store = try seeded()
        let before = try store.status()
        // The same bytes under another name: refused as a duplicate, the name remembered.
        let error = #expect(throws: StoreError.self) {
            try store.ingest("copy.txt", date: "2025-09-24", Scenarios.seeds[2].stances, rules: rules,
                             hash: "sha-\(Scenarios.a001)", n: 42)
        }
        #expect(error?.kind == .alreadyIngested(existingArticle: Scenarios.a001))
        #expect(error?.isAlreadyIngested == true)
        #expect(try store.status() == before)
        #expect(try store.isUnchanged(name: "copy.txt", identity: identity(42)))
        #expect(try store.hasContent(hash: "sha-\(Scenarios.a001)"))
        #expect(try !store.hasContent(hash: "sha-unknown"))
        // A hostile name cannot break the message into lines.
        let hostile = #expect(throws: StoreError.self) {
            try store.ingest("evil\nPRIORITY=0.txt", date: "2025-09-24", [], rules: rules, hash: "sha-\(Scenarios.a001)")
        }
        #expect(hostile?.description == "article 'evil\\u{000A}PRIORITY=0.txt': the same content is already stored "
                + "as article '\(Scenarios.a001)'; not ingested again")
    }

    @Test func outboxGoesFromPendingToSent() throws {
        let store = try seeded()
        let pending = try store.pendingAlerts()
        #expect(pending.count == 2)
        #expect(try store.status().alerts == .init(sent: 0, pending: 2))
        try store.markSent(alertID: pending[0].id)
        try store.markSent(alertID: pending[0].id)  // idempotent
        try store.markSent(alertID: "no-such-alert")
        #expect(try store.pendingAlerts() == [pending[1]])
        #expect(try store.status().alerts == .init(sent: 1, pending: 1))
        try store.markSent(alertID: pending[1].id)
        #expect(try store.pendingAlerts().isEmpty)
    }

    @Test func alertIDsAreStableAcrossStoresAndNeverStoredTwice() throws {
        let first = try seeded().pendingAlerts().map(\.id)
        let second = try seeded().pendingAlerts().map(\.id)
        #expect(first == second && first.count == 2)
        // A new version of 003 (same name, other bytes) dates the new words a day earlier: the
        // rules raise the same shift again, with the same id, and the store keeps one.
        var v2 = Scenarios.seeds[3].stances
        v2[1].stated = Day(iso: "2025-11-07")!
        let fresh = try StanceStore.inMemory()
        for (n, article) in Scenarios.seeds.prefix(3).enumerated() {
            try fresh.ingest(article.stances[0].article, date: article.date, article.stances, rules: rules, n: n)
        }
        let raised = try fresh.ingest(Scenarios.a003, date: "2025-11-08", v2, rules: rules, hash: "sha-003-v2", n: 77)
        #expect(raised.map(\.id) == [first[1]])
        let store = try seeded()
        let again = try store.ingest(Scenarios.a003, date: "2025-11-08", v2, rules: rules, hash: "sha-003-v2", n: 77)
        #expect(again.isEmpty)
        #expect(try store.pendingAlerts().map(\.id) == first)
        // Both versions' stances are kept: they are different evidence.
        #expect(try store.allStances().filter { $0.article == Scenarios.a003 }.count == 8)
        #expect(try store.status().articles.ingested == 6)
    }

    @Test func allStancesComeInArrivalThenTextOrder() throws {
        let stances = try seeded().allStances()
        let expected = Scenarios.seeds.flatMap(\.stances)
        #expect(stances == expected)
        #expect(stances.first?.rules == ["test.rule", "r2"])
        var streamed: [Stance] = []
        try seeded().forEachStance { streamed.append($0) }
        #expect(streamed == expected)
    }

    @Test func isUnchangedAnswersFromTheRecordedIdentity() throws {
        let store = try seeded()
        #expect(try store.isUnchanged(name: Scenarios.a000, identity: identity(0)))
        var touched = identity(0)
        touched.modifiedNanoseconds += 1
        #expect(try !store.isUnchanged(name: Scenarios.a000, identity: touched))
        var replaced = identity(0)
        replaced.inode += 1
        #expect(try !store.isUnchanged(name: Scenarios.a000, identity: replaced))
        #expect(try !store.isUnchanged(name: "never-seen.txt", identity: identity(0)))
        // Large device and inode numbers (top bit set) survive the round trip.
        let big = FileIdentity(device: .max, inode: .max - 1, size: 1, modifiedNanoseconds: -5)
        try store.markSeen(name: "big.txt", identity: big, hash: "h")
        #expect(try store.isUnchanged(name: "big.txt", identity: big))
        var seen: [(String, FileIdentity)] = []
        try store.forEachSeenFile { seen.append(($0, $1)) }
        #expect(seen.count == 6 && seen.map(\.0) == seen.map(\.0).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(seen.first { $0.0 == "big.txt" }?.1 == big && seen.first { $0.0 == Scenarios.a003 }?.1 == identity(3))
    }

    @Test func refusalsAreCountedRememberedAndReported() throws {
        let store = try seeded()
        let reason = "article 'bad.bin' was refused: it is binary; skipped, nothing stored"
        try store.refuse(name: "bad.bin", identity: identity(5), hash: "sha-bad", reason: reason)
        try store.refuse(name: "gone.txt", identity: nil, hash: nil, reason: "article 'gone.txt' vanished")
        let status = try store.status()
        #expect(status.articles == .init(ingested: 5, refused: 2))
        #expect(status.lastError == "article 'gone.txt' vanished")
        #expect(try store.isUnchanged(name: "bad.bin", identity: identity(5)))
        // A refused hash does not count as stored content.
        #expect(try !store.hasContent(hash: "sha-bad"))
        try store.recordError("the feed folder /srv/feed is gone")
        #expect(try store.status().lastError == "the feed folder /srv/feed is gone")
    }

    @Test func statusPrintsTheDocumentedJSON() throws {
        let store = try seeded()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(store.status()), as: UTF8.self)
        #expect(json == #"{"alerts":{"pending":2,"sent":0},"articles":{"ingested":5,"refused":0},"#
                + #""last_error":null,"stances":16}"#)
    }

    @Test func alertTextIsSanitisedOnTheWayIn() throws {
        let store = try StanceStore.inMemory()
        let evil = "первое\nSTANCE_KIND=forged\u{0}\u{202E}конец"
        try store.ingest("a", date: "2025-01-01",
                         [stance("a", "tokayev", "kz-venue", .pro, "2025-01-01")], rules: rules, n: 1)
        try store.ingest("b\nMESSAGE=x", date: "2025-01-02",
                         [stance("b", "tokayev", "kz-venue", .contra, "2025-01-02", evidence: evil)], rules: rules, n: 2)
        let alert = try #require(try store.pendingAlerts().first)
        #expect(alert.evidence == "первое STANCE_KIND=forged конец")
        #expect(alert.article == "b\\u{000A}MESSAGE=x")
        #expect(alert.journalFields.allSatisfy { !$0.1.unicodeScalars.contains { AlertText.isUnsafe($0) } })
    }
}
