import Alerts
import Foundation
import Glibc
import Logging

/// The daemon's metrics as a Prometheus textfile-collector file (`--metrics-file PATH`),
/// rewritten every few seconds and at exit: the text goes to `PATH.tmp` first and is renamed
/// over `PATH`, so node-exporter never reads half a file.
///
/// Families (all `stancewatch_`-prefixed): `articles_ingested_total`, `articles_refused_total`,
/// `articles_duplicate_total`, `stances_total`, `alerts_raised_total{kind}`,
/// `alerts_sent_total{kind}` (counters of this process), `alerts_pending{kind}` (journald's
/// outbox in the store), `journald_reachable` (1/0), `last_ingest_latency_seconds` and the
/// histogram `ingest_latency_seconds` (file picked up → committed).
struct MetricsFile {
    let path: String
    private let failureReported = FailureFlag()

    init(path: String) {
        self.path = path
    }

    /// Writes the file; logs once when it cannot (and once when it can again).
    func write(tally: IngestTally, sentByKind: [AlertKind: Int], pendingByKind: [AlertKind: Int],
               journalReachable: Bool, logger: Logger) {
        let text = Self.render(tally: tally, sentByKind: sentByKind, pendingByKind: pendingByKind,
                               journalReachable: journalReachable)
        let temp = path + ".tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temp))
            // Readable by node-exporter whatever the daemon's umask (UMask=0077 under systemd).
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temp)
            guard rename(temp, path) == 0 else {
                throw WatcherError(String(cString: strerror(errno)))
            }
            if failureReported.value {
                failureReported.value = false
                logger.notice("the metrics file \(path) is written again")
            }
        } catch {
            if !failureReported.value {
                failureReported.value = true
                logger.warning("the metrics file \(path) could not be written (\(error)); ingesting goes on, the file is retried")
            }
        }
    }

    /// The exposition text (Prometheus text format 0.0.4).
    static func render(tally: IngestTally, sentByKind: [AlertKind: Int], pendingByKind: [AlertKind: Int],
                       journalReachable: Bool) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(String, Double)]) {
            out += "# HELP stancewatch_\(name) \(help)\n# TYPE stancewatch_\(name) \(type)\n"
            for (labels, value) in samples { out += "stancewatch_\(name)\(labels) \(format(value))\n" }
        }
        func byKind(_ values: [AlertKind: Int]) -> [(String, Double)] {
            [AlertKind.shift, .divergence].map { ("{kind=\"\($0.rawValue)\"}", Double(values[$0] ?? 0)) }
        }
        family("articles_ingested_total", "counter", "Articles read and recorded by this process.", [("", Double(tally.ingested))])
        family("articles_refused_total", "counter", "Files refused as bad input by this process.", [("", Double(tally.refused))])
        family("articles_duplicate_total", "counter", "Files whose bytes were already stored.", [("", Double(tally.duplicates))])
        family("stances_total", "counter", "Stances recorded by this process.", [("", Double(tally.stances))])
        family("alerts_raised_total", "counter", "Alerts raised (stored) by this process, by kind.", byKind(tally.raised))
        family("alerts_sent_total", "counter", "Alerts journald took from this process, by kind.", byKind(sentByKind))
        family("alerts_pending", "gauge", "Alerts in the store that journald has not taken, by kind.", byKind(pendingByKind))
        family("journald_reachable", "gauge", "1 when journald took the last alert offered, else 0.",
               [("", journalReachable ? 1 : 0)])
        let last = tally.lastLatency.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0
        family("last_ingest_latency_seconds", "gauge", "From picking the last article up to its commit.", [("", last)])
        var buckets: [(String, Double)] = []
        for (i, bound) in IngestTally.latencyBuckets.enumerated() {
            buckets.append(("_bucket{le=\"\(format(bound))\"}", Double(tally.latencyCounts[i])))
        }
        buckets.append(("_bucket{le=\"+Inf\"}", Double(tally.latencyCounts.last ?? 0)))
        buckets.append(("_sum", tally.latencySum))
        buckets.append(("_count", Double(tally.ingested)))
        family("ingest_latency_seconds", "histogram", "From picking an article up to its commit.", buckets)
        return out
    }

    private static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}

/// A flag the (single) writer flips; a class so `MetricsFile` stays a value.
private final class FailureFlag {
    var value = false
}
