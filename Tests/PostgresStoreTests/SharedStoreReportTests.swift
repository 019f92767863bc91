/// `stancewatch report --store URL`: the analyst's report read from the shared store is the one
/// the SQLite store gives for the same replay (the seeds, gold order): the same stances and
/// alerts in the same order, and byte for byte the same page once the two stores' own clocks
/// (when each alert was raised) are set aside.
import Corpus
import Foundation
import Glibc
import PostgresStore
import PostgresTestSupport
import Report
import Store
import TestFixtures
import Testing

@Suite("The report from the shared store",
       .enabled(if: PostgresCluster.isAvailable, "no throwaway PostgreSQL server could be started (reason on stderr)"))
struct SharedStoreReportTests {
    @Test func theReportFromPostgreSQLIsTheReportFromSQLite() throws {
        let binary = try BuiltBinary.path()
        let url = try PostgresCluster.shared().freshDatabase()
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seeds = try RepoFiles.seedsInGoldOrder()
        for (n, store) in [["--state", root + "/sqlite"], ["--state", root + "/pg", "--store", url]].enumerated() {
            let replay = try StancewatchProcess(["replay", "--watchlist", RepoFiles.watchlist] + store + seeds,
                                                dropping: hostVariablesToDrop, stderrPath: root + "/replay\(n).err", binary: binary)
            #expect(replay.waitForExit(timeout: .seconds(600)) == 0, "\(replay.stderr)")
        }
        let sqlite = try StanceStore.openForReading(directory: root + "/sqlite")
        let shared = try PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: nil, migrate: false)

        let everything = StanceStore.ReportFilter()
        #expect(try shared.reportStances(everything).count == sqlite.reportStances(everything).count)
        #expect(try shared.reportStances(everything) == sqlite.reportStances(everything))
        #expect(try shared.reportAlerts(everything).map(\.alert) == sqlite.reportAlerts(everything).map(\.alert))
        #expect(try shared.reportAlerts(everything).count == 2)
        let narrow = StanceStore.ReportFilter(since: Day(iso: "2022-01-01"), topics: ["kz-mediator", "kz-venue"],
                                                  actors: ["tokayev"])
        #expect(try !shared.reportStances(narrow).isEmpty)
        #expect(try shared.reportStances(narrow) == sqlite.reportStances(narrow))
        #expect(try shared.reportAlerts(narrow).map(\.alert) == sqlite.reportAlerts(narrow).map(\.alert))

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let watchlist = try Watchlist(contentsOfFile: RepoFiles.watchlist)
        func page(_ store: any ReportSource) throws -> String {
            try ReportBuilder(store: WithoutClock(base: store), watchlist: watchlist, source: "the store").html(now: now)
        }
        let fromSQLite = try page(sqlite)
        #expect(try page(shared) == fromSQLite)
        #expect(fromSQLite.contains("<html"))
    }
}

/// A report source whose alerts carry no store clock (raised/sent times), so two stores
/// filled at different moments give the same page.
struct WithoutClock: ReportSource {
    let base: any ReportSource

    func reportStances(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportStance] {
        try base.reportStances(filter)
    }

    func reportAlerts(_ filter: StanceStore.ReportFilter) throws(StoreError) -> [StanceStore.ReportAlert] {
        try base.reportAlerts(filter).map { alert in
            var alert = alert
            alert.raisedAt = "2027-01-15T08:00:00.000Z"
            alert.sentAt = alert.sentAt.map { _ in "2027-01-15T08:00:01.000Z" }
            return alert
        }
    }
}
