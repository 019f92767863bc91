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
            var l = lower(u)
            if hasCyrillic, let c = cyrillicTwin(l) { l = c }
            let e = encode(l)
            if e.isASCII { out.append(UInt8(e.value)) } else { out.append(contentsOf: String(e).utf8) }
        }
        return String(decoding: out, as: UTF8.self)
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

    /// Lower case for Cyrillic and Latin, `ё`/`Ё` → `е`.
    @inline(__always)
    static func lower(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        switch v {
        case 0x410...0x42F: return Unicode.Scalar(v + 0x20)!
        case 0x400...0x40F:
            return v == 0x401 ? "е" : Unicode.Scalar(v + 0x50)!
        case 0x451: return "е"
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20)!
        default: return u
        }
    }

    /// The Cyrillic letter a lower-case Latin look-alike stands for.
    @inline(__always)
    static func cyrillicTwin(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "a": "а"
        case "e": "е"
        case "o": "о"
        case "c": "с"
        case "p": "р"
        case "x": "х"
        case "y": "у"
        case "k": "к"
        case "m": "м"
        case "t": "т"
        case "h": "н"
        case "b": "в"
        default: nil
        }
    }

    /// True when the first letter is upper case (Cyrillic or Latin).
    static func isCapitalized(_ s: Substring) -> Bool {
        guard let u = s.unicodeScalars.first else { return false }
        return (0x410...0x42F).contains(u.value) || (0x400...0x40F).contains(u.value)
            || (0x41...0x5A).contains(u.value)
    }
}
