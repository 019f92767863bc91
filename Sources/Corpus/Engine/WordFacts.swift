/// A set of function-word roles (`WordRole`), one bit each of 128: a role test is a bit test.
struct RoleSet: Sendable, Equatable {
    /// Roles 0–63 and 64–127.
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// How many roles a set can hold.
    static let capacity = 128

    init(_ roles: [WordRole] = []) { for r in roles { insert(r) } }

    @inline(__always) func contains(_ role: WordRole) -> Bool {
        let i = role.rawValue
        return i < 64 ? low & (1 << UInt64(i)) != 0 : high & (1 << UInt64(i - 64)) != 0
    }
    @inline(__always) func containsAny(_ other: RoleSet) -> Bool { (low & other.low) | (high & other.high) != 0 }
    mutating func insert(_ role: WordRole) {
        let i = role.rawValue
        precondition(i < Self.capacity, "a role set holds \(Self.capacity) roles")
        if i < 64 { low |= 1 << UInt64(i) } else { high |= 1 << UInt64(i - 64) }
    }
    /// The number of roles in the set.
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
}

/// The lexicon's and the watch index's word lists a word belongs to, by its folded form or its
/// stem (each mark says which), one bit each.
struct WordMarks: OptionSet, Sendable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }

    // by the folded form
    static let negator = WordMarks(rawValue: 1 << 0)
    static let pronoun = WordMarks(rawValue: 1 << 1)
    static let roleHead = WordMarks(rawValue: 1 << 2)
    static let attributionNoun = WordMarks(rawValue: 1 << 3)
    static let questionWord = WordMarks(rawValue: 1 << 4)
    /// In `noside.txt`, or a compound whose last part is ("письмо-приглашение").
    static let noSide = WordMarks(rawValue: 1 << 5)
    /// The first word of a hedge, forecast or condition phrase.
    static let phraseFirstWord = WordMarks(rawValue: 1 << 6)
    static let stopword = WordMarks(rawValue: 1 << 7)
    /// The first word of an evaluation / approval entry.
    static let evaluationFirst = WordMarks(rawValue: 1 << 8)
    static let approvalFirst = WordMarks(rawValue: 1 << 9)
    /// Can open an affirmative negated phrase: is a first word of one, has it as its stem or
    /// starts with it (`PolarityFinder.affirmativeNegation`).
    static let affirmativeFirst = WordMarks(rawValue: 1 << 10)
    /// Some actor pattern can open with it (`WatchIndex.mayOpenPattern`).
    static let patternStart = WordMarks(rawValue: 1 << 11)
    // by the stem
    static let roleHeadStem = WordMarks(rawValue: 1 << 12)
    static let speechVerb = WordMarks(rawValue: 1 << 13)
    static let reversal = WordMarks(rawValue: 1 << 14)
    static let modal = WordMarks(rawValue: 1 << 15)
    /// The stem and «за» form a modal entry ("выступает за").
    static let modalWithFor = WordMarks(rawValue: 1 << 16)
    /// A role head of a watched role (`WatchIndex.headActors`, `headForms`).
    static let headActor = WordMarks(rawValue: 1 << 17)
    static let headForm = WordMarks(rawValue: 1 << 18)
    static let gazetteerFirst = WordMarks(rawValue: 1 << 19)
    /// A word of some topic's texts: cue, description, side, anchor or name (`WatchIndex.topicStems`).
    static let topicWord = WordMarks(rawValue: 1 << 20)
    /// Its first five letters are the bucket of some cue's first word.
    static let cueBucket = WordMarks(rawValue: 1 << 21)
    static let timeframeFirst = WordMarks(rawValue: 1 << 22)
    /// Weighs in some topic's descriptions (`WatchIndex.weightedTopics`).
    static let weighted = WordMarks(rawValue: 1 << 23)
    /// An anchor of some topic, or the first word of one of its anchor phrases.
    static let anchorWord = WordMarks(rawValue: 1 << 24)
}

/// What the rules ask of one word of an article, found once per distinct word (and cached with
/// its stem for the process, `StemCache`): the function-word roles of its folded form, the
/// part roles it starts or ends with, the lists it is in, its direction. The rules test bits
/// where they would otherwise hash the word against list after list.
struct WordFacts: Sendable {
    /// Roles whose words the folded word is (`FunctionWords.isa`).
    var roles = RoleSet()
    /// Roles of word parts (…Prefixes, …Endings, …Suffixes) the folded word starts or ends with
    /// (`FunctionWords.startsAny`, `endsAny`).
    var parts = RoleSet()
    var marks: WordMarks = []
    /// The direction the stem moves a measure in (`Lexicon.directions`).
    var direction: Direction? = nil

    init() {}

    /// The facts of the folded word `norm` with stem `stem`.
    init(norm: String, stem: String, lexicon: Lexicon, index: WatchIndex) {
        let words = lexicon.words
        roles = words.roles(of: norm)
        parts = words.partRoles(of: norm)
        direction = lexicon.directions[stem]
        var m: WordMarks = []
        func mark(_ mark: WordMarks, _ yes: Bool) { if yes { m.insert(mark) } }
        mark(.negator, lexicon.negators.contains(norm))
        mark(.pronoun, lexicon.pronouns.contains(norm))
        mark(.roleHead, lexicon.roleHeads.contains(norm))
        mark(.attributionNoun, lexicon.attributionNouns.contains(norm))
        mark(.questionWord, lexicon.questionWords.contains(norm))
        mark(.noSide, Self.isNoSide(norm, lexicon))
        mark(.phraseFirstWord, lexicon.phraseFirstWords.contains(norm))
        mark(.stopword, lexicon.stopwords.contains(norm))
        mark(.evaluationFirst, lexicon.evaluationByFirst[norm] != nil)
        mark(.approvalFirst, lexicon.approvalByFirst[norm] != nil)
        mark(.affirmativeFirst, lexicon.affirmativeFirstWords.contains { stem == $0 || norm.hasPrefix($0) })
        mark(.patternStart, index.mayOpenPattern(norm, stem: stem))
        mark(.roleHeadStem, lexicon.roleHeads.contains(stem))
        mark(.speechVerb, lexicon.speechVerbs.contains(stem))
        mark(.reversal, lexicon.reversals.contains(stem))
        mark(.modal, lexicon.modal.contains(stem))
        mark(.modalWithFor, lexicon.modal.contains(stem + " " + words.word(.forSide)))
        mark(.headActor, index.headActors[stem] != nil)
        mark(.headForm, index.headForms[stem] != nil)
        mark(.gazetteerFirst, lexicon.gazetteerByFirst[stem] != nil)
        mark(.topicWord, index.topicStems.contains(stem))
        mark(.cueBucket, index.cueBuckets.contains(WordForms.bucket(stem)))
        mark(.timeframeFirst, lexicon.timeframes.contains { $0.first == stem })
        mark(.weighted, index.weightedTopics[stem] != nil)
        mark(.anchorWord, index.anchorStems.contains(stem))
        marks = m
    }

    /// A word after which a sentence gives no side, or a compound ending in one
    /// ("письмо-приглашение").
    private static func isNoSide(_ word: String, _ lexicon: Lexicon) -> Bool {
        if lexicon.noSide.contains(word) { return true }
        guard let hyphen = word.utf8.lastIndex(of: UInt8(ascii: "-")) else { return false }
        return lexicon.noSide.contains(String(word[word.utf8.index(after: hyphen)...]))
    }

    /// Whether some list of the lexicon or the watchlist holds the word or its stem: a function
    /// word, a direction, or a mark by a whole word or stem (not the marks that a word's first
    /// letters earn: `cueBucket`, `affirmativeFirst`, `patternStart`).
    var isKnown: Bool {
        roles.count > 0 || direction != nil || !marks.subtracting([.cueBucket, .affirmativeFirst, .patternStart]).isEmpty
    }

    @inline(__always) func isa(_ role: WordRole) -> Bool { roles.contains(role) }
    @inline(__always) func has(_ mark: WordMarks) -> Bool { marks.contains(mark) }
}

/// A word's stem and facts, as the per-article table and the process-wide cache keep them.
struct WordEntry: Sendable {
    var stem: String
    var facts: WordFacts
}

extension FunctionWords {
    /// The part roles whose parts `folded` starts with (…Prefixes) or ends with (…Endings,
    /// …Suffixes).
    func partRoles(of folded: String) -> RoleSet {
        var set = RoleSet()
        for role in WordRole.partRoles {
            switch role.part {
            case .start?: if startsAny(folded, role) { set.insert(role) }
            case .end?: if endsAny(folded, role) { set.insert(role) }
            case nil: break
            }
        }
        return set
    }
}

extension WordRole {
    /// Where a role's words stand in a word, for the roles of word parts (by the role's name).
    enum Part { case start, end }

    var part: Part? { Self.parts[rawValue] }

    /// Each role's part, at the role's raw value.
    private static let parts: [Part?] = allCases.map { role in
        let n = role.name
        if n.hasSuffix("Prefixes") { return .start }
        if n.hasSuffix("Endings") || n.hasSuffix("Suffixes") { return .end }
        return nil
    }

    /// The roles of word parts.
    static let partRoles: [WordRole] = allCases.filter { $0.part != nil }
}
