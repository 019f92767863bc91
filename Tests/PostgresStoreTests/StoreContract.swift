/// The store contract, checked the same way against both implementations: SQLite (in memory)
/// and PostgreSQL (a fresh database on the throwaway server). Each suite's tests are one line
/// calling these checks, so the two stores are held to exactly the same behaviour.
import Alerts
import Corpus
import Foundation
import Platform
import PostgresStore
import PostgresTestSupport
import Store
import TestFixtures
import Testing

/// Which store a check runs against.
enum Backend: Sendable {
    case sqlite
    case postgres

    /// A new, empty store.
    func open() throws -> any StoreBackend {
        switch self {
        case .sqlite: return try StanceStore.inMemory()
        case .postgres: return try Self.sharedStore(url: try PostgresCluster.shared().freshDatabase())
        }
    }

    /// A PostgreSQL store on `url` with an in-memory local store (one "host").
    static func sharedStore(url: String, lease: Duration = .seconds(30)) throws -> PostgresStanceStore {
        try PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: StanceStore.inMemory(),
                                lease: lease)
    }
}

func fileIdentity(_ n: Int) -> FileIdentity {
    FileIdentity(device: 2049, inode: UInt64(1000 + n), size: Int64(500 + n), modifiedNanoseconds: 1_700_000_000_000_000_000 + Int64(n))
}

extension StoreBackend {
    /// Ingests `stances` as article `name` (hash derived from the name unless given).
    @discardableResult
    func ingest(_ name: String, date: String, _ stances: [Stance], rules: AlertRules,
                hash: String? = nil, n: Int = 0) throws -> [Alert] {
        try ingest(Article(id: name, date: Day(iso: date)!, hasHeaderDate: true, body: "body"),
                   hash: hash ?? "sha-\(name)", identity: fileIdentity(n), stances: stances, rules: rules)
    }
}

enum Contract {
    static let seedRules = AlertRules(watchlist: Scenarios.seedWatchlist)

    /// The seed scenario ingested in gold order; the alerts raised per article.
    @discardableResult
    static func seed(_ store: any StoreBackend) throws -> [String: [String]] {
        var byArticle: [String: [String]] = [:]
        for (n, article) in Scenarios.seeds.enumerated() {
            let name = article.stances[0].article
            byArticle[name] = try store.ingest(name, date: article.date, article.stances, rules: seedRules, n: n).map(\.summary)
        }
        return byArticle
    }

    static func seedsRaiseTheGoldAlerts(_ backend: Backend) throws {
        let store = try backend.open()
        let byArticle = try seed(store)
        #expect(byArticle[Scenarios.a001] == ["divergence tokayev kz-mediator pro>contra \(Scenarios.a001) sarym"])
        #expect(byArticle[Scenarios.a003] == ["shift tokayev settlement-prospects contra>pro \(Scenarios.a003) -"])
        #expect(byArticle[Scenarios.a000] == [] && byArticle[Scenarios.a002] == [] && byArticle[Scenarios.a004] == [])
        let pending = try store.pendingAlerts()
        #expect(pending.count == 2)
        #expect(pending.first?.priorArticle == Scenarios.a002)
        #expect(pending.last?.priorDate == Day(iso: "2025-09-24"))
    }

    static func dev2DisagreementsCloseAndOpenAgain(_ backend: Backend) throws {
        let store = try backend.open()
        let rules = AlertRules(watchlist: Scenarios.dev2Watchlist)
        var summaries: [String] = []
        for (n, stances) in Scenarios.dev2.enumerated() {
            summaries += try store.ingest(stances[0].article, date: "2026-01-01", stances, rules: rules, n: n).map(\.summary)
        }
        #expect(summaries == Scenarios.dev2Gold)
    }

    static func sameContentIsIngestedOnce(_ backend: Backend) throws {
        let store = try backend.open()
        try seed(store)
        let before = try store.status()
        let error = #expect(throws: StoreError.self) {
            try store.ingest("copy.txt", date: "2025-09-24", Scenarios.seeds[2].stances, rules: seedRules,
                             hash: "sha-\(Scenarios.a001)", n: 42)
        }
        #expect(error?.kind == .alreadyIngested(existingArticle: Scenarios.a001))
        #expect(try store.status() == before)
        #expect(try store.hasContent(hash: "sha-\(Scenarios.a001)"))
        #expect(try !store.hasContent(hash: "sha-unknown"))
        // The file is remembered (by this host) so the catch-up scan skips it.
        #expect(try store.isUnchanged(name: "copy.txt", identity: fileIdentity(42)))
        #expect(try !store.isUnchanged(name: "copy.txt", identity: fileIdentity(43)))
    }

    static func outboxGoesFromPendingToDelivered(_ backend: Backend) throws {
        let store = try backend.open()
        try seed(store)
        let pending = try store.pendingAlerts()
        #expect(try store.status().alerts == .init(sent: 0, pending: 2))
        #expect(try store.pendingCounts(for: .journal) == [.divergence: 1, .shift: 1])
        try store.markSent(alertID: pending[0].id)
        try store.markSent(alertID: pending[0].id)  // idempotent
        try store.markSent(alertID: "no-such-alert")
        #expect(try store.pendingAlerts() == [pending[1]])
        #expect(try store.pendingAlerts(for: .alertLog, limit: 10).map(\.id) == pending.map(\.id))
        try store.markDelivered(pending.map(\.id), to: [.journal, .alertLog])
        #expect(try store.pendingAlerts().isEmpty)
        #expect(try store.pendingAlerts(for: .alertLog, limit: 10).isEmpty)
        #expect(try store.status().alerts == .init(sent: 2, pending: 0))
    }

    static func stancesComeBackInArrivalOrder(_ backend: Backend) throws {
        let store = try backend.open()
        try seed(store)
        let expected = Scenarios.seeds.flatMap(\.stances)
        #expect(try store.allStances() == expected)
    }

    /// An implied pro, a read contra, a read pro: the implied side is no side to turn from; then
    /// a late report of that pro, stated before it: a known change, no second shift.
    static func shiftsTurnFromTheLatestSideReadFromWords(_ backend: Backend) throws {
        let store = try backend.open()
        var implied = stance("a.txt", "tokayev", "kz-venue", .pro, "2025-01-01")
        implied.rules = ["topic.cue", Stance.impliedSideRule]
        let arrivals = [[implied], [stance("b.txt", "tokayev", "kz-venue", .contra, "2025-03-01")],
                        [stance("c.txt", "tokayev", "kz-venue", .pro, "2025-05-01")],
                        [stance("d.txt", "tokayev", "kz-venue", .pro, "2025-04-01")]]
        var summaries: [String] = []
        for (n, stances) in arrivals.enumerated() {
            summaries += try store.ingest(stances[0].article, date: "2026-01-01", stances, rules: seedRules, n: n).map(\.summary)
        }
        #expect(summaries == ["shift tokayev kz-venue contra>pro c.txt -"])
    }

    static func refusalsAreCountedAndReported(_ backend: Backend) throws {
        let store = try backend.open()
        try store.refuse(name: "bad.txt", identity: fileIdentity(7), hash: nil, reason: "'bad.txt' is not UTF-8 text")
        let status = try store.status()
        #expect(status.articles == .init(ingested: 0, refused: 1))
        #expect(status.lastError == "'bad.txt' is not UTF-8 text")
        #expect(try store.isUnchanged(name: "bad.txt", identity: fileIdentity(7)))
        try store.recordError("the feed folder went away")
        #expect(try store.status().lastError == "the feed folder went away")
    }

    static func inProgressMarksSurviveUntilRecorded(_ backend: Backend) throws {
        let store = try backend.open()
        try store.markInProgress(name: Scenarios.a000, identity: fileIdentity(0))
        #expect(try store.articlesInProgress() == [Scenarios.a000: fileIdentity(0)])
        try seed(store)
        #expect(try store.articlesInProgress().isEmpty)
    }
}

@Suite("Store contract: SQLite")
struct SQLiteContractTests {
    @Test func seedsRaiseTheGoldAlerts() throws { try Contract.seedsRaiseTheGoldAlerts(.sqlite) }
    @Test func dev2DisagreementsCloseAndOpenAgain() throws { try Contract.dev2DisagreementsCloseAndOpenAgain(.sqlite) }
    @Test func sameContentIsIngestedOnce() throws { try Contract.sameContentIsIngestedOnce(.sqlite) }
    @Test func outboxGoesFromPendingToDelivered() throws { try Contract.outboxGoesFromPendingToDelivered(.sqlite) }
    @Test func stancesComeBackInArrivalOrder() throws { try Contract.stancesComeBackInArrivalOrder(.sqlite) }
    @Test func shiftsTurnFromTheLatestSideReadFromWords() throws { try Contract.shiftsTurnFromTheLatestSideReadFromWords(.sqlite) }
    @Test func refusalsAreCountedAndReported() throws { try Contract.refusalsAreCountedAndReported(.sqlite) }
    @Test func inProgressMarksSurviveUntilRecorded() throws { try Contract.inProgressMarksSurviveUntilRecorded(.sqlite) }
}

/// Skipped (the reason printed on stderr) where no throwaway server can be started: no root,
/// or Debian's postgresql not installed. `make test` installs it; CI runs these.
@Suite("Store contract: PostgreSQL",
       .enabled(if: PostgresCluster.isAvailable, "no throwaway PostgreSQL server could be started (reason on stderr)"))
struct PostgresContractTests {
    @Test func seedsRaiseTheGoldAlerts() throws { try Contract.seedsRaiseTheGoldAlerts(.postgres) }
    @Test func dev2DisagreementsCloseAndOpenAgain() throws { try Contract.dev2DisagreementsCloseAndOpenAgain(.postgres) }
    @Test func sameContentIsIngestedOnce() throws { try Contract.sameContentIsIngestedOnce(.postgres) }
    @Test func outboxGoesFromPendingToDelivered() throws { try Contract.outboxGoesFromPendingToDelivered(.postgres) }
    @Test func stancesComeBackInArrivalOrder() throws { try Contract.stancesComeBackInArrivalOrder(.postgres) }
    @Test func shiftsTurnFromTheLatestSideReadFromWords() throws { try Contract.shiftsTurnFromTheLatestSideReadFromWords(.postgres) }
    @Test func refusalsAreCountedAndReported() throws { try Contract.refusalsAreCountedAndReported(.postgres) }
    @Test func inProgressMarksSurviveUntilRecorded() throws { try Contract.inProgressMarksSurviveUntilRecorded(.postgres) }
}
