public import Alerts

/// What this process ingested, for `--metrics-file` (see `IngestMetrics`) and the STATUS= line.
public struct IngestTally: Sendable {
    public var ingested = 0
    public var refused = 0
    public var duplicates = 0
    public var stances = 0
    /// Alerts raised (stored), by kind.
    public var raised: [AlertKind: Int] = [:]
    /// From picking the file up to its commit, for the last article ingested.
    public var lastLatency: Duration?

    public var alertsRaised: Int { raised.values.reduce(0, +) }

    mutating func ingested(stances: Int, alerts: [Alert], latency: Duration) {
        ingested += 1
        self.stances += stances
        for alert in alerts { raised[alert.kind, default: 0] += 1 }
        lastLatency = latency
    }
}
