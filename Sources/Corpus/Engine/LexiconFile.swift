import Foundation

/// One lexicon file, read in the one syntax every lexicon shares (the lexicon folder's README):
/// blank lines and `#` comments aside, each line is an entry `[tag:] item[, item …]`. A tag is an
/// ASCII word (letters or digits) before a colon at the start of the line and says what kind of
/// entry the line is (`affirmative: не исключает`, `down: снижать`, `3: март марта`); items are
/// words separated by spaces, and only a file of synonym lists (the gazetteer) separates several
/// items by commas. What a file accepts is its `Shape`; anything else is an error that names the
/// file and the line, and the engine is not started with a lexicon it cannot read.
struct LexiconFile {
    /// One entry line: its tag, when the file's shape has tags, and its items, trimmed.
    struct Entry: Sendable {
        var tag: String?
        var items: [String]
        var line: LexiconLine
        /// The first item (every shape but `lists` has exactly one).
        var item: String { items[0] }
    }

    /// What the lines of a file may hold.
    struct Shape: Sendable {
        /// The tags the file knows; empty: no tags.
        var tags: [String] = []
        /// Every line must carry one of `tags`.
        var tagRequired = false
        /// Items separated by commas.
        var lists = false

        static let plain = Shape()
        static func tagged(_ tags: [String], required: Bool = false) -> Shape { Shape(tags: tags, tagRequired: required) }
        static let lists = Shape(lists: true)
    }

    /// The entries of `name` in `directory`, in file order.
    static func read(_ name: String, in directory: String, shape: Shape) throws -> [Entry] {
        let path = directory + "/" + name
        guard let bytes = FileManagerShim.contents(atPath: path),
              let text = String(validating: bytes, as: UTF8.self) else {
            throw Lexicon.LoadError("lexicon '\(path)' cannot be read")
        }
        var out: [Entry] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(raw).trimmingWhitespace
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            out.append(try entry(LexiconLine(file: path, number: n + 1, text: trimmed), shape: shape))
        }
        return out
    }

    /// Marks of lexicon syntaxes older than this one, refused so that a stale file cannot load
    /// with its marks read as words.
    static let oldMarks: Set<Character> = ["+", "-", "*", "~", "@"]

    private static func entry(_ line: LexiconLine, shape: Shape) throws -> Entry {
        if let first = line.text.first, oldMarks.contains(first) {
            throw line.error("starts with '\(first)', which the lexicon syntax does not use; write `tag: words`"
                             + (shape.tags.isEmpty ? "" : " (tags of this file: \(shape.tags.joined(separator: ", ")))"))
        }
        var rest = Substring(line.text)
        var tag: String? = nil
        if let colon = rest.firstIndex(of: ":"), colon > rest.startIndex,
           rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            let name = String(rest[..<colon])
            guard shape.tags.contains(name) else {
                throw line.error(shape.tags.isEmpty
                    ? "has the tag '\(name):', and this file takes no tags"
                    : "has the tag '\(name):', which this file does not know (its tags: \(shape.tags.joined(separator: ", ")))")
            }
            tag = name
            rest = rest[rest.index(after: colon)...]
        } else if shape.tagRequired {
            throw line.error("has no tag; each line of this file starts with one of: \(shape.tags.joined(separator: ", "))")
        }
        if !shape.lists && rest.contains(",") {
            throw line.error("holds a comma, and this file takes one entry a line")
        }
        let items = rest.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else { throw line.error("has an empty entry") }
        return Entry(tag: tag, items: items, line: line)
    }
}
