/// Three real daemons (the built `stancewatch`), one feed folder each, one PostgreSQL store:
/// the seeds dropped round-robin across the feeds in gold order give exactly the alerts of a
/// single-host SQLite replay of the same order, and each `STANCE_ALERT_ID` is written once
/// across the three alert logs. Each daemon sends to a private journald (real journald).
import Foundation
import Glibc
import JournalTestSupport
import PostgresStore
import PostgresTestSupport
import Store
import TestFixtures
import Testing

@Suite("Several watcher hosts on one PostgreSQL store", .serialized,
       .enabled(if: PostgresCluster.isAvailable && JournalNamespace.isSupported,
                "needs a throwaway PostgreSQL server and a private journald (root; reasons on stderr)"))
struct MultiHostDaemonTests {
    @Test func threeDaemonsRaiseTheSingleHostAlertsEachOnce() throws {
        let binary = try BuiltBinary.path()
        let url = try PostgresCluster.shared().freshDatabase()
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let seeds = try RepoFiles.seedsInGoldOrder()

        // The single-host reference: SQLite, the same files in the same order.
        let reference = try journal.run([binary, "replay", "--state", root + "/reference", "--watchlist", RepoFiles.watchlist,
                                         "--alert-log", root + "/reference.jsonl"] + seeds)
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try alertIDs(root + "/reference.jsonl")
        #expect(expected.count == 2)

        var daemons: [StancewatchProcess] = []
        defer { for d in daemons { d.kill9() } }
        for host in 0..<3 {
            try FileManager.default.createDirectory(atPath: root + "/feed\(host)", withIntermediateDirectories: true)
            let daemon = try StancewatchProcess(
                ["run", "--feed", root + "/feed\(host)", "--state", root + "/state\(host)", "--store", url,
                 "--watchlist", RepoFiles.watchlist, "--alert-log", root + "/alerts\(host).jsonl"],
                dropping: hostVariablesToDrop, stderrPath: root + "/host\(host).err", binary: binary, wrap: journal.wrapped)
            daemons.append(daemon)
            #expect(daemon.wait(timeout: .seconds(120)) { daemon.stderr.contains("is watching the feed") || !daemon.isRunning },
                    "host \(host) did not start: \(daemon.stderr)")
        }
        let reader = try PostgresStanceStore(location: PostgresLocation(url: url, environment: [:]), local: nil, migrate: false)
        for (i, seed) in seeds.enumerated() {
            let feed = root + "/feed\(i % 3)/"
            let name = URL(fileURLWithPath: seed).lastPathComponent
            try FileManager.default.copyItem(atPath: seed, toPath: feed + "." + name + ".tmp")
            try FileManager.default.moveItem(atPath: feed + "." + name + ".tmp", toPath: feed + name)
            // The next file is dropped once this one is stored: the gold arrival order holds.
            #expect(StancewatchProcess.poll { ((try? reader.status().articles.ingested) ?? 0) == i + 1 }, "\(name) was not stored")
        }
        #expect(StancewatchProcess.poll { ((try? reader.status().alerts.pending) ?? -1) == 0 }, "alerts stayed pending")
        let logs = try (0..<3).map { try alertIDs(root + "/alerts\($0).jsonl") }
        let all = logs.flatMap { $0 }
        #expect(all.sorted() == expected.sorted())
        #expect(Set(all).count == all.count)
        #expect(try reader.allStances().count == StanceStoreCount.stances(root + "/reference"))
        for daemon in daemons {
            #expect(daemon.terminate(grace: .seconds(120)) == 0)
        }
    }
}

enum StanceStoreCount {
    /// How many stances the SQLite store in `state` holds.
    static func stances(_ state: String) throws -> Int {
        try StanceStore.openForReading(directory: state).status().stances
    }
}

/// The `STANCE_ALERT_ID`s of an alert log, in file order (none when there is no file).
func alertIDs(_ path: String) throws -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    return try contents(path).split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["STANCE_ALERT_ID"] as? String ?? ""
    }
}

func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// What a host daemon must not inherit from the test's environment.
let hostVariablesToDrop = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "STATE_DIRECTORY", "STANCEWATCH_STORE", "PGPASSWORD"]

func temporaryFolder() throws -> String {
    var template = Array("/tmp/stancewatch-hosts-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw PostgresClusterError("cannot create a temporary folder") }
    return String(cString: made)
}
