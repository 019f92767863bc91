import Alerts
import Prometheus

/// The daemon's metrics in a swift-prometheus `PrometheusCollectorRegistry`, rendered in the
/// Prometheus text format for `--metrics-file` (see `MetricsFile`).
///
/// Families (all `stancewatch_`-prefixed): `articles_ingested_total`, `articles_refused_total`,
/// `articles_duplicate_total`, `stances_total`, `alerts_raised_total{kind}`,
/// `alerts_sent_total{kind}` (counters of this process), `alerts_pending{kind}` (journald's
/// outbox in the store), `journald_reachable` (1/0), `last_ingest_latency_seconds` and the
/// histogram `ingest_latency_seconds` (file picked up → committed).
///
/// The histogram is fed as articles are committed (`record(latency:)`); the counters and gauges
/// are set from the ingest tally, the courier and the store just before each rendering
/// (`update`). Used from the daemon's ingest thread only.
final class IngestMetrics {
    /// Upper bounds (seconds) of the ingest latency histogram's buckets.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let registry = PrometheusCollectorRegistry()
    private let latency: ValueHistogram
    private let ingested: Counter
    private let refused: Counter
    private let duplicates: Counter
    private let stances: Counter
    private let raised: [AlertKind: Counter]
    private let sent: [AlertKind: Counter]
    private let pending: [AlertKind: Gauge]
    private let journalReachable: Gauge
    private let lastLatency: Gauge

    init() {
        /// `stancewatch_<name>[_<unit>]` with its help text.
        func named(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "stancewatch", metricName: name, unitName: unit, helpText: help)
        }
        func byKind<M>(_ make: (MetricNameDescriptor, [(String, String)]) -> M, _ descriptor: MetricNameDescriptor) -> [AlertKind: M] {
            Dictionary(uniqueKeysWithValues: [AlertKind.shift, .divergence].map { kind in
                (kind, make(descriptor, [("kind", kind.rawValue)]))
            })
        }
        let r = registry
        ingested = r.makeCounter(descriptor: named("articles_ingested", "total", "Articles read and recorded by this process."))
        refused = r.makeCounter(descriptor: named("articles_refused", "total", "Files refused as bad input by this process."))
        duplicates = r.makeCounter(descriptor: named("articles_duplicate", "total", "Files whose bytes were already stored."))
        stances = r.makeCounter(descriptor: named("stances", "total", "Stances recorded by this process."))
        raised = byKind(r.makeCounter(descriptor:labels:), named("alerts_raised", "total", "Alerts raised (stored) by this process, by kind."))
        sent = byKind(r.makeCounter(descriptor:labels:), named("alerts_sent", "total", "Alerts journald took from this process, by kind."))
        pending = byKind(r.makeGauge(descriptor:labels:), named("alerts_pending", "", "Alerts in the store that journald has not taken, by kind."))
        journalReachable = r.makeGauge(descriptor: named("journald_reachable", "", "1 when journald took the last alert offered, else 0."))
        lastLatency = r.makeGauge(descriptor: named("last_ingest_latency", "seconds", "From picking the last article up to its commit."))
        latency = r.makeValueHistogram(descriptor: named("ingest_latency", "seconds", "From picking an article up to its commit."),
                                       buckets: Self.latencyBuckets)
    }

    /// One article committed, `latency` after it was picked up.
    func record(latency duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        latency.record(seconds)
        lastLatency.set(to: seconds)
    }

    /// Sets the counters and gauges to what the process and the store say now.
    func update(tally: IngestTally, sentByKind: [AlertKind: Int], pendingByKind: [AlertKind: Int], journalReachable reachable: Bool) {
        func show(_ counter: Counter, _ value: Int) {
            counter.reset()
            counter.increment(by: Int64(value))
        }
        show(ingested, tally.ingested)
        show(refused, tally.refused)
        show(duplicates, tally.duplicates)
        show(stances, tally.stances)
        for (kind, counter) in raised { show(counter, tally.raised[kind] ?? 0) }
        for (kind, counter) in sent { show(counter, sentByKind[kind] ?? 0) }
        for (kind, gauge) in pending { gauge.set(to: Double(pendingByKind[kind] ?? 0)) }
        journalReachable.set(to: reachable ? 1.0 : 0.0)
    }

    /// The exposition text (Prometheus text format 0.0.4), as swift-prometheus renders it.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
