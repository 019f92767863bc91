/// A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a cluster made with
/// `initdb` in a temporary folder owned by the `postgres` user, listening on 127.0.0.1 only,
/// started once per test process and stopped (`pg_ctl -m immediate stop`, folder removed) when
/// the process exits. Each test asks for a database of its own (`freshDatabase()`).
///
/// ```swift
/// @Suite(.enabled(if: PostgresCluster.isAvailable, "PostgreSQL tests skipped: see stderr"))
/// ...
/// let url = try PostgresCluster.shared().freshDatabase()   // postgres://postgres@127.0.0.1:PORT/tN
/// ```
///
/// Needs root (the cluster runs as `postgres` via `runuser`) and the `postgresql` package
/// (`make test` installs it). When either is missing the suites are skipped and the reason is
/// printed once on stderr.
import Foundation
import Glibc
import Synchronization

public final class PostgresCluster: Sendable {
    /// The temporary folder: `data/` (the cluster), the socket, `server.log`.
    public let folder: String
    /// The TCP port on 127.0.0.1.
    public let port: Int
    /// The folder holding `initdb`, `pg_ctl`, `createdb`.
    let bin: String
    private let databases = Atomic<Int>(0)

    private init(folder: String, port: Int, bin: String) {
        self.folder = folder
        self.port = port
        self.bin = bin
    }

    /// The server of this test process, started on first use; throws why it cannot be.
    public static func shared() throws -> PostgresCluster {
        switch started {
        case .success(let cluster): return cluster
        case .failure(let error): throw error
        }
    }

    /// Whether a server runs for this process (starting it if needed); prints why not, once.
    public static var isAvailable: Bool {
        switch started {
        case .success: return true
        case .failure(let error):
            if !reported.exchange(true, ordering: .relaxed) {
                FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(error)\n".utf8))
            }
            return false
        }
    }

    private static let reported = Atomic<Bool>(false)
    private static let started: Result<PostgresCluster, PostgresClusterError> = Result { () throws(PostgresClusterError) in
        let cluster = try start(portOffset: 0)
        running.withLock { $0 = (cluster.bin, cluster.folder) }
        atexit { PostgresCluster.stopAtExit() }
        return cluster
    }

    private static let privateCount = Atomic<Int>(0)

    /// A server of its own (for a test that stops and restarts it while others use the shared
    /// one); the caller ends it with `shutDown()`.
    public static func startPrivate() throws -> PostgresCluster {
        try start(portOffset: 10 * privateCount.add(1, ordering: .relaxed).newValue)
    }

    /// Stops the server and removes its folder.
    public func shutDown() {
        try? stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Creates a new empty database; its URL (user `postgres`, no password: the cluster trusts 127.0.0.1).
    public func freshDatabase() throws -> String {
        let n = databases.add(1, ordering: .relaxed).newValue
        let name = "t\(n)"
        try Self.run(["/usr/sbin/runuser", "-u", "postgres", "--", bin + "/createdb", "-h", "127.0.0.1",
                      "-p", "\(port)", name])
        return url(database: name)
    }

    /// The URL of `database` on this server.
    public func url(database: String) -> String { "postgres://postgres@127.0.0.1:\(port)/\(database)" }

    /// Stops the server (`pg_ctl -m immediate stop`): the daemons see it go away.
    public func stop() throws {
        try Self.run(["/usr/sbin/runuser", "-u", "postgres", "--", bin + "/pg_ctl", "-D", folder + "/data",
                      "-m", "immediate", "-w", "stop"])
    }

    /// Starts the server again on the same port and folder, waiting until it takes connections.
    public func restart() throws {
        try Self.startServer(bin: bin, folder: folder, port: port)
    }

    // MARK: - Starting

    private static func start(portOffset: Int) throws(PostgresClusterError) -> PostgresCluster {
        guard getuid() == 0 else {
            throw PostgresClusterError("needs root to run a throwaway cluster as the postgres user")
        }
        guard let bin = installedBin() else {
            throw PostgresClusterError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)")
        }
        guard getpwnam("postgres") != nil else { throw PostgresClusterError("there is no postgres user (install Debian's postgresql)") }
        var template = Array("/tmp/stancewatch-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw PostgresClusterError("cannot create a temporary folder") }
        let folder = String(cString: made)
        do {
            try run(["/bin/chown", "postgres:postgres", folder])
            try run(["/usr/sbin/runuser", "-u", "postgres", "--", bin + "/initdb", "-D", folder + "/data",
                     "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"])
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw PostgresClusterError("initdb failed: \(error)")
        }
        // A port derived from the process id; the next ones when it is taken.
        let base = 20_000 + Int(getpid()) % 20_000 + portOffset
        var lastError = ""
        for port in base..<(base + 10) {
            do {
                try startServer(bin: bin, folder: folder, port: port)
                return PostgresCluster(folder: folder, port: port, bin: bin)
            } catch {
                lastError = "\(error)"
            }
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw PostgresClusterError("the server did not start on ports \(base)-\(base + 9): \(lastError)")
    }

    private static let commandCount = Atomic<Int>(0)
    private static let running = Mutex<(bin: String, folder: String)?>(nil)

    /// At exit Foundation's `Process` can no longer be waited for: plain `system(3)`.
    private static func stopAtExit() {
        guard let (bin, folder) = running.withLock({ $0 }) else { return }
        _ = system("/usr/sbin/runuser -u postgres -- '\(bin)/pg_ctl' -D '\(folder)/data' -m immediate -w stop >/dev/null 2>&1; rm -rf '\(folder)'")
    }

    /// Through `system(3)`, not Foundation's `Process`: the server pg_ctl leaves running would
    /// inherit the descriptor `Process` watches for the child's end, and the wait never returns.
    static func startServer(bin: String, folder: String, port: Int) throws {
        let command = "/usr/sbin/runuser -u postgres -- '\(bin)/pg_ctl' -D '\(folder)/data' -l '\(folder)/server.log' "
            + "-o '-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' "
            + "-w -t 120 start >/dev/null 2>&1"
        let status = system(command)
        guard status == 0 else {
            throw PostgresClusterError("pg_ctl start on port \(port) failed (status \(status)); see \(folder)/server.log")
        }
    }

    private static func installedBin() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().reversed()
        return versions.map { "\(root)/\($0)/bin" }.first { access($0 + "/initdb", X_OK) == 0 }
    }

    /// Runs a command to completion; throws with its output when it fails.
    static func run(_ arguments: [String]) throws(PostgresClusterError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        // Output goes to a file, not a pipe: the server pg_ctl starts must not hold our pipe open.
        let outputPath = NSTemporaryDirectory() + "stancewatch-pg-cmd-\(getpid())-\(commandCount.add(1, ordering: .relaxed).newValue)"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        guard let output = FileHandle(forWritingAtPath: outputPath) else {
            throw PostgresClusterError("cannot create \(outputPath)")
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw PostgresClusterError("\(arguments[0]) could not be run: \(error)") }
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw PostgresClusterError("\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text)")
        }
    }
}

/// Why the throwaway server could not be used, as a sentence.
public struct PostgresClusterError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
