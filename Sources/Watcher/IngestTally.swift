public import Alerts

/// What this process ingested, for `--metrics-file` and the STATUS= line.
public struct IngestTally: Sendable {
    /// Upper bounds (seconds) of the ingest latency histogram's buckets.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public var ingested = 0
    public var refused = 0
    public var duplicates = 0
    public var stances = 0
    /// Alerts raised (stored), by kind.
    public var raised: [AlertKind: Int] = [:]
    /// From picking the file up to its commit, for the last article ingested.
    public var lastLatency: Duration?
    /// Cumulative counts per bucket of `latencyBuckets` (the last is +Inf), their sum and count.
    public var latencyCounts = [Int](repeating: 0, count: IngestTally.latencyBuckets.count + 1)
    public var latencySum = 0.0

    public var alertsRaised: Int { raised.values.reduce(0, +) }

    mutating func ingested(stances: Int, alerts: [Alert], latency: Duration) {
        ingested += 1
        self.stances += stances
        for alert in alerts { raised[alert.kind, default: 0] += 1 }
        lastLatency = latency
        let seconds = Double(latency.components.seconds) + Double(latency.components.attoseconds) / 1e18
        latencySum += seconds
        for (i, bound) in Self.latencyBuckets.enumerated() where seconds <= bound { latencyCounts[i] += 1 }
        latencyCounts[Self.latencyBuckets.count] += 1
    }
}
