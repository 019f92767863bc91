import Alerts
import Foundation
import Glibc
import Logging

/// The daemon's metrics as a Prometheus textfile-collector file (`--metrics-file PATH`),
/// rewritten every few seconds and at exit: the exposition (`IngestMetrics`, rendered by
/// swift-prometheus) goes to `PATH.tmp` first, mode 0644, and is renamed over `PATH`, so
/// node-exporter never reads half a file.
struct MetricsFile {
    let path: String
    private let failureReported = FailureFlag()

    init(path: String) {
        self.path = path
    }

    /// Sets `metrics` from the other arguments and writes the file; logs once when it cannot
    /// (and once when it can again).
    func write(metrics: IngestMetrics, tally: IngestTally, sentByKind: [AlertKind: Int], pendingByKind: [AlertKind: Int],
               journalReachable: Bool, logger: Logger) {
        metrics.update(tally: tally, sentByKind: sentByKind, pendingByKind: pendingByKind, journalReachable: journalReachable)
        do {
            try Self.replace(path, with: metrics.exposition())
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

    /// Writes `bytes` to `path.tmp` (mode 0644: readable by node-exporter whatever the daemon's
    /// umask, UMask=0077 under systemd) and renames it over `path`.
    private static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temp = path + ".tmp"
        try Data(bytes).write(to: URL(fileURLWithPath: temp))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temp)
        guard rename(temp, path) == 0 else {
            throw WatcherError("renaming \(temp) over it failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// A flag the (single) writer flips; a class so `MetricsFile` stays a value.
private final class FailureFlag {
    var value = false
}
