/// The catch-up scan: arrival order, and no re-reading of what the store already holds.
import Foundation
import Platform
import Store
import Testing
@testable import Watcher

struct FeedScannerTests {
    @Test func catchUpTakesFilesByModificationTimeThenName() throws {
        // Given files whose names disagree with their arrival times, two of them arriving in the same nanosecond.
        let s = try Scratch()
        for name in ["c.txt", "a.txt", "b.txt", "d.txt"] { try s.put(name, text: " date 2025-01-01 \(name)") }
        s.setModified("c.txt", seconds: 1_700_000_000)
        s.setModified("d.txt", seconds: 1_700_000_100, nanoseconds: 5)
        s.setModified("b.txt", seconds: 1_700_000_100, nanoseconds: 5)
        s.setModified("a.txt", seconds: 1_700_000_200)

        // When the feed is scanned on start-up
        let pending = try FeedScanner(directory: s.feed).pending(store: try s.store())

        // Then the oldest comes first and the tie is broken by name.
        #expect(pending.map(\.name) == ["c.txt", "b.txt", "d.txt", "a.txt"])
    }

    @Test func catchUpLeavesOutDotFilesAndFilesBeingWritten() throws {
        let s = try Scratch()
        for name in [".hidden", "x.tmp", "y.part", "z.txt"] { try s.put(name, text: " date 2025-01-01 текст") }
        let pending = try FeedScanner(directory: s.feed).pending(store: try s.store())
        #expect(pending.map(\.name) == ["z.txt"])
        let ingestor = try s.ingestor()
        for name in [".hidden", "x.tmp", "y.part"] {
            #expect(ingestor.ingest(path: s.feed + "/" + name) == .ignored)
        }
    }

    @Test func unchangedFilesAreNotReadAgainOnRestart() throws {
        // Given two articles ingested by a first run
        let s = try Scratch()
        try s.put("one.txt", text: " date 2025-03-01 Первая статья.")
        try s.put("two.txt", text: " date 2025-03-02 Вторая статья.")
        let first = try s.ingestor()
        for entry in try FeedScanner(directory: s.feed).pending(store: first.store) {
            _ = first.ingest(directory: s.feed, nameBytes: entry.nameBytes)
        }
        #expect(try first.store.status().articles.ingested == 2)

        // When one file's bytes change but its identity (inode, size, mtime) is put back as it was
        var before = stat()
        #expect(lstat(s.feed + "/one.txt", &before) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: s.feed + "/one.txt"))
        try handle.write(contentsOf: Data(" date 2025-03-01 ПЕРВАЯ СТАТЬЯ!".utf8))
        try handle.close()
        s.setModified("one.txt", seconds: before.st_mtim.tv_sec, nanoseconds: before.st_mtim.tv_nsec)

        // Then a restart's scan finds nothing to do: the file was judged by lstat alone, never re-read
        // (had it been read, its new bytes would have made it a new article).
        let restarted = try s.ingestor()
        #expect(try FeedScanner(directory: s.feed).pending(store: restarted.store).isEmpty)
        #expect(restarted.ingest(path: s.feed + "/one.txt") == .unchanged)
        #expect(try restarted.store.status().articles.ingested == 2)
    }
}
