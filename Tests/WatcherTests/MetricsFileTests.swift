/// The `--metrics-file` exposition: swift-prometheus's text format with the families the README
/// names, values that follow what was ingested, written whole (no `.tmp` left, mode 0644).
import Alerts
import Foundation
import TestFixtures
import Testing
@testable import Watcher

struct MetricsFileTests {
    @Test func aReplayOfTheSeedsShowsInTheMetricsFile() throws {
        let s = try Scratch()
        let ingestor = try s.ingestor()
        let summary = Replay(ingestor: ingestor).run(paths: try RepoFiles.seedsInGoldOrder())
        let ingested = summary.outcomes.filter { if case .ingested = $0.outcome { true } else { false } }.count
        #expect(ingested == 5)
        let raised = ingestor.tally.raised

        let path = s.root + "/stancewatch.prom"
        MetricsFile(path: path).write(metrics: ingestor.metrics, tally: ingestor.tally, sentByKind: [.shift: 1],
                                      pendingByKind: [.divergence: 2], journalReachable: false, logger: Repo.quietLogger)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = Set(text.split(separator: "\n").map(String.init))

        for (family, type) in [("articles_ingested_total", "counter"), ("articles_refused_total", "counter"),
                               ("articles_duplicate_total", "counter"), ("stances_total", "counter"),
                               ("alerts_raised_total", "counter"), ("alerts_sent_total", "counter"),
                               ("alerts_pending", "gauge"), ("journald_reachable", "gauge"),
                               ("last_ingest_latency_seconds", "gauge"), ("ingest_latency_seconds", "histogram")] {
            #expect(lines.contains("# TYPE stancewatch_\(family) \(type)"), "no \(type) stancewatch_\(family) in:\n\(text)")
            #expect(lines.contains { $0.hasPrefix("# HELP stancewatch_\(family) ") })
        }
        #expect(lines.contains("stancewatch_articles_ingested_total 5"))
        #expect(lines.contains("stancewatch_articles_refused_total 0"))
        #expect(lines.contains("stancewatch_stances_total \(ingestor.tally.stances)"))
        #expect(ingestor.tally.stances > 0)
        #expect(lines.contains("stancewatch_alerts_raised_total{kind=\"shift\"} \(raised[.shift] ?? 0)"))
        #expect((raised[.shift] ?? 0) >= 1, "the seeds raise Tokayev's shift")
        #expect(lines.contains("stancewatch_alerts_sent_total{kind=\"shift\"} 1"))
        #expect(lines.contains("stancewatch_alerts_pending{kind=\"divergence\"} 2.0"))
        #expect(lines.contains("stancewatch_alerts_pending{kind=\"shift\"} 0.0"))
        #expect(lines.contains("stancewatch_journald_reachable 0.0"))
        // Every ingested article is in the histogram, in its +Inf bucket and its count.
        #expect(lines.contains("stancewatch_ingest_latency_seconds_bucket{le=\"+Inf\"} 5"))
        #expect(lines.contains("stancewatch_ingest_latency_seconds_count 5"))
        #expect(lines.contains { $0.hasPrefix("stancewatch_ingest_latency_seconds_bucket{le=\"0.001\"} ") })

        // Written whole: the temporary file was renamed over the path; readable by node-exporter.
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)

        // The next write shows what changed since, not a sum of the two.
        MetricsFile(path: path).write(metrics: ingestor.metrics, tally: ingestor.tally, sentByKind: [.shift: 2],
                                      pendingByKind: [:], journalReachable: true, logger: Repo.quietLogger)
        let again = Set(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init))
        #expect(again.contains("stancewatch_articles_ingested_total 5"))
        #expect(again.contains("stancewatch_alerts_sent_total{kind=\"shift\"} 2"))
        #expect(again.contains("stancewatch_alerts_pending{kind=\"divergence\"} 0.0"))
        #expect(again.contains("stancewatch_journald_reachable 1.0"))
    }

    @Test func aMetricsFileThatCannotBeWrittenLeavesTheOldOneAndTheDaemonGoesOn() throws {
        let s = try Scratch()
        let ingestor = try s.ingestor()
        let path = s.root + "/missing-folder/stancewatch.prom"
        MetricsFile(path: path).write(metrics: ingestor.metrics, tally: ingestor.tally, sentByKind: [:],
                                      pendingByKind: [:], journalReachable: true, logger: Repo.quietLogger)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
