/// The shared store going away under a running daemon: PostgreSQL stopped (immediate shutdown)
/// while files keep arriving, then started again. The daemon says once that the store cannot
/// be written, keeps its place, and when the server is back records the held-back files in
/// arrival order and sends their alerts; nothing is lost. Runs on a server of its own so the
/// other PostgreSQL tests are not disturbed.
import Foundation
import Glibc
import JournalTestSupport
import PostgresStore
import PostgresTestSupport
import Store
import TestFixtures
import Testing

@Suite("The shared store restarted under a running daemon",
       .enabled(if: PostgresCluster.isAvailable && JournalNamespace.isSupported,
                "needs a throwaway PostgreSQL server and a private journald (root; reasons on stderr)"))
struct PostgresOutageTests {
    @Test func aRestartedServerLosesNothingAndIsReportedOnce() throws {
        let binary = try BuiltBinary.path()
        let cluster = try PostgresCluster.startPrivate()
        defer { cluster.shutDown() }
        let url = try cluster.freshDatabase()
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let seeds = try RepoFiles.seedsInGoldOrder()
        let feed = root + "/feed/", err = root + "/daemon.err", alertLog = root + "/alerts.jsonl"
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: true)
        let daemon = try StancewatchProcess(
            ["run", "--feed", feed, "--state", root + "/state", "--store", url,
             "--watchlist", RepoFiles.watchlist, "--alert-log", alertLog],
            dropping: hostVariablesToDrop, stderrPath: err, binary: binary, wrap: journal.wrapped)
        defer { daemon.kill9() }
        #expect(StancewatchProcess.poll { contents(err).contains("is watching the feed") }, "the daemon did not start: \(contents(err))")
        func drop(_ seed: String) throws {
            let name = URL(fileURLWithPath: seed).lastPathComponent
            try FileManager.default.copyItem(atPath: seed, toPath: feed + "." + name + ".tmp")
            try FileManager.default.moveItem(atPath: feed + "." + name + ".tmp", toPath: feed + name)
        }
        func stored() -> Int {
            let reader = try? PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: nil, migrate: false)
            return (try? reader?.status().articles.ingested) ?? -1
        }
        try drop(seeds[0])
        try drop(seeds[1])
        #expect(StancewatchProcess.poll { stored() == 2 })

        try cluster.stop()
        try drop(seeds[2])  // 001: a divergence
        let trouble = "could not be recorded in the store"
        func troubleEntries() -> [[String: String]] {
            ((try? journal.entries(identifier: "stancewatch")) ?? []).filter { $0["MESSAGE"]?.contains(trouble) == true }
        }
        #expect(StancewatchProcess.poll { !troubleEntries().isEmpty }, "no store trouble in journald: \(contents(err))")
        try drop(seeds[3])  // 003: a shift, arriving while the server is still down

        try cluster.restart()
        #expect(StancewatchProcess.poll { stored() == 4 }, "held-back files not recorded after the restart: \(contents(err))")
        #expect(StancewatchProcess.poll { (try? alertIDs(alertLog).count) == 2 }, "alerts not sent after the restart")
        try drop(seeds[4])
        #expect(StancewatchProcess.poll { stored() == 5 })

        #expect(troubleEntries().count == 1, "reported more than once: \(troubleEntries())")
        let back = (try? journal.entries(identifier: "stancewatch")) ?? []
        #expect(back.contains { $0["MESSAGE"]?.contains("takes writes again") == true })
        let ids = try alertIDs(alertLog)
        #expect(ids.count == 2 && Set(ids).count == 2)
        #expect(daemon.terminate(grace: .seconds(120)) == 0)
    }
}
