// The two legacy Cyrillic encodings the article reader accepts, as byte → Unicode tables,
// and the score that picks between them.
//
// Bytes 0x00-0x7F are ASCII in both; the tables give bytes 0x80-0xFF (U+FFFD where
// Windows-1251 leaves 0x98 undefined). Generated from Python's codecs `cp1251` and `koi8_r`.
import Platform

/// A text encoding an article was decoded from.
public enum ArticleEncoding: String, Sendable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1251 = "Windows-1251"
    case koi8r = "KOI8-R"

    public var description: String { rawValue }
}

/// What `ArticleReader.readReporting` made of a file: the article, the encoding it was in, and
/// the bytes that were not UTF-8 and became U+FFFD (0 unless a few stray bytes were repaired).
public struct ArticleReading: Sendable {
    /// The article.
    public var article: Article
    /// The encoding the text was decoded from.
    public var encoding: ArticleEncoding
    /// How many bytes were replaced with U+FFFD.
    public var replacedBytes: Int
    /// The offset in the file of the first replaced byte.
    public var firstReplacedOffset: Int?

    /// The one warning a caller logs when bytes were replaced, or nil; `shownName` is the
    /// article's name as messages show it (escaped).
    public func warning(shownName: String) -> String? {
        guard replacedBytes > 0 else { return nil }
        let first = firstReplacedOffset.map { " (the first at byte offset \($0))" } ?? ""
        return "article '\(shownName)' has \(replacedBytes) byte\(replacedBytes == 1 ? "" : "s") that "
            + "\(replacedBytes == 1 ? "is" : "are") not UTF-8\(first); \(replacedBytes == 1 ? "it was" : "they were") "
            + "replaced with U+FFFD and the rest of the article was ingested"
    }
}

/// UTF-16 text recognised by its byte-order mark.
enum UTF16Text {
    /// `.utf16LE` for FF FE, `.utf16BE` for FE FF at the start; nil otherwise.
    static func byteOrder(_ bytes: [UInt8]) -> ArticleEncoding? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return .utf16LE }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return .utf16BE }
        return nil
    }

    /// The text after the byte-order mark; nil for an odd byte count or an unpaired surrogate.
    static func decode(_ bytes: [UInt8], encoding: ArticleEncoding) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(encoding == .utf16LE ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }
}

/// One linear pass over bytes that are not valid UTF-8: how many bytes are not part of a
/// well-formed character (no overlongs, no surrogates), where the first one is, and how many
/// well-formed multi-byte characters there are (which tells Russian UTF-8 with a few stray
/// bytes from a legacy encoding, where nearly every letter byte is invalid).
struct UTF8Check {
    var valid: Bool
    var invalidBytes: Int
    var firstInvalidOffset: Int?
    var multibyteScalars: Int
    var byteCount: Int

    init(valid: Bool, invalidBytes: Int, firstInvalidOffset: Int?, multibyteScalars: Int, byteCount: Int) {
        self.valid = valid
        self.invalidBytes = invalidBytes
        self.firstInvalidOffset = firstInvalidOffset
        self.multibyteScalars = multibyteScalars
        self.byteCount = byteCount
    }

    /// Checks `bytes`; offsets are `bytes`' own indices.
    init(_ bytes: ArraySlice<UInt8>) {
        var invalid = 0, multibyte = 0
        var first: Int?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let length = utf8ScalarLength(bytes, at: i)
            if length == 0 {
                invalid += 1
                if first == nil { first = i }
                i += 1
            } else {
                if length > 1 { multibyte += 1 }
                i += length
            }
        }
        self.init(valid: invalid == 0, invalidBytes: invalid, firstInvalidOffset: first, multibyteScalars: multibyte,
                  byteCount: bytes.count)
    }

    /// A few stray bytes in UTF-8 text: at most 3, or one per 1,000 bytes, with at least ten
    /// well-formed multi-byte characters per stray byte.
    var isMostlyValid: Bool {
        invalidBytes > 0 && multibyteScalars >= 10 * invalidBytes
            && (invalidBytes <= 3 || invalidBytes * 1000 <= byteCount)
    }
}

enum LegacyCyrillic {
    /// Windows-1251 bytes 0x80-0xFF.
    static let windows1251: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,  // 0x88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,  // 0x98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,  // 0xA0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,  // 0xA8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,  // 0xB8
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,  // 0xC0
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,  // 0xC8
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,  // 0xD0
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,  // 0xD8
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,  // 0xE0
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,  // 0xE8
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,  // 0xF0
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,  // 0xF8
    ]

    /// KOI8-R bytes 0x80-0xFF.
    static let koi8r: [UInt16] = [
        0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524,  // 0x80
        0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,  // 0x88
        0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,  // 0x90
        0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,  // 0x98
        0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556,  // 0xA0
        0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,  // 0xA8
        0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,  // 0xB0
        0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,  // 0xB8
        0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,  // 0xC0
        0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,  // 0xC8
        0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,  // 0xD0
        0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,  // 0xD8
        0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,  // 0xE0
        0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,  // 0xE8
        0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,  // 0xF0
        0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,  // 0xF8
    ]

    /// Decodes single-byte text with `table` (linear; the result is built in one pass).
    static func decode(_ bytes: ArraySlice<UInt8>, table: [UInt16]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value = b < 0x80 ? UInt32(b) : UInt32(table[Int(b) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// How Russian the decoding of `bytes` with `table` looks, without decoding it: the share of
    /// Cyrillic letters that are the ten most frequent lower-case ones (о е а и н т с р в л), and the
    /// share of Cyrillic among all letters. Right decodings of Russian give about 0.5 and near 1;
    /// the wrong one of the pair mostly yields capitals (the two encodings swap the cases).
    static func plausibility(_ bytes: ArraySlice<UInt8>, table: [UInt16]) -> (common: Double, cyrillic: Double) {
        var cyrillic = 0, common = 0, latin = 0
        for b in bytes {
            if b < 0x80 {
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { latin += 1 }
                continue
            }
            let u = table[Int(b) - 0x80]
            guard (0x0410...0x044F).contains(u) || u == 0x0401 || u == 0x0451 else { continue }
            cyrillic += 1
            if frequentLowercase.contains(u) { common += 1 }
        }
        guard cyrillic > 0 else { return (0, 0) }
        return (Double(common) / Double(cyrillic), Double(cyrillic) / Double(cyrillic + latin))
    }

    /// о е а и н т с р в л
    private static let frequentLowercase: Set<UInt16> = [0x043E, 0x0435, 0x0430, 0x0438, 0x043D, 0x0442, 0x0441, 0x0440, 0x0432, 0x043B]
}
