/// Encodes Russian text as Windows-1251 or KOI8-R, to feed the reader legacy encodings.
/// Characters with no byte in the target become '?'.
enum Cyrillic8Bit {
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s in
            switch s.value {
            case 0..<0x80: UInt8(s.value)
            case 0x410...0x44F: UInt8(s.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            case 0xAB: 0xAB
            case 0xBB: 0xBB
            case 0x2014: 0x97
            case 0x2013: 0x96
            case 0x2116: 0xB9
            case 0x201C: 0x93
            case 0x201D: 0x94
            case 0x201E: 0x84
            case 0xA0: 0xA0
            default: UInt8(ascii: "?")
            }
        }
    }

    private static let koiLower = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)
    private static let koiUpper = Array("ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ".unicodeScalars)

    static func koi8r(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s in
            if s.value < 0x80 { return UInt8(s.value) }
            if let i = koiLower.firstIndex(of: s) { return UInt8(0xC0 + i) }
            if let i = koiUpper.firstIndex(of: s) { return UInt8(0xE0 + i) }
            switch s.value {
            case 0x451: return 0xA3
            case 0x401: return 0xB3
            case 0xAB, 0xBB, 0x201C, 0x201D, 0x201E: return UInt8(ascii: "\"")
            case 0x2014, 0x2013: return UInt8(ascii: "-")
            case 0xA0: return 0x9A
            default: return UInt8(ascii: "?")
            }
        }
    }
}
