import Platform

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
    private var cache: [String: String] = [:]

    init(stemmer: Stemmer) { self.stemmer = stemmer }

    /// The Snowball stem of a folded word, cached per instance (one instance per article).
    mutating func stem(_ folded: String) -> String {
        if let s = cache[folded] { return s }
        let s = folded.unicodeScalars.count <= 2 ? folded : stemmer.stem(folded)
        cache[folded] = s
        return s
    }

    /// True when two stems are the same word or the same word family.
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let au = Array(a.unicodeScalars), bu = Array(b.unicodeScalars)
        let n = min(au.count, bu.count)
        guard n >= 5 else { return false }
        var k = 0
        while k < n, au[k] == bu[k] { k += 1 }
        return k >= max(5, n - 2)
    }

    /// The first five letters of a stem: the bucket key for family lookups.
    static func bucket(_ stem: String) -> Substring {
        stem.prefix(5)
    }

    /// Case endings a proper name may take in running text.
    static let nameEndings: [String] = ["", "а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "ы", "и", "ой", "ей", "ую", "юю",
                                        "ого", "его", "ому", "ему", "ых", "их", "ыми", "ими", "ам", "ям", "ах", "ях", "ою", "ь"]

    /// True when `token` (folded) is an inflected form of the folded name word `name`.
    static func nameMatches(_ token: String, _ name: String) -> Bool {
        if token == name { return true }
        guard name.unicodeScalars.count >= 3 else { return false }
        if let rest = suffix(of: token, after: name), nameEndings.contains(rest) { return true }
        let last = name.unicodeScalars.last!
        if "аяьй".unicodeScalars.contains(last) {
            let base = String(name.unicodeScalars.dropLast())
            if let rest = suffix(of: token, after: base), nameEndings.contains(rest), !rest.isEmpty { return true }
        }
        // fleeting vowel: лев → льв-а
        let u = Array(name.unicodeScalars)
        if u.count <= 5, u.count >= 3, u[u.count - 2] == "е" || u[u.count - 2] == "о" {
            var v = u; v.remove(at: u.count - 2)
            var base = String.UnicodeScalarView(); base.append(contentsOf: v)
            let b = String(base)
            let soft = u[u.count - 2] == "е" && u.count == 3 ? String(u[0]) + "ь" + String(u[2]) : b
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
