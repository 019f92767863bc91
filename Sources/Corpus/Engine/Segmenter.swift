/// Sentence segmentation and page-furniture removal (marker lines from `boilerplate.txt`,
/// and a closing run of short unpunctuated headline lines).
///
/// A sentence ends at a line break (a headline or a caption without final punctuation
/// is its own sentence), or at `.`/`!`/`?`/`…` when the next word starts a new sentence:
/// not after an abbreviation or an initial ("ст. 5", "В. В. Путин"), and not when a closing
/// quote and a comma or dash follow («…», — сказал он). Sentences inside a long quote are
/// split like any others (polarity works clause by clause); quotes are tracked so that the
/// attribution rules hand the quote's speaker to every sentence inside it.
struct Sentence: Sendable {
    /// Token indices of the sentence (newline tokens excluded).
    var tokens: Range<Int>
    /// UTF-8 byte range in the body.
    var start: Int
    var end: Int
    var paragraph: Int
    /// Page furniture: navigation, captions, tag lists, "read also" lists.
    var isBoilerplate: Bool
    /// The line had no final punctuation (a headline, a caption, or a cut-off end).
    var isHeadline: Bool
    /// The last token is a question mark.
    var endsWithQuestionMark: Bool
}

/// A quoted span: token indices of the opening and closing quote marks.
struct QuoteSpan: Sendable {
    var open: Int
    var close: Int
}

enum Segmenter {
    // The marks, tested on a punctuation token's one scalar (`mark`).
    static func isTerminal(_ u: Unicode.Scalar) -> Bool { u == "." || u == "!" || u == "?" || u == "…" }
    static func isOpenQuote(_ u: Unicode.Scalar) -> Bool { u == "«" || u == "„" || u == "“" }
    static func isCloseQuote(_ u: Unicode.Scalar) -> Bool { u == "»" || u == "”" }
    static func isDash(_ u: Unicode.Scalar) -> Bool { u == "—" || u == "–" || u == "-" || u == "−" }

    /// The scalar of a punctuation or line-break token.
    @inline(__always)
    static func mark(_ t: Token) -> Unicode.Scalar { t.norm.unicodeScalars.first ?? " " }

    /// Quote spans of the text (straight quotes paired by their spacing), per line.
    static func quotes(_ t: [Token]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var stack: [Int] = []
        var straightOpen: Int? = nil
        for (i, tok) in t.enumerated() {
            // guillemets may run over several paragraphs; straight quotes pair within a line
            if tok.kind == .newline { straightOpen = nil; continue }
            guard tok.kind == .punct else { continue }
            let c = mark(tok)
            if isOpenQuote(c) && !(c == "“" && straightOpen != nil) {
                stack.append(i)
            } else if isCloseQuote(c) || (c == "“" && straightOpen != nil) {
                if c == "“", let o = straightOpen { spans.append(QuoteSpan(open: o, close: i)); straightOpen = nil }
                else if let o = stack.popLast() { spans.append(QuoteSpan(open: o, close: i)) }
            } else if c == "\"" {
                let gluedBefore = i > 0 && t[i - 1].end == tok.start && t[i - 1].kind != .newline
                // glued to a word (or a quote mark) after it: it opens
                let gluedAfter = i + 1 < t.count && t[i + 1].start == tok.end
                    && (t[i + 1].kind == .word || t[i + 1].kind == .number || isOpenQuote(mark(t[i + 1])))
                if let o = straightOpen, !(gluedAfter && !gluedBefore) {
                    spans.append(QuoteSpan(open: o, close: i)); straightOpen = nil
                } else if straightOpen == nil {
                    // a mark glued to the word before and not to a word after closes a quote
                    // opened on an earlier line: it opens nothing
                    if !(gluedBefore && !gluedAfter) { straightOpen = i }
                } else if let o = straightOpen {
                    // an opening-looking mark while one is open: nested, close the old one here
                    spans.append(QuoteSpan(open: o, close: i)); straightOpen = nil
                }
            }
        }
        return spans.flatMap { interrupted($0, t) ?? [$0] }.sorted { $0.open < $1.open }
    }

    /// The words of the author that interrupt a quote, at most this many tokens.
    static let interruptionTokens = 10

    /// A quote interrupted by its author («Мы считаем …, — подчеркнула Ветрова. — Город их
    /// сохранит»): the two parts, the author's words between them outside the quote. The
    /// interruption opens with a comma (or «!», «?», «…») and a dash before a word in lower
    /// case, and ends within `interruptionTokens` with a full stop or a comma and a dash; a
    /// quote mark between leaves the span whole.
    static func interrupted(_ q: QuoteSpan, _ t: [Token]) -> [QuoteSpan]? {
        let isDash = { (i: Int) in t[i].kind == .punct && (mark(t[i]) == "—" || mark(t[i]) == "–") }
        var i = q.open + 1
        while i + 2 < q.close {
            if t[i].kind == .punct, isOpenQuote(mark(t[i])) || isCloseQuote(mark(t[i])) { return nil }
            if t[i].kind == .punct, ",!?…".unicodeScalars.contains(mark(t[i])), isDash(i + 1),
               t[i + 2].kind == .word, !t[i + 2].capitalized {
                let end = min(q.close - 1, i + 2 + interruptionTokens)
                guard let resume = (i + 3..<end).first(where: { k in
                    t[k].kind == .punct && (mark(t[k]) == "." || mark(t[k]) == ",") && isDash(k + 1)
                }) else { return nil }
                return [QuoteSpan(open: q.open, close: i + 1), QuoteSpan(open: resume + 1, close: q.close)]
            }
            i += 1
        }
        return nil
    }

    /// The words a line of prose holds at least; it also ends with a sentence's final mark
    /// (a menu, a banner, a headline or a list of them does not).
    static let proseLineWords = 15

    /// The page-furniture lines of the text (`boilerplate.txt`), by their first token, each with
    /// whether it ends the text. A marker that ends the text (an `end:` line) ends it only when
    /// no line of prose follows before the next such marker: otherwise it is the page's
    /// navigation above the article ("Все новости Израиль Мир …") or a link inside it
    /// ("ЧИТАЙТЕ ТАКЖЕ: …"), furniture for its own line only.
    static func furnitureLines(_ t: [Token], lexicon: Lexicon) -> [Int: Bool] {
        var out: [Int: Bool] = [:]
        var marker: Int? = nil
        var atLineStart = true
        var words = 0
        for i in 0...t.count {
            if i == t.count || t[i].kind == .newline {
                if let m = marker, words >= proseLineWords, endsProse(t, before: i) { out[m] = false; marker = nil }
                atLineStart = true; words = 0
                continue
            }
            if atLineStart {
                atLineStart = false
                let (line, rest) = furniture(t, from: i, lexicon: lexicon)
                if line { out[i] = rest }
                if rest { marker = i }
            }
            if t[i].kind == .word { words += 1 }
        }
        return out
    }

    /// The line ending before token `i` ends with a sentence's final mark, a closing quote or
    /// bracket after it allowed.
    static func endsProse(_ t: [Token], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, t[k].kind == .punct, isCloseQuote(mark(t[k])) || mark(t[k]) == ")" || mark(t[k]) == "\"" { k -= 1 }
        return k >= 0 && t[k].kind == .punct && isTerminal(mark(t[k]))
    }

    /// Splits tokens into sentences and marks page furniture. A marker that ends the text
    /// (`end:` lines of `boilerplate.txt`) ends it only when no line of prose follows it
    /// (`furnitureLines`): otherwise only its own line is furniture.
    static func sentences(_ t: [Token], lexicon: Lexicon) -> [Sentence] {
        var closing = Set<Int>()
        for q in quotes(t) { closing.insert(q.close) }
        var out: [Sentence] = []
        var paragraph = 0
        var lineIsFurniture = false
        var restIsFurniture = false
        var sentenceStart = 0
        var atLineStart = true
        let furnitureAt = furnitureLines(t, lexicon: lexicon)
        func emit(_ end: Int, headline: Bool) {
            guard sentenceStart < end else { return }
            out.append(Sentence(tokens: sentenceStart..<end, start: t[sentenceStart].start, end: t[end - 1].end,
                                paragraph: paragraph, isBoilerplate: lineIsFurniture || restIsFurniture,
                                isHeadline: headline, endsWithQuestionMark: t[end - 1].norm == "?"))
        }
        var i = 0
        while i < t.count {
            let tok = t[i]
            if atLineStart && tok.kind != .newline {
                lineIsFurniture = furnitureAt[i] != nil
                if furnitureAt[i] == true { restIsFurniture = true }
                atLineStart = false
            }
            if tok.kind == .newline {
                emit(i, headline: true)
                sentenceStart = i + 1
                atLineStart = true
                if i + 1 < t.count { paragraph += 1 }
                i += 1
                continue
            }
            if tok.kind == .punct, isTerminal(mark(tok)), endsSentence(t, at: i, lexicon: lexicon) {
                var j = i + 1
                while j < t.count, t[j].kind == .punct, closing.contains(j) || isCloseQuote(mark(t[j])) || mark(t[j]) == ")" || isTerminal(mark(t[j])) { j += 1 }
                emit(j, headline: false)
                sentenceStart = j
                i = j
                continue
            }
            i += 1
        }
        emit(t.count, headline: true)
        markTrailingHeadlines(&out, t)
        return out
    }

    /// A run of three or more short unpunctuated lines closing the page is a list of other
    /// headlines ("read also" without its marker): furniture. The article's own last line,
    /// cut off mid-sentence, is one line and stays text.
    static func markTrailingHeadlines(_ out: inout [Sentence], _ t: [Token]) {
        var run: [Int] = []
        var k = out.count - 1
        while k >= 0 {
            if out[k].isBoilerplate { k -= 1; continue }
            let words = t[out[k].tokens].filter { $0.kind == .word || $0.kind == .number }.count
            let alone = (k == 0 || out[k - 1].paragraph != out[k].paragraph) && (k + 1 == out.count || out[k + 1].paragraph != out[k].paragraph)
            guard out[k].isHeadline, alone, words <= 14 else { break }
            run.append(k)
            k -= 1
        }
        if run.count >= 3 { for i in run { out[i].isBoilerplate = true } }
    }

    /// Whether the terminal mark at `i` ends the sentence.
    static func endsSentence(_ t: [Token], at i: Int, lexicon: Lexicon) -> Bool {
        if t[i].norm == ".", i > 0, t[i - 1].kind == .word, t[i - 1].end == t[i].start {
            let prev = t[i - 1]
            if lexicon.abbreviations.contains(prev.norm) { return false }
            // an initial: one upper-case letter ("В. В. Путин")
            if prev.capitalized && prev.scalarCount == 1 { return false }
        }
        // skip closing quotes and more terminal marks
        var j = i + 1
        while j < t.count, t[j].kind == .punct, isCloseQuote(mark(t[j])) || mark(t[j]) == "\"" || mark(t[j]) == ")" || isTerminal(mark(t[j])) { j += 1 }
        guard j < t.count else { return true }
        let next = t[j]
        switch next.kind {
        case .newline: return true
        case .number: return true
        case .word: return next.capitalized
        case .punct:
            let c = mark(next)
            if c == "," || c == ";" || c == ":" { return false }
            if isDash(c) {
                // «…», — сказал он / "..." - заявил он: a dash after a closing quote continues the
                // sentence, and so does a dash of direct speech before a lower-case verb
                // ("— Это решение? — спросил журналист.")
                if j + 1 < t.count, t[j + 1].kind == .word, !t[j + 1].capitalized { return false }
                return j == i + 1 ? true : false
            }
            return true
        }
    }

    /// Whether the line starting at `i` is furniture, and whether it ends the article text.
    static func furniture(_ t: [Token], from i: Int, lexicon: Lexicon) -> (line: Bool, rest: Bool) {
        let first = t[i].kind == .punct && i + 1 < t.count ? t[i + 1].norm : t[i].norm
        guard lexicon.boilerplateFirstWords.contains(first) || lexicon.boilerplateFirstWords.contains(first + ":") else { return (false, false) }
        var text = ""
        var j = i
        while j < t.count, t[j].kind != .newline, text.unicodeScalars.count < 60 {
            if !text.isEmpty && t[j].start != t[j - 1].end { text += " " }
            text += t[j].norm
            j += 1
        }
        for (m, isRest) in lexicon.boilerplate {
            if text.hasPrefix(m) {
                // the marker must end at a word boundary
                let after = text.dropFirst(m.count).first
                if after == nil || after == " " || after == ":" || m.hasSuffix(":") { return (true, isRest) }
            }
        }
        return (false, false)
    }
}
