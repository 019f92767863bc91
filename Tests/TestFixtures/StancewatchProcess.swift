/// Test support: the built `stancewatch` run as a child process — the one daemon harness for every test target.
public import Foundation
import Glibc

/// One `stancewatch` child: spawned with arguments, environment and stdout/stderr in files (optionally
/// wrapped by a launcher such as a journald mount namespace or a sandbox), polled for conditions with a
/// generous deadline (a deadline only turns a hang into a failure), signalled, reaped, its exit read.
public final class StancewatchProcess: @unchecked Sendable {
    /// Variables a test's own environment may carry that would change how the daemon behaves.
    public static let inheritedToDrop = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LISTEN_FDS"]

    public let process: Process
    public let stdoutPath: String?
    public let stderrPath: String

    /// The child's PID (launchers are expected to exec, so this is stancewatch itself).
    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Starts `[binary] + arguments` (the built `stancewatch` unless `binary` is given), passed through
    /// `wrap` (a launcher prefix; identity by default), with `environment` merged over a copy of this
    /// process's environment from which `dropping` was removed. stdin is /dev/null; stdout goes to
    /// `stdoutPath` (or /dev/null), stderr to `stderrPath`; both files are created empty, except that
    /// with `appendingStderr` an existing stderr file is added to (a restarted daemon's second part).
    public init(_ arguments: [String], environment extra: [String: String] = [:],
                dropping: [String] = StancewatchProcess.inheritedToDrop,
                stdoutPath: String? = nil, stderrPath: String, appendingStderr: Bool = false,
                binary: String? = nil, wrap: ([String]) -> [String] = { $0 }) throws {
        let argv = wrap([try binary ?? BuiltBinary.path()] + arguments)
        var environment = ProcessInfo.processInfo.environment
        for key in dropping { environment[key] = nil }
        environment.merge(extra) { $1 }
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        if !(appendingStderr && FileManager.default.fileExists(atPath: stderrPath)) {
            _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        }
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        if appendingStderr { try err.seekToEnd() }
        var out = FileHandle.nullDevice
        if let stdoutPath {
            _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
            out = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try err.close()
        if stdoutPath != nil { try out.close() }
    }

    /// What the child wrote to stderr so far.
    public var stderr: String { Self.read(stderrPath) }
    /// What the child wrote to stdout so far ("" when stdout went to /dev/null).
    public var stdout: String { stdoutPath.map(Self.read) ?? "" }

    /// How many stderr lines contain `text`.
    public func stderrCount(_ text: String) -> Int {
        stderr.split(separator: "\n").filter { $0.contains(text) }.count
    }

    /// Polls until `condition` holds (true) or `timeout` passes (false); stops early, with one last look,
    /// when the child has ended.
    public func wait(timeout: Duration = .seconds(60), until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            if !process.isRunning { return try condition() }
            usleep(20_000)
        }
        return try condition()
    }

    /// Polls `condition` every 20 ms until it holds (true) or `timeout` passes (false): the wait is for
    /// an event, the bound only keeps a broken run from hanging.
    public static func poll(timeout: Duration = .seconds(120), until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// Waits for the start-up catch-up scan to finish ("is watching the feed" on stderr).
    public func waitUntilWatching(timeout: Duration = .seconds(60)) -> Bool {
        wait(timeout: timeout) { stderr.contains("is watching the feed") }
    }

    /// Sends `sig` while the child runs.
    public func signal(_ sig: Int32) {
        if process.isRunning { kill(process.processIdentifier, sig) }
    }

    /// Waits up to `timeout` for the child to end and reaps it: its exit status (128+N for signal N),
    /// nil when it still runs.
    @discardableResult
    public func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        process.waitUntilExit()
        return exitStatus
    }

    /// true when the child has ended by a signal rather than exit().
    public var endedBySignal: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    /// The ended child's exit status, 128+N for signal N (as a shell reports it); nil while it runs.
    public var exitStatus: Int32? {
        guard !process.isRunning else { return nil }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// SIGTERM, then waits up to `grace` (SIGKILL after); the exit status, 128+N for a signal.
    public func terminate(grace: Duration = .seconds(60)) -> Int32 {
        signal(SIGTERM)
        if waitForExit(timeout: grace) == nil { signal(SIGKILL) }
        process.waitUntilExit()
        return exitStatus ?? -1
    }

    /// SIGKILL and reap.
    public func kill9() {
        signal(SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Peak resident set (VmHWM) in KiB, from /proc; nil once the child has gone.
    public func peakRSSKiB() -> Int? { procStatus("VmHWM") }
    /// Current resident set (VmRSS) in KiB.
    public func rssKiB() -> Int? { procStatus("VmRSS") }

    private func procStatus(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    private static func read(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }

    /// Runs the built `stancewatch <arguments>` to completion with this process's environment:
    /// (status, stdout, stderr), both pipes drained as the child writes.
    public static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try BuiltBinary.path())
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
