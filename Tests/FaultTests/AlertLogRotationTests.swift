/// Alert log rotation while journald is away: `mv alerts.jsonl alerts.jsonl.1` + SIGHUP, twice,
/// with alerts pending for journald all along. Each alert is appended to the log once: the
/// store records the log's delivery apart from journald's, so a reopened log is never refilled.
import Foundation
import Glibc
import TestFixtures
import Testing

extension FaultSuite {
    @Suite struct AlertLogRotation {
        static let perRound = 60

        @Test func twoRotationsWithJournaldAwayLogEachAlertOnce() throws {
            var generator = try ArticleGenerator(seed: 0x0207_A7E5)
            let files = (0..<(3 * Self.perRound)).map { generator.next(index: $0, prefix: "rot") }

            // What a clean replay of the same files raises.
            let clean = try Sandbox("rotation-clean", journald: false)
            defer { clean.close() }
            let cleanFeed = try Feed(root: clean.root)
            for f in files { try cleanFeed.write(path: cleanFeed.directory + "/" + f.name, bytes: f.bytes) }
            let cleanLog = clean.root + "/alerts.jsonl"
            let replay = try clean.run([Paths.binary, "replay", "--state", clean.root + "/state", "--watchlist", RepoFiles.watchlist,
                                        "--alert-log", cleanLog] + files.map { cleanFeed.directory + "/" + $0.name })
            try #require(replay.succeeded, "clean replay failed: \(replay.stderr.suffix(2000))")
            let expected = Set(readAlertLog(cleanLog).compactMap { $0["STANCE_ALERT_ID"] })
            try #require(expected.count >= 3, "the generated articles should raise alerts; the clean run raised \(expected.count)")

            let (sandbox, feed, state, probe) = try Fault.sandbox("rotation")
            defer { sandbox.close() }
            let log = sandbox.root + "/alerts.jsonl"
            let (daemon, notify) = try Fault.startReady(sandbox, feed: feed.directory, state: state, extra: ["--alert-log", log])
            sandbox.stopJournald()

            for round in 0..<3 {
                for i in (round * Self.perRound)..<((round + 1) * Self.perRound) {
                    try feed.drop(name: files[i].name, bytes: files[i].bytes, sequence: i)
                }
                let (stored, status) = probe.waitFor(timeout: .seconds(120)) { $0.ingested == (round + 1) * Self.perRound }
                try #require(stored, "round \(round): \(String(describing: status))")
                guard round < 2 else { break }
                // Rotate: alerts.jsonl.1 → .2, alerts.jsonl → .1, then SIGHUP and wait for the reload.
                if round == 1 { try #require(rename(log + ".1", log + ".2") == 0) }
                try #require(rename(log, log + ".1") == 0)
                notify.reset()
                daemon.signal(SIGHUP)
                try #require(notify.wait(for: "RELOADING=1", timeout: .seconds(60)))
                try #require(notify.wait(for: "READY=1", timeout: .seconds(60)))
            }
            let pending = try probe.status().alertsPending
            #expect(pending == expected.count, "with journald away every alert stays pending for it: \(pending) of \(expected.count)")

            var seen: [String: Int] = [:]
            var perFile: [Int] = []
            for path in [log + ".2", log + ".1", log] {
                let ids = readAlertLog(path).compactMap { $0["STANCE_ALERT_ID"] }
                perFile.append(ids.count)
                for id in ids { seen[id, default: 0] += 1 }
            }
            #expect(Set(seen.keys) == expected, "the logs hold \(seen.count) ids, the clean run \(expected.count)")
            #expect(seen.values.allSatisfy { $0 == 1 }, "repeated ids: \(seen.filter { $0.value > 1 })")
            #expect(perFile.filter { $0 > 0 }.count >= 2, "alerts should land in more than one of the rotated files: \(perFile)")
            #expect(daemon.terminate() == 0)
            print("alert log rotation: \(expected.count) alerts over alerts.jsonl.2/.1/current = \(perFile), each id once; \(pending) pending for journald")
        }
    }
}
