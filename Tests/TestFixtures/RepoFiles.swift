/// The repository's shipped files (the seeds and their watchlist), found from this file's
/// path, so tests need nothing outside the repository.
import Foundation

/// Paths into the repository the tests were built from.
public enum RepoFiles {
    /// The repository root (this file is Tests/TestFixtures/RepoFiles.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped seed articles (`seeds/`).
    public static var seeds: String { root + "/seeds" }
    /// The seeds' watchlist (`seeds/watchlist.yaml`).
    public static var watchlist: String { seeds + "/watchlist.yaml" }

    /// The seed article paths in the gold arrival order 000 002 001 003 004.
    public static func seedsInGoldOrder() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }
        return try ["000", "002", "001", "003", "004"].map { prefix in
            guard let name = names.first(where: { $0.hasPrefix(prefix + "_") }) else {
                throw FixtureError("the seed article \(seeds)/\(prefix)_*.txt is missing from the repository")
            }
            return seeds + "/" + name
        }
    }
}
