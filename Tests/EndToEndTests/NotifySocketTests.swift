/// The systemd notify protocol, with the test playing systemd: a Unix datagram socket passed
/// as NOTIFY_SOCKET, WATCHDOG_USEC set; READY=1 after the catch-up scan, WATCHDOG=1 while
/// running, STOPPING=1 on SIGTERM, exit status 0.
import Foundation
import Glibc
import TestFixtures
import Testing

struct NotifySocketTests {
    @Test func readyAfterCatchUpThenWatchdogThenStoppingOnSIGTERM() throws {
        let w = try Workspace()
        let socketPath = w.root + "/notify.sock"
        let socket = try NotifyListener(path: socketPath)
        // Two articles are waiting before start: READY must come after they are ingested.
        let seeds = try Workspace.seedsInGoldOrder()
        for (name, bytes) in seeds.prefix(2) { try w.drop(name, bytes) }

        let daemon = try StancewatchProcess(
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

        daemon.signal(SIGTERM)
        let stopping = socket.receive(until: { $0.contains("STOPPING=1") }, timeout: .seconds(10))
        #expect(stopping.contains { $0.contains("STOPPING=1") })
        #expect(daemon.terminate() == 0)
    }
}
