public import Platform

/// Turns the bytes of one feed file into an `Article`: encoding, header date, body.
///
/// Contract (spec §1):
/// - The first line may start with a UTF-8 BOM and spaces/tabs, then `date`, whitespace, an ISO
///   date `YYYY-MM-DD` and one separator (space, tab or newline); the rest is the body. Without
///   such a header the whole text is the body, dated `modified`, with `hasHeaderDate == false`.
/// - A header whose date token starts with a digit but is not a real `YYYY-MM-DD` day
///   (2025-13-45, 2025-02-30, 2025/09/22) is **refused**, naming the bad date: guessing a
///   date would put the statement at the wrong place in the actor's history.
/// - Text is UTF-8 (BOM stripped), or UTF-16 with a byte-order mark (FF FE or FE FF); otherwise
///   Windows-1251 or KOI8-R when one of them reads as plausible Russian (the one with more
///   frequent lower-case letters wins); otherwise UTF-8 with a few stray bytes (at most one
///   invalid byte per 1,000 and at least ten valid multi-byte characters per invalid byte)
///   is decoded with U+FFFD in their place, and `ArticleReading` says how many and where the
///   first one is (the caller logs one warning); otherwise refused, naming the offset of the
///   first byte that is not UTF-8.
/// - Refused: empty or whitespace-only files, a header with no text, NUL bytes (binary, or
///   UTF-16 without a byte-order mark), more than 1 control character per 200 bytes, more than `maxBytes`.
/// - CRLF and lone CR become LF. Every step is one linear pass (a 10 MB single line is fine).
public struct ArticleReader: Sendable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int

    /// The default limit, 2 MiB: twenty times the longest news article (1–100 KB), and small
    /// enough that the engine's per-word structures for an article at the limit keep the
    /// daemon's peak RSS under 64 MiB (about 54 MiB measured; an 8 MiB article took 120 MiB).
    public static let defaultMaxBytes = 2 << 20

    /// A reader refusing files above `maxBytes` (`defaultMaxBytes`, 2 MiB, by default; `--max-article-bytes`).
    public init(maxBytes: Int = ArticleReader.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// Header date or `modified` (hasHeaderDate false); decodes UTF-8 (BOM ok), else Windows-1251 / KOI8-R.
    public func read(name: String, bytes: [UInt8], modified: Day) throws(ArticleError) -> Article {
        try readReporting(name: name, bytes: bytes, modified: modified).article
    }

    /// Like `read`, also saying which encoding the text was in.
    public func readDetailed(name: String, bytes raw: [UInt8], modified: Day) throws(ArticleError)
        -> (article: Article, encoding: ArticleEncoding) {
        let result = try readReporting(name: name, bytes: raw, modified: modified)
        return (result.article, result.encoding)
    }

    /// Like `read`, also saying which encoding the text was in and which bytes were replaced.
    public func readReporting(name: String, bytes raw: [UInt8], modified: Day) throws(ArticleError) -> ArticleReading {
        func refuse(_ reason: ArticleError.Reason) -> ArticleError { ArticleError(name: name, reason: reason) }
        guard raw.count <= maxBytes else { throw refuse(.tooLarge(size: raw.count, limit: maxBytes)) }
        guard !raw.isEmpty else { throw refuse(.empty) }

        // UTF-16 with a byte-order mark is re-encoded as UTF-8 first (its NULs are not binary).
        var source = raw
        var utf16: ArticleEncoding?
        if let encoding = UTF16Text.byteOrder(raw) {
            guard let text = UTF16Text.decode(raw, encoding: encoding) else { throw refuse(.badUTF16(encoding)) }
            source = Array(text.utf8)
            utf16 = encoding
        }
        let nuls = source.reduce(0) { $1 == 0 ? $0 + 1 : $0 }
        guard nuls == 0 else { throw refuse(.nulBytes(count: nuls)) }

        let hasBOM = source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF
        let text = source[(hasBOM ? 3 : 0)...]
        let bytes = Self.normalisingLineEnds(text)
        guard bytes.contains(where: { !Self.isASCIIWhitespace($0) }) else { throw refuse(.whitespaceOnly) }

        let controls = Self.controlCharacterCount(bytes)
        guard controls <= bytes.count / 200 else { throw refuse(.controlCharacters(count: controls)) }

        // The header is ASCII, which all three encodings share, so it is parsed on bytes.
        let header = try Self.parseHeader(bytes).get(orThrow: { refuse(.impossibleDate($0)) })
        let bodyBytes = bytes[header.bodyStart...]
        guard bodyBytes.contains(where: { !Self.isASCIIWhitespace($0) }) else { throw refuse(.headerOnly) }

        let body: String, encoding: ArticleEncoding
        var stray = UTF8Check(valid: true, invalidBytes: 0, firstInvalidOffset: nil, multibyteScalars: 0, byteCount: 0)
        if let utf16 {
            (body, encoding) = (String(decoding: bodyBytes, as: UTF8.self), utf16)
        } else if let decoded = Self.decode(bodyBytes) {
            (body, encoding) = decoded
        } else {
            // Offsets are counted in the file as it is (before the BOM is dropped and CRLF folded).
            stray = UTF8Check(text)
            guard stray.isMostlyValid else { throw refuse(.undecodable(firstInvalidOffset: stray.firstInvalidOffset)) }
            (body, encoding) = (String(decoding: bodyBytes, as: UTF8.self), .utf8)
        }
        let article = Article(id: name, date: header.date ?? modified, hasHeaderDate: header.date != nil, body: body)
        return ArticleReading(article: article, encoding: encoding, replacedBytes: stray.invalidBytes,
                              firstReplacedOffset: stray.firstInvalidOffset)
    }

    /// The calendar day (UTC) of a file's modification time: the date of an article without a header.
    public static func day(of identity: FileIdentity) -> Day {
        let seconds = identity.modifiedSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(ordinal: Int(days))
    }

    /// Decodes text: valid UTF-8 as is; otherwise the more plausible of Windows-1251 and KOI8-R
    /// when it looks like Russian (≥ 30 % of frequent lower-case letters among Cyrillic ones,
    /// Cyrillic ≥ 30 % of all letters); nil otherwise.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> (String, ArticleEncoding)? {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        let cp = LegacyCyrillic.plausibility(bytes, table: LegacyCyrillic.windows1251)
        let koi = LegacyCyrillic.plausibility(bytes, table: LegacyCyrillic.koi8r)
        let (score, table, encoding) = cp.common >= koi.common
            ? (cp, LegacyCyrillic.windows1251, ArticleEncoding.windows1251)
            : (koi, LegacyCyrillic.koi8r, ArticleEncoding.koi8r)
        guard score.common >= 0.3, score.cyrillic >= 0.3 else { return nil }
        let text = LegacyCyrillic.decode(bytes, table: table)
        guard !text.unicodeScalars.contains("\u{FFFD}") else { return nil }  // 0x98 is not Windows-1251
        return (text, encoding)
    }

    struct Header {
        var date: Day?
        var bodyStart: Int
    }

    /// ` date YYYY-MM-DD ` at the start; `.failure(token)` when the date token is not a real day.
    static func parseHeader(_ b: [UInt8]) -> Result<Header, HeaderDateError> {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        let word: [UInt8] = Array("date".utf8)
        guard i + 4 < b.count, zip(b[i..<(i + 4)], word).allSatisfy({ ($0 | 0x20) == $1 }),
              b[i + 4] == 0x20 || b[i + 4] == 0x09 else { return .success(Header(date: nil, bodyStart: 0)) }
        i += 4
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        guard i < b.count, (0x30...0x39).contains(b[i]) else { return .success(Header(date: nil, bodyStart: 0)) }
        let start = i
        while i < b.count, i - start < 40, !isASCIIWhitespace(b[i]) { i += 1 }
        let token = String(decoding: b[start..<i], as: UTF8.self)
        guard let day = Day(iso: token) else { return .failure(HeaderDateError(token: escapedFileName(token))) }
        if i < b.count { i += 1 }  // the one separator after the date
        return .success(Header(date: day, bodyStart: i))
    }

    struct HeaderDateError: Error { var token: String }

    /// CRLF → LF and lone CR → LF, in one pass; the bytes are copied only when a CR is present.
    static func normalisingLineEnds(_ s: ArraySlice<UInt8>) -> [UInt8] {
        guard s.contains(0x0D) else { return Array(s) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var previousCR = false
        for b in s {
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = b == 0x0D
            out.append(previousCR ? 0x0A : b)
        }
        return out
    }

    /// C0 controls other than tab, LF, VT, FF, CR; DEL; and UTF-8-encoded C1 controls (C2 80…C2 9F).
    static func controlCharacterCount(_ b: [UInt8]) -> Int {
        var n = 0
        var previous: UInt8 = 0
        for x in b {
            if (x < 0x20 && !(0x09...0x0D).contains(x)) || x == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(x)) {
                n += 1
            }
            previous = x
        }
        return n
    }

    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
}

extension Result where Failure == ArticleReader.HeaderDateError {
    fileprivate func get(orThrow make: (String) -> ArticleError) throws(ArticleError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let e): throw make(e.token)
        }
    }
}
