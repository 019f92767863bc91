/// What happened to one file that went through the `Ingestor`.
public enum IngestOutcome: Sendable, Equatable {
    /// Read, its stances stored and its alerts raised (and sent when journald is there).
    case ingested(stances: Int, alerts: Int)
    /// The same bytes were already stored (under this or another name): marked seen, not processed again.
    case duplicate
    /// This name with this identity was handled before: nothing done.
    case unchanged
    /// A dot-file or a file still being written (`*.tmp`, `*.part`): not looked at.
    case ignored
    /// Bad input: reported once (journald) and recorded, so a restart does not report it again.
    case refused(reason: String)
    /// The store could not record the outcome (disk full, read-only state, ...): nothing was
    /// marked, the file is tried again later.
    case retryLater(reason: String)
}
