import Platform

/// Sends each alert to journald as one entry with the spec §3 fields (`Alert.journalFields`).
public struct JournalAlertSink: AlertSink, Sendable {
    public init() {}

    /// Sends the alert; throws `Platform.JournalError` (e.g. `.socketMissing`) when journald did not take it.
    public func deliver(_ alert: Alert) throws {
        try Journal.send(alert.journalFields)
    }
}
