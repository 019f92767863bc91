/// The daemon's own failures, each a sentence for an operator: what, where, what happens next.
public struct WatcherError: Error, CustomStringConvertible, Sendable {
    /// The sentence shown to the operator.
    public var description: String

    /// An error reading as `description`.
    public init(_ description: String) {
        self.description = description
    }
}
