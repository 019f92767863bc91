/// The one error the test support throws: a sentence saying what is missing or failed.

/// A test could not be set up (a seed, the built binary or a socket is missing); the
/// description says which and why.
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
