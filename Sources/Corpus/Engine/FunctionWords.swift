/// What a function word (or a part of a word) does for the rules: the roles of
/// `function-words.txt`, one line each. The rules ask for a role, never for a word, so the
/// words of a language are data.
enum WordRole: Int, CaseIterable, Sendable {
    // the driver
    case aboutPreposition, aboutThis, corresponding, pointingDeterminers, measureNounPrefixes, also, then, subjectPronouns, masculinePronouns, femininePronouns, feminineSurnameEndings, masculineSurnameEndings, joiningSpeakers, again, questionParticle, demonstratives, pointingBack, connectives, and
    // who holds the words
    case possessives, honorifics, passiveParticipleEndings, relativePrefixes, complementizers, askingVerbs, proposalNouns, judgementNouns, addressNouns
    // which actor a name is
    case prepositions, gluedPrefixes, gluedNegators, verbFormEndings, clauseJoiners, adjectiveNameSuffixes, obliqueEndings, datAccNameEndings, nameEndings, droppableFinals, fleetingVowels, softSign
    // which side
    case against, forSide, on, hardly, contrast, thatAdverbHeads, correlatives, listContinuations, contrastWords, obliquePluralEndings, parentheticalWords, infinitiveEndings
    case passiveEndings, timeUnits, verbalNounEndings, verbPrefixes, questionNouns, questionPrepositions, regardingWords, pollNouns
    // how a watchlist's descriptions read
    case noteOpeners
    // when it was said
    case eve, yesterday, inPrepositions, ofMonth, last, lastInYear, lastWeek, ago, oneAndAHalf, comparison, dateBlockers, monthParts, dayUnit, dayPrefixes, weekPrefixes, monthPrefixes
    case yearPrefixes, yearUnits, pastEndings

    /// The role's name in `function-words.txt`. (The raw value is the role's position, so that
    /// a lookup is an array index, not a hash of the name.)
    var name: String { String(describing: self) }

    /// The roles by their names in the file.
    static let byName: [String: WordRole] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}

/// The function words of a language by role, folded (see `Fold`), in the order the file gives
/// them. Built from `function-words.txt`; see the lexicon folder's README for the syntax.
struct FunctionWords: Sendable {
    /// Each role's words, at the role's raw value.
    private var lists: [[String]]
    private var sets: [Set<String>]
    /// Each word's roles (for `roles(of:)`).
    private var rolesByWord: [String: RoleSet] = [:]

    /// No words at all (a lexicon being built).
    static let none = FunctionWords(lists: Array(repeating: [], count: WordRole.allCases.count))

    private init(lists: [[String]]) {
        self.lists = lists
        sets = lists.map(Set.init)
        for (i, list) in lists.enumerated() { for w in list { rolesByWord[w, default: RoleSet()].insert(WordRole.allCases[i]) } }
    }

    /// Every role's words, in file order (the order matters only where a rule says so).
    func list(_ role: WordRole) -> [String] { lists[role.rawValue] }

    /// The one word of a single-word role ("ли", "назад").
    func word(_ role: WordRole) -> String { lists[role.rawValue].first ?? "" }

    /// True when `folded` is one of the role's words.
    func isa(_ folded: String, _ role: WordRole) -> Bool { sets[role.rawValue].contains(folded) }

    /// The roles `folded` is a word of.
    func roles(of folded: String) -> RoleSet { rolesByWord[folded] ?? RoleSet() }

    /// Builds the roles from `function-words.txt`'s entries (`role: word word …`, the tag
    /// checked by `LexiconFile`). A role given twice or missing from the file is an error naming
    /// the file (and the line).
    init(entries: [LexiconFile.Entry]) throws {
        var lists: [[String]?] = Array(repeating: nil, count: WordRole.allCases.count)
        for entry in entries {
            guard let tag = entry.tag, let role = WordRole.byName[tag] else { throw entry.line.error("has no role") }
            guard lists[role.rawValue] == nil else { throw entry.line.error("gives the role '\(tag)' a second time") }
            lists[role.rawValue] = entry.item.split(separator: " ").map { Fold.word(Substring($0)) }
        }
        if let missing = WordRole.allCases.first(where: { lists[$0.rawValue] == nil }), let file = entries.first?.line.file {
            throw Lexicon.LoadError("lexicon '\(file)' does not give the role '\(missing.name)'")
        }
        self.init(lists: lists.map { $0 ?? [] })
    }

    /// The shape of `function-words.txt`: every line tagged with a role.
    static var shape: LexiconFile.Shape { .tagged(WordRole.allCases.map(\.name), required: true) }
}

/// One entry line of a lexicon file and where it stands, for errors that name both.
struct LexiconLine: Sendable {
    var file: String
    var number: Int
    var text: String

    /// The load error for this line: `lexicon 'F' line N <what>; the engine was not started`.
    func error(_ what: String) -> Lexicon.LoadError {
        Lexicon.LoadError("lexicon '\(file)' line \(number) \(what)")
    }
}
