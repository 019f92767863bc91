/// An actor's position on a topic: one of the two sides the watchlist describes. Where the engine
/// cannot tell the side, it records no stance (an abstention, which `explain` lists), not a third value.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
    case pro
    case contra

    /// The other side.
    public var opposite: Polarity {
        switch self {
        case .pro: .contra
        case .contra: .pro
        }
    }
}
