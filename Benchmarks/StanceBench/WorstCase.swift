import Corpus
import Foundation

/// Worst-case inputs against a normal article, reader + engine, as time per MB: many quotes,
/// many sentences, many names, one huge sentence, deeply nested quotes. Every stage should be
/// linear in the article, so each ratio to the normal article should stay small (≤ 3).
enum WorstCase {
    static func run(watchlistPath: String, normalPaths: [String], bytes: Int) throws {
        let watchlist = try Watchlist(contentsOfFile: watchlistPath)
        let engine = try StanceEngine(watchlist: watchlist)
        let reader = ArticleReader(maxBytes: 64 << 20)
        let modified = Day(year: 2025, month: 10, day: 1)!
        let names = watchlist.actors.flatMap(\.names)
        let normal = try Throughput.collect(normalPaths).map { String(decoding: $0.1, as: UTF8.self) }
        guard !normal.isEmpty else { throw BenchError("no normal articles under \(normalPaths)") }

        /// `unit` repeated to `bytes`, after a date header.
        func filled(_ unit: (Int) -> String) -> [UInt8] {
            var out = " date 2025-10-01 "
            var i = 0
            while out.utf8.count < bytes {
                out += unit(i)
                i += 1
            }
            return Array(out.utf8)
        }
        let body = normal.map { $0.replacingOccurrences(of: " date ", with: "") }
        let depth = 200
        let inputs: [(String, [UInt8])] = [
            ("normal", filled { body[$0 % body.count] + "\n\n" }),
            ("many-quotes", filled { _ in "«Да». " }),
            ("many-sentences", filled { i in "\(names[i % names.count]) заявил. " }),
            ("many-names", filled { i in names[i % names.count] + ", " }),
            ("one-huge-sentence", filled { i in "\(names[i % names.count]) заявил что переговоры возможны и " }),
            ("nested-quotes", filled { i in
                String(repeating: "«", count: depth) + "\(names[i % names.count]) заявил, что мир возможен"
                    + String(repeating: "»", count: depth) + ". " }),
        ]
        var normalSecondsPerMB = 0.0
        for (label, data) in inputs {
            let clock = ContinuousClock()
            let start = clock.now
            let article = try reader.read(name: label + ".txt", bytes: data, modified: modified)
            let stances = engine.stances(in: article).count
            let seconds = (clock.now - start).seconds
            let mb = Double(data.count) / 1_000_000
            let perMB = seconds / mb
            if label == "normal" { normalSecondsPerMB = perMB }
            let ratio = normalSecondsPerMB > 0 ? perMB / normalSecondsPerMB : 1
            say("worst case \(label.padding(toLength: 18, withPad: " ", startingAt: 0))"
                + String(format: " %.2f MB in %.3f s: %.3f s/MB, %.2fx the normal article (%d stances)",
                         mb, seconds, perMB, ratio, stances))
            print("{\"bench\":\"worstcase\",\"input\":\"\(label)\",\"bytes\":\(data.count),\"seconds\":\(seconds),\"seconds_per_mb\":\(perMB),\"ratio_to_normal\":\(ratio),\"stances\":\(stances)}")
        }
    }
}
