/// A private mount namespace, held open by a sleeping process, with its own systemd-journald
/// namespace bound on /run/systemd/journal: daemons, CLI runs and mounts (tmpfs, read-only
/// binds) of one test never touch the machine's journal or mounts, and vanish with it.
import Foundation
import TestFixtures
import Glibc

final class Sandbox: @unchecked Sendable {
    /// Scratch folder of this test (feed, staging, state live under it).
    let root: String
    /// The journald namespace name (`journalctl --namespace=`), or nil when the sandbox has none.
    let namespace: String?
    private let holder: Process
    private var journald: Process?
    private var daemons: [StancewatchProcess] = []

    /// PID whose mount namespace every command of this sandbox enters.
    var holderPID: Int32 { holder.processIdentifier }

    /// Starts journald (unless `journald` is false: then /run/systemd/journal is an empty folder
    /// and the daemon sees no journald) and the namespace holder.
    init(_ label: String, journald: Bool = true) throws {
        root = try Paths.scratch(label)
        let journalDir: String
        if journald {
            let ns = "swf\(getpid() % 100_000)x\(UInt16.random(in: 0...UInt16.max))"
            namespace = ns
            journalDir = "/run/systemd/journal.\(ns)"
        } else {
            namespace = nil
            journalDir = root + "/no-journald"
            try FileManager.default.createDirectory(atPath: journalDir, withIntermediateDirectories: true)
        }
        holder = Process()
        holder.executableURL = URL(fileURLWithPath: Shell.resolve("unshare"))
        holder.arguments = ["--mount", "--propagation", "private", "/bin/sh", "-c",
                            "mkdir -p /run/systemd/journal && mount --bind \(Shell.quote(journalDir)) /run/systemd/journal && exec sleep 100000"]
        holder.standardInput = FileHandle.nullDevice
        holder.standardOutput = FileHandle.nullDevice
        if journald { try startJournald() }
        try holder.run()
        let pid = holder.processIdentifier
        let ready = waitUntil(timeout: .seconds(10)) {
            (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("sleep") == true
        }
        if !ready { throw SandboxError("the mount namespace holder did not start (unshare/mount failed?)") }
    }

    /// Starts (or restarts) this sandbox's journald and waits for its socket.
    func startJournald() throws {
        guard let namespace else { throw SandboxError("this sandbox has no journald") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journald")
        p.arguments = [namespace]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        journald = p
        let socket = "/run/systemd/journal.\(namespace)/socket"
        let ok = waitUntil(timeout: .seconds(10)) {
            var st = stat()
            return lstat(socket, &st) == 0 && (st.st_mode & S_IFMT) == S_IFSOCK && p.isRunning
        }
        if !ok { throw SandboxError("systemd-journald \(namespace) did not create \(socket)") }
    }

    /// Stops this sandbox's journald (SIGTERM, by its PID) and waits for it to exit.
    func stopJournald() {
        guard let p = journald else { return }
        if p.isRunning {
            kill(p.processIdentifier, SIGTERM)
            if !waitUntil(timeout: .seconds(5), { !p.isRunning }) { kill(p.processIdentifier, SIGKILL) }
            _ = waitUntil(timeout: .seconds(5)) { !p.isRunning }
        }
        journald = nil
    }

    /// `arguments` as run inside the sandbox's mount namespace.
    func inside(_ arguments: [String]) -> [String] {
        [Shell.resolve("nsenter"), "--target", String(holderPID), "--mount", "--"] + arguments
    }

    /// Runs a command inside the sandbox and waits for it.
    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        try Shell.run(inside(arguments))
    }

    /// Runs a shell snippet inside the sandbox.
    @discardableResult
    func sh(_ script: String) throws -> CommandResult {
        try run(["/bin/sh", "-c", script])
    }

    /// Starts `stancewatch <arguments>` inside the sandbox as a long-running process.
    /// (The shared `StancewatchProcess` harness, run through nsenter, which execs: its PID is stancewatch's.)
    func startDaemon(_ arguments: [String], environment: [String: String] = [:],
                     label: String = "daemon") throws -> StancewatchProcess {
        let n = UInt32.random(in: 0..<UInt32.max)
        let d = try StancewatchProcess(arguments, environment: environment,
                                       dropping: ["NOTIFY_SOCKET", "WATCHDOG_USEC", "STATE_DIRECTORY"],
                                       stdoutPath: root + "/\(label)-\(n).out", stderrPath: root + "/\(label)-\(n).err",
                                       binary: Paths.binary, wrap: inside)
        daemons.append(d)
        return d
    }

    /// Every entry of this sandbox's journal, oldest first.
    func journalEntries() throws -> [JournalEntry] {
        guard let namespace else { return [] }
        let r = try Shell.run(["journalctl", "--namespace=\(namespace)", "-o", "json", "--all", "--no-pager"])
        return r.stdout.split(separator: "\n").compactMap { JournalEntry(jsonLine: String($0)) }
    }

    /// Entries carrying a STANCE_KIND (alerts).
    func alertEntries() throws -> [JournalEntry] { try journalEntries().filter { $0["STANCE_KIND"] != nil } }

    /// Entries with the "article refused" MESSAGE_ID.
    func refusalEntries() throws -> [JournalEntry] {
        try journalEntries().filter { $0["MESSAGE_ID"] == MessageIDs.articleRefused }
    }

    /// Kills leftover daemons, journald and the holder; removes journal files and the scratch folder.
    func close() {
        for d in daemons where d.isRunning { d.signal(SIGCONT); d.signal(SIGKILL); _ = d.waitForExit(timeout: .seconds(5)) }
        stopJournald()
        if holder.isRunning { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        if let namespace {
            _ = try? Shell.sh("rm -rf /run/systemd/journal.\(namespace) /var/log/journal/*.\(namespace) /run/log/journal/*.\(namespace)")
        }
        if ProcessInfo.processInfo.environment["FAULTS_KEEP"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    deinit { close() }
}

/// Fixed journald MESSAGE_IDs of the project.
enum MessageIDs {
    static let shift = "6a754b5bce3d45a2a3e15fb0c3c5afb8"
    static let divergence = "aee39da006a3415c835c9584a8d62683"
    static let articleRefused = "c644010abd6c4275847f20770095c839"
    static let daemonTrouble = "8210f7eaea0b47f4a09e032451a3bb4c"
}

struct SandboxError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// One journald entry as `journalctl -o json --all` prints it; a field may repeat, and
/// binary values (arrays of bytes) are decoded as UTF-8 with replacement.
struct JournalEntry: Sendable {
    var fields: [String: [String]]

    init?(jsonLine: String) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any] else { return nil }
        var f: [String: [String]] = [:]
        for (k, v) in obj { f[k] = Self.values(v) }
        fields = f
    }

    private static func values(_ v: Any) -> [String] {
        if let s = v as? String { return [s] }
        if let n = v as? NSNumber { return [n.stringValue] }
        if let a = v as? [Any] {
            if a.allSatisfy({ $0 is NSNumber }) {
                return [String(decoding: a.map { UInt8(truncatingIfNeeded: ($0 as! NSNumber).intValue) }, as: UTF8.self)]
            }
            return a.flatMap { values($0) }
        }
        return []
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { fields[name]?.first }
}
