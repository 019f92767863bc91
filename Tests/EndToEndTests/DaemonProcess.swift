/// Test support: the built `stancewatch` binary run as a child process, its stderr captured in a file.
import Foundation
import Glibc
import JournalTestSupport
import TestFixtures

final class DaemonProcess {
    let process: Process
    let stderrPath: String

    /// Starts `stancewatch <arguments>`, under `journal` when given (its socket bind-mounted), with
    /// `environment` added to a clean copy of this process's environment.
    init(_ arguments: [String], journal: JournalNamespace? = nil, environment extra: [String: String] = [:],
         stderrPath: String) throws {
        let binary = try BuiltBinary.path()
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LISTEN_FDS"] {
            environment[key] = nil
        }
        environment.merge(extra) { $1 }
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        self.stderrPath = stderrPath
        if let journal {
            process = try journal.launch([binary] + arguments, environment: environment,
                                         stdout: FileHandle.nullDevice, stderr: err)
        } else {
            process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
        }
        try err.close()
    }

    /// What the daemon wrote to stderr so far.
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// How many stderr lines contain `text`.
    func stderrCount(_ text: String) -> Int {
        stderr.split(separator: "\n").filter { $0.contains(text) }.count
    }

    /// Polls until `condition` holds (true) or `timeout` passes (false).
    func wait(timeout: Duration = .seconds(60), until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            if !process.isRunning { return try condition() }
            usleep(20_000)
        }
        return try condition()
    }

    /// Waits for the start-up catch-up scan to finish ("is watching the feed" on stderr).
    func waitUntilWatching() -> Bool { wait { stderr.contains("is watching the feed") } }

    /// SIGTERM, then waits up to 20 s (SIGKILL after); returns the exit status (128+N for a signal).
    func terminate() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct EndToEndError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A temporary feed + state folder, removed afterwards, and the repo's seeds.
final class Workspace {
    private let folder: TemporaryFolder
    var root: String { folder.path }
    var feed: String { root + "/feed" }
    var state: String { root + "/state" }

    init() throws {
        folder = try TemporaryFolder(prefix: "e2etest")
        try folder.folder("feed")
    }

    /// Writes `bytes` under a dot-name in the feed, then renames it to `name` (an atomic arrival).
    func drop(_ name: String, _ bytes: [UInt8]) throws {
        let temp = feed + "/." + name + ".part"
        try Data(bytes).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, feed + "/" + name) == 0 else { throw EndToEndError("rename into the feed failed") }
    }

    /// The seed files in the order 000 002 001 003 004: (name, bytes).
    static func seedsInGoldOrder() throws -> [(String, [UInt8])] {
        try RepoFiles.seedsInGoldOrder().map { path in
            ((path as NSString).lastPathComponent, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }
}
