/// Where the fault tests find the built `stancewatch` binary and a scratch folder.
import Foundation

enum Paths {
    /// The `stancewatch` binary built next to the test bundle (`$STANCEWATCH_BIN` overrides).
    static let binary: String = {
        if let env = ProcessInfo.processInfo.environment["STANCEWATCH_BIN"], !env.isEmpty { return env }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Inside a .xctest bundle directory on some layouts: climb until the binary is there.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("stancewatch").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("stancewatch").path
    }()

    /// A fresh scratch folder under /tmp for one test.
    static func scratch(_ label: String) throws -> String {
        let path = "/tmp/swfault-\(label)-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Polls `condition` every `interval` until it holds or `timeout` passes; true when it held.
func waitUntil(timeout: Duration, interval: Duration = .milliseconds(50), _ condition: () throws -> Bool) rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
        if try condition() { return true }
        if clock.now >= deadline { return false }
        Thread.sleep(forTimeInterval: interval.seconds)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
