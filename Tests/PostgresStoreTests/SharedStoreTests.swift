/// Several hosts on one PostgreSQL store: each `PostgresStanceStore` here is one host (its own
/// connection, its own lease holder, its own local store), all on one fresh database.
import Alerts
import Corpus
import Dispatch
import Foundation
import PostgresStore
import PostgresTestSupport
import Store
import TestFixtures
import Testing

@Suite("Shared store across hosts",
       .enabled(if: PostgresCluster.isAvailable, "no throwaway PostgreSQL server could be started (reason on stderr)"))
struct SharedStoreTests {
    @Test func hostsStartingAtOnceMigrateOnce() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let opened = Results<Bool>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            opened.set(i, (try? Backend.sharedStore(url: url)) != nil)
        }
        #expect(opened.values == [true, true, true, true])
        #expect(try Backend.sharedStore(url: url).migrate() == [])
    }

    @Test func theSameBytesOnTwoHostsAreIngestedOnce() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let hosts = try (0..<2).map { _ in try Backend.sharedStore(url: url) }
        let article = Scenarios.seeds[1]
        let outcomes = Results<ArticleRecord.Outcome>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let record = ArticleRecord(article: Article(id: "host\(i)-\(Scenarios.a001)", date: Day(iso: article.date)!,
                                                        hasHeaderDate: true, body: "body"),
                                       hash: "same-bytes", identity: fileIdentity(i), stances: article.stances)
            outcomes.set(i, try? hosts[i].ingest([record], rules: Contract.seedRules)[0])
        }
        let ingested = outcomes.values.filter { if case .ingested = $0 { true } else { false } }
        let duplicates = outcomes.values.filter { if case .alreadyIngested = $0 { true } else { false } }
        #expect(ingested.count == 1 && duplicates.count == 1)
        #expect(try hosts[0].status().articles.ingested == 1)
        #expect(try hosts[1].status().stances == article.stances.count)
        // Each host remembers its own file, whichever of them stored the content.
        #expect(try hosts[0].isUnchanged(name: "host0-\(Scenarios.a001)", identity: fileIdentity(0)))
        #expect(try hosts[1].isUnchanged(name: "host1-\(Scenarios.a001)", identity: fileIdentity(1)))
    }

    @Test func articlesSpreadOverThreeHostsRaiseTheSingleHostAlerts() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let hosts = try (0..<3).map { _ in try Backend.sharedStore(url: url) }
        let rules = AlertRules(watchlist: Scenarios.dev2Watchlist)
        var summaries: [String] = []
        for (n, stances) in Scenarios.dev2.enumerated() {
            summaries += try hosts[n % 3].ingest(stances[0].article, date: "2026-01-01", stances, rules: rules, n: n)
                .map(\.summary)
        }
        #expect(summaries == Scenarios.dev2Gold)
        #expect(try hosts[2].status().alerts.pending == Scenarios.dev2Gold.count)
    }

    @Test func anAlertWhoseHostDiedIsClaimedByOneOtherHostOnce() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        // Host A raises the alerts with a lease that is already over, then "dies" without sending.
        let dead = try Backend.sharedStore(url: url, lease: .zero)
        try Contract.seed(dead)
        let raised = try dead.status().alerts.pending
        #expect(raised == 2)
        let b = try Backend.sharedStore(url: url)
        let c = try Backend.sharedStore(url: url)
        let claimedByB = try b.pendingAlerts(for: .journal, limit: 100)
        #expect(claimedByB.count == 2)
        // C finds them leased to B (B's other destination still gets them).
        #expect(try c.pendingAlerts(for: .journal, limit: 100).isEmpty)
        #expect(try c.pendingAlerts(for: .alertLog, limit: 100).isEmpty)
        #expect(try b.pendingAlerts(for: .alertLog, limit: 100).map(\.id) == claimedByB.map(\.id))
        try b.markDelivered(claimedByB.map(\.id), to: [.journal, .alertLog])
        #expect(try c.pendingAlerts(for: .journal, limit: 100).isEmpty)
        #expect(try c.status().alerts == .init(sent: 2, pending: 0))
    }

    @Test func twoHostsClaimingAtOnceGetDifferentAlerts() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let dead = try Backend.sharedStore(url: url, lease: .zero)
        let rules = AlertRules(watchlist: Scenarios.dev2Watchlist)
        for (n, stances) in Scenarios.dev2.enumerated() {
            try dead.ingest(stances[0].article, date: "2026-01-01", stances, rules: rules, n: n)
        }
        let hosts = try (0..<3).map { _ in try Backend.sharedStore(url: url) }
        let claimed = Results<[String]>(count: 3)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            claimed.set(i, (try? hosts[i].pendingAlerts(for: .journal, limit: 100))?.map(\.id))
        }
        let all = claimed.values.flatMap { $0 }
        #expect(all.count == Scenarios.dev2Gold.count)
        #expect(Set(all).count == all.count)
    }

    @Test func aMissingSchemaIsReportedToReaders() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let error = #expect(throws: StoreError.self) {
            _ = try PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: nil, migrate: false)
        }
        #expect(error?.description.contains("holds no Stancewatch schema") == true)
    }

    @Test func anUnreachableServerIsASentence() throws {
        let store = try PostgresStanceStore(location: PostgresLocation(url: try PostgresCluster.shared().freshDatabase(),
                                                                       environment: [:]), local: nil)
        let closed = try PostgresLocation(url: "postgres://postgres@127.0.0.1:1/none", environment: [:])
        let error = #expect(throws: StoreError.self) { _ = try PostgresStanceStore(location: closed, local: nil) }
        #expect(error?.description.contains("PostgreSQL cannot be reached") == true)
        #expect(try store.status().articles.ingested == 0)
    }
}

@Suite struct PostgresLocationTests {
    @Test func passwordComesFromTheURLThenTheFileThenPGPASSWORD() throws {
        let plain = try PostgresLocation(url: "postgresql://watcher@db.example:6543/stances", environment: ["PGPASSWORD": "env"])
        #expect(plain.host == "db.example" && plain.port == 6543 && plain.user == "watcher" && plain.database == "stances")
        #expect(plain.password == "env")
        #expect(plain.description == "postgres://watcher@db.example:6543/stances")
        let inline = try PostgresLocation(url: "postgres://watcher:s%40cret@db/stances", environment: ["PGPASSWORD": "env"])
        #expect(inline.password == "s@cret" && inline.port == 5432)
        #expect(!inline.description.contains("cret"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(getpid())").path
        try "from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try PostgresLocation(url: "postgres://watcher@db/stances", passwordFile: file,
                                     environment: ["PGPASSWORD": "env"]).password == "from-file")
        #expect(throws: StoreError.self) { _ = try PostgresLocation(url: "postgres://db/stances", environment: [:]) }
        #expect(throws: StoreError.self) { _ = try PostgresLocation(url: "mysql://u@db/x", environment: [:]) }
    }
}

/// Results written by concurrent workers, one slot each.
final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T?) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The slots that were filled.
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
