/// The ingest pipeline on real files and a real on-disk SQLite store.
import Foundation
import Glibc
import Store
import Testing
@testable import Watcher

struct IngestorTests {
    @Test func sameBytesUnderTwoNamesAreProcessedOnce() throws {
        let s = try Scratch()
        let bytes = Array(" date 2025-05-05 Токаев заявил, что перемирие возможно.".utf8)
        try s.put("first.txt", bytes)
        try s.put("copy.txt", bytes)
        let ingestor = try s.ingestor()

        let first = ingestor.ingest(path: s.feed + "/first.txt")
        let second = ingestor.ingest(path: s.feed + "/copy.txt")

        guard case .ingested = first else {
            Issue.record("the first file was not ingested: \(first)")
            return
        }
        #expect(second == .duplicate)
        #expect(try ingestor.store.status().articles.ingested == 1)
        // Both names are now known: a restart's scan skips them.
        #expect(try FeedScanner(directory: s.feed).pending(store: ingestor.store).isEmpty)
    }

    @Test func rewritingAFileWithTheSameBytesDoesNotProcessItAgain() throws {
        let s = try Scratch()
        let bytes = Array(" date 2025-05-05 Новость дня.".utf8)
        try s.put("news.txt", bytes)
        let ingestor = try s.ingestor()
        _ = ingestor.ingest(path: s.feed + "/news.txt")
        try s.drop("news.txt", bytes)  // a new inode, the same content
        #expect(ingestor.ingest(path: s.feed + "/news.txt") == .duplicate)
        #expect(try ingestor.store.status().articles.ingested == 1)
    }

    @Test(arguments: [
        ("empty.txt", [UInt8]()),
        ("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x13, 0x88]),
    ])
    func badFileIsRefusedOnceAndRecorded(name: String, bytes: [UInt8]) throws {
        let s = try Scratch()
        try s.put(name, bytes)
        let ingestor = try s.ingestor()

        let outcome = ingestor.ingest(path: s.feed + "/" + name)
        guard case .refused(let reason) = outcome else {
            Issue.record("'\(name)' was not refused: \(outcome)")
            return
        }
        #expect(!reason.isEmpty)
        let status = try ingestor.store.status()
        #expect(status.articles.refused == 1)
        #expect(status.articles.ingested == 0)
        #expect(status.lastError?.contains(name) == true)
        #expect(status.lastError?.components(separatedBy: "was refused").count == 2, "one sentence: \(status.lastError ?? "")")

        // The same file again (another event, or a restart) is not refused a second time.
        #expect(ingestor.ingest(path: s.feed + "/" + name) == .unchanged)
        let restarted = try s.ingestor()
        #expect(try FeedScanner(directory: s.feed).pending(store: restarted.store).isEmpty)
        #expect(try restarted.store.status().articles.refused == 1)
    }

    @Test func specialEntriesAreRefusedWithoutBeingOpened() throws {
        let s = try Scratch()
        #expect(mkfifo(s.feed + "/pipe.txt", 0o644) == 0)  // opening it for reading would block
        #expect(symlink("/etc/passwd", s.feed + "/link.txt") == 0)
        try FileManager.default.createDirectory(atPath: s.feed + "/folder.txt", withIntermediateDirectories: false)
        let ingestor = try s.ingestor()
        for entry in try FeedScanner(directory: s.feed).pending(store: ingestor.store) {
            let outcome = ingestor.ingest(directory: s.feed, nameBytes: entry.nameBytes)
            guard case .refused = outcome else {
                Issue.record("'\(entry.name)' was not refused: \(outcome)")
                continue
            }
        }
        #expect(try ingestor.store.status().articles.refused == 3)
        #expect(try FeedScanner(directory: s.feed).pending(store: ingestor.store).isEmpty)
    }

    @Test func fileAboveTheSizeLimitIsRefusedUnread() throws {
        let s = try Scratch()
        try s.put("big.txt", text: " date 2025-01-01 " + String(repeating: "а", count: 4096))
        let courier = try AlertCourier(alertLogPath: nil, logger: Repo.quietLogger)
        let ingestor = try Ingestor(store: try s.store(), watchlist: try Repo.seedWatchlist(), courier: courier,
                                    maxArticleBytes: 1024, logger: Repo.quietLogger)
        let outcome = ingestor.ingest(path: s.feed + "/big.txt")
        guard case .refused(let reason) = outcome else {
            Issue.record("the big file was not refused: \(outcome)")
            return
        }
        #expect(reason.contains("limit"))
    }
}
