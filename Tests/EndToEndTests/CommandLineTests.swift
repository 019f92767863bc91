/// The command line's contract: refusals at start, replay, stances, status, SIGHUP reload.
import Foundation
import Glibc
import TestFixtures
import Testing

struct CommandLineTests {
    @Test func aMissingFeedFolderIsRefusedAtStart() throws {
        let w = try Workspace()
        let (status, _, stderr) = try StancewatchProcess.run(["run", "--feed", w.root + "/nope", "--state", w.state])
        #expect(status != 0)
        #expect(stderr.contains(w.root + "/nope"))
        #expect(stderr.contains("does not exist"))
    }

    @Test func aBrokenWatchlistIsRefusedWithFileLineAndProblem() throws {
        let w = try Workspace()
        let broken = w.root + "/broken.yaml"
        try """
            actors:
              - id: a
                names: [Акаев]
                colour: red
            topics:
              - id: t
                cues: [перемирие]
                pro: за
                contra: против
            """.write(toFile: broken, atomically: true, encoding: .utf8)
        let (status, _, stderr) = try StancewatchProcess.run(["run", "--feed", w.feed, "--state", w.state, "--watchlist", broken])
        #expect(status != 0)
        #expect(stderr.contains(broken + ":4"), "\(stderr)")  // file:line
        #expect(stderr.contains("colour"))
    }

    @Test func replayThenStancesThenStatus() throws {
        let w = try Workspace()
        let files = try RepoFiles.seedsInGoldOrder()
        let alertLog = w.root + "/alerts.jsonl"
        let (status, _, stderr) = try StancewatchProcess.run(["replay", "--state", w.state, "--watchlist", RepoFiles.watchlist,
                                           "--alert-log", alertLog] + files)
        #expect(status == 0, "\(stderr)")
        let (_, stances, _) = try StancewatchProcess.run(["stances", "--state", w.state])
        let records = stances.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(!records.isEmpty)
        for record in records {
            for key in ["article", "actor", "topic", "stance", "stated", "evidence"] {
                #expect(record[key] is String, "\(key) missing in \(record)")
            }
        }
        let summary = try Status.read(state: w.state)
        #expect(summary.ingested == files.count)
        #expect(summary.refused == 0)
        let logged = try String(contentsOfFile: alertLog, encoding: .utf8).split(separator: "\n")
        #expect(logged.contains { $0.contains("\"STANCE_KIND\":\"shift\"") && $0.contains("settlement-prospects") })
    }

    @Test(arguments: [UInt8(0), UInt8(ascii: "\n")])
    func replayTakesItsFilesFromAList(separator: UInt8) throws {
        // Two seeds as arguments, the other three (gold order) in a list: the same store as five arguments.
        let w = try Workspace()
        let files = try RepoFiles.seedsInGoldOrder()
        let list = w.root + "/files"
        let listed = files[2...].map { Array($0.utf8) + [separator] }.joined()
        #expect(FileManager.default.createFile(atPath: list, contents: Data(listed)))
        let (status, _, stderr) = try StancewatchProcess.run(["replay", "--state", w.state, "--watchlist", RepoFiles.watchlist,
                                                      "--files-from", list] + files[..<2])
        #expect(status == 0, "\(stderr)")
        #expect(try Status.read(state: w.state).ingested == files.count)
        #expect(stderr.contains("files=5"), "\(stderr)")

        let (missing, _, missingErr) = try StancewatchProcess.run(["replay", "--state", w.root + "/other", "--files-from", w.root + "/nope"])
        #expect(missing == 1)
        #expect(missingErr.contains("the file list \(w.root)/nope (--files-from) could not be read"), "\(missingErr)")
    }

    @Test func sighupReloadsTheWatchlistAndKeepsTheOldOneWhenTheNewIsBroken() throws {
        let w = try Workspace()
        let watchlist = w.root + "/watchlist.yaml"
        try FileManager.default.copyItem(atPath: RepoFiles.watchlist, toPath: watchlist)
        let socketPath = w.root + "/notify.sock"
        let socket = try NotifyListener(path: socketPath)
        let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state, "--watchlist", watchlist],
                                       environment: ["NOTIFY_SOCKET": socketPath], stderrPath: w.root + "/daemon.log")
        _ = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(30))

        // A good reload: RELOADING=1 with MONOTONIC_USEC, then READY=1.
        daemon.signal(SIGHUP)
        let reload = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(10))
        #expect(reload.contains { $0.contains("RELOADING=1") && $0.contains("MONOTONIC_USEC=") })
        #expect(reload.contains { $0.contains("READY=1") })
        #expect(daemon.wait { daemon.stderr.contains("watchlist reloaded") })

        // A broken watchlist: the error is logged, the old one stays, the daemon keeps working.
        try "actors: [\n".write(toFile: watchlist, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let broken = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(10))
        #expect(broken.contains { $0.contains("READY=1") })
        #expect(daemon.wait { daemon.stderr.contains("was not reloaded") })
        let (name, bytes) = try Workspace.seedsInGoldOrder()[0]
        try w.drop(name, bytes)
        #expect(daemon.wait { daemon.stderrCount("article ingested") == 1 })
        #expect(daemon.isRunning)
        #expect(daemon.terminate() == 0)
    }

    @Test func sighupReopensTheAlertLogAfterRotation() throws {
        let w = try Workspace()
        let log = w.root + "/alerts.jsonl"
        let socketPath = w.root + "/notify.sock"
        let socket = try NotifyListener(path: socketPath)
        let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state, "--alert-log", log],
                                       environment: ["NOTIFY_SOCKET": socketPath], stderrPath: w.root + "/daemon.log")
        _ = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(30))
        let seeds = try Workspace.seedsInGoldOrder()  // 000 002 001: the divergence comes with 001
        for (index, (name, bytes)) in seeds.prefix(2).enumerated() {
            try w.drop(name, bytes)
            #expect(daemon.wait { daemon.stderrCount("article ingested") == index + 1 })
        }
        // The operator rotates the log and sends SIGHUP (as logrotate's postrotate would).
        #expect(rename(log, log + ".1") == 0)
        daemon.signal(SIGHUP)
        _ = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(10))
        try w.drop(seeds[2].0, seeds[2].1)
        #expect(daemon.wait { daemon.stderrCount("article ingested") == 3 })
        #expect(daemon.wait { FileManager.default.fileExists(atPath: log) })
        let fresh = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let rotated = (try? String(contentsOfFile: log + ".1", encoding: .utf8)) ?? ""
        #expect(fresh.contains("\"STANCE_KIND\":\"divergence\""))
        #expect(!rotated.contains("divergence"))
        #expect(daemon.terminate() == 0)
    }
}
