import Platform
import Synchronization

/// The stems and facts (`WordFacts`) of the words every article an engine reads: news
/// vocabulary repeats, so most words are stemmed and looked up once per process. One cache
/// per engine (the facts are its lexicon's and watch index's). Bounded: emptied when it grows
/// past `limit` entries.
final class StemCache: Sendable {
    private let table = Mutex<[String: WordEntry]>([:])
    let limit = 200_000

    func get(_ folded: String) -> WordEntry? { table.withLock { $0[folded] } }

    /// The entries of all `words` known, under one lock (an article's words at once).
    func get(_ words: [String]) -> [WordEntry?] { table.withLock { t in words.map { t[$0] } } }

    func put(_ folded: String, _ entry: WordEntry) { put([(folded, entry)]) }

    /// Adds `entries` under one lock.
    func put(_ entries: [(String, WordEntry)]) {
        guard !entries.isEmpty else { return }
        table.withLock {
            for (folded, entry) in entries {
                if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
                $0[folded] = entry
            }
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
///   names (Лев → Льва): see `NameForms`, which takes those lists from the lexicon.
/// - everything is folded first (`Fold`: case, ё, Latin look-alikes).
struct WordForms {
    let stemmer: Stemmer
    let shared: StemCache?
    private var cache: [String: String] = [:]
    /// This article's words (a reader of one article) with their stems and facts.
    private var entries: [String: WordEntry] = [:]

    init(stemmer: Stemmer, shared: StemCache? = nil) { self.stemmer = stemmer; self.shared = shared }

    /// The Snowball stem of a folded word, stemmed once per reader.
    mutating func stem(_ folded: String) -> String {
        if let s = cache[folded] { return s }
        let s = Self.stem(folded, stemmer)
        cache[folded] = s
        return s
    }

    private static func stem(_ folded: String, _ stemmer: Stemmer) -> String {
        folded.utf8.count <= 2 ? folded : Fold.stem(folded, stemmer)
    }

    /// The stems and facts of an article's tokens, in their order (a number is its own stem).
    /// With a process-wide cache, all are looked up there under one lock and only the words it
    /// does not hold are stemmed and looked up in the lists (once each); without one, word by
    /// word through `entry`.
    mutating func entries(_ tokens: [Token], facts: (String, String) -> WordFacts) -> [WordEntry] {
        guard let shared else {
            entries.reserveCapacity(tokens.count / 2)
            return tokens.map { entry($0.norm, isWord: $0.kind == .word, facts: facts) }
        }
        let known = shared.get(tokens.map(\.norm))
        var new: [String: WordEntry] = [:]
        var out: [WordEntry] = []
        out.reserveCapacity(tokens.count)
        for (t, e) in zip(tokens, known) {
            if let e { out.append(e); continue }
            if let e = new[t.norm] { out.append(e); continue }
            let stem = t.kind == .word ? Self.stem(t.norm, stemmer) : t.norm
            let e = WordEntry(stem: stem, facts: facts(t.norm, stem))
            new[t.norm] = e
            out.append(e)
        }
        shared.put(new.map { ($0.key, $0.value) })
        return out
    }

    /// The stem and facts of a token's folded form `norm` (a number is its own stem): each
    /// distinct word of an article is looked up once (per-article table), and stemmed and
    /// looked up in the lists once per process (`StemCache`).
    mutating func entry(_ norm: String, isWord: Bool, facts: (String, String) -> WordFacts) -> WordEntry {
        if let e = entries[norm] { return e }
        if let e = shared?.get(norm) { entries[norm] = e; return e }
        let stem = isWord ? Self.stem(norm, stemmer) : norm
        let e = WordEntry(stem: stem, facts: facts(norm, stem))
        entries[norm] = e
        shared?.put(norm, e)
        return e
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

}

/// The inflected forms of a proper name in running text, from the lexicon's roles
/// `nameEndings`, `droppableFinals`, `fleetingVowels` and `softSign`.
///
/// A token is a form of a name word when it is, in this order:
/// 1. the name itself;
/// 2. the name and a case ending (Токаев → Токаевым);
/// 3. the name without a droppable final letter, and an ending (Набиуллина → Набиуллиной);
/// 4. a short name without its fleeting vowel, and an ending (Лев → Льва; a three-letter
///    name whose dropped vowel is the first fleeting vowel keeps a soft sign in its place).
///
/// A name of six letters or more is also found spelt one letter off, with or without an
/// ending (`oneLetterOff`: "Смортич", "Смортрича" for Смотрич): transliterations and typos.
struct NameForms: Sendable {
    /// Case endings a proper name may take in running text, with the bare name's "".
    let endings: Set<String>
    /// Final letters of a name dropped before a case ending (Набиуллина → Набиуллиной).
    let droppableFinals: Set<Unicode.Scalar>
    /// Vowels that drop out of a short name before an ending (Лев → Льва).
    let fleetingVowels: [Unicode.Scalar]
    /// What stands for the first fleeting vowel of a three-letter name (лев → льв-а).
    let softSign: String

    init(_ words: FunctionWords) {
        endings = Set([""] + words.list(.nameEndings))
        droppableFinals = Set(words.list(.droppableFinals).flatMap(\.unicodeScalars))
        fleetingVowels = words.list(.fleetingVowels).compactMap(\.unicodeScalars.first)
        softSign = words.word(.softSign)
    }

    /// True when `token` (folded) is an inflected form of the folded name word `name`.
    func matches(_ token: String, _ name: String) -> Bool {
        if token == name { return true }
        let tn = token.utf8.count, nn = name.utf8.count
        guard nn >= 3, tn >= nn - 2, tn <= nn + 3, token.utf8.first == name.utf8.first else { return false }
        if let rest = Self.suffix(of: token, after: name), endings.contains(rest) { return true }
        return withoutDroppableFinal(token, name) || withoutFleetingVowel(token, name)
    }

    /// Набиуллина → Набиуллин-ой.
    private func withoutDroppableFinal(_ token: String, _ name: String) -> Bool {
        guard let last = name.unicodeScalars.last, droppableFinals.contains(last) else { return false }
        let base = String(name.unicodeScalars.dropLast())
        return endsInAnEnding(token, after: base)
    }

    /// Лев → Льв-а.
    private func withoutFleetingVowel(_ token: String, _ name: String) -> Bool {
        let letters = Array(name.unicodeScalars)
        let n = letters.count
        guard (3...5).contains(n), fleetingVowels.contains(letters[n - 2]) else { return false }
        var kept = letters
        kept.remove(at: n - 2)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        let base = String(view)
        let keepsSoftSign = letters[n - 2] == fleetingVowels.first && n == 3
        let soft = keepsSoftSign ? String(letters[0]) + softSign + String(letters[2]) : base
        return endsInAnEnding(token, after: base) || endsInAnEnding(token, after: soft)
    }

    /// Names shorter than this are not looked for one letter off: short words one letter apart
    /// are often different words.
    static let oneLetterOffLength = 6

    /// The case ending (possibly "") after which `token` is the name word `name` spelt one letter
    /// off: a letter changed, added or dropped, or two neighbours swapped; nil when it is not,
    /// or when `name` is shorter than `oneLetterOffLength`. The bare form is tried first.
    func oneLetterOff(_ token: String, _ name: String) -> String? {
        // the cheap tests first, without copying (most words a pattern is tried on fail here)
        let (tokenCount, nameCount) = (token.unicodeScalars.count, name.unicodeScalars.count)
        guard nameCount >= Self.oneLetterOffLength, token.unicodeScalars.first == name.unicodeScalars.first,
              tokenCount >= nameCount - 1, tokenCount <= nameCount + 4 else { return nil }
        let t = Array(token.unicodeScalars), n = Array(name.unicodeScalars)
        if Self.withinOneEdit(t[...], n[...]) { return "" }
        for ending in endings where !ending.isEmpty && token.hasSuffix(ending) {
            if Self.withinOneEdit(t.dropLast(ending.unicodeScalars.count), n[...]) { return ending }
        }
        return nil
    }

    /// True when `a` becomes `b` by at most one change, insertion, deletion or swap of neighbours.
    static func withinOneEdit(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Bool {
        // past the common start, the rests must agree after one edit
        var (i, j) = (a.startIndex, b.startIndex)
        while i < a.endIndex, j < b.endIndex, a[i] == b[j] { i += 1; j += 1 }
        let (restA, restB) = (a[i...], b[j...])
        switch restA.count - restB.count {
        case 0:
            guard let x = restA.first, let y = restB.first else { return true }
            return restA.dropFirst().elementsEqual(restB.dropFirst())
                || restA.count >= 2 && restA.dropFirst().first == y && restB.dropFirst().first == x
                    && restA.dropFirst(2).elementsEqual(restB.dropFirst(2))
        case 1: return restA.dropFirst().elementsEqual(restB)
        case -1: return restA.elementsEqual(restB.dropFirst())
        default: return false
        }
    }

    /// True when `token` is `base` and a case ending (not the bare `base`).
    private func endsInAnEnding(_ token: String, after base: String) -> Bool {
        guard let rest = Self.suffix(of: token, after: base) else { return false }
        return !rest.isEmpty && endings.contains(rest)
    }

    private static func suffix(of token: String, after prefix: String) -> String? {
        guard token.hasPrefix(prefix) else { return nil }
        return String(token.dropFirst(prefix.count))
    }
}
