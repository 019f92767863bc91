/// The daemon in-process: real inotify on a temp folder, a real store, graceful shutdown.
import Foundation
import Logging
import Platform
import ServiceLifecycle
import Store
import TestFixtures
import Testing
@testable import Watcher

@Suite(.serialized)
struct DaemonTests {
    /// Runs a daemon over `scratch` while `body` runs, then shuts it down gracefully.
    private func withDaemon(_ s: Scratch, configure: (inout Configuration) -> Void = { _ in },
                            _ body: () async throws -> Void) async throws {
        var configuration = Configuration(feedDirectory: s.feed, stateDirectory: s.state,
                                          watchlistPath: RepoFiles.watchlist, alertLogPath: s.alertLog)
        configuration.retryInterval = .milliseconds(100)
        configure(&configuration)
        let daemon = Daemon(configuration: configuration, store: try s.store(), watchlist: try Repo.seedWatchlist(),
                            notifier: SystemdNotifier(environment: [:]), logger: Repo.quietLogger)
        let group = ServiceGroup(services: [daemon], logger: Repo.quietLogger)
        let running = Task { try await group.run() }
        do {
            try await body()
        } catch {
            await group.triggerGracefulShutdown()
            _ = await running.result
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Checks `condition` up to 3,000 times, 20 ms apart. A bound in checks, not in wall time:
    /// beside busy tests this task may wait long for a pool thread between two checks (the
    /// daemon itself runs on its own thread), and a wall-clock deadline would then expire
    /// without the condition having been looked at.
    private func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<3_000 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try condition()
    }

    @Test func ingestsTheBacklogThenFilesArrivingByRenameOrWrite() async throws {
        let s = try Scratch()
        let seeds = try RepoFiles.seedsInGoldOrder()
        try s.put("000.txt", Array(try Data(contentsOf: URL(fileURLWithPath: seeds[0]))))  // waiting before start
        let store = try s.store()
        try await withDaemon(s) {
            #expect(try await eventually { try store.status().articles.ingested == 1 })
            try s.drop("002.txt", Array(try Data(contentsOf: URL(fileURLWithPath: seeds[1]))))  // atomic rename
            try s.put("001.txt", Array(try Data(contentsOf: URL(fileURLWithPath: seeds[2]))))   // close-write
            try s.put("skip.tmp", text: " date 2025-01-01 still being written")
            #expect(try await eventually { try store.status().articles.ingested == 3 })
        }
        #expect(try store.status().articles.ingested == 3)
        #expect(try store.status().articles.refused == 0)
    }

    @Test func refusesABadFileOnceAndCarriesOn() async throws {
        let s = try Scratch()
        let store = try s.store()
        try await withDaemon(s) {
            try s.drop("binary.txt", [0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02])
            try s.put("empty.txt", [])
            try s.put("good.txt", text: " date 2025-06-01 Токаев заявил, что перемирие возможно уже в этом году.")
            #expect(try await eventually { try store.status().articles.ingested == 1 })
            #expect(try await eventually { try store.status().articles.refused == 2 })
        }
        // A restart does not refuse them again.
        try await withDaemon(s) {
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(try store.status().articles.refused == 2)
        #expect(try store.status().articles.ingested == 1)
    }

    @Test func reattachesWhenTheFeedFolderComesBack() async throws {
        let s = try Scratch()
        let store = try s.store()
        try await withDaemon(s) {
            try s.put("before.txt", text: " date 2025-06-01 Первая новость.")
            #expect(try await eventually { try store.status().articles.ingested == 1 })
            try FileManager.default.removeItem(atPath: s.feed)
            try await Task.sleep(for: .milliseconds(300))
            try FileManager.default.createDirectory(atPath: s.feed, withIntermediateDirectories: false)
            // A file already there when the folder is re-attached (taken by the rescan) and one after.
            try s.put("early.txt", text: " date 2025-06-02 Вторая новость.")
            #expect(try await eventually { try store.status().articles.ingested == 2 })
            try s.drop("late.txt", Array(" date 2025-06-03 Третья новость.".utf8))
            #expect(try await eventually { try store.status().articles.ingested == 3 })
        }
    }
}
