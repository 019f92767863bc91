/// Two real daemons on one PostgreSQL store, every file arriving at both, one of them
/// SIGKILLed between an alert's commit and its delivery (the fault-injection point
/// `STANCEWATCH_TEST_KILL_AFTER_COMMIT=1`, so the kill lands in that window every run) and
/// restarted: every article is stored once, the stances are a single-host replay's, and the
/// alert the dead host left leased is sent once by the cluster, its `STANCE_ALERT_ID` written
/// once across the alert logs and once in journald.
import Corpus
import Foundation
import Glibc
import JournalTestSupport
import PostgresStore
import PostgresTestSupport
import Store
import TestFixtures
import Testing

@Suite("A watcher host killed and restarted on the shared store", .serialized,
       .enabled(if: PostgresCluster.isAvailable && JournalNamespace.isSupported,
                "needs a throwaway PostgreSQL server and a private journald (root; reasons on stderr)"))
struct KilledHostTests {
    @Test func aHostKilledAfterCommittingAnAlertLosesNothingAndDuplicatesNothing() throws {
        let binary = try BuiltBinary.path()
        let url = try PostgresCluster.shared().freshDatabase()
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seeds = try RepoFiles.seedsInGoldOrder()

        // The single-host reference, SQLite, gold order, under a journald of its own.
        let referenceJournal = try JournalNamespace.start()
        defer { referenceJournal.stop() }
        let reference = try referenceJournal.run([binary, "replay", "--state", root + "/reference", "--watchlist", RepoFiles.watchlist,
                                         "--alert-log", root + "/reference.jsonl"] + seeds)
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try alertIDs(root + "/reference.jsonl")
        let referenceStances = try StanceStore.openForReading(directory: root + "/reference").allStances().map(stanceKey)

        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        var daemons: [StancewatchProcess] = []
        defer { for d in daemons { d.kill9() } }
        func launch(_ host: String, environment extra: [String: String] = [:]) throws -> StancewatchProcess {
            let daemon = try StancewatchProcess(
                ["run", "--feed", root + "/feed-\(host)", "--state", root + "/state-\(host)", "--store", url,
                 "--watchlist", RepoFiles.watchlist, "--alert-log", root + "/alerts-\(host).jsonl"],
                environment: extra, dropping: hostVariablesToDrop, stderrPath: root + "/\(host).err", appendingStderr: true,
                binary: binary, wrap: journal.wrapped)
            daemons.append(daemon)
            return daemon
        }
        func drop(_ seed: String, into host: String) throws {
            let feed = root + "/feed-\(host)/", name = URL(fileURLWithPath: seed).lastPathComponent
            try FileManager.default.copyItem(atPath: seed, toPath: feed + "." + name + ".tmp")
            try FileManager.default.moveItem(atPath: feed + "." + name + ".tmp", toPath: feed + name)
        }
        for host in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/feed-\(host)", withIntermediateDirectories: true)
        }
        let reader = try PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: nil, migrate: true)
        func stored() -> Int { (try? reader.status().articles.ingested) ?? -1 }

        // Host a, armed: it kills itself right after its first commit that stored an alert.
        let armed = try launch("a", environment: ["STANCEWATCH_TEST_KILL_AFTER_COMMIT": "1"])
        #expect(StancewatchProcess.poll { contents(root + "/a.err").contains("is watching the feed") }, "\(contents(root + "/a.err"))")
        var dropped = 0
        while armed.isRunning, dropped < seeds.count {
            try drop(seeds[dropped], into: "a")
            dropped += 1
            #expect(StancewatchProcess.poll { stored() == dropped || !armed.isRunning })
        }
        #expect(armed.waitForExit(timeout: .seconds(120)) == 128 + SIGKILL,
                "host a was not killed by the fault injection")
        #expect(dropped < seeds.count, "host a stored every file without being killed: no alert was raised")
        let left = try reader.status().alerts.pending
        #expect(left >= 1, "the killed host left no alert pending")
        #expect(try alertIDs(root + "/alerts-a.jsonl").isEmpty)

        // Every file now reaches both hosts: the rest into a's feed, all of them into b's at once.
        // b takes them in arrival order (the ones a stored are duplicates to it); then a is
        // restarted, unarmed, and finds its files stored (which of the two stores the rest is
        // the race SharedStoreTests covers; here the order stays the gold one).
        for seed in seeds[dropped...] { try drop(seed, into: "a") }
        for seed in seeds { try drop(seed, into: "b") }
        _ = try launch("b")
        #expect(StancewatchProcess.poll { stored() == seeds.count }, "not every article was stored")
        _ = try launch("a")
        #expect(StancewatchProcess.poll { contents(root + "/a.err").components(separatedBy: "is watching the feed").count == 3 },
                "host a did not start again: \(contents(root + "/a.err"))")
        // The dead host's lease (30 s) runs out; a live host claims the alert and sends it.
        #expect(StancewatchProcess.poll(timeout: .seconds(180)) { ((try? reader.status().alerts.pending) ?? -1) == 0 }, "alerts stayed pending")
        let logged = try alertIDs(root + "/alerts-a.jsonl") + alertIDs(root + "/alerts-b.jsonl")
        #expect(Set(logged).count == logged.count, "an alert id was written twice: \(logged)")
        #expect(Set(logged) == Set(expected))
        let sent = try journal.entries().compactMap { $0["STANCE_ALERT_ID"] }
        #expect(sent.sorted() == logged.sorted(), "journald: \(sent)")

        let status = try reader.status()
        #expect(status.articles.ingested == seeds.count)
        #expect(try reader.allStances().map(stanceKey).sorted() == referenceStances.sorted())
        for daemon in daemons where daemon.isRunning {
            #expect(daemon.terminate(grace: .seconds(120)) == 0)
        }
    }
}

/// What identifies a stance whatever order the articles were stored in.
func stanceKey(_ stance: Corpus.Stance) -> String {
    [stance.article, stance.actor, stance.topic, stance.polarity.rawValue, stance.stated.description,
     "\(stance.evidenceStart)-\(stance.evidenceEnd)", stance.evidence, stance.rules.joined(separator: ","),
     stance.confidence.map { "\($0)" } ?? "-"].joined(separator: "|")
}
