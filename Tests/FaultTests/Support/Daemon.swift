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

/// Plays systemd's part for `Type=notify`: a datagram socket passed as NOTIFY_SOCKET.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private(set) var messages: [String] = []

    init(path: String) throws {
        self.path = path
        unlink(path)
        fd = try bindUnixDatagramSocket(path: path)
    }

    /// Reads what has arrived so far.
    func drain() {
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            messages.append(String(decoding: buf[0..<n], as: UTF8.self))
        }
    }

    /// Waits until a datagram containing the line `line` (e.g. "READY=1") has arrived.
    func wait(for line: String, timeout: Duration) -> Bool {
        waitUntil(timeout: timeout, interval: .milliseconds(5)) {
            drain()
            return messages.contains { $0.split(separator: "\n").contains(Substring(line)) }
        }
    }

    /// Forgets the messages read so far.
    func reset() { drain(); messages.removeAll() }

    deinit { close(fd); unlink(path) }
}

/// A bound, non-blocking AF_UNIX datagram socket at `path` (the file stays until unlinked).
func bindUnixDatagramSocket(path: String) throws -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    guard fd >= 0 else { throw SandboxError("socket() failed for \(path)") }
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { close(fd); throw SandboxError("socket path too long: \(path)") }
    withUnsafeMutableBytes(of: &addr.sun_path) { raw in
        for (i, b) in bytes.enumerated() { raw[i] = b }
    }
    let rc = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard rc == 0 else { let e = errno; close(fd); throw SandboxError("bind(\(path)) failed: errno \(e)") }
    return fd
}
