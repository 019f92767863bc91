/// Flood: more files than the inotify queue holds arrive while the daemon is stopped; it must
/// notice the overflow, rescan, and ingest every file once, including files that arrive
/// during the rescan.
import Foundation
import Glibc
import Testing

extension FaultSuite {
    @Suite struct Flood {
        static let floodCount = 20_000
        static let duringRescan = 300

        @Test func overflowWhileStoppedRescansAndMissesNothing() throws {
            let (sandbox, feed, state, probe) = try Fault.sandbox("flood")
            defer { sandbox.close() }
            let (daemon, _) = try Fault.startReady(sandbox, feed: feed.directory, state: state)

            let seeds = try SeedArticle.loadAll()
            daemon.signal(SIGSTOP)
            // 20,000 small articles (every 500th a seed, the rest short no-stance texts), each by rename.
            for i in 0..<Self.floodCount {
                let text = i % 500 == 0 ? seeds[(i / 500) % seeds.count].text + "\nМатериал \(i).\n"
                    : " date 2025-10-\(String(format: "%02d", 1 + i % 28)) Сводка погоды номер \(i): без осадков.\n"
                try feed.drop(name: String(format: "f%05d.txt", i), bytes: Array(text.utf8), sequence: i)
            }
            daemon.signal(SIGCONT)
            // More files while it rescans.
            for i in 0..<Self.duringRescan {
                try feed.drop(name: String(format: "r%05d.txt", i),
                              bytes: Array(" date 2025-11-01 Поздняя заметка \(i).\n".utf8), sequence: Self.floodCount + i)
                usleep(2_000)
            }
            let total = Self.floodCount + Self.duringRescan
            let (done, last) = probe.waitFor(timeout: .seconds(300)) { $0.ingested + $0.refused >= total }
            #expect(done, "not every file was ingested: \(String(describing: last))")
            #expect(daemon.isRunning)
            #expect(daemon.terminate() == 0)
            let status = try probe.status()
            #expect(status.ingested == total, "\(status)")
            #expect(status.refused == 0)
            let journal = try sandbox.journalEntries().compactMap { $0["MESSAGE"] }
            let said = (journal + [daemon.stderr]).contains { $0.lowercased().contains("overflow") }
            print("flood: \(total) files ingested once each; daemon reported the overflow: \(said)")
            #expect(said, "the daemon should say that the inotify queue overflowed and it rescanned")
        }
    }
}
