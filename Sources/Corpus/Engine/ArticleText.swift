/// An article body broken up for the rules: tokens, the word list with stems, sentences
/// as word ranges, the punctuation before each word, quote membership and mentions.
struct ArticleText {
    var tokens: [Token]
    var words: [Token]
    var stems: [String]
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
        tokens = Tokenizer.tokens(body)
        sentences = Segmenter.sentences(tokens, lexicon: lexicon)
        var wordsBefore = [Int](repeating: 0, count: tokens.count + 1)
        words = []
        punctBefore = []
        var pending = ""
        for (i, t) in tokens.enumerated() {
            wordsBefore[i] = words.count
            if t.kind == .word || t.kind == .number {
                words.append(t); punctBefore.append(pending); pending = ""
            } else if t.kind == .punct {
                pending += t.norm
            } else {
                pending += "\n"
            }
        }
        wordsBefore[tokens.count] = words.count
        stems = words.map { $0.kind == .word ? forms.stem($0.norm) : $0.norm }
        quotes = Segmenter.quotes(tokens).map { wordsBefore[$0.open + 1]..<wordsBefore[$0.close] }
        quoteOf = [Int](repeating: -1, count: words.count)
        for (qi, q) in quotes.enumerated() {
            for w in q where quoteOf[w] == -1 || quotes[quoteOf[w]].count > q.count { quoteOf[w] = qi }
        }
        sentenceWords = sentences.map { wordsBefore[$0.tokens.lowerBound]..<wordsBefore[$0.tokens.upperBound] }
        mentions = MentionFinder(index: index, lexicon: lexicon).mentions(words, stems: stems)
        sentenceMentions = Array(repeating: [], count: sentences.count)
        var s = 0
        for (mi, m) in mentions.enumerated() {
            while s < sentenceWords.count, sentenceWords[s].upperBound <= m.first { s += 1 }
            if s < sentenceWords.count, sentenceWords[s].contains(m.first) { sentenceMentions[s].append(mi) }
        }
    }

    /// True when a clause boundary (comma, semicolon, colon, dash, bracket) precedes word `w`.
    func boundary(before w: Int) -> Bool {
        let p = punctBefore[w]
        if p.isEmpty { return false }
        for c in p.unicodeScalars where c == "," || c == ";" || c == ":" || c == "—" || c == "–" || c == "(" || c == ")" || c == "\n" || c == "." || c == "!" || c == "?" {
            return true
        }
        if p.contains("-") { return words[w].start > words[w - 1].end + 2 }
        return false
    }
}
