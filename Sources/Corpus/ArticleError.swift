// Why a file from the feed could not become an `Article`.
import Platform

/// Why a file was refused as an article; `description` is a sentence naming the (escaped) file
/// and saying what the daemon did: "article 'x.txt' was refused: it is empty; skipped, nothing stored".
public struct ArticleError: Error, CustomStringConvertible, Equatable {
    /// The cause, for callers and tests.
    public enum Reason: Sendable, Equatable {
        /// No bytes at all.
        case empty
        /// Only whitespace (or only a BOM).
        case whitespaceOnly
        /// A valid date header and nothing after it.
        case headerOnly
        /// A NUL byte inside: binary data (or UTF-16 without a byte-order mark), not text.
        case nulBytes(count: Int)
        /// A UTF-16 byte-order mark, then an odd number of bytes or an unpaired surrogate.
        case badUTF16(ArticleEncoding)
        /// Too many control characters to be text.
        case controlCharacters(count: Int)
        /// Not valid UTF-8 (more than a few stray bytes; the first invalid byte's offset in the
        /// file) and not plausible Windows-1251 or KOI8-R Russian.
        case undecodable(firstInvalidOffset: Int?)
        /// The header names a date that does not exist (2025-13-45); the text is shown escaped.
        case impossibleDate(String)
        /// More bytes than the reader's limit.
        case tooLarge(size: Int, limit: Int)
    }

    /// The file name, escaped for one log line.
    public let article: String
    /// The cause.
    public let reason: Reason

    /// Creates an error for the article file `name` (escaped here).
    public init(name: String, reason: Reason) {
        self.article = escapedFileName(name)
        self.reason = reason
    }

    /// The cause alone, e.g. "it is empty" (for the store's refusal reason and journald fields).
    public var reasonText: String {
        switch reason {
        case .empty: "it is empty"
        case .whitespaceOnly: "it holds only whitespace"
        case .headerOnly: "it has a date header but no text"
        case .nulBytes(let n): "it contains \(n) NUL byte\(n == 1 ? "" : "s") (binary data, not text)"
        case .controlCharacters(let n): "it contains \(n) control characters (binary data, not text)"
        case .badUTF16(let encoding): "it starts with a \(encoding) byte-order mark but is not valid \(encoding) text"
        case .undecodable(let offset?):
            "it is not UTF-8 (the first byte that is not is at offset \(offset)), Windows-1251 or KOI8-R text"
        case .undecodable(nil): "it is not UTF-8, Windows-1251 or KOI8-R text"
        case .impossibleDate(let text): "its header date '\(text)' is not a real date (expected YYYY-MM-DD)"
        case .tooLarge(let size, let limit):
            "it is \(formatBytes(Int64(size))), above the \(formatBytes(Int64(limit))) limit (--max-article-bytes)"
        }
    }

    public var description: String { "article '\(article)' was refused: \(reasonText); skipped, nothing stored" }
}
