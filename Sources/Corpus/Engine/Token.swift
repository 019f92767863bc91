/// Tokens of an article body: words, numbers, punctuation and line breaks, each with
/// its UTF-8 byte range so evidence can be cut verbatim from the body.
struct Token: Sendable {
    enum Kind: Sendable, Equatable { case word, number, punct, newline }
    var kind: Kind
    var capitalized: Bool
    /// A capitalized word none of whose letters changes when upper-cased ("НАТО", "США");
    /// false for words that are not capitalized.
    var allCaps: Bool
    /// A capitalized word of Cyrillic letters and hyphens only; false for words that are not capitalized.
    var cyrillicOnly: Bool
    /// Unicode scalars in the written form, saturating at `UInt16.max`.
    var scalarCount: UInt16
    /// Folded word (see `Fold`); for punctuation the character; for numbers the digits.
    var norm: String
    private var startOffset: UInt32
    private var endOffset: UInt32

    // Memory: an article yields about one token per 10 bytes of text, each kept twice (all
    // tokens while segmenting, the words for the rules), so a token is kept to 32 bytes. It
    // holds no `Substring` of the written form (32 bytes with its own reference to the body):
    // the facts the rules read from it are computed once here, and the text itself is the
    // body's bytes `start..<end`. Offsets are 32-bit: an article is far below 4 GiB.

    /// UTF-8 byte offsets in the body (half-open).
    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    init(kind: Kind, raw: Substring, norm: String, start: Int, end: Int, capitalized: Bool) {
        self.kind = kind
        self.capitalized = capitalized
        var count = 0, upper = capitalized, cyrillic = capitalized
        for u in raw.unicodeScalars {
            count += 1
            if upper && u.properties.changesWhenUppercased { upper = false }
            if cyrillic && !(Fold.isCyrillic(u) || u == "-") { cyrillic = false }
        }
        self.allCaps = upper
        self.cyrillicOnly = cyrillic
        self.scalarCount = UInt16(clamping: count)
        self.norm = norm
        self.startOffset = UInt32(start)
        self.endOffset = UInt32(end)
    }
}

extension String {
    /// The text of the UTF-8 byte range `start..<end` (a token's, a sentence's).
    func utf8Text(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
    }
}

/// Splits a body into tokens. Hyphens and apostrophes inside a word stay in it
/// ("Касым-Жомарт", "пресс-служба", "г-н"); a point inside a word of letters joined
/// by points is kept ("т.е"), so abbreviations survive as one token.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var offset = 0
        while i < scalars.endIndex {
            let u = scalars[i]
            if isLetter(u) || isDigit(u) {
                let (token, end) = word(scalars, from: i, offset: offset)
                out.append(token)
                i = end
                offset = token.end
                continue
            }
            let width = UTF8.width(u)
            if u == "\n" {
                out.append(Token(kind: .newline, raw: Substring(scalars[i...i]), norm: "\n", start: offset, end: offset + width,
                                 capitalized: false))
            } else if !isSpace(u) {
                out.append(Token(kind: .punct, raw: Substring(scalars[i...i]), norm: String(u), start: offset, end: offset + width,
                                 capitalized: false))
            }
            offset += width
            i = scalars.index(after: i)
        }
        return out
    }

    /// The word or number starting at `start` (byte `offset`), and the index after it: letters
    /// and digits, and the joiners `joins` lets through.
    private static func word(_ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index,
                             offset: Int) -> (Token, String.UnicodeScalarView.Index) {
        var allDigits = true
        var j = start, end = offset
        while j < scalars.endIndex {
            let c = scalars[j]
            if isLetter(c) || isDigit(c) {
                if !isDigit(c) { allDigits = false }
                end += UTF8.width(c)
                j = scalars.index(after: j)
                continue
            }
            let next = scalars.index(after: j)
            guard next < scalars.endIndex,
                  joins(c, before: scalars[next], number: allDigits, length: scalars.distance(from: start, to: j)) else {
                break
            }
            end += UTF8.width(c)
            j = next
        }
        let raw = Substring(scalars[start..<j])
        let kind: Token.Kind = allDigits ? .number : .word
        let token = Token(kind: kind, raw: raw, norm: kind == .word ? Fold.word(raw) : String(raw),
                          start: offset, end: end, capitalized: kind == .word && Fold.isCapitalized(raw))
        return (token, j)
    }

    /// Whether `c`, followed by `next`, joins a word of `length` scalars so far (`number`: all
    /// digits): a hyphen, an apostrophe or a point between letters ("пресс-служба", "т.е"; the
    /// point only after a short letter group, not "конец.Начало"), a point or a comma between
    /// digits ("2,5").
    /// `length` is counted only for a point between letters (counting walks the word).
    @inline(__always)
    private static func joins(_ c: Unicode.Scalar, before next: Unicode.Scalar, number: Bool,
                              length: @autoclosure () -> Int) -> Bool {
        guard c == "-" || c == "'" || c == "’" || c == "." || (c == "," && number) else { return false }
        guard number ? isDigit(next) : isLetter(next) else { return false }
        return number || c != "." || length() <= 2
    }

    @inline(__always) static func isDigit(_ u: Unicode.Scalar) -> Bool { (0x30...0x39).contains(u.value) }
    @inline(__always) static func isLetter(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x400...0x4FF).contains(v)
            || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
    }
    @inline(__always) static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\r" || u.value == 0xA0 || u.value == 0x2009 || u.value == 0x202F || u.value == 0xFEFF
    }
}
