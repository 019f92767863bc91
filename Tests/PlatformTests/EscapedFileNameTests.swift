/// File names and sizes as operator messages show them: control characters and bad UTF-8 made visible.
import Testing
@testable import Platform

struct EscapedFileNameTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(escapedFileName("a\nb\tc\rd") == "a\\nb\\tc\\rd")
        #expect(escapedFileName("x\u{1}\u{7F}y") == "x\\x01\\x7Fy")
        #expect(escapedFileName("back\\slash") == "back\\\\slash")
        #expect(escapedFileName("line\u{2028}sep\u{85}") == "line\\u{2028}sep\\u{85}")
    }

    @Test func ordinaryNamesAreUnchanged() {
        #expect(escapedFileName("001_fa40498c7c5f6522.txt") == "001_fa40498c7c5f6522.txt")
        #expect(escapedFileName("статья №1.txt") == "статья №1.txt")
    }

    @Test func invalidUTF8BytesAreShownAsHex() {
        #expect(escapedFileName(bytes: Array("ок".utf8)) == "ок")
        #expect(escapedFileName(bytes: [0x61, 0xC0, 0xAF, 0x62]) == "a\\xC0\\xAFb")          // overlong
        #expect(escapedFileName(bytes: [0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80")             // surrogate
        #expect(escapedFileName(bytes: [0xD0]) == "\\xD0")                                    // truncated
        #expect(escapedFileName(bytes: [0xF0, 0x9F, 0x98, 0x80, 0x0A]) == "😀\\n")
    }

    @Test func byteSizesReadAsWords() {
        #expect(formatBytes(512) == "512 bytes")
        #expect(formatBytes(12 << 10) == "12 KB")
        #expect(formatBytes(8 << 20) == "8 MB")
        #expect(formatBytes(3 << 19) == "1.5 MB")
        #expect(formatBytes(200 << 20) == "200 MB")
    }

    @Test func fileNameTextKeepsUTF8NamesAndEscapesTheRest() {
        #expect(fileNameText(bytes: Array("статья\n№1.txt".utf8)) == "статья\n№1.txt")  // valid UTF-8: as it is
        #expect(fileNameText(bytes: Array("статья-".utf8) + [0xFF] + Array(".txt".utf8)) == "статья-\\xFF.txt")
        #expect(fileNameText(bytes: [0x61, 0xFF]) != fileNameText(bytes: [0x61, 0xFE]))
        #expect(!fileNameText(bytes: [0xC0, 0xAF]).unicodeScalars.contains("\u{FFFD}"))
    }
}
