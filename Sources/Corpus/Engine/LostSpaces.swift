/// Scraped text that lost its spaces («правительство необсуждает введение», «поналогу»,
/// «Голодец,неоднократно»): the words run together, and a negation glued to its verb is lost
/// with them, so the article reads the other way round.
///
/// An article shows lost spaces when it has at least two of these: a comma or point glued
/// between a word and a lowercase word, a word of 24 letters or more (Russian has next to none). Only
/// there, a lowercase word no list knows is read as two words, in this order:
/// 1. `gluedFunctionWord`: it opens with the negator (`gluedNegators`) or a short preposition
///    or demonstrative (`gluedPrefixes`) and goes on with a word some list knows («не|обсуждает»,
///    «по|налогу», «этот|вопрос»); after a preposition not with a verb form (`verbFormEndings`:
///    «до|говорились» is «договорились»);
/// 2. `twoKnownWords`: two words some list knows make it up («налогообложения|физических»).
/// Each part keeps its bytes of the body, so evidence is still cut verbatim; nothing is
/// inserted. A list "knows" a word when any of the lexicon's or the watchlist's lists holds it
/// or its stem (`known`), so what the split can find is what the rules can read.
enum LostSpaces {
    /// The fewest glued marks and over-long words that show an article lost its spaces.
    static let evidenceNeeded = 2
    /// A word this long (in letters) is words run together.
    static let overLong = 24
    /// The shortest part worth splitting off as a known word.
    static let shortestPart = 4
    /// The shortest word read as two known words run together.
    static let shortestTwoWords = 10

    /// Whether the tokens show lost spaces.
    static func shows(_ tokens: [Token]) -> Bool {
        var seen = 0
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .word, t.scalarCount >= overLong { seen += 1 }
            if t.kind == .punct, t.norm == "," || t.norm == ".", i > 0, i + 1 < tokens.count,
               tokens[i - 1].kind == .word, isPlainLower(tokens[i + 1]),
               tokens[i - 1].end == t.start, t.end == tokens[i + 1].start { seen += 1 }
            if seen >= evidenceNeeded { return true }
        }
        return false
    }

    /// The tokens with each glued word read as its two words.
    static func repaired(_ tokens: [Token], words: FunctionWords, known: (String) -> Bool) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count + 8)
        let glued = Glued(words)
        for t in tokens {
            guard isPlainLower(t), !known(t.norm), let cut = cut(t.norm, glued: glued, known: known) else {
                out.append(t)
                continue
            }
            // a folded letter is one byte, a written one two (`isPlainLower`)
            let head = String(t.norm.utf8.prefix(cut))!, tail = String(t.norm.utf8.dropFirst(cut))!
            out.append(part(head, start: t.start, end: t.start + 2 * cut))
            out.append(part(tail, start: t.start + 2 * cut, end: t.end))
        }
        return out
    }

    /// The function words that glue to the next word, each with whether it may stand before a
    /// verb form (the negator may, a preposition may not), and the endings of verb forms.
    struct Glued {
        let prefixes: [(word: String, beforeVerbs: Bool)]
        let verbEndings: [String]

        init(_ words: FunctionWords) {
            prefixes = words.list(.gluedNegators).map { ($0, true) } + words.list(.gluedPrefixes).map { ($0, false) }
            verbEndings = words.list(.verbFormEndings)
        }
    }

    /// Where to cut a glued folded word (a letter count), by the first rule that finds a cut.
    static func cut(_ word: String, glued: Glued, known: (String) -> Bool) -> Int? {
        let letters = Array(word.utf8)
        let text = { (part: ArraySlice<UInt8>) in String(decoding: part, as: UTF8.self) }
        for (p, beforeVerbs) in glued.prefixes where word.hasPrefix(p) {
            let rest = text(letters[p.utf8.count...])
            let verbForm = glued.verbEndings.contains(where: rest.hasSuffix)
            if rest.utf8.count >= shortestPart, beforeVerbs || !verbForm, known(rest) { return p.utf8.count }
        }
        guard letters.count >= shortestTwoWords else { return nil }
        for k in shortestPart...(letters.count - shortestPart) where known(text(letters[..<k])) && known(text(letters[k...])) {
            return k
        }
        return nil
    }

    /// A lowercase word of Russian letters only: its folded form is one byte a letter (`Fold`),
    /// its written form two, so a cut in one is a cut in the other.
    private static func isPlainLower(_ t: Token) -> Bool {
        t.kind == .word && !t.capitalized && t.end - t.start == 2 * t.norm.utf8.count
            && t.norm.utf8.allSatisfy { (0x40...0x5F).contains($0) }
    }

    private static func part(_ norm: String, start: Int, end: Int) -> Token {
        Token(kind: .word, norm: norm, start: start, end: end, capitalized: false, allCaps: false, cyrillicOnly: false,
              scalarCount: UInt16(clamping: norm.unicodeScalars.count))
    }
}
