/// The inotify wrapper over a real temporary folder: renames, close-writes, raw names, the folder
/// going away, refusals, wake-ups and queue overflow.
import Foundation
import TestFixtures
import Testing
@testable import Platform

struct InotifyTests {
    /// Collects events until `done` holds or 5 s pass (a timeout only bounds a failing test).
    func collect(_ inotify: Inotify, until done: ([InotifyEvent]) -> Bool) throws -> [InotifyEvent] {
        var all: [InotifyEvent] = []
        let deadline = ContinuousClock.now + .seconds(5)
        while !done(all) && ContinuousClock.now < deadline {
            all += try inotify.next(timeout: .milliseconds(100))
        }
        return all
    }

    @Test func seesAnAtomicRenameIntoTheFolder() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let feed = dir.file("feed")
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: false)
        let inotify = try Inotify()
        let wd = try inotify.watchFeed(feed)
        let tmp = try dir.write("x.txt.tmp", "text")
        #expect(rename(tmp, feed + "/x.txt") == 0)
        let events = try collect(inotify) { $0.contains { $0.isMovedTo } }
        let moved = try #require(events.first { $0.isMovedTo })
        #expect(moved.name == "x.txt")
        #expect(moved.watch == wd)
        #expect(!moved.isCloseWrite && !moved.isOverflow && !moved.isSelfGone)
    }

    @Test func seesACloseAfterWrite() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let inotify = try Inotify()
        try inotify.watchFeed(dir.path)
        try dir.write("copied.txt", "text")
        let events = try collect(inotify) { $0.contains { $0.isCloseWrite } }
        #expect(events.first { $0.isCloseWrite }?.name == "copied.txt")
    }

    @Test func keepsRawBytesOfNonUTF8Names() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let inotify = try Inotify()
        try inotify.watchFeed(dir.path)
        let raw: [UInt8] = Array(dir.path.utf8) + [0x2F, 0xCF, 0xF0, 0xE8, 0x0A]  // cp1251 "При" + newline
        let fd = (raw + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) }
        }
        close(fd)
        let events = try collect(inotify) { $0.contains { $0.isCloseWrite } }
        let event = try #require(events.first { $0.isCloseWrite })
        #expect(event.nameBytes == [0xCF, 0xF0, 0xE8, 0x0A])
        #expect(event.name == "\u{FFFD}\u{FFFD}\u{FFFD}\n")
    }

    @Test func reportsTheFolderGoingAway() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let feed = dir.file("feed")
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: false)
        let inotify = try Inotify()
        try inotify.watchFeed(feed)
        #expect(rename(feed, dir.file("feed.old")) == 0)
        let moved = try collect(inotify) { $0.contains { $0.isSelfGone } }
        #expect(moved.contains { $0.isSelfGone })
        #expect(rmdir(dir.file("feed.old")) == 0)
        let gone = try collect(inotify) { $0.contains { $0.isIgnored } }
        #expect(gone.contains { $0.isIgnored })
    }

    @Test func refusesASymlinkedOrMissingFolder() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        #expect(symlink(dir.path, dir.file("link")) == 0)
        let inotify = try Inotify()
        let linkError = #expect(throws: InotifyError.self) { try inotify.watchFeed(dir.file("link")) }
        #expect(linkError?.description.contains("not a directory") == true)
        let missing = #expect(throws: InotifyError.self) { try inotify.watchFeed(dir.file("nope")) }
        #expect(missing?.description.contains("does not exist") == true)
    }

    @Test func wakeMakesAWaitingReaderReturn() async throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let inotify = try Inotify()
        try inotify.watchFeed(dir.path)
        let reader = Task.detached { try inotify.next(timeout: .seconds(600)) }
        try await Task.sleep(for: .milliseconds(50))
        inotify.wake()
        // Without wake() this would wait 10 minutes; with it the reader returns with no events.
        #expect(try await reader.value.isEmpty)
        inotify.close()
        #expect(throws: InotifyError.self) { try inotify.next(timeout: .zero) }
    }

    @Test func reportsOverflowWhenTheQueueIsNotRead() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let inotify = try Inotify()
        try inotify.watchFeed(dir.path)
        // Alternate two names so the kernel cannot merge consecutive identical events;
        // 17,000 close-after-writes exceed fs.inotify.max_queued_events (16,384 here).
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16_384
        let paths = [dir.file("a"), dir.file("b")]
        for i in 0..<(limit + 600) {
            let fd = open(paths[i & 1], O_CREAT | O_WRONLY, 0o600)
            close(fd)
        }
        var events: [InotifyEvent] = []
        while true {
            let batch = try inotify.next(timeout: .milliseconds(200))
            if batch.isEmpty { break }
            events += batch
        }
        #expect(events.contains { $0.isOverflow })
        #expect(events.filter { $0.isCloseWrite }.count <= limit)
    }
}
