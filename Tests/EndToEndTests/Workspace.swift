/// Test support: the daemon under a private journald (via the shared `StancewatchProcess`), a workspace.
import Foundation
import Glibc
import JournalTestSupport
import TestFixtures

extension StancewatchProcess {
    /// Starts `stancewatch <arguments>`, under `journal` when given (its socket bind-mounted), with
    /// `environment` added to a clean copy of this process's environment.
    convenience init(_ arguments: [String], journal: JournalNamespace?, environment: [String: String] = [:],
                     stderrPath: String) throws {
        try self.init(arguments, environment: environment, stderrPath: stderrPath,
                      wrap: { journal?.wrapped($0) ?? $0 })
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
