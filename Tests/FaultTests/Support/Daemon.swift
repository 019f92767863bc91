/// One `stancewatch` process started inside a sandbox: signals, exit, memory, what it printed.
import Foundation
import Glibc

final class Daemon: @unchecked Sendable {
    let process: Process
    let stdoutPath: String
    let stderrPath: String

    /// The daemon's PID (nsenter execs it, so this is stancewatch itself).
    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    init(sandbox: Sandbox, arguments: [String], environment: [String: String], label: String) throws {
        let n = UInt32.random(in: 0..<UInt32.max)
        stdoutPath = sandbox.root + "/\(label)-\(n).out"
        stderrPath = sandbox.root + "/\(label)-\(n).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let all = sandbox.inside([Paths.binary] + arguments)
        process = Process()
        process.executableURL = URL(fileURLWithPath: all[0])
        process.arguments = Array(all.dropFirst())
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = nil
        env["WATCHDOG_USEC"] = nil
        env["STATE_DIRECTORY"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    func signal(_ sig: Int32) {
        if process.isRunning { kill(pid, sig) }
    }

    /// Waits for the process to end; its exit status (or the signal number), nil on timeout.
    func waitForExit(timeout: Duration) -> Int32? {
        guard waitUntil(timeout: timeout, interval: .milliseconds(10), { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// true when the process ended by a signal rather than exit().
    var endedBySignal: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    /// SIGKILL and reap.
    func kill9() {
        signal(SIGKILL)
        _ = waitForExit(timeout: .seconds(10))
    }

    /// SIGTERM; the exit status, nil when it did not stop within `timeout`.
    func terminate(timeout: Duration = .seconds(30)) -> Int32? {
        signal(SIGTERM)
        return waitForExit(timeout: timeout)
    }

    /// Peak resident set (VmHWM) in KiB, from /proc.
    func peakRSSKiB() -> Int? { procStatus("VmHWM") }
    /// Current resident set (VmRSS) in KiB.
    func rssKiB() -> Int? { procStatus("VmRSS") }

    private func procStatus(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    var stderrText: String { String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data(), as: UTF8.self) }
    var stdoutText: String { String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data(), as: UTF8.self) }
}
