/// Drops files into a feed folder the way scrapers do: written under a staging folder on the
/// same filesystem, given a modification time, then moved in by one atomic rename.
import Foundation
import Glibc

struct Feed: Sendable {
    let directory: String
    let staging: String
    /// Drop k gets mtime `baseSeconds + k` (whole seconds), so a catch-up scan's order
    /// (mtime, then name) is the drop order.
    let baseSeconds: Int

    init(root: String, name: String = "feed", baseSeconds: Int = 1_700_000_000) throws {
        directory = root + "/" + name
        staging = root + "/" + name + "-staging"
        self.baseSeconds = baseSeconds
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` as `name` in the staging folder, sets its mtime, renames it into the feed.
    func drop(name: String, bytes: [UInt8], sequence: Int? = nil) throws {
        let tmp = staging + "/" + name
        try write(path: tmp, bytes: bytes)
        if let sequence { try setModified(tmp, seconds: baseSeconds + sequence) }
        try moveIn(stagedName: name, as: name)
    }

    /// Writes `bytes` at `path` directly (no rename).
    func write(path: String, bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SandboxError("open(\(path)) failed: errno \(errno)") }
        defer { close(fd) }
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, bytes.count - off) }
            guard n > 0 else { throw SandboxError("write(\(path)) failed: errno \(errno)") }
            off += n
        }
    }

    /// Renames `staging/stagedName` to `feed/name` (atomic, same filesystem).
    func moveIn(stagedName: String, as name: String) throws {
        guard rename(staging + "/" + stagedName, directory + "/" + name) == 0 else {
            throw SandboxError("rename into the feed failed for \(name): errno \(errno)")
        }
    }

    func setModified(_ path: String, seconds: Int) throws {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw SandboxError("utimensat(\(path)) failed: errno \(errno)")
        }
    }
}

/// What `stancewatch status --json` says the store holds.
struct StoreStatus: Sendable, CustomStringConvertible {
    var ingested = 0, refused = 0, stances = 0, alertsSent = 0, alertsPending = 0
    var lastError: String?

    init(json: String) throws {
        guard let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw SandboxError("status --json printed no JSON object: \(json.prefix(300))")
        }
        func int(_ v: Any?) -> Int { (v as? NSNumber)?.intValue ?? 0 }
        let articles = obj["articles"] as? [String: Any] ?? [:]
        ingested = int(articles["ingested"])
        refused = int(articles["refused"])
        stances = int(obj["stances"])
        let alerts = obj["alerts"] as? [String: Any] ?? [:]
        alertsSent = int(alerts["sent"])
        alertsPending = int(alerts["pending"])
        lastError = obj["last_error"] as? String
    }

    var description: String {
        "ingested \(ingested) refused \(refused) stances \(stances) alerts sent \(alertsSent) pending \(alertsPending) last_error \(lastError ?? "-")"
    }
}

/// The store seen through the command line, inside the sandbox.
struct StoreProbe: Sendable {
    let sandbox: Sandbox
    let state: String

    func status() throws -> StoreStatus {
        let r = try sandbox.run([Paths.binary, "status", "--state", state, "--json"])
        guard r.succeeded else { throw SandboxError("status failed (\(r.status)): \(r.stderr)") }
        return try StoreStatus(json: r.stdout)
    }

    /// Status, or nil while the store cannot be read (e.g. before the daemon created it).
    func statusIfReadable() -> StoreStatus? { try? status() }

    /// Every stored stance (spec §5 records) as dictionaries.
    func stances() throws -> [[String: String]] {
        let r = try sandbox.run([Paths.binary, "stances", "--state", state])
        guard r.succeeded else { throw SandboxError("stances failed (\(r.status)): \(r.stderr)") }
        return r.stdout.split(separator: "\n").compactMap { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            var out: [String: String] = [:]
            for (k, v) in obj { if let s = v as? String { out[k] = s } else if let n = v as? NSNumber { out[k] = n.stringValue } }
            return out
        }
    }

    /// `PRAGMA integrity_check` (through python3's sqlite3 module, opened read-only): "ok" for a sound database.
    func integrityCheck() throws -> String {
        let script = "import sqlite3, sys; db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True); "
            + "print('\\n'.join(r[0] for r in db.execute('PRAGMA integrity_check')))"
        let r = try sandbox.run(["python3", "-c", script, state + "/stancewatch.sqlite"])
        return (r.stdout + r.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until `condition` holds for the status; the last status seen.
    @discardableResult
    func waitFor(timeout: Duration, _ condition: (StoreStatus) -> Bool) -> (Bool, StoreStatus?) {
        var last: StoreStatus?
        let ok = waitUntil(timeout: timeout, interval: .milliseconds(200)) {
            last = statusIfReadable() ?? last
            return last.map(condition) ?? false
        }
        return (ok, last)
    }
}

/// The identity of an alert apart from its id: a resend must repeat all of it with the same id.
struct AlertKey: Hashable, Sendable, CustomStringConvertible {
    var kind, actor, topic, article, from, to, other: String

    init(fields f: (String) -> String?) {
        kind = f("STANCE_KIND") ?? ""
        actor = f("STANCE_ACTOR") ?? ""
        topic = f("STANCE_TOPIC") ?? ""
        article = f("STANCE_ARTICLE") ?? ""
        from = f("STANCE_FROM") ?? ""
        to = f("STANCE_TO") ?? ""
        other = f("STANCE_OTHER_ACTOR") ?? ""
    }

    var description: String { "\(kind) \(actor)/\(topic) \(from)->\(to) @\(article)\(other.isEmpty ? "" : " vs \(other)")" }
}

/// Alert records of a JSON Lines alert log.
func readAlertLog(_ path: String) -> [[String: String]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
    }
}
