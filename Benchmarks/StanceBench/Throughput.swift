import Corpus
import Foundation

/// Engine throughput on one core: every file through `ArticleReader` and `StanceEngine`, the
/// way the daemon reads an article, repeated until `minimumSeconds` have passed.
enum Throughput {
    static func run(watchlistPath: String, paths: [String], minimumSeconds: Double) throws {
        let files = try collect(paths)
        guard !files.isEmpty else { throw BenchError("no article files under \(paths)") }
        let watchlist = try Watchlist(contentsOfFile: watchlistPath)
        let engine = try StanceEngine(watchlist: watchlist)
        let reader = ArticleReader(maxBytes: 64 << 20)
        let modified = Day(year: 2025, month: 10, day: 1)!
        let bytes = files.reduce(0) { $0 + $1.1.count }

        func pass() -> Int {
            var stances = 0
            for (name, data) in files {
                guard let article = try? reader.read(name: name, bytes: data, modified: modified) else { continue }
                stances += engine.stances(in: article).count
            }
            return stances
        }
        let stancesPerPass = pass()   // warm-up (lexicon caches, page faults)
        let clock = ContinuousClock()
        let start = clock.now
        var passes = 0
        repeat {
            _ = pass()
            passes += 1
        } while (clock.now - start).seconds < minimumSeconds
        let elapsed = (clock.now - start).seconds
        let mbps = Double(bytes * passes) / elapsed / 1_000_000
        let aps = Double(files.count * passes) / elapsed
        say(String(format: "engine: %d files, %.2f MB, %d passes in %.2f s: %.2f MB/s, %.0f articles/s, %d stances per pass",
                   files.count, Double(bytes) / 1e6, passes, elapsed, mbps, aps, stancesPerPass))
        print("{\"bench\":\"throughput\",\"files\":\(files.count),\"bytes\":\(bytes),\"passes\":\(passes),\"seconds\":\(elapsed),\"mb_per_s\":\(mbps),\"articles_per_s\":\(aps),\"stances_per_pass\":\(stancesPerPass)}")
    }

    /// (name, bytes) of the `.txt` files under `paths` (files or folders), sorted by path.
    static func collect(_ paths: [String]) throws -> [(String, [UInt8])] {
        var out: [(String, String)] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                for name in try FileManager.default.contentsOfDirectory(atPath: p) where name.hasSuffix(".txt") {
                    out.append((name, p + "/" + name))
                }
            } else {
                out.append(((p as NSString).lastPathComponent, p))
            }
        }
        return try out.sorted { $0.1 < $1.1 }.map { ($0.0, Array(try Data(contentsOf: URL(fileURLWithPath: $0.1)))) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
