/// A backlog analysed on several threads stores and raises exactly what one thread does, in
/// the same order, and a stop part-way leaves a prefix of the files handled and the rest
/// untouched (the next scan finishes them with the same result).
import Corpus
import Foundation
import Store
import TestFixtures
import Testing
@testable import Watcher

struct AnalysisThreadsTests {
    /// The seeds in gold order, then articles that move Tokayev back and forth on one topic
    /// (shifts), with bad files, a copy, an ignored name and an empty file among them.
    static func backlog(in s: Scratch) throws -> [String] {
        var names: [String] = []
        for (index, seed) in try RepoFiles.seedsInGoldOrder().enumerated() {
            let name = String(format: "%03d-seed.txt", index)
            try FileManager.default.copyItem(atPath: seed, toPath: s.feed + "/" + name)
            names.append(name)
        }
        let pro = "Токаев заявил, что перемирие возможно уже в этом году."
        let contra = "Токаев заявил, что перемирие невозможно и переговоры бессмысленны."
        for day in 1...40 {
            let name = String(format: "%03d-day%02d.txt", names.count, day)
            let text = " date 2025-07-\(String(format: "%02d", (day - 1) % 28 + 1)) " + (day % 3 == 0 ? contra : pro)
                + " Новость номер \(day)."
            try s.put(name, text: text)
            names.append(name)
            switch day {
            case 7: names.append(try copy(name, in: s, as: String(format: "%03d-copy.txt", names.count)))
            case 11: names.append(URL(fileURLWithPath: try s.put(String(format: "%03d-empty.txt", names.count), [])).lastPathComponent)
            case 19: names.append(URL(fileURLWithPath: try s.put(String(format: "%03d-binary.txt", names.count),
                                                                 [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0])).lastPathComponent)
            case 23: names.append(URL(fileURLWithPath: try s.put(String(format: "%03d-part.txt.part", names.count),
                                                                 text: " date 2025-07-01 " + pro)).lastPathComponent)
            default: break
            }
        }
        return names
    }

    private static func copy(_ name: String, in s: Scratch, as copyName: String) throws -> String {
        try FileManager.default.copyItem(atPath: s.feed + "/" + name, toPath: s.feed + "/" + copyName)
        return copyName
    }

    /// What a run left: outcomes, stances in order, alert ids in the order they were logged, counts.
    struct Result: Equatable {
        var outcomes: [IngestOutcome]
        var stances: [String]
        var alerts: [String]
        var ingested: Int
        var refused: Int
    }

    static func run(threads: Int, batchSize: Int = 4, stopAfter: Int? = nil) throws -> Result {
        let s = try Scratch()
        let names = try backlog(in: s)
        let ingestor = try s.ingestor()
        ingestor.analysisThreads = threads
        ingestor.batchSize = batchSize
        ingestor.deliverPending()  // as a replay or the daemon's start does: the alert log is caught up
        var outcomes: [IngestOutcome]
        if let stopAfter {
            var reached = false
            let first = ingestor.ingest(directory: s.feed, entries: names.map { Array($0.utf8) },
                                        stopping: { reached }, progress: { if $0 >= stopAfter { reached = true } })
            #expect(first.count <= stopAfter + 1, "files after the stop were handled: \(first.count)")
            #expect(first.count < names.count)
            // The files after the stop were not touched: a scan finds every one of them still pending.
            let pending = try FeedScanner(directory: s.feed).pending(store: ingestor.store).map(\.name)
            #expect(Set(names[first.count...].filter { !$0.hasSuffix(".part") }).isSubset(of: Set(pending)))
            let rest = ingestor.ingest(directory: s.feed, entries: names[first.count...].map { Array($0.utf8) })
            outcomes = first + rest
        } else {
            outcomes = ingestor.ingest(directory: s.feed, entries: names.map { Array($0.utf8) })
        }
        ingestor.deliverPending()
        let status = try ingestor.store.status()
        let stances = try ingestor.store.allStances().map {
            "\($0.article) \($0.actor) \($0.topic) \($0.polarity) \($0.stated)"
        }
        return Result(outcomes: outcomes, stances: stances, alerts: try s.loggedAlerts().compactMap { $0["STANCE_ALERT_ID"] },
                      ingested: status.articles.ingested, refused: status.articles.refused)
    }

    @Test func severalThreadsStoreAndRaiseWhatOneThreadDoes() throws {
        let one = try Self.run(threads: 1)
        // The backlog is a real one: shifts raised, bad files refused, the copy a duplicate.
        #expect(!one.alerts.isEmpty)
        #expect(one.refused == 2)
        #expect(one.outcomes.contains(.duplicate))
        #expect(one.outcomes.contains(.ignored))
        #expect(Set(one.alerts).count == one.alerts.count)
        for threads in [2, 3] {
            let many = try Self.run(threads: threads)
            #expect(many == one, "\(threads) analysis threads gave another result than one")
        }
    }

    @Test(arguments: [0, 5, 17, 30])
    func aStopPartWayLeavesTheRestForTheNextScan(stopAfter: Int) throws {
        let one = try Self.run(threads: 1)
        let stopped = try Self.run(threads: 2, stopAfter: stopAfter)
        #expect(stopped == one)
    }
}
