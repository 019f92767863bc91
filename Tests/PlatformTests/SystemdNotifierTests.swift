import Foundation
import TestFixtures
import Testing
@testable import Platform

/// Plays systemd's part: a Unix datagram socket bound in a temp dir, given as NOTIFY_SOCKET.
final class FakeSystemd {
    let path: String
    let fd: Int32

    init(in dir: TemporaryFolder) throws {
        path = dir.file("notify")
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw POSIXError(.EADDRINUSE) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram (empty string after a 5 s timeout).
    func receive() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : ""
    }

    deinit { close(fd) }
}

struct SystemdNotifierTests {
    @Test func sendsTheNotifyProtocolToTheSocket() throws {
        let dir = try TemporaryFolder(prefix: "platformtest")
        let systemd = try FakeSystemd(in: dir)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "30000000"])
        #expect(notifier.isEnabled)
        #expect(notifier.watchdogInterval == .seconds(15))

        notifier.ready(status: "watching feed\nwith 5 articles")
        #expect(systemd.receive() == "READY=1\nSTATUS=watching feed with 5 articles")
        notifier.status("3 alerts")
        #expect(systemd.receive() == "STATUS=3 alerts")
        notifier.watchdog()
        #expect(systemd.receive() == "WATCHDOG=1")
        let before = SystemdNotifier.monotonicMicroseconds()
        notifier.reloading()
        let reload = systemd.receive()
        let after = SystemdNotifier.monotonicMicroseconds()
        let lines = reload.split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let usec = try #require(lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil })
        #expect((before...after).contains(usec))
        notifier.extendTimeout(microseconds: 90_000_000)
        #expect(systemd.receive() == "EXTEND_TIMEOUT_USEC=90000000")
        notifier.stopping()
        #expect(systemd.receive() == "STOPPING=1")
    }

    @Test func isANoOpWithoutASocket() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.send("READY=1") == false)
    }

    @Test func watchdogForAnotherProcessIsIgnored() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent", "WATCHDOG_USEC": "1000000",
                                                     "WATCHDOG_PID": String(getpid() + 1)])
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.send("WATCHDOG=1") == false)  // nobody listens on that path
    }

    @Test func defaultInitReadsTheProcessEnvironment() {
        // setenv would race with other tests reading the environment, so compare with what is there.
        let fromEnvironment = getenv("NOTIFY_SOCKET").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        #expect(SystemdNotifier().socketPath == fromEnvironment)
        #expect(SystemdNotifier().isEnabled == (fromEnvironment != nil))
    }
}
