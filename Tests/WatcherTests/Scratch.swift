/// Test support: a temporary feed + state folder pair, the repo's seeds, a quiet logger.
import Corpus
import Foundation
import Glibc
import Logging
import Store
import Watcher
import TestFixtures

final class Scratch {
    private let folder: TemporaryFolder
    var root: String { folder.path }
    var feed: String { root + "/feed" }
    var state: String { root + "/state" }
    var alertLog: String { root + "/alerts.jsonl" }

    init() throws {
        folder = try TemporaryFolder(prefix: "watchertest")
        try folder.folder("feed")
    }

    /// Writes `bytes` to `feed/name` directly (a close-write in the feed).
    @discardableResult
    func put(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = feed + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func put(_ name: String, text: String) throws -> String { try put(name, Array(text.utf8)) }

    /// Writes to a dot-file outside the feed's view, then renames it into the feed (atomic arrival).
    func drop(_ name: String, _ bytes: [UInt8]) throws {
        let temp = feed + "/.incoming-" + name
        try Data(bytes).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, feed + "/" + name) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Sets a file's modification time (seconds + nanoseconds since the epoch).
    func setModified(_ name: String, seconds: Int, nanoseconds: Int = 0) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = utimensat(AT_FDCWD, feed + "/" + name, &times, 0)
    }

    func store() throws -> StanceStore { try StanceStore(directory: state) }

    /// An ingestor over this scratch's store and alert log, for the seeds' watchlist.
    func ingestor() throws -> Ingestor {
        let courier = try AlertCourier(alertLogPath: alertLog, logger: Repo.quietLogger)
        return try Ingestor(store: try store(), watchlist: try Repo.seedWatchlist(), courier: courier, logger: Repo.quietLogger)
    }

    /// The alerts appended to the alert log, as JSON objects.
    func loggedAlerts() throws -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: alertLog) else { return [] }
        return try data.split(separator: UInt8(ascii: "\n")).map {
            (try JSONSerialization.jsonObject(with: Data($0)) as? [String: String]) ?? [:]
        }
    }
}

/// The seeds' watchlist and a logger that writes nothing.
enum Repo {
    static func seedWatchlist() throws -> Watchlist { try Watchlist(contentsOfFile: RepoFiles.watchlist) }

    static let quietLogger = Logger(label: "watcher-tests") { _ in SwiftLogNoOpLogHandler() }
}
