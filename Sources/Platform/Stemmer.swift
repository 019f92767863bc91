import CStemmer
import Synchronization

/// The Snowball stemmer from Debian's libstemmer, wrapped for Swift.
///
/// One `sb_stemmer` is not safe to share between threads, so calls are serialised by a
/// mutex; the engine is single-threaded per article, so the lock is never contended.
/// Input is lower-cased first (Snowball leaves upper-case Russian unstemmed) and `ё` is
/// folded to `е`.
public final class Stemmer: Sendable {
    private let handle: Mutex<OpaquePointer>

    /// Creates a stemmer for a Snowball language name ("russian", "english").
    /// Returns `nil` when libstemmer does not know the language.
    public init?(language: String = "russian") {
        guard let h = sb_stemmer_new(language, "UTF_8") else { return nil }
        handle = Mutex(h)
    }

    deinit {
        handle.withLock { sb_stemmer_delete($0) }
    }

    /// The stem of one word (lower-cased, ё→е). Words the stemmer rejects come back lower-cased.
    public func stem(_ word: String) -> String {
        stem(lowercased: word.lowercased().replacingOccurrences(of: "ё", with: "е"))
    }

    /// The stem of a word the caller has already lower-cased with ё folded to е (the
    /// engine's hot path: skips both passes). Rejected words come back unchanged.
    public func stem(lowercased lowered: String) -> String {
        var bytes = Array(lowered.utf8)
        return handle.withLock { h in
            let out = bytes.withUnsafeMutableBufferPointer { buf -> String? in
                guard let base = buf.baseAddress,
                      let p = sb_stemmer_stem(h, base, Int32(buf.count)) else { return nil }
                let n = Int(sb_stemmer_length(h))
                return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
            }
            return out ?? lowered
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: Character(target), omittingEmptySubsequences: false)
            .joined(separator: replacement)
    }
}
