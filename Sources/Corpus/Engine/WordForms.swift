import Platform
import Synchronization

/// Stems shared by every article an engine reads: news vocabulary repeats, so most words
/// are stemmed once per process. Bounded: emptied when it grows past `limit` entries.
final class StemCache: Sendable {
    private let table = Mutex<[String: String]>([:])
    let limit = 200_000

    func get(_ folded: String) -> String? { table.withLock { $0[folded] } }

    func put(_ folded: String, _ stem: String) {
        table.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[folded] = stem
        }
    }
}

/// Word normalisation for matching dictionary forms against running text.
///
/// Three kinds of match, each chosen for what it compares:
/// - common words (cues, roles, lexicon entries) compare Snowball stems, and a stem
///   also matches a stem of the same *family*: the two share a prefix of at least five
///   letters covering all but two letters of the shorter one ("посредник" /
///   "посредничеств" / "посредническ", "допуск" / "допуст"). Snowball alone keeps those
///   apart; a shared-prefix rule needs no derivation dictionary and stays bounded.
/// - proper names do not go through Snowball at all: it over-stems bare surnames
///   (Токаев → "тока", Токаева → "токаев"), so a name word matches a token that is the
///   folded name plus one of a short list of case endings (after dropping a final
///   а/я/ь/й of the name: Набиуллина → Набиуллиной), plus the fleeting vowel of short
///   names (Лев → Льва).
/// - everything is folded first (`Fold`: case, ё, Latin look-alikes).
struct WordForms {
    let stemmer: Stemmer
    let shared: StemCache?
    private var cache: [String: String] = [:]

    init(stemmer: Stemmer, shared: StemCache? = nil) { self.stemmer = stemmer; self.shared = shared }

    /// The Snowball stem of a folded word: each distinct word of an article is looked up
    /// once (per-article table), and stemmed once per process (`StemCache`).
    mutating func stem(_ folded: String) -> String {
        if let s = cache[folded] { return s }
        if let s = shared?.get(folded) { cache[folded] = s; return s }
        let s = folded.utf8.count <= 2 ? folded : Fold.stem(folded, stemmer)
        cache[folded] = s
        shared?.put(folded, s)
        return s
    }

    /// True when two stems are the same word or the same word family.
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let n = min(a.utf8.count, b.utf8.count)
        guard n >= 5 else { return false }
        var k = 0
        var ia = a.utf8.makeIterator(), ib = b.utf8.makeIterator()
        while k < n, let x = ia.next(), let y = ib.next(), x == y { k += 1 }
        return k >= max(5, n - 2)
    }

    /// The first five letters of a stem: the bucket key for family lookups.
    static func bucket(_ stem: String) -> Substring {
        stem.prefix(5)
    }

    /// Case endings a proper name may take in running text.
    static let nameEndings: Set<String> = K.set(["", "а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "ы", "и", "ой", "ей", "ую", "юю",
                                        "ого", "его", "ому", "ему", "ых", "их", "ыми", "ими", "ам", "ям", "ах", "ях", "ою", "ь"])

    /// Final letters of a name dropped before a case ending (Набиуллина → Набиуллиной), folded.
    static let droppableFinals = Set(Fold.word("аяьй").unicodeScalars)

    /// True when `token` (folded) is an inflected form of the folded name word `name`.
    static func nameMatches(_ token: String, _ name: String) -> Bool {
        if token == name { return true }
        let tn = token.utf8.count, nn = name.utf8.count
        guard nn >= 3, tn >= nn - 2, tn <= nn + 3, token.utf8.first == name.utf8.first else { return false }
        if let rest = suffix(of: token, after: name), nameEndings.contains(rest) { return true }
        let last = name.unicodeScalars.last!
        if droppableFinals.contains(last) {
            let base = String(name.unicodeScalars.dropLast())
            if let rest = suffix(of: token, after: base), nameEndings.contains(rest), !rest.isEmpty { return true }
        }
        // fleeting vowel: лев → льв-а
        let u = Array(name.unicodeScalars)
        if u.count <= 5, u.count >= 3, u[u.count - 2] == Fold.encode("е") || u[u.count - 2] == Fold.encode("о") {
            var v = u; v.remove(at: u.count - 2)
            var base = String.UnicodeScalarView(); base.append(contentsOf: v)
            let b = String(base)
            let soft = u[u.count - 2] == Fold.encode("е") && u.count == 3 ? String(u[0]) + Fold.word("ь") + String(u[2]) : b
            for cand in [b, soft] {
                if let rest = suffix(of: token, after: cand), !rest.isEmpty, nameEndings.contains(rest) { return true }
            }
        }
        return false
    }

    private static func suffix(of token: String, after prefix: String) -> String? {
        guard token.hasPrefix(prefix) else { return nil }
        return String(token.dropFirst(prefix.count))
    }
}
