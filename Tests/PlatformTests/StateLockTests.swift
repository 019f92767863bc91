import Glibc
import Platform
import TestFixtures
import Testing

/// `StateLock`: one holder per state folder, the holder's pid in the file, released with its holder.
struct StateLockTests {
    @Test func aSecondLockOnTheFolderIsRefusedNamingTheHolderThenFreedWithIt() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        var first: StateLock? = try StateLock.acquire(directory: dir.path)
        #expect(try String(contentsOfFile: dir.file(StateLock.fileName), encoding: .utf8) == "\(getpid())\n")
        // flock belongs to the open file description: a second open in this process conflicts too.
        #expect(throws: StateLockError(directory: dir.path, reason: .inUse(pid: getpid()))) {
            _ = try StateLock.acquire(directory: dir.path)
        }
        do {
            _ = try StateLock.acquire(directory: dir.path)
            Issue.record("a second lock was granted")
        } catch {
            #expect(error.description == "another stancewatch (pid \(getpid())) is using \(dir.path); this one did not start")
        }
        withExtendedLifetime(first) {}
        first = nil
        let second = try StateLock.acquire(directory: dir.path)
        #expect(second.path == dir.file(StateLock.fileName))
    }

    @Test func aStaleLockFileFromACrashedRunDoesNotBlock() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        try dir.write(StateLock.fileName, "999999\n")
        let lock = try StateLock.acquire(directory: dir.path)
        #expect(try String(contentsOfFile: lock.path, encoding: .utf8) == "\(getpid())\n")
    }

    @Test func aMissingFolderIsASentenceNotACrash() {
        do {
            _ = try StateLock.acquire(directory: "/nonexistent/state")
            Issue.record("a lock in a missing folder was granted")
        } catch {
            #expect(error.description.hasPrefix("the state folder /nonexistent/state could not be locked for this process: "
                                                + "open /nonexistent/state/stancewatch.lock failed with No such file or directory"))
        }
    }
}
