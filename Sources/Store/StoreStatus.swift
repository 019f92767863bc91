/// What the store holds, for `stancewatch status` (and `--json`).
///
/// JSON: `{"articles": {"ingested": N, "refused": N}, "stances": N,
/// "alerts": {"sent": N, "pending": N}, "last_error": "..." | null}`.
public struct StoreStatus: Sendable, Hashable, Codable {
    /// Article counts by status.
    public struct Articles: Sendable, Hashable, Codable {
        /// Read and their stances stored (with or without stances); each version counts.
        public var ingested: Int
        /// Refused as bad input.
        public var refused: Int

        public init(ingested: Int, refused: Int) {
            self.ingested = ingested
            self.refused = refused
        }
    }

    /// Alert counts: delivered, and waiting in the outbox.
    public struct Alerts: Sendable, Hashable, Codable {
        public var sent: Int
        public var pending: Int

        public init(sent: Int, pending: Int) {
            self.sent = sent
            self.pending = pending
        }
    }

    public var articles: Articles
    /// Stored `pro`/`contra` stances.
    public var stances: Int
    public var alerts: Alerts
    /// The last error recorded (a refusal or daemon trouble), `nil` when none.
    public var lastError: String?

    public init(articles: Articles, stances: Int, alerts: Alerts, lastError: String?) {
        self.articles = articles
        self.stances = stances
        self.alerts = alerts
        self.lastError = lastError
    }

    private enum CodingKeys: String, CodingKey {
        case articles, stances, alerts
        case lastError = "last_error"
    }

    /// Encodes `last_error` as `null` when there is none, so the key is always present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articles, forKey: .articles)
        try c.encode(stances, forKey: .stances)
        try c.encode(alerts, forKey: .alerts)
        try c.encode(lastError, forKey: .lastError)
    }
}
