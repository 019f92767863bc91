/// An article body broken up for the rules: tokens, the word list with stems, sentences
/// as word ranges, the punctuation before each word, quote membership and mentions.
///
/// Memory: all tokens (punctuation and line breaks too) are only needed to find sentences,
/// quotes and the punctuation between words; once those are known only the words are kept
/// for the rules (see `split`).
struct ArticleText {
    var words: [Token]
    var stems: [String]
    /// What the rules ask of each word (`WordFacts`): roles, lists, direction.
    var facts: [WordFacts]
    /// The positions of the words that anchor some topic (`WordMarks.anchorWord`), ascending.
    var anchorWords: [Int]
    /// True when a clause boundary precedes word `i` (see `boundary(before:)`).
    private var boundaries: [Bool]
    /// Punctuation marks between word `i - 1` and word `i`, concatenated.
    var punctBefore: [String]
    /// Index into `quotes` of the innermost quote holding word `i`, or -1.
    var quoteOf: [Int]
    /// Quotes as word ranges (words strictly inside the marks).
    var quotes: [Range<Int>]
    var sentences: [Sentence]
    /// Word range of each sentence.
    var sentenceWords: [Range<Int>]
    var mentions: [Mention]
    /// Mentions of each sentence (indices into `mentions`).
    var sentenceMentions: [[Int]]

    init(body: String, lexicon: Lexicon, index: WatchIndex, forms: inout WordForms) {
        // a word of scraped text that lost its spaces is read as the words it runs together
        (words, punctBefore, sentences, sentenceWords, quotes) = Self.split(body, lexicon: lexicon) { norm in
            forms.entry(norm, isWord: true) { WordFacts(norm: $0, stem: $1, lexicon: lexicon, index: index) }.facts.isKnown
        }
        let entries = forms.entries(words) { norm, stem in
            WordFacts(norm: norm, stem: stem, lexicon: lexicon, index: index)
        }
        stems = entries.map(\.stem)
        facts = entries.map(\.facts)
        anchorWords = entries.indices.filter { entries[$0].facts.has(.anchorWord) }
        let (allWords, punct) = (words, punctBefore)
        boundaries = allWords.indices.map { Self.isBoundary(before: $0, allWords, punct) }
        quoteOf = [Int](repeating: -1, count: words.count)
        for (qi, q) in quotes.enumerated() {
            for w in q where quoteOf[w] == -1 || quotes[quoteOf[w]].count > q.count { quoteOf[w] = qi }
        }
        mentions = MentionFinder(index: index, lexicon: lexicon).mentions(words, stems: stems, facts: facts)
        sentenceMentions = Array(repeating: [], count: sentences.count)
        var s = 0
        for (mi, m) in mentions.enumerated() {
            while s < sentenceWords.count, sentenceWords[s].upperBound <= m.first { s += 1 }
            if s < sentenceWords.count, sentenceWords[s].contains(m.first) { sentenceMentions[s].append(mi) }
        }
    }

    /// Tokenizes `body` (reading glued words apart where it lost its spaces: `LostSpaces`, with
    /// `known` telling a word some list holds) and returns its words, the punctuation before each, the sentences (with
    /// their word ranges) and the quotes as word ranges. The words are compacted in place at
    /// the front of the token array, so no second array of the article's size is allocated.
    private static func split(_ body: String, lexicon: Lexicon, known: (String) -> Bool)
        -> ([Token], [String], [Sentence], [Range<Int>], [Range<Int>]) {
        var tokens = Tokenizer.tokens(body)
        if LostSpaces.shows(tokens) {
            tokens = LostSpaces.repaired(tokens, words: lexicon.words, known: known)
        }
        let sentences = Segmenter.sentences(tokens, lexicon: lexicon)
        let quoteSpans = Segmenter.quotes(tokens)
        var wordsBefore = [Int](repeating: 0, count: tokens.count + 1)
        var punctBefore: [String] = []
        punctBefore.reserveCapacity(tokens.reduce(0) { $1.kind == .word || $1.kind == .number ? $0 + 1 : $0 })
        var pending = ""
        var words = 0
        for i in tokens.indices {
            wordsBefore[i] = words
            let t = tokens[i]
            if t.kind == .word || t.kind == .number {
                tokens[words] = t  // words <= i: only tokens already read are overwritten
                words += 1
                punctBefore.append(pending); pending = ""
            } else if t.kind == .punct {
                pending += t.norm
            } else {
                pending += "\n"
            }
        }
        wordsBefore[tokens.count] = words
        tokens.removeLast(tokens.count - words)
        let quotes = quoteSpans.map { wordsBefore[$0.open + 1]..<wordsBefore[$0.close] }
        let sentenceWords = sentences.map { wordsBefore[$0.tokens.lowerBound]..<wordsBefore[$0.tokens.upperBound] }
        return (tokens, punctBefore, sentences, sentenceWords, quotes)
    }

    /// True when a clause boundary (comma, semicolon, colon, dash, bracket) precedes word `w`.
    @inline(__always)
    func boundary(before w: Int) -> Bool { boundaries[w] }

    private static func isBoundary(before w: Int, _ words: [Token], _ punctBefore: [String]) -> Bool {
        let p = punctBefore[w]
        if p.isEmpty { return false }
        for c in p.unicodeScalars where c == "," || c == ";" || c == ":" || c == "—" || c == "–" || c == "(" || c == ")" || c == "\n" || c == "." || c == "!" || c == "?" {
            return true
        }
        // (the string search only where the mark is there at all: it is dear)
        if p.unicodeScalars.contains("-") && p.contains("-") { return w > 0 && words[w].start > words[w - 1].end + 2 }
        return false
    }
}
