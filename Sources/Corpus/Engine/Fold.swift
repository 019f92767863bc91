import Platform

/// Folding of Russian words to one comparable spelling.
///
/// Lower case, `ё` → `е`, and Latin look-alike letters (a, e, o, c, p, x, y, k, m, t, h, b)
/// turned into their Cyrillic twins when the word also holds Cyrillic letters: scraped
/// texts mix them in ("Тoкаев" with a Latin "o"). Works on Unicode scalars, no locale.
///
/// The folded form is *coded in ASCII*: the 32 lower-case Russian letters а…я become the
/// bytes 0x40…0x5F, which lower-case folding never produces otherwise. Swift compares and
/// hashes ASCII strings byte by byte, while Cyrillic strings go through Unicode
/// normalisation on every `==` and every hash: the coding makes the engine several times
/// faster. Folded words are internal only (evidence is cut from the body); `decode`
/// turns one back into Cyrillic for the Snowball stemmer and for reading.
enum Fold {
    /// The folded form of one word.
    static func word(_ s: Substring) -> String {
        var hasCyrillic = false
        for u in s.unicodeScalars where isCyrillic(u) { hasCyrillic = true; break }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            let e = folded(u, hasCyrillic: hasCyrillic)
            if e.isASCII { out.append(UInt8(e.value)) } else { out.append(contentsOf: String(e).utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded form of one word given as valid UTF-8 (`hasCyrillic`: it holds a Cyrillic
    /// letter), as `word(_:)` makes it. The folded form is never longer than the word.
    static func word(utf8 raw: UnsafeBufferPointer<UInt8>, hasCyrillic: Bool) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { out in
            var n = 0, i = 0
            while i < raw.count {
                let (u, width) = Tokenizer.scalar(raw, at: i)
                let e = folded(u, hasCyrillic: hasCyrillic)
                if e.isASCII {
                    out[n] = UInt8(e.value); n += 1
                } else {
                    for byte in e.utf8 { out[n] = byte; n += 1 }
                }
                i += width
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
        }
    }

    /// One scalar of a word folded: lower case, its Cyrillic twin when the word holds Cyrillic,
    /// coded.
    @inline(__always)
    static func folded(_ u: Unicode.Scalar, hasCyrillic: Bool) -> Unicode.Scalar {
        var l = lower(u)
        if hasCyrillic, let c = cyrillicTwin(l) { l = c }
        return encode(l)
    }

    /// ASCII code of a lower-case Russian letter; other scalars unchanged.
    @inline(__always)
    static func encode(_ u: Unicode.Scalar) -> Unicode.Scalar {
        (0x430...0x44F).contains(u.value) ? Unicode.Scalar(u.value - 0x430 + 0x40)! : u
    }

    /// The Cyrillic spelling of a folded word.
    static func decode(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append((0x40...0x5F).contains(u.value) ? Unicode.Scalar(u.value - 0x40 + 0x430)! : u)
        }
        return String(out)
    }

    /// The Snowball stem of a folded word, folded.
    static func stem(_ folded: String, _ stemmer: Stemmer) -> String {
        word(stemmer.stem(lowercased: decode(folded)))
    }

    static func word(_ s: String) -> String { word(s[...]) }

    /// True for letters of the Cyrillic block.
    @inline(__always)
    static func isCyrillic(_ u: Unicode.Scalar) -> Bool { (0x400...0x4FF).contains(u.value) }

    /// `е`, which `ё` and `Ё` fold to.
    private static let yo = Unicode.Scalar(0x435)!

    /// Lower case for Cyrillic and Latin, `ё`/`Ё` → `е`.
    @inline(__always)
    static func lower(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        switch v {
        case 0x410...0x42F: return Unicode.Scalar(v + 0x20)!
        case 0x400...0x40F:
            return v == 0x401 ? yo : Unicode.Scalar(v + 0x50)!
        case 0x451: return yo
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20)!
        default: return u
        }
    }

    /// The Cyrillic letter a lower-case Latin look-alike stands for (a→а, e→е, o→о, c→с, p→р,
    /// x→х, y→у, k→к, m→м, t→т, h→н, b→в), by code point: a property of the two alphabets'
    /// glyphs, like the coding above, not a word list.
    @inline(__always)
    static func cyrillicTwin(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        let twin: UInt32
        switch u.value {
        case 0x61: twin = 0x430
        case 0x65: twin = 0x435
        case 0x6F: twin = 0x43E
        case 0x63: twin = 0x441
        case 0x70: twin = 0x440
        case 0x78: twin = 0x445
        case 0x79: twin = 0x443
        case 0x6B: twin = 0x43A
        case 0x6D: twin = 0x43C
        case 0x74: twin = 0x442
        case 0x68: twin = 0x43D
        case 0x62: twin = 0x432
        default: return nil
        }
        return Unicode.Scalar(twin)
    }

    /// True when the first letter is upper case (Cyrillic or Latin).
    static func isCapitalized(_ s: Substring) -> Bool {
        guard let u = s.unicodeScalars.first else { return false }
        return isCapitalized(u)
    }

    /// True for an upper-case letter (Cyrillic or Latin).
    @inline(__always)
    static func isCapitalized(_ u: Unicode.Scalar) -> Bool {
        (0x410...0x42F).contains(u.value) || (0x400...0x40F).contains(u.value) || (0x41...0x5A).contains(u.value)
    }
}
