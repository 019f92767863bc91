/// Where the fault tests find the built `stancewatch` binary and a scratch folder.
import Foundation
import TestFixtures

enum Paths {
    /// The `stancewatch` binary built next to the test bundle (`$STANCEWATCH_BIN` overrides); when
    /// there is none, where it should be, so the first run of it fails naming that path.
    static let binary: String = (try? BuiltBinary.path()) ?? BuiltBinary.candidates()[0]

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
