/// Where alerts go: journald, a JSON Lines file, or anything else that takes one at a time.
public protocol AlertSink {
    /// Delivers one alert, or throws so the caller keeps it pending and retries later.
    func deliver(_ alert: Alert) throws
}

/// Why an alert could not be written to a sink: a sentence for an operator.
public struct AlertSinkError: Error, CustomStringConvertible, Sendable {
    /// The file the sink writes, when it has one.
    public var path: String
    /// What failed, e.g. "No space left on device".
    public var problem: String
    /// The alert that was not delivered, when one was in hand.
    public var alertID: String?

    public init(path: String, problem: String, alertID: String? = nil) {
        self.path = path
        self.problem = problem
        self.alertID = alertID
    }

    public var description: String {
        if let alertID {
            return "alert \(alertID) could not be appended to the alert log \(path) (\(problem)); "
                + "it stays pending and will be sent again"
        }
        return "the alert log \(path) could not be opened (\(problem)); no alert was written to it"
    }
}
