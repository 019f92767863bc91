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
    // the facts the rules read from it are computed once (by `Tokenizer`), and the text itself is the
    // body's bytes `start..<end`. Offsets are 32-bit: an article is far below 4 GiB.

    /// UTF-8 byte offsets in the body (half-open).
    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    init(kind: Kind, norm: String, start: Int, end: Int, capitalized: Bool, allCaps: Bool, cyrillicOnly: Bool,
         scalarCount: UInt16) {
        self.kind = kind
        self.capitalized = capitalized
        self.allCaps = allCaps
        self.cyrillicOnly = cyrillicOnly
        self.scalarCount = scalarCount
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
///
/// It reads the body's UTF-8 bytes once, decoding each scalar where it stands, and computes a
/// word's facts (`Token`) and folded form (`Fold`) from its bytes: no `Substring` views.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        var body = text
        body.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let (u, width) = scalar(bytes, at: i)
                if isLetter(u) || isDigit(u) {
                    let token = word(bytes, from: i)
                    out.append(token)
                    i = token.end
                    continue
                }
                if u == "\n" {
                    out.append(Token(kind: .newline, norm: "\n", start: i, end: i + width, capitalized: false,
                                     allCaps: false, cyrillicOnly: false, scalarCount: 1))
                } else if !isSpace(u) {
                    out.append(Token(kind: .punct, norm: String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]), as: UTF8.self),
                                     start: i, end: i + width, capitalized: false, allCaps: false, cyrillicOnly: false,
                                     scalarCount: 1))
                }
                i += width
            }
        }
        return out
    }

    /// The scalar at byte `i` of valid UTF-8, and its width in bytes.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(b[i])
        let (v, n): (UInt32, Int)
        if b0 < 0x80 {
            (v, n) = (b0, 1)
        } else if b0 < 0xE0 {
            (v, n) = ((b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
        } else if b0 < 0xF0 {
            (v, n) = ((b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        } else {
            (v, n) = ((b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(v).unsafelyUnwrapped, n)
    }

    /// The word or number starting at byte `start`: letters and digits, and the joiners `joins`
    /// lets through. Its facts are counted on the way; its folded form is made from its bytes.
    private static func word(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Token {
        var allDigits = true, hasCyrillic = false
        let capitalized = Fold.isCapitalized(scalar(b, at: start).0)
        var upper = capitalized, cyrillic = capitalized
        var count = 0
        var j = start
        while j < b.count {
            let (c, width) = scalar(b, at: j)
            if isLetter(c) || isDigit(c) {
                if !isDigit(c) { allDigits = false }
            } else {
                let next = j + width
                guard next < b.count, joins(c, before: scalar(b, at: next).0, number: allDigits, length: count) else { break }
            }
            count += 1
            if Fold.isCyrillic(c) { hasCyrillic = true }
            if upper && changesWhenUppercased(c) { upper = false }
            if cyrillic && !(Fold.isCyrillic(c) || c == "-") { cyrillic = false }
            j += width
        }
        let raw = UnsafeBufferPointer(rebasing: b[start..<j])
        if allDigits {
            return Token(kind: .number, norm: String(decoding: raw, as: UTF8.self), start: start, end: j,
                         capitalized: false, allCaps: false, cyrillicOnly: false, scalarCount: UInt16(clamping: count))
        }
        return Token(kind: .word, norm: Fold.word(utf8: raw, hasCyrillic: hasCyrillic), start: start, end: j,
                     capitalized: capitalized, allCaps: upper, cyrillicOnly: cyrillic, scalarCount: UInt16(clamping: count))
    }

    /// `Unicode.Scalar.Properties.changesWhenUppercased`, answered without the Unicode tables
    /// for ASCII and the Russian letters.
    @inline(__always)
    static func changesWhenUppercased(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x61...0x7A, 0x430...0x45F: return true
        case 0...0x60, 0x7B...0x7F, 0x400...0x42F: return false
        default: return u.properties.changesWhenUppercased
        }
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
