/// The two kinds of alert, their fixed journald `MESSAGE_ID`s and syslog priorities.
public enum AlertKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An actor changed position on a topic.
    case shift
    /// Two actors of one group hold opposite positions stated close together.
    case divergence

    /// The fixed `MESSAGE_ID` of this kind (journald catalog convention).
    public var messageID: String {
        switch self {
        case .shift: MessageID.shift
        case .divergence: MessageID.divergence
        }
    }

    /// Syslog level: 4 (warning) for a shift, 5 (notice) for a divergence.
    public var priority: Int {
        switch self {
        case .shift: 4
        case .divergence: 5
        }
    }
}

/// Every fixed journald `MESSAGE_ID` Stancewatch uses (documented in `deploy/stancewatch.catalog`).
public enum MessageID {
    /// A `shift` alert.
    public static let shift = "6a754b5bce3d45a2a3e15fb0c3c5afb8"
    /// A `divergence` alert.
    public static let divergence = "aee39da006a3415c835c9584a8d62683"
    /// An article was refused (bad input; one entry per bad file, PRIORITY=3).
    public static let articleRefused = "c644010abd6c4275847f20770095c839"
    /// Daemon or folder trouble: feed folder gone, store error, journald back, and so on.
    public static let daemonTrouble = "8210f7eaea0b47f4a09e032451a3bb4c"
    /// The watchlist lint found something that will make the engine guess (PRIORITY=4, one
    /// entry per warning, at start-up and on each reload; `stancewatch check-watchlist`).
    public static let watchlistWarning = "dd60fc15d3a644a4916d5449c1dc982a"
}
