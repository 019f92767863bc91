/// The systemd notify protocol, with the test playing systemd: a Unix datagram socket passed
/// as NOTIFY_SOCKET, WATCHDOG_USEC set; READY=1 after the catch-up scan, WATCHDOG=1 while
/// running, STOPPING=1 on SIGTERM, exit status 0.
import Foundation
import Glibc
import Testing

struct NotifySocketTests {
    @Test func readyAfterCatchUpThenWatchdogThenStoppingOnSIGTERM() throws {
        let w = try Workspace()
        let socketPath = w.root + "/notify.sock"
        let socket = try NotifyListener(path: socketPath)
        // Two articles are waiting before start: READY must come after they are ingested.
        let seeds = try Workspace.seedsInGoldOrder()
        for (name, bytes) in seeds.prefix(2) { try w.drop(name, bytes) }

        let daemon = try DaemonProcess(
            ["run", "--feed", w.feed, "--state", w.state],
            environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "200000"],
            stderrPath: w.root + "/daemon.log")

        let ready = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(30))
        let readyMessage = try #require(ready.last(where: { $0.contains("READY=1") }), "no READY=1; stderr: \(daemon.stderr)")
        // The catch-up scan finished before READY=1: both waiting files were ingested by then.
        #expect(daemon.stderrCount("article ingested") == 2)
        #expect(readyMessage.contains("STATUS="))
        #expect(readyMessage.contains("ingested 2"))

        let running = socket.receive(until: { $0 == "WATCHDOG=1" }, timeout: .seconds(5))
        #expect(running.contains("WATCHDOG=1"))

        kill(daemon.process.processIdentifier, SIGTERM)
        let stopping = socket.receive(until: { $0.contains("STOPPING=1") }, timeout: .seconds(10))
        #expect(stopping.contains { $0.contains("STOPPING=1") })
        #expect(daemon.terminate() == 0)
    }
}

/// A bound AF_UNIX datagram socket that collects what arrives.
final class NotifyListener {
    private let fd: Int32

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw EndToEndError("socket() failed") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw EndToEndError("bind(\(path)) failed: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    /// Datagrams received until one satisfies `stop` (included) or `timeout` passes.
    func receive(until stop: (String) -> Bool, timeout: Duration) -> [String] {
        var out: [String] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 50) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { continue }
            let message = String(decoding: buffer[0..<n], as: UTF8.self)
            out.append(message)
            if stop(message) { break }
        }
        return out
    }
}
