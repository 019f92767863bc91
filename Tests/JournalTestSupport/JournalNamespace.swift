/// A private systemd-journald for tests: real journald, in its own namespace, so tests
/// neither need nor disturb the machine's journal.
///
/// ```swift
/// let journal = try JournalNamespace.start()          // /lib/systemd/systemd-journald stancetest<pid>n<k>
/// defer { journal.stop() }                             // kills that journald, removes its files
/// // a child process whose libsystemd talks to this journald:
/// let result = try journal.run(["/path/to/stancewatch", "replay", ...])
/// // or code in this process, on a thread of its own with the socket bind-mounted:
/// try journal.withBoundJournal { try Journal.send([("MESSAGE", "hi")]) }
/// let entries = try journal.waitForEntries { $0["MESSAGE"] == "hi" }
/// ```
///
/// A child runs under `unshare --mount --propagation private sh -c 'mount --bind
/// /run/systemd/journal.NAME /run/systemd/journal && exec "$@"'`. Needs root; when that
/// is missing, `unavailableReason` says why (use it in `.enabled(if:)`).
///
/// A namespaced journald exits after about 30 s with no stream client ("Server is idle,
/// exiting."): under systemd its socket unit would start it again, here nothing would, and a
/// test whose daemons fall silent for longer (a busy machine, a lease running out) would find
/// it gone. So while it runs, this type holds one stdout stream open to it (`keepAlive`).
import Foundation
import Glibc
import Synchronization

public final class JournalNamespace: Sendable {
    /// The journald binary (never given options: it would take them as a namespace name).
    public static let journaldPath = "/lib/systemd/systemd-journald"
    /// Where libsystemd looks for the journal socket; the bind-mount target.
    public static let journalDirectory = "/run/systemd/journal"

    /// nil when a namespaced journald can run here; otherwise the reason tests are skipped.
    public static var unavailableReason: String? {
        if getuid() != 0 { return "needs root (starts systemd-journald and bind-mounts its socket)" }
        for tool in [journaldPath, "/usr/bin/unshare", "/usr/bin/journalctl"] where access(tool, X_OK) != 0 {
            return "\(tool) is not installed"
        }
        return nil
    }

    /// true when `start()` can work here.
    public static var isSupported: Bool { unavailableReason == nil }

    /// The namespace name (journald's argument, `journalctl --namespace=`).
    public let name: String
    /// /run/systemd/journal.NAME, where this journald's sockets live.
    public var directory: String { "/run/systemd/journal.\(name)" }

    private let daemon = Mutex<Process?>(nil)
    /// The stdout stream held open so that journald never counts itself idle (-1 when none).
    private let keepAlive = Mutex<Int32>(-1)
    private static let counter = Atomic<Int>(0)

    private init(name: String) { self.name = name }

    /// Starts `systemd-journald NAME` (a unique `stancetest<pid>n<k>` by default) and waits for its socket.
    public static func start(name: String? = nil) throws -> JournalNamespace {
        if let reason = unavailableReason { throw JournalNamespaceError("cannot start a test journald: \(reason)") }
        let k = counter.add(1, ordering: .relaxed).newValue
        let ns = JournalNamespace(name: name ?? "stancetest\(getpid())n\(k)")
        ns.removeFiles()  // a stale namespace of the same name from a crashed run
        // The bind-mount target must exist; on a machine without journald it may not.
        try FileManager.default.createDirectory(atPath: journalDirectory, withIntermediateDirectories: true)
        try ns.startDaemon()
        return ns
    }

    /// (Re)starts this namespace's journald, keeping its directory (children's bind mounts stay valid).
    public func startDaemon() throws {
        try daemon.withLock { current in
            if let p = current, p.isRunning { return }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.journaldPath)
            p.arguments = [name]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            current = p
        }
        let socket = directory + "/socket"
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            // The file may be a stale one from a previous run: wait until somebody answers on it.
            if Self.isListening(socket) && isDaemonRunning {
                try holdAStream()
                return
            }
            guard isDaemonRunning else { break }
            usleep(5_000)
        }
        stopDaemon()
        throw JournalNamespaceError("systemd-journald \(name) did not create \(socket) within 10 s")
    }

    /// Opens a stdout stream to this journald and sends its header (identifier, unit, priority,
    /// level prefix, and the three forwarding flags off), then holds it until `stopDaemon`.
    private func holdAStream() throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw JournalNamespaceError("no socket for a stream to journald \(name): errno \(errno)") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array((directory + "/stdout").utf8)) }
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        let header = Array("stancetest-keepalive\n\n6\n0\n0\n0\n0\n".utf8)
        guard connected, write(fd, header, header.count) == header.count else {
            let why = errno
            close(fd)
            throw JournalNamespaceError("journald \(name) took no stream on \(directory)/stdout: errno \(why)")
        }
        let old = keepAlive.withLock { current in defer { current = fd }; return current }
        if old >= 0 { close(old) }
    }

    /// true when a datagram socket at `path` has a receiver (connect succeeds; ECONNREFUSED otherwise).
    static func isListening(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// true while this namespace's journald process runs.
    public var isDaemonRunning: Bool { daemon.withLock { $0?.isRunning ?? false } }

    /// The journald process id, while it runs.
    public var daemonPID: Int32? { daemon.withLock { p in p.flatMap { $0.isRunning ? $0.processIdentifier : nil } } }

    /// Kills this journald (SIGTERM, then SIGKILL after 5 s) and waits; the socket file stays (sends then get ECONNREFUSED).
    public func stopDaemon() {
        let held = keepAlive.withLock { current in defer { current = -1 }; return current }
        if held >= 0 { close(held) }
        guard let p = daemon.withLock({ current -> Process? in defer { current = nil }; return current }) else { return }
        if p.isRunning {
            kill(p.processIdentifier, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(5)
            while p.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
        p.waitUntilExit()
    }

    /// Stops journald and removes /run/systemd/journal.NAME and its journal files.
    public func stop() {
        stopDaemon()
        removeFiles()
    }

    deinit { stop() }

    private func removeFiles() {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        for root in ["/var/log/journal", "/run/log/journal"] {
            for entry in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where entry.hasSuffix(".\(name)") {
                try? fm.removeItem(atPath: root + "/" + entry)
            }
        }
    }
}

/// A failure of the test journald machinery, as a sentence.
public struct JournalNamespaceError: Error, CustomStringConvertible {
    /// The sentence.
    public let description: String
    /// Creates an error with `description`.
    public init(_ description: String) { self.description = description }
}
