/// Crash anywhere: 300 generated articles fed by atomic rename while the daemon is killed with
/// SIGKILL at random moments (fixed seed), restarted each time on the same state; the result
/// must equal a clean run of the same files in the same order. Besides the random kills, the
/// daemon is started with the test-only fault injection (`STANCEWATCH_TEST_KILL_AFTER_COMMIT=1`)
/// until it has killed itself three times right after a commit that stored alerts and before
/// sending them: the window between an alert's commit and its delivery, hit every time.
import Foundation
import Glibc
import TestFixtures
import Testing

extension FaultSuite {
    @Suite struct CrashAnywhere {
        static let articleCount = 300
        static let killCount = 36

        @Test func sigkillAnywhereLosesNothingAndRepeatsNothing() throws {
            var generator = try ArticleGenerator(seed: 0x5EED_C4A5)
            let files = (0..<Self.articleCount).map { generator.next(index: $0, prefix: "crash") }

            // The clean run: the same files, same order, through `replay` (no journald: alert log only).
            let clean = try Sandbox("crash-clean", journald: false)
            defer { clean.close() }
            let cleanFeed = try Feed(root: clean.root)
            for f in files { try cleanFeed.write(path: cleanFeed.directory + "/" + f.name, bytes: f.bytes) }
            let cleanState = clean.root + "/state", cleanLog = clean.root + "/alerts.jsonl"
            let replay = try clean.run([Paths.binary, "replay", "--state", cleanState, "--watchlist", RepoFiles.watchlist,
                                        "--alert-log", cleanLog] + files.map { cleanFeed.directory + "/" + $0.name })
            try #require(replay.succeeded, "clean replay failed: \(replay.stderr.suffix(2000))")
            let expectedAlerts = readAlertLog(cleanLog)
            var expectedIDs: [AlertKey: String] = [:]
            for a in expectedAlerts { expectedIDs[AlertKey { a[$0] }] = a["STANCE_ALERT_ID"] ?? "" }
            let cleanProbe = StoreProbe(sandbox: clean, state: cleanState)
            let cleanStances = try cleanProbe.stances()
            #expect(try cleanProbe.status().ingested == Self.articleCount, "every generated file has unique content")
            #expect(expectedIDs.count >= 3, "the generated corpus should raise alerts, the clean run raised \(expectedIDs.count)")
            #expect(cleanStances.count >= Self.articleCount / 3)

            // The crash run.
            let (sandbox, feed, state, probe) = try Fault.sandbox("crash")
            defer { sandbox.close() }
            let alertLog = sandbox.root + "/alerts.jsonl"
            let args = Fault.runArguments(feed: feed.directory, state: state, extra: ["--alert-log", alertLog])
            var rng = SeededRandom(seed: 0xDEAD_BEEF)
            var killPoints = Set<Int>()
            while killPoints.count < Self.killCount { killPoints.insert(Int(rng.next() % UInt64(Self.articleCount - 1))) }

            // Armed: the daemon kills itself after its first commit that stores alerts.
            let armed = ["STANCEWATCH_TEST_KILL_AFTER_COMMIT": "1"]
            var injected = 0, pendingAtInjected = 0
            func start() throws -> StancewatchProcess {
                try sandbox.startDaemon(args, environment: injected < 3 ? armed : [:])
            }
            /// When an armed daemon killed itself: what the store holds, then a restart.
            func restartIfInjected(_ d: StancewatchProcess) throws -> StancewatchProcess? {
                guard injected < 3, !d.isRunning else { return nil }
                _ = d.waitForExit(timeout: .seconds(10))
                #expect(d.endedBySignal, "an armed daemon should only die by its own SIGKILL: \(d.stderr.suffix(2000))")
                injected += 1
                if let s = probe.statusIfReadable(), s.alertsPending > 0 { pendingAtInjected += 1 }
                return try start()
            }
            var daemon = try start()
            var kills = 0, pendingAlertsAtKill = 0, backlogAtKill = 0
            for (i, f) in files.enumerated() {
                if let restarted = try restartIfInjected(daemon) { daemon = restarted }
                try feed.drop(name: f.name, bytes: f.bytes, sequence: i)
                usleep(UInt32(rng.next() % 6_000))
                guard killPoints.contains(i) else { continue }
                if let restarted = try restartIfInjected(daemon) { daemon = restarted }
                if kills % 3 == 0 {
                    // Targeted: kill the moment the alert log grows, i.e. right after an alert was
                    // delivered and (most likely) before it was marked sent.
                    let before = fileSize(alertLog)
                    _ = waitUntil(timeout: .milliseconds(400), interval: .microseconds(20)) { fileSize(alertLog) > before }
                } else {
                    usleep(UInt32(rng.next() % 40_000))   // lands mid-article, mid-send or while idle
                }
                // an armed daemon may kill itself while the test waits (then or an instant later):
                // that death is the injected one, not a crash
                if let restarted = try restartIfInjected(daemon) { daemon = restarted }
                try #require(daemon.isRunning || injected < 3,
                             "the daemon died on its own before kill \(kills + 1): \(daemon.stderr.suffix(2000))")
                daemon.kill9()
                kills += 1
                if let s = probe.statusIfReadable() {
                    if s.alertsPending > 0 { pendingAlertsAtKill += 1 }
                    if s.ingested + s.refused < i + 1 { backlogAtKill += 1 }
                }
                // Sometimes files keep arriving while it is down (the catch-up scan takes them).
                if rng.next() % 3 == 0 { usleep(UInt32(rng.next() % 20_000)) }
                daemon = try start()
                if rng.next() % 4 == 0 {   // and sometimes it dies again during start-up
                    usleep(UInt32(rng.next() % 30_000))
                    daemon.kill9()
                    kills += 1
                    daemon = try start()
                }
            }
            // An armed daemon still running either kills itself on its next alert or finishes.
            var (done, last) = (false, StoreStatus?.none)
            while !done {
                (done, last) = probe.waitFor(timeout: .seconds(240)) {
                    ($0.ingested == Self.articleCount && $0.alertsPending == 0) || (injected < 3 && !daemon.isRunning)
                }
                guard let restarted = try restartIfInjected(daemon) else { break }
                daemon = restarted
                done = false
            }
            #expect(done, "after the last restart the store should hold all \(Self.articleCount) articles and no pending alert; it says: \(String(describing: last))")
            #expect(daemon.terminate() == 0)
            #expect(kills >= 30)

            // Every article stored exactly once: the same stances as the clean run, no more, no fewer.
            let status = try probe.status()
            #expect(status.ingested == Self.articleCount)
            #expect(status.refused == 0)
            let crashStances = try probe.stances()
            #expect(stanceBag(crashStances) == stanceBag(cleanStances),
                    "stances differ from the clean run: \(crashStances.count) vs \(cleanStances.count)")
            #expect(status.stances == cleanStances.count)

            // Every alert of the clean run was sent at least once, with the clean run's id;
            // a repeat (a resend after a crash) carries the same id; nothing extra.
            var sent: [AlertKey: Set<String>] = [:]
            let entries = try sandbox.alertEntries()
            for e in entries { sent[AlertKey { e[$0] }, default: []].insert(e["STANCE_ALERT_ID"] ?? "") }
            for (key, id) in expectedIDs {
                #expect(sent[key] == [id], "alert \(key): clean id \(id), sent with ids \(sent[key] ?? [])")
            }
            #expect(Set(sent.keys) == Set(expectedIDs.keys),
                    "alerts the clean run did not raise: \(Set(sent.keys).subtracting(expectedIDs.keys))")
            let resends = entries.count - sent.count
            #expect(injected >= 1, "the armed daemon never killed itself after a commit that stored alerts")
            #expect(pendingAtInjected == injected, "each injected crash should leave its alerts committed and pending")
            print("crash-anywhere: \(injected) injected kills after an alert commit (\(pendingAtInjected) left alerts pending), \(kills) SIGKILLs, \(backlogAtKill) with articles unprocessed, \(pendingAlertsAtKill) with alerts committed but unsent; \(expectedIDs.count) alerts expected, \(entries.count) journald alert entries (\(resends) resends with the same id)")
        }
    }
}

/// Stance records as a multiset of their spec §5 fields.
func stanceBag(_ records: [[String: String]]) -> [String: Int] {
    var bag: [String: Int] = [:]
    for r in records {
        let key = ["article", "actor", "topic", "stance", "stated", "evidence"].map { r[$0] ?? "" }.joined(separator: "\u{1F}")
        bag[key, default: 0] += 1
    }
    return bag
}

/// st_size of `path`, 0 when it does not exist.
func fileSize(_ path: String) -> Int64 {
    var st = stat()
    return stat(path, &st) == 0 ? Int64(st.st_size) : 0
}
