/// `SafeFile`: reads regular files with their identity; refuses links, FIFOs, folders, sockets
/// and oversized files without reading them, in sentences naming the file.
import Foundation
import TestFixtures
import Testing
@testable import Platform

struct SafeFileTests {
    @Test func readsARegularFileWithItsIdentity() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let path = try dir.write("a.txt", " date 2025-01-02 Текст")
        let (bytes, identity) = try SafeFile.read(path: path, maxBytes: 1 << 20)
        #expect(String(decoding: bytes, as: UTF8.self) == " date 2025-01-02 Текст")
        #expect(identity.size == Int64(bytes.count))
        let (lstatIdentity, kind) = try SafeFile.identity(atPath: path)
        #expect(kind == .regular)
        #expect(lstatIdentity == identity)
        // Stable while unchanged; a rewrite with other bytes changes it.
        #expect(try SafeFile.identity(atPath: path).0 == identity)
        try dir.write("a.txt", " date 2025-01-02 Текст и ещё")
        #expect(try SafeFile.identity(atPath: path).0 != identity)
    }

    @Test func refusesASymlinkWithoutFollowingIt() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let target = try dir.write("secret", "top secret")
        let link = dir.file("link.txt")
        #expect(symlink(target, link) == 0)
        let error = #expect(throws: FileReadError.self) { try SafeFile.read(path: link, maxBytes: 1 << 20) }
        #expect(error?.reason == .symbolicLink)
        #expect(error?.description.contains("is a symbolic link; not followed") == true)
        #expect(try SafeFile.identity(atPath: link).1 == .symlink)
    }

    @Test func refusesAFIFOWithoutBlocking() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let fifo = dir.file("pipe.txt")
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = #expect(throws: FileReadError.self) { try SafeFile.read(path: fifo, maxBytes: 1 << 20) }
        #expect(error?.reason == .notRegular(.fifo))
        #expect(error?.description.contains("not a regular file") == true)
    }

    @Test func refusesADirectoryAndASocket() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: false)
        let error = #expect(throws: FileReadError.self) { try SafeFile.read(path: dir.file("sub"), maxBytes: 1 << 20) }
        #expect(error?.reason == .notRegular(.directory))

        let sockPath = dir.file("sock")
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(sockPath.utf8)) }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(rc == 0)
        let sockError = #expect(throws: FileReadError.self) { try SafeFile.read(path: sockPath, maxBytes: 1 << 20) }
        #expect(sockError?.reason == .notRegular(.socket))
    }

    @Test func refusesAnOversizedFileWithoutReadingIt() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let path = dir.file("huge.txt")
        // A sparse 200 MB file: reading it would take 200 MB of memory; the size check must come first.
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        #expect(ftruncate(fd, 200 << 20) == 0)
        close(fd)
        let error = #expect(throws: FileReadError.self) { try SafeFile.read(path: path, maxBytes: 8 << 20) }
        #expect(error?.reason == .tooLarge(size: 200 << 20, limit: 8 << 20))
        #expect(error?.description.contains("is 200 MB, above the 8 MB limit (--max-article-bytes)") == true)
    }

    @Test func aFileExactlyAtTheLimitIsRead() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let path = try dir.write("edge.txt", String(repeating: "x", count: 4096))
        #expect(try SafeFile.read(path: path, maxBytes: 4096).bytes.count == 4096)
        #expect(throws: FileReadError.self) { try SafeFile.read(path: path, maxBytes: 4095) }
    }

    @Test func aMissingFileDisappeared() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let error = #expect(throws: FileReadError.self) { try SafeFile.read(path: dir.file("gone.txt"), maxBytes: 10) }
        #expect(error?.reason == .disappeared)
        #expect(error?.description.hasSuffix("disappeared before it could be read") == true)
    }

    @Test func namesWithControlCharactersAreEscapedInErrors() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let error = #expect(throws: FileReadError.self) {
            try SafeFile.read(path: dir.file("evil\nMESSAGE_ID=x\u{1}.txt"), maxBytes: 10)
        }
        let text = try #require(error?.description)
        #expect(!text.contains("\n"))
        #expect(text.contains("evil\\nMESSAGE_ID=x\\x01.txt"))
    }

    @Test func listsRawNamesThatAreNotUTF8() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let raw: [UInt8] = Array(dir.path.utf8) + [0x2F, 0x66, 0xFF, 0x0A, 0x2E, 0x74, 0x78, 0x74]  // "/f\xFF\n.txt"
        let fd = (raw + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) }
        }
        #expect(fd >= 0)
        _ = write(fd, "hi", 2)
        close(fd)
        try dir.write("plain.txt", "x")
        let entries = try SafeFile.listDirectory(atPath: dir.path).sorted { $0.nameBytes.lexicographicallyPrecedes($1.nameBytes) }
        #expect(entries.map(\.nameBytes) == [[0x66, 0xFF, 0x0A, 0x2E, 0x74, 0x78, 0x74], Array("plain.txt".utf8)])
        #expect(entries.allSatisfy { $0.kind == .regular })
        let odd = entries[0]
        #expect(escapedFileName(bytes: odd.nameBytes) == "f\\xFF\\n.txt")
        // The raw bytes open the file even though its name is not UTF-8.
        let read = try SafeFile.read(pathBytes: Array(dir.path.utf8) + [0x2F] + odd.nameBytes, maxBytes: 10)
        #expect(read.bytes == Array("hi".utf8))
        #expect(read.identity == odd.identity)
    }
}
