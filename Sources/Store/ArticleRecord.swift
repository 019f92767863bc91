public import Corpus
public import Alerts
public import Platform

/// One analysed article on its way into the store: what `StanceStore.ingest(_:rules:)` records.
public struct ArticleRecord: Sendable {
    /// What became of one article of a batch.
    public enum Outcome: Sendable {
        /// Recorded; the alerts it raised (stored unsent), in the order they were raised.
        case ingested(alerts: [Alert])
        /// Its content was already stored as `existingArticle`: only the file's identity was recorded.
        case alreadyIngested(existingArticle: String)
    }

    /// The parsed article (its id is the file name).
    public var article: Article
    /// SHA-256 of the file's bytes, lower-case hex.
    public var hash: String
    /// The identity of the file as it was read.
    public var identity: FileIdentity
    /// The engine's stances, in text order.
    public var stances: [Stance]

    /// An article with its content hash, file identity and stances.
    public init(article: Article, hash: String, identity: FileIdentity, stances: [Stance]) {
        self.article = article
        self.hash = hash
        self.identity = identity
        self.stances = stances
    }
}
