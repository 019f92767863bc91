/// `stancewatch explain`: runs one file through the reader and the engine and says, per
/// stance, which sentence yielded it and which rules fired. Stores nothing.
public import Corpus
import Platform

public struct ArticleExplainer: Sendable {
    private let engine: StanceEngine
    private let reader: ArticleReader
    private let maxBytes: Int

    /// An explainer for `watchlist`.
    public init(watchlist: Watchlist, maxArticleBytes: Int = 8 << 20) throws {
        engine = try StanceEngine(watchlist: watchlist)
        reader = ArticleReader(maxBytes: maxArticleBytes)
        maxBytes = maxArticleBytes
    }

    /// The report for the file at `path`, as lines of text; throws when the file cannot be read.
    public func explain(path: String) throws -> [String] {
        let (bytes, identity) = try SafeFile.read(path: path, maxBytes: maxBytes)
        let article = try reader.read(name: FeedNames.baseName(path), bytes: bytes, modified: Ingestor.day(of: identity))
        var lines = ["\(escapedFileName(article.id)): dated \(article.date)"
                     + (article.hasHeaderDate ? "" : " (no date header: the file's modification day)")]
        let stances = engine.stances(in: article)
        if stances.isEmpty {
            lines.append("no stance of a watched actor on a watched topic was found")
        }
        for (index, stance) in stances.enumerated() {
            lines.append("\(index + 1). \(stance.actor) · \(stance.topic) · \(stance.polarity.rawValue) · stated \(stance.stated)")
            lines.append("   rules: \(stance.rules.joined(separator: " → "))")
            lines.append("   «\(stance.evidence)» (bytes \(stance.evidenceStart)..<\(stance.evidenceEnd))")
        }
        return lines
    }
}
