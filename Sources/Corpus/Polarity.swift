/// An actor's position on a topic: the two sides the watchlist describes, or neither.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
    case pro
    case contra
    /// Recorded by the engine for explanation; never stored as a stance nor alerted on.
    case neutral

    /// The other side; `neutral` stays `neutral`.
    public var opposite: Polarity {
        switch self {
        case .pro: .contra
        case .contra: .pro
        case .neutral: .neutral
        }
    }
}
