/// journald away: the namespaced journald is stopped while the daemon runs and articles that
/// raise alerts arrive; the alerts stay pending in the store and go out once it is back.
import Foundation
import Glibc
import TestFixtures
import Testing

extension FaultSuite {
    @Suite struct JournaldAway {
        @Test func alertsWaitInTheStoreUntilJournaldReturns() throws {
            let seeds = try SeedArticle.loadAll()
            let order = ["000", "002", "001", "003", "004"].compactMap { p in seeds.first { $0.name.hasPrefix(p) } }
            try #require(order.count == 5)

            // What a clean run of the same files raises.
            let clean = try Sandbox("away-clean", journald: false)
            defer { clean.close() }
            let log = clean.root + "/alerts.jsonl"
            let replay = try clean.run([Paths.binary, "replay", "--state", clean.root + "/state", "--watchlist", RepoFiles.watchlist,
                                        "--alert-log", log] + order.map { RepoFiles.seeds + "/" + $0.name })
            try #require(replay.succeeded, "\(replay.stderr)")
            let expected = Dictionary(readAlertLog(log).map { a in (AlertKey { a[$0] }, a["STANCE_ALERT_ID"] ?? "") }, uniquingKeysWith: { a, _ in a })
            try #require(!expected.isEmpty, "the seeds in this order should raise alerts (the Tokayev shift at 003)")

            let (sandbox, feed, state, probe) = try Fault.sandbox("away")
            defer { sandbox.close() }
            let (daemon, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)

            sandbox.stopJournald()
            for (i, s) in order.enumerated() {
                try feed.drop(name: s.name, bytes: Array(s.text.utf8), sequence: i)
                usleep(50_000)
            }
            let (stored, whileAway) = probe.waitFor(timeout: .seconds(60)) { $0.ingested == 5 && $0.alertsPending > 0 }
            #expect(stored, "with journald away the alerts should stay pending: \(String(describing: whileAway))")
            usleep(2_500_000)   // a few retry rounds while journald is still away
            let stillAway = try probe.status()
            #expect(stillAway.alertsPending == expected.count, "\(stillAway)")
            #expect(daemon.isRunning)

            try sandbox.startJournald()
            let (drained, after) = probe.waitFor(timeout: .seconds(60)) { $0.alertsPending == 0 }
            #expect(drained, "pending alerts were not sent after journald came back: \(String(describing: after))")
            var sent: [AlertKey: Set<String>] = [:]
            let appeared = waitUntil(timeout: .seconds(10), interval: .milliseconds(200)) {
                sent = [:]
                for e in (try? sandbox.alertEntries()) ?? [] { sent[AlertKey { e[$0] }, default: []].insert(e["STANCE_ALERT_ID"] ?? "") }
                return Set(sent.keys) == Set(expected.keys)
            }
            #expect(appeared, "journald has \(sent.keys.sorted { $0.description < $1.description }), expected \(expected.keys)")
            for (key, id) in expected { #expect(sent[key] == [id], "\(key)") }
            #expect(daemon.terminate() == 0)
            print("journald away: \(stillAway.alertsPending) alerts pending while away, all \(expected.count) delivered after it returned")
        }
    }
}
