/// Folder trouble: the feed folder deleted, renamed away or replaced while watched; the state
/// folder read-only or its disk full; SIGTERM in the middle of a long catch-up scan.
import Foundation
import Glibc
import TestFixtures
import Testing

extension FaultSuite {
    @Suite struct FolderTrouble {
        /// An article no other file of the test has (unique bytes, valid header).
        static func article(_ n: Int, seed: SeedArticle) -> [UInt8] {
            Array((seed.text + "\nЗаметка номер \(n).\n").utf8)
        }

        /// Runs one feed-folder mishap: the daemon must say so, then ingest a file dropped after
        /// the folder is back; or exit non-zero with a clear message.
        func feedMishap(_ label: String, trouble: (Feed) throws -> Void, restore: (Feed) throws -> Void) throws {
            let (sandbox, feed, state, probe) = try Fault.sandbox("feed-\(label)")
            defer { sandbox.close() }
            let seeds = try SeedArticle.loadAll()
            let (daemon, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)
            try feed.drop(name: "a1.txt", bytes: Self.article(1, seed: seeds[0]), sequence: 1)
            #expect(probe.waitFor(timeout: .seconds(30)) { $0.ingested == 1 }.0)

            let troubleBefore = try sandbox.journalEntries().filter { $0["MESSAGE_ID"] == MessageIDs.daemonTrouble }.count
            try trouble(feed)
            var said: [String] = []
            let noticed = waitUntil(timeout: .seconds(15), interval: .milliseconds(100)) {
                said = ((try? sandbox.journalEntries()) ?? []).filter { $0["MESSAGE_ID"] == MessageIDs.daemonTrouble }
                    .dropFirst(troubleBefore).compactMap { $0["MESSAGE"] }
                return !said.isEmpty || !daemon.isRunning
            }
            #expect(noticed, "the daemon said nothing about the feed folder (\(label))")
            if !daemon.isRunning {
                let status = daemon.waitForExit(timeout: .seconds(5))
                #expect(status != 0, "it exited with status 0 after the feed folder went away")
                #expect(!(said.isEmpty && daemon.stderr.isEmpty), "it exited without a message")
                print("feed \(label): exited \(String(describing: status)): \(said.first ?? daemon.stderr.suffix(300).description)")
                return
            }
            print("feed \(label): \(said.joined(separator: " | "))")
            #expect(said.contains { $0.contains(feed.directory) || $0.contains("feed") }, "the message should name the feed folder: \(said)")
            try restore(feed)
            // A file dropped after the folder is back is ingested (the daemon re-attached).
            let back = waitUntil(timeout: .seconds(30), interval: .milliseconds(500)) {
                let n = Int.random(in: 100..<1_000_000)
                try? feed.drop(name: "back\(n).txt", bytes: Self.article(n, seed: seeds[1]), sequence: 2)
                usleep(300_000)
                return (probe.statusIfReadable()?.ingested ?? 0) >= 2
            }
            #expect(back, "a file dropped after the feed folder came back was not ingested (\(label)); stderr: \(daemon.stderr.suffix(1500))")
            #expect(daemon.isRunning)
            #expect(daemon.terminate() == 0)
        }

        @Test func feedFolderDeletedThenRecreated() throws {
            try feedMishap("deleted", trouble: { feed in
                try FileManager.default.removeItem(atPath: feed.directory)
            }, restore: { feed in
                try FileManager.default.createDirectory(atPath: feed.directory, withIntermediateDirectories: false)
            })
        }

        @Test func feedFolderRenamedAwayThenBack() throws {
            try feedMishap("renamed", trouble: { feed in
                #expect(rename(feed.directory, feed.directory + ".away") == 0)
            }, restore: { feed in
                #expect(rename(feed.directory + ".away", feed.directory) == 0)
            })
        }

        @Test func feedFolderReplacedByAnother() throws {
            try feedMishap("replaced", trouble: { feed in
                try FileManager.default.createDirectory(atPath: feed.directory + ".new", withIntermediateDirectories: false)
                #expect(rename(feed.directory, feed.directory + ".old") == 0)
                #expect(rename(feed.directory + ".new", feed.directory) == 0)
            }, restore: { _ in })
        }

        @Test func stateDiskFullThenSpaceReturns() throws {
            let (sandbox, feed, state, probe) = try Fault.sandbox("diskfull")
            defer { sandbox.close() }
            let seeds = try SeedArticle.loadAll()
            let mounted = try sandbox.sh("mkdir -p \(state) && mount -t tmpfs -o size=4m tmpfs \(state)")
            try #require(mounted.succeeded, "mount tmpfs: \(mounted.stderr)")
            let (daemon, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)
            for i in 0..<2 { try feed.drop(name: "ok\(i).txt", bytes: Self.article(i, seed: seeds[i]), sequence: i) }
            #expect(probe.waitFor(timeout: .seconds(30)) { $0.ingested == 2 }.0)

            // Fill the disk, then keep dropping articles.
            _ = try sandbox.sh("dd if=/dev/zero of=\(state)/filler bs=16k 2>/dev/null; sync")
            for i in 2..<8 { try feed.drop(name: "full\(i).txt", bytes: Self.article(i, seed: seeds[i % seeds.count]), sequence: i) }
            var said: [String] = []
            let noticed = waitUntil(timeout: .seconds(30), interval: .milliseconds(300)) {
                said = ((try? sandbox.journalEntries()) ?? []).filter { $0["MESSAGE_ID"] == MessageIDs.daemonTrouble }.compactMap { $0["MESSAGE"] }
                return !said.isEmpty
            }
            #expect(noticed, "no trouble entry while the state disk was full; stderr: \(daemon.stderr.suffix(1000))")
            print("disk full: \(said.first ?? "-")")
            #expect(daemon.isRunning, "the daemon should wait for space, not exit")
            #expect((probe.statusIfReadable()?.ingested ?? 0) < 8, "all articles were stored although the disk was full")
            #expect(try probe.integrityCheck() == "ok")

            // Space returns: it resumes and stores the rest.
            _ = try sandbox.sh("rm -f \(state)/filler")
            let (resumed, last) = probe.waitFor(timeout: .seconds(150)) { $0.ingested == 8 }
            #expect(resumed, "it did not resume after space returned: \(String(describing: last))")
            #expect(last?.refused == 0, "articles were refused for a store error: \(String(describing: last))")
            #expect(daemon.terminate() == 0)
            #expect(try probe.integrityCheck() == "ok")
        }

        @Test func stateFolderReadOnlyThenWritable() throws {
            let (sandbox, feed, state, probe) = try Fault.sandbox("readonly")
            defer { sandbox.close() }
            let seeds = try SeedArticle.loadAll()
            do {
                let (daemon, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)
                for i in 0..<2 { try feed.drop(name: "ok\(i).txt", bytes: Self.article(i, seed: seeds[i]), sequence: i) }
                #expect(probe.waitFor(timeout: .seconds(30)) { $0.ingested == 2 }.0)
                #expect(daemon.terminate() == 0)
            }
            let ro = try sandbox.sh("mount --bind \(state) \(state) && mount -o remount,ro,bind \(state)")
            try #require(ro.succeeded, "read-only bind mount: \(ro.stderr)")
            try feed.drop(name: "ro2.txt", bytes: Self.article(2, seed: seeds[2]), sequence: 2)

            let daemon = try sandbox.startDaemon(Fault.runArguments(feed: feed.directory, state: state))
            var said: [String] = []
            let noticed = waitUntil(timeout: .seconds(20), interval: .milliseconds(200)) {
                said = ((try? sandbox.journalEntries()) ?? []).filter { $0["MESSAGE_ID"] == MessageIDs.daemonTrouble }.compactMap { $0["MESSAGE"] }
                return !said.isEmpty || !daemon.isRunning
            }
            #expect(noticed, "nothing said about the read-only state folder")
            let message = said.first ?? daemon.stderr
            print("read-only state: running \(daemon.isRunning); \(message.suffix(400))")
            #expect(message.contains(state) || message.lowercased().contains("read-only") || message.lowercased().contains("state"),
                    "the message should name the state folder or say it is read-only: \(message)")
            if !daemon.isRunning { #expect(daemon.waitForExit(timeout: .seconds(5)) != 0) }

            let rw = try sandbox.sh("mount -o remount,rw,bind \(state)")
            try #require(rw.succeeded, "remount rw: \(rw.stderr)")
            // The issue asks for a clear error and a sound database; resuming without a restart is
            // better still: give it 15 s, then restart it (as systemd's Restart= would).
            var again = daemon
            if daemon.isRunning, !probe.waitFor(timeout: .seconds(15), { $0.ingested == 3 }).0 {
                print("read-only state: the running daemon did not resume by itself after the folder became writable; restarting it")
                #expect(daemon.terminate() == 0)
            }
            if !again.isRunning { again = try sandbox.startDaemon(Fault.runArguments(feed: feed.directory, state: state)) }
            let (resumed, last) = probe.waitFor(timeout: .seconds(60)) { $0.ingested == 3 }
            #expect(resumed, "not resumed once the state folder was writable: \(String(describing: last))")
            #expect(again.terminate() == 0)
            #expect(try probe.integrityCheck() == "ok")
        }

        @Test func sigtermDuringLongCatchUpStopsPromptlyAndResumes() throws {
            let (sandbox, feed, state, probe) = try Fault.sandbox("catchup")
            defer { sandbox.close() }
            let seeds = try SeedArticle.loadAll()
            let count = 5_000
            for i in 0..<count {
                let bytes = i % 250 == 0 ? Self.article(i, seed: seeds[(i / 250) % seeds.count])
                    : Array(" date 2025-10-\(String(format: "%02d", 1 + i % 28)) Хроника дня \(i): совещание перенесено.\n".utf8)
                try feed.drop(name: String(format: "c%05d.txt", i), bytes: bytes, sequence: i)
            }
            let notify = try NotifyListener(path: sandbox.root + "/notify.sock")
            let daemon = try sandbox.startDaemon(Fault.runArguments(feed: feed.directory, state: state),
                                                 environment: ["NOTIFY_SOCKET": notify.path])
            let started = probe.waitFor(timeout: .seconds(60)) { $0.ingested >= 100 }
            #expect(started.0, "the catch-up scan stored nothing: \(daemon.stderr.suffix(1000))")
            let clock = ContinuousClock()
            let t0 = clock.now
            let exit = daemon.terminate(grace: .seconds(60))
            let took = clock.now - t0
            #expect(exit == 0, "SIGTERM during the catch-up scan: exit \(String(describing: exit))")
            #expect(took < .seconds(20), "it took \(took) to stop")
            notify.drain()
            #expect(notify.messages.contains { $0.contains("STOPPING=1") }, "no STOPPING=1: \(notify.messages)")
            let stopped = try probe.status()
            print("catch-up SIGTERM: stopped in \(took) with \(stopped.ingested) of \(count) stored")
            #expect(stopped.ingested < count, "the scan had finished before SIGTERM; the test proved nothing")

            let (again, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)
            let (done, last) = probe.waitFor(timeout: .seconds(240)) { $0.ingested >= count }
            #expect(done, "\(String(describing: last))")
            #expect(again.terminate() == 0)
            let final = try probe.status()
            #expect(final.ingested == count && final.refused == 0, "\(final)")
        }
    }
}
