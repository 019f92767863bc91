import Platform

/// `stancewatch replay`: the daemon's pipeline over a list of files, in the order given.
public struct Replay {
    /// What a replay did, file by file.
    public struct Summary: Sendable {
        /// Each file with its outcome, in the order given.
        public var outcomes: [(path: String, outcome: IngestOutcome)] = []
        /// Files whose outcome the store could not record.
        public var failures: [(path: String, reason: String)] {
            outcomes.compactMap { item in
                if case .retryLater(let reason) = item.outcome { return (item.path, reason) }
                return nil
            }
        }
    }

    private let ingestor: Ingestor

    /// A replay through `ingestor` (the same one the daemon would use).
    public init(ingestor: Ingestor) {
        self.ingestor = ingestor
    }

    /// Sends what a crash left pending, ingests `paths` in order (several per transaction),
    /// then sends what is still pending. After a store failure the remaining files are not
    /// tried (their outcome is that failure): they would otherwise be recorded out of order.
    public func run(paths: [String]) -> Summary {
        run(pathBytes: paths.map { Array($0.utf8) })
    }

    /// `run(paths:)` for raw paths (a name that is not UTF-8 is opened by its bytes and shown
    /// with `\xNN` escapes, see `fileNameText(bytes:)`).
    public func run(pathBytes: [[UInt8]]) -> Summary {
        ingestor.deliverPending()
        var summary = Summary()
        let outcomes = ingestor.ingest(pathBytes: pathBytes)
        for (index, path) in pathBytes.enumerated() {
            let outcome = index < outcomes.count ? outcomes[index]
                : outcomes.last.flatMap { if case .retryLater = $0 { $0 } else { nil } } ?? .retryLater(reason: "not tried")
            summary.outcomes.append((fileNameText(bytes: path), outcome))
        }
        ingestor.deliverPending()
        return summary
    }
}
