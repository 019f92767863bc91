import Testing
@testable import Corpus
import Platform
import TestFixtures
#if canImport(Glibc)
import Glibc
#endif

struct ArticleReaderTests {
    let reader = ArticleReader()
    let mtime = Day(year: 2024, month: 6, day: 1)!

    func read(_ text: String, name: String = "a.txt") throws -> Article {
        try reader.read(name: name, bytes: Array(text.utf8), modified: mtime)
    }

    func refusal(_ bytes: [UInt8], name: String = "a.txt", reader: ArticleReader = ArticleReader()) -> ArticleError? {
        do {
            _ = try reader.read(name: name, bytes: bytes, modified: mtime)
            return nil
        } catch { return error }
    }

    /// Bytes from a hex string (fixtures produced by Python's codecs, independent of our tables).
    func hex(_ s: String) -> [UInt8] {
        let digits = Array(s.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    @Test func headerDateAndBody() throws {
        let a = try read(" date 2025-09-22 Депутат Мажилиса заявил, что...\nВторой абзац.")
        #expect(a.id == "a.txt")
        #expect(a.date == Day(year: 2025, month: 9, day: 22))
        #expect(a.hasHeaderDate)
        #expect(a.body == "Депутат Мажилиса заявил, что...\nВторой абзац.")
    }

    @Test func headerVariants() throws {
        #expect(try read("date 2025-01-02 Текст").body == "Текст")                      // no leading space
        #expect(try read("\u{FEFF} date 2025-01-02 Текст").date == Day(year: 2025, month: 1, day: 2))  // BOM
        let own = try read(" date 2025-01-02\nТекст на второй строке")                      // header on its own line
        #expect(own.body == "Текст на второй строке")
        #expect(own.hasHeaderDate)
    }

    @Test func missingHeaderFallsBackToModificationDay() throws {
        let a = try read("Президент заявил, что готов к переговорам.")
        #expect(a.date == mtime)
        #expect(!a.hasHeaderDate)
        #expect(a.body == "Президент заявил, что готов к переговорам.")
        // "date" followed by words is ordinary text, not a header.
        #expect(try !read("date night: текст").hasHeaderDate)
    }

    @Test func impossibleHeaderDateIsRefusedNamingIt() {
        for bad in ["2025-13-45", "2025-02-30", "2025/09/22", "2025-9-2"] {
            let error = refusal(Array(" date \(bad) Текст".utf8), name: "x.txt")
            #expect(error?.reason == .impossibleDate(bad))
            #expect(error?.description == "article 'x.txt' was refused: its header date '\(bad)' is not a real date (expected YYYY-MM-DD); skipped, nothing stored")
        }
    }

    @Test func lineEndsAreNormalised() throws {
        #expect(try read(" date 2025-01-02 Раз.\r\nДва.\rТри.\r\n").body == "Раз.\nДва.\nТри.\n")
    }

    @Test func windows1251AndKOI8RAreDecoded() throws {
        let expected = "Президент Казахстана заявил, что республика готова выступить посредником.\nВторой абзац: \"переговоры продолжатся\", сообщили в Акорде."
        let cp1251 = hex("206461746520323032352d30332d313420cff0e5e7e8e4e5edf220cae0e7e0f5f1f2e0ede020e7e0ffe2e8eb2c20f7f2ee20f0e5f1eff3e1ebe8eae020e3eef2eee2e020e2fbf1f2f3efe8f2fc20efeef1f0e5e4ede8eaeeec2e0d0ac2f2eef0eee920e0e1e7e0f63a2022efe5f0e5e3eee2eef0fb20eff0eee4eeebe6e0f2f1ff222c20f1eeeee1f9e8ebe820e220c0eaeef0e4e52e")
        let koi8 = hex("206461746520323032352d30332d313420f0d2c5dac9c4c5ced420ebc1dac1c8d3d4c1cec120dac1d1d7c9cc2c20ded4cf20d2c5d3d0d5c2ccc9cbc120c7cfd4cfd7c120d7d9d3d4d5d0c9d4d820d0cfd3d2c5c4cec9cbcfcd2e0d0af7d4cfd2cfca20c1c2dac1c33a2022d0c5d2c5c7cfd7cfd2d920d0d2cfc4cfccd6c1d4d3d1222c20d3cfcfc2ddc9ccc920d720e1cbcfd2c4c52e")
        let a = try reader.readDetailed(name: "cp.txt", bytes: cp1251, modified: mtime)
        #expect(a.encoding == .windows1251)
        #expect(a.article.body == expected)
        #expect(a.article.date == Day(year: 2025, month: 3, day: 14))
        let b = try reader.readDetailed(name: "koi.txt", bytes: koi8, modified: mtime)
        #expect(b.encoding == .koi8r)
        #expect(b.article.body == expected)
        // A short word still picks the right one of the pair: "Привет" in each encoding.
        #expect(ArticleReader.decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2])?.0 == "Привет")
        #expect(ArticleReader.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4])?.0 == "Привет")
        #expect(try read(" date 2025-01-02 Текст").body == "Текст")
        #expect(try reader.readDetailed(name: "u", bytes: Array("Текст".utf8), modified: mtime).encoding == .utf8)
    }

    @Test func invalidUTF8ThatIsNotRussianIsRefusedNamingTheFirstBadByte() {
        // Latin-1 French: not UTF-8, and neither Cyrillic decoding reads as Russian.
        let latin1: [UInt8] = Array("Le pr".utf8) + [0xE9] + Array("sident a d".utf8) + [0xE9] + Array("clar".utf8) + [0xE9] + Array(" que la r".utf8) + [0xE9] + Array("publique est pr".utf8) + [0xEA, 0x74, 0x65, 0x2E]
        #expect(refusal(latin1)?.reason == .undecodable(firstInvalidOffset: 5))
        #expect(refusal(latin1, name: "fr.txt")?.description
                == "article 'fr.txt' was refused: it is not UTF-8 (the first byte that is not is at offset 5), Windows-1251 or KOI8-R text; skipped, nothing stored")
        // Russian UTF-8 with a stray byte every few letters: too many to repair.
        var riddled: [UInt8] = Array(" date 2025-01-02 ".utf8)
        for _ in 0..<20 { riddled += Array("Президент".utf8) + [0xFF] }
        #expect(refusal(riddled)?.reason == .undecodable(firstInvalidOffset: 17 + 18))
    }

    @Test func aFewStrayBytesInUTF8AreReplacedWithOneWarning() throws {
        // Three stray bytes (a cut character, a lone continuation byte, a Windows-1251 letter) in Russian UTF-8.
        let sentence = "Президент Казахстана заявил, что республика готова выступить посредником. "
        var bytes = Array((" date 2025-03-14 " + sentence).utf8)
        let firstStray = bytes.count
        bytes += [0xD0] + Array(sentence.utf8) + [0x80] + Array(sentence.utf8) + [0xE0] + Array("Конец.".utf8)
        let reading = try reader.readReporting(name: "stray.txt", bytes: bytes, modified: mtime)
        #expect(reading.encoding == .utf8)
        #expect(reading.replacedBytes == 3)
        #expect(reading.firstReplacedOffset == firstStray)
        #expect(reading.article.body == sentence + "\u{FFFD}" + sentence + "\u{FFFD}" + sentence + "\u{FFFD}Конец.")
        #expect(reading.article.date == Day(year: 2025, month: 3, day: 14))
        #expect(reading.warning(shownName: "stray.txt")
                == "article 'stray.txt' has 3 bytes that are not UTF-8 (the first at byte offset \(firstStray)); they were replaced with U+FFFD and the rest of the article was ingested")
        // Clean text gives no warning; the offset counts the BOM and CRs of the file as it is.
        #expect(try reader.readReporting(name: "ok.txt", bytes: Array(sentence.utf8), modified: mtime).warning(shownName: "ok.txt") == nil)
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Раз.\r\n".utf8) + [0xC3] + Array(sentence.utf8)
        let second = try reader.readReporting(name: "b.txt", bytes: withBOM, modified: mtime)
        #expect(second.firstReplacedOffset == 3 + Array("Раз.\r\n".utf8).count)
        #expect(second.article.body == "Раз.\n\u{FFFD}" + sentence)
    }

    @Test func utf16WithAByteOrderMarkIsDecoded() throws {
        let text = " date 2025-03-14 Президент заявил, что готов к переговорам.\r\nВторой абзац 😀."
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for (bytes, encoding) in [(le, ArticleEncoding.utf16LE), (be, .utf16BE)] {
            let a = try reader.readDetailed(name: "u16.txt", bytes: bytes, modified: mtime)
            #expect(a.encoding == encoding)
            #expect(a.article.date == Day(year: 2025, month: 3, day: 14))
            #expect(a.article.body == "Президент заявил, что готов к переговорам.\nВторой абзац 😀.")
        }
        // A mark followed by an odd byte count or an unpaired surrogate is refused, saying so.
        #expect(refusal(le.dropLast())?.reason == .badUTF16(.utf16LE))
        #expect(refusal([0xFF, 0xFE, 0x3F, 0x04, 0x00, 0xD8, 0x3F, 0x04])?.reason == .badUTF16(.utf16LE))
        #expect(refusal(le.dropLast(), name: "u.txt")?.description
                == "article 'u.txt' was refused: it starts with a UTF-16LE byte-order mark but is not valid UTF-16LE text; skipped, nothing stored")
    }

    @Test func emptyWhitespaceAndHeaderOnlyAreRefused() {
        #expect(refusal([])?.reason == .empty)
        #expect(refusal([])?.description == "article 'a.txt' was refused: it is empty; skipped, nothing stored")
        #expect(refusal(Array(" \n\t\r\n ".utf8))?.reason == .whitespaceOnly)
        #expect(refusal([0xEF, 0xBB, 0xBF])?.reason == .whitespaceOnly)
        #expect(refusal(Array(" date 2025-01-02 \n  ".utf8))?.reason == .headerOnly)
    }

    @Test func binaryIsRefused() {
        var nul = Array(" date 2025-01-02 Текст".utf8)
        nul.insert(0, at: 20)
        #expect(refusal(nul)?.reason == .nulBytes(count: 1))
        // UTF-16 text without a byte-order mark is full of NULs.
        let utf16 = "Текст и text".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(refusal(utf16).map { if case .nulBytes = $0.reason { true } else { false } } == true)
        // Random bytes (a fixed-seed generator, so the test is deterministic), with and without NULs.
        var rng = SeededRandom(seed: 42)
        for _ in 0..<50 {
            let count = Int(rng.next() % 4000) + 1
            let random = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(refusal(random) != nil)
            let noNUL = random.map { $0 == 0 ? 1 : $0 }
            #expect(refusal(noNUL) != nil)
        }
        // Control characters sprinkled through otherwise fine text.
        let controls = Array(String(repeating: "Текст\u{1}\u{2}\u{1B} ", count: 50).utf8)
        #expect(refusal(controls)?.reason == .controlCharacters(count: 150))
    }

    @Test func oversizedBytesAreRefused() {
        let small = ArticleReader(maxBytes: 10)
        let error = refusal(Array("Президент заявил".utf8), reader: small)
        #expect(error?.reason == .tooLarge(size: 31, limit: 10))
    }

    @Test func aTenMegabyteSingleLineIsRead() throws {
        let unit = Array("Президент заявил, что республика готова, ".utf8)
        var bytes = Array(" date 2025-01-02 ".utf8)
        bytes.reserveCapacity(10 << 20 + unit.count)
        while bytes.count < 10 << 20 { bytes += unit }
        let a = try ArticleReader(maxBytes: 16 << 20).read(name: "long.txt", bytes: bytes, modified: mtime)
        #expect(a.body.utf8.count == bytes.count - 17)
        #expect(!a.body.utf8.contains(0x0A))
    }

    @Test func namesAreEscapedInErrors() {
        let error = refusal([], name: "evil\nSTANCE_KIND=shift\u{7}.txt")
        #expect(error?.description == "article 'evil\\nSTANCE_KIND=shift\\x07.txt' was refused: it is empty; skipped, nothing stored")
    }

    @Test func modificationDayIsUTC() {
        let identity = FileIdentity(device: 1, inode: 2, size: 3, modifiedNanoseconds: 1_758_499_199 * 1_000_000_000)
        #expect(ArticleReader.day(of: identity) == Day(year: 2025, month: 9, day: 21))  // 23:59:59 UTC
        let next = FileIdentity(device: 1, inode: 2, size: 3, modifiedNanoseconds: 1_758_499_200 * 1_000_000_000)
        #expect(ArticleReader.day(of: next) == Day(year: 2025, month: 9, day: 22))
    }

    /// Mutated articles (byte flips, inserted CR/NUL/BOM/controls/header fragments, cuts) never crash the
    /// reader, and whatever it accepts keeps the contract. `ARTICLE_FUZZ_ITERATIONS` runs it longer.
    @Test func mutatedInputsAreReadOrRefusedNeverCrash() {
        let iterations = ProcessInfoLite.integer("ARTICLE_FUZZ_ITERATIONS") ?? 3_000
        let base = Array(" date 2025-09-22 Президент Казахстана заявил, что готов выступить посредником.\nВторой абзац.".utf8)
        let fragments: [[UInt8]] = [[0x0D], [0x0D, 0x0A], [0], [0xEF, 0xBB, 0xBF], [0x01], [0xC2, 0x85], Array("date ".utf8),
                                    Array(" date 2025-13-45 ".utf8), Array("2024-02-29".utf8), [0xD0], [0xFF, 0xFE], [0x20, 0x09]]
        var rng = SeededRandom(seed: 7)
        var accepted = 0
        for _ in 0..<iterations {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                switch rng.next() % 4 {
                case 0: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 1: bytes.insert(contentsOf: fragments[Int(rng.next() % UInt64(fragments.count))], at: at)
                case 2: bytes = Array(bytes[..<at])
                default: bytes = Array(bytes[at...])
                }
            }
            do {
                let a = try reader.read(name: "f.txt", bytes: bytes, modified: mtime)
                accepted += 1
                #expect(!a.body.utf8.contains(0x0D))
                #expect(!a.body.utf8.contains(0))
                #expect(a.body.contains { !$0.isWhitespace })
                if !a.hasHeaderDate { #expect(a.date == mtime) }
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(accepted > 0)
    }

    @Test func everyShippedSeedReads() throws {
        let seeds = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        for name in ["000_5c49a9c33680695c.txt", "001_fa40498c7c5f6522.txt", "002_a79a80be541b1d91.txt",
                     "003_c6bafed80c9d2d07.txt", "004_3c6dd68e0fab39f4.txt"] {
            let (bytes, identity) = try SafeFile.read(path: "/\(seeds)/seeds/\(name)", maxBytes: 8 << 20)
            let a = try reader.read(name: name, bytes: bytes, modified: ArticleReader.day(of: identity))
            #expect(a.hasHeaderDate, "\(name)")
            #expect(a.body.count > 100, "\(name)")
            #expect(!a.body.hasPrefix(" date"), "\(name)")
        }
    }
}

/// Reads an integer from the environment without Foundation.
enum ProcessInfoLite {
    static func integer(_ name: String) -> Int? {
        getenv(name).flatMap { Int(String(cString: $0)) }
    }
}
