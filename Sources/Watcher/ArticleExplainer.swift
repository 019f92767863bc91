public import Corpus
import Platform

/// `stancewatch explain`: runs one file through the reader and the engine and says, per
/// candidate, which sentence yielded it, which rules fired, the confidence and the features
/// that weighed most, and for an abstention its reason. Stores nothing.
public struct ArticleExplainer: Sendable {
    private let engine: StanceEngine
    private let reader: ArticleReader

    /// An explainer for `watchlist`.
    public init(watchlist: Watchlist, maxArticleBytes: Int = ArticleReader.defaultMaxBytes) throws {
        engine = try StanceEngine(watchlist: watchlist)
        reader = ArticleReader(maxBytes: maxArticleBytes)
    }

    /// The report for the file at `path`, as lines of text; throws when the file cannot be read.
    public func explain(path: String) throws -> [String] {
        let (bytes, identity) = try SafeFile.read(path: path, maxBytes: reader.maxBytes)
        let article = try reader.read(name: FeedNames.baseName(path), bytes: bytes, modified: ArticleReader.day(of: identity))
        var lines = ["\(escapedFileName(article.id)): dated \(article.date)"
                     + (article.hasHeaderDate ? "" : " (no date header: the file's modification day)")]
        let explanations = engine.explain(article)
        if explanations.isEmpty {
            lines.append("no stance of a watched actor on a watched topic was found")
        }
        for (index, e) in explanations.enumerated() {
            lines.append("\(index + 1). \(e.headline)")
            lines.append("   rules: \(e.rules.joined(separator: " → "))")
            lines.append("   weighed: \(e.weighed())")
            lines.append("   «\(e.sentence)» (bytes \(e.start)..<\(e.end))")
        }
        return lines
    }
}
