/// What a function word (or a part of a word) does for the rules: the roles of
/// `function-words.txt`, one line each. The rules ask for a role, never for a word, so the
/// words of a language are data.
enum WordRole: String, CaseIterable, Sendable {
    // the driver
    case aboutPreposition, aboutThis, then, subjectPronouns, again, questionParticle, demonstratives, connectives, and
    // who holds the words
    case possessives, honorifics, passiveParticipleEndings, relativePrefixes, complementizers
    // which actor a name is
    case prepositions, clauseJoiners, adjectiveNameSuffixes, obliqueEndings, nameEndings, droppableFinals, fleetingVowels, softSign
    // which side
    case against, forSide, on, hardly, contrast, contrastWords, obliquePluralEndings, parentheticalWords, infinitiveEndings
    case passiveEndings, timeUnits, verbalNounEndings, verbPrefixes
    // when it was said
    case eve, yesterday, inPrepositions, ofMonth, last, ago, dateBlockers, monthParts, dayUnit, dayPrefixes, weekPrefixes, monthPrefixes
    case yearPrefixes, yearUnits
}

/// The function words of a language by role, folded (see `Fold`), in the order the file gives
/// them. Built from `function-words.txt`; see the lexicon folder's README for the syntax.
struct FunctionWords: Sendable {
    private var byRole: [WordRole: [String]]

    /// No words at all (a lexicon being built).
    static let none = FunctionWords(byRole: [:])

    private init(byRole: [WordRole: [String]]) { self.byRole = byRole }

    /// Every role's words, in file order (the order matters only where a rule says so).
    func list(_ role: WordRole) -> [String] { byRole[role] ?? [] }

    /// The role's words as a set, for membership tests.
    func set(_ role: WordRole) -> Set<String> { Set(list(role)) }

    /// The one word of a single-word role ("ли", "назад").
    func word(_ role: WordRole) -> String { list(role).first ?? "" }

    /// True when `folded` is one of the role's words.
    func isa(_ folded: String, _ role: WordRole) -> Bool { list(role).contains(folded) }

    /// Builds the roles from `function-words.txt`'s entries (`role: word word …`, the tag
    /// checked by `LexiconFile`). A role given twice or missing from the file is an error naming
    /// the file (and the line).
    init(entries: [LexiconFile.Entry]) throws {
        var byRole: [WordRole: [String]] = [:]
        for entry in entries {
            guard let tag = entry.tag, let role = WordRole(rawValue: tag) else { throw entry.line.error("has no role") }
            guard byRole[role] == nil else { throw entry.line.error("gives the role '\(tag)' a second time") }
            byRole[role] = entry.item.split(separator: " ").map { Fold.word(Substring($0)) }
        }
        if let missing = WordRole.allCases.first(where: { byRole[$0] == nil }), let file = entries.first?.line.file {
            throw Lexicon.LoadError(description: "lexicon '\(file)' does not give the role '\(missing.rawValue)'; the engine was not started")
        }
        self.byRole = byRole
    }
}

/// One entry line of a lexicon file and where it stands, for errors that name both.
struct LexiconLine: Sendable {
    var file: String
    var number: Int
    var text: String

    /// The load error for this line: `lexicon 'F' line N <what>; the engine was not started`.
    func error(_ what: String) -> Lexicon.LoadError {
        Lexicon.LoadError(description: "lexicon '\(file)' line \(number) \(what); the engine was not started")
    }
}
