import Foundation
import Platform
import Testing
import TestFixtures
@testable import Corpus

/// The one lexicon syntax: what each file shape accepts, and the error, with file and line,
/// for what it does not.
struct LexiconFileTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder(prefix: "stancewatch-lexicon") }

    func read(_ text: String, _ shape: LexiconFile.Shape) throws -> [LexiconFile.Entry] {
        try folder.write("x.txt", text)
        return try LexiconFile.read("x.txt", in: folder.path, shape: shape)
    }

    /// The error `text` raises in `shape`, as an operator reads it.
    func refusal(_ text: String, _ shape: LexiconFile.Shape) -> String {
        do {
            _ = try read(text, shape)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    // a word's roles are one bit each of a 128-bit set (`RoleSet`)
    @Test func everyWordRoleHasABit() {
        #expect(WordRole.allCases.count <= RoleSet.capacity)
        var all = RoleSet()
        for role in WordRole.allCases { all.insert(role) }
        #expect(WordRole.allCases.allSatisfy { all.contains($0) })
        #expect(all.count == WordRole.allCases.count)
    }

    @Test func tagsCommentsAndBlankLines() throws {
        let entries = try read("# comment\n\naffirmative: не исключает\nне\n  фото:  \n", .tagged(["affirmative"]))
        #expect(entries.map(\.tag) == ["affirmative", nil, nil])
        #expect(entries.map(\.item) == ["не исключает", "не", "фото:"])
        #expect(entries.map(\.line.number) == [3, 4, 5])
    }

    @Test func listsSplitAtCommas() throws {
        let entries = try read("Турция, Анкара,  турецкий\n", .lists)
        #expect(entries.first?.items == ["Турция", "Анкара", "турецкий"])
    }

    @Test func anUnknownTagNamesFileLineAndTheKnownTags() {
        let error = refusal("down: снижать\nsideways: ползти\n", .tagged(["down", "up"], required: true))
        #expect(error.contains("x.txt' line 2"))
        #expect(error.contains("'sideways:'") && error.contains("down, up"))
        #expect(error.hasSuffix("the engine was not started"))
    }

    @Test func aTagInAFileWithoutTagsIsRefused() {
        #expect(refusal("speech: заявил\n", .plain).contains("line 1 has the tag 'speech:', and this file takes no tags"))
    }

    @Test func aMissingRequiredTagIsRefused() {
        #expect(refusal("1: январь\nфевраль\n", .tagged(["1", "2"], required: true)).contains("line 2 has no tag"))
    }

    @Test func theMarksOfTheOldSyntaxAreRefused() {
        for mark in ["+ возможно", "-a осудил", "* читайте также", "~ если", "@ правительство"] {
            #expect(refusal(mark + "\n", .tagged(["optimism"])).contains("line 1 starts with '\(mark.first!)'"))
        }
    }

    @Test func aCommaOutsideAListFileAndAnEmptyEntryAreRefused() {
        #expect(refusal("снижать, понижать\n", .plain).contains("holds a comma"))
        #expect(refusal("Турция,, Анкара\n", .lists).contains("has an empty entry"))
        #expect(refusal("down:\n", .tagged(["down"])).contains("has an empty entry"))
    }

    @Test func functionWordsNeedEveryRoleOnce() throws {
        let all = WordRole.allCases.map { "\($0.name): слово" }
        let shape = FunctionWords.shape
        let words = try FunctionWords(entries: try read(all.joined(separator: "\n"), shape))
        #expect(words.word(.ago) == Fold.word("слово"))
        let twice = (all + ["ago: назад"]).joined(separator: "\n")
        #expect(throws: Lexicon.LoadError.self) { try FunctionWords(entries: try read(twice, shape)) }
        let missing = all.dropLast().joined(separator: "\n")
        do {
            _ = try FunctionWords(entries: try read(missing, shape))
            Issue.record("a file without the role \(WordRole.allCases.last!.name) was accepted")
        } catch {
            #expect("\(error)".contains("does not give the role '\(WordRole.allCases.last!.name)'"))
        }
    }

    /// The shipped lexicons load, and a copy with one bad line names that file and line.
    @Test func theShippedLexiconsLoadAndABadLineStopsTheLoad() throws {
        guard let stemmer = Stemmer(language: "russian") else { Issue.record("no Russian stemmer"); return }
        let shipped = try Lexicon.locate()
        let lexicon = try Lexicon(directory: shipped, stem: { Fold.stem($0, stemmer) })
        #expect(lexicon.directions.count > 50 && lexicon.months.count >= 36 && !lexicon.boilerplate.isEmpty)
        let copy = try folder.folder("copy")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped) {
            try FileManager.default.copyItem(atPath: shipped + "/" + name, toPath: copy + "/" + name)
        }
        let path = copy + "/directions.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "sideways: ползти\n").write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            _ = try Lexicon(directory: copy, stem: { Fold.stem($0, stemmer) })
            Issue.record("a direction the engine does not know was accepted")
        } catch {
            #expect("\(error)" == "lexicon '\(path)' line \(lines) has the tag 'sideways:', which this file does not know "
                    + "(its tags: down, up, allow, forbid); the engine was not started")
        }
    }
}
