import Foundation

/// The engine's word lists, read from the language's data folder `Language/ru/` (see its README).
///
/// Single words are kept as Snowball stems of their folded form; phrases as arrays of
/// stems. Nothing here is specific to a watchlist.
///
/// A reference type: the tables are filled by `init` and never changed after it (every
/// property's setter is private), and each per-article stage keeps the lexicon, so sharing one
/// instance spares copying some forty tables' references per stage and article. That
/// immutability is what makes it `@unchecked Sendable`.
final class Lexicon: @unchecked Sendable {
    /// Function words and word parts by the role they play (`function-words.txt`).
    private(set) var words = FunctionWords.none
    private(set) var speechVerbs: Set<String> = []
    private(set) var negators: Set<String> = []
    /// Negated phrases that read as affirmative ("не исключает"), as folded words.
    private(set) var affirmativeNegations: [[String]] = []
    /// The first word of every hedge, forecast and condition phrase: a word not here starts none.
    private(set) var phraseFirstWords: Set<String> = []
    /// The distinct first words of `affirmativeNegations` (a quick test before the phrases).
    private(set) var affirmativeFirstWords: [String] = []
    private(set) var modal: Set<String> = []
    /// Modal phrases of several words, stems ("приняли решение"), but not a verb with «за».
    private(set) var modalPhrases: [[String]] = []
    /// Optimism (+1) / pessimism (-1) entries about prospects, folded words (phrases allowed).
    private(set) var evaluation: [(words: [String], value: Int)] = []
    /// Approval (+1) / rejection (-1) entries, folded words.
    private(set) var approval: [(words: [String], value: Int)] = []
    /// The direction a stem moves a measure in.
    private(set) var directions: [String: Direction] = [:]
    /// Folded month form → month number.
    private(set) var months: [String: Int] = [:]
    /// Numeral words and the numbers they stand for ("два", "две" → 2; `numerals.txt`).
    private(set) var numerals: [String: Int] = [:]
    private(set) var pronouns: Set<String> = []
    private(set) var roleHeads: Set<String> = []
    private(set) var attributionNouns: Set<String> = []
    /// Markers of page furniture at the start of a line, folded, in file order; `endsText`: the
    /// line and every line after it are furniture (`end:` lines).
    private(set) var boilerplate: [(marker: String, endsText: Bool)] = []
    private(set) var abbreviations: Set<String> = []
    /// Folded word stem → country index; multi-word entries as stem arrays.
    private(set) var gazetteer: [[[String]]] = []
    /// Gazetteer entries by their first stem: (line, entry index).
    private(set) var gazetteerByFirst: [String: [(Int, Int)]] = [:]
    /// Evaluation and approval entries by their first word.
    private(set) var evaluationByFirst: [String: [(words: [String], value: Int)]] = [:]
    private(set) var approvalByFirst: [String: [(words: [String], value: Int)]] = [:]
    /// Boilerplate markers by their first word.
    private(set) var boilerplateFirstWords: Set<String> = []
    /// The same entries as folded words (for the nominative check).
    private(set) var gazetteerFolded: [[[String]]] = []
    private(set) var stopwords: Set<String> = []
    private(set) var questionWords: Set<String> = []
    private(set) var timeframes: [[String]] = []
    /// Folded word sequences that make a clause undecided or mere context.
    private(set) var hedges: [[String]] = []
    /// Conditions that hedge a clause for direction and evaluative topics ("если").
    private(set) var conditionHedges: [[String]] = []
    /// Hedges that make the whole sentence undecided ("не принимала решений").
    private(set) var sentenceHedges: [[String]] = []
    /// The sentence hedges that say no decision was taken ("не принято", "не решено"): the
    /// question is open (`open:` lines of `hedges.txt`).
    private(set) var openQuestions: [[String]] = []
    /// Stems of reversive verbs and nouns ("отменить", "снять", "выйти", "отказаться").
    private(set) var reversals: Set<String> = []
    /// Forecast and compulsion phrases, folded words ("вынудят", "рано или поздно").
    private(set) var forecasts: [[String]] = []
    /// Condition phrases, folded words ("если", "в случае").
    private(set) var conditions: [[String]] = []
    /// Stems that make a condition an offer ("если будет потребность", `offer:` lines of
    /// `conditions.txt`): the clause is readiness, not a condition on someone else's act.
    private(set) var offerStems: Set<String> = []
    /// Folded words after which a sentence gives no side: a denial of a report, a link set on
    /// a measure, an invitation to talks ("опроверг", "связал", "пригласил").
    private(set) var noSide: Set<String> = []
    /// Stems of the words of stance and speech and of the abstract nouns that name no subject
    /// (the plain lines of `lint.txt`: "согласиться", "поддержка", "вопрос"): such a word is
    /// no cue by family likeness alone («согласился» is not «соглашение»).
    private(set) var genericStems: Set<String> = []

    /// Why the lexicons could not be loaded.
    /// What went wrong (`reason`); the engine says it did not start, the lint that it checked
    /// nothing.
    struct LoadError: Error, CustomStringConvertible {
        var reason: String
        init(_ reason: String) { self.reason = reason }
        var description: String { reason + "; the engine was not started" }
    }

    /// Where the language's data folder (`Language/ru/`) is: `$STANCEWATCH_LEXICON`, the
    /// resource bundle next to the executable (a build), `../share/stancewatch/Language/ru`
    /// beside the executable or under /usr/local and /usr (an install); the package's own
    /// resource bundle last (its accessor stops the process when even the build folder is gone,
    /// so it is tried only when nothing else is found).
    static func locate() throws(LoadError) -> String {
        let fm = FileManager.default
        let folder = "Language/" + Language.folder
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["STANCEWATCH_LEXICON"], !env.isEmpty { candidates.append(env) }
        let exeDir = Bundle.main.bundleURL.path
        candidates.append(exeDir + "/stancewatch_Corpus.resources/" + folder)
        candidates.append(exeDir + "/../share/stancewatch/" + folder)
        candidates += ["/usr/local/share/stancewatch/" + folder, "/usr/share/stancewatch/" + folder]
        for c in candidates where fm.fileExists(atPath: c + "/speech_verbs.txt") { return c }
        guard let url = Bundle.module.url(forResource: "Language", withExtension: nil) else {
            throw LoadError("the engine's language data was not found (looked in \(candidates.joined(separator: ", ")) and the resource bundle)")
        }
        return url.path + "/" + Language.folder
    }

    /// Loads every list from `directory`, each file in the one lexicon syntax (`LexiconFile`).
    init(directory: String, stem: @escaping (String) -> String) throws {
        let files = LexiconReader(directory: directory, stem: stem)
        words = try files.functionWords()
        try readSpeech(files)
        try readPolarity(files)
        try readPhrases(files)
        try readText(files)
        try readPlaces(files)
        let monthShape = LexiconFile.Shape.tagged((1...12).map(String.init), required: true)
        for e in try LexiconFile.read("months.txt", in: directory, shape: monthShape) {
            for form in files.words(e.item) { months[form] = e.tag.flatMap { Int($0) } }
        }
        let numeralShape = LexiconFile.Shape.tagged((1...99).map(String.init), required: true)
        for e in try LexiconFile.read("numerals.txt", in: directory, shape: numeralShape) {
            for form in files.words(e.item) { numerals[form] = e.tag.flatMap { Int($0) } }
        }
    }

    /// Who speaks: speech verbs (stems), pronouns, role heads, attribution nouns, question words.
    private func readSpeech(_ files: LexiconReader) throws {
        speechVerbs = Set(try files.plain("speech_verbs.txt").map { files.stem(Fold.word($0)) })
        pronouns = Set(try files.plain("pronouns.txt").map { Fold.word($0) })
        roleHeads = Set(try files.plain("role_heads.txt").map { Fold.word($0) })
        attributionNouns = Set(try files.plain("attribution.txt").map { Fold.word($0) })
        questionWords = Set(try files.plain("question.txt").map { Fold.word($0) })
    }

    /// Which side: negations, modal words, evaluations, directions, reversals, no-side words.
    private func readPolarity(_ files: LexiconReader) throws {
        for (tag, e) in try files.tagged("negations.txt", NegationTag.self) {
            if tag == nil { negators.insert(Fold.word(e.item)) } else { affirmativeNegations.append(files.words(e.item)) }
        }
        for p in affirmativeNegations { if let f = p.first, !affirmativeFirstWords.contains(f) { affirmativeFirstWords.append(f) } }
        let modals = try files.plain("modal.txt").map { files.words($0).map(files.stem) }
        modal = Set(modals.map { $0.joined(separator: " ") })
        // phrases other than "выступает за" (whose «за» the word facts mark)
        modalPhrases = modals.filter { $0.count > 1 && !($0.count == 2 && $0[1] == files.stem(words.word(.forSide))) }
        for (tag, e) in try files.tagged("evaluation.txt", EvaluationTag.self, required: true) {
            switch tag {
            case .optimism?: evaluation.append((files.words(e.item), 1))
            case .pessimism?: evaluation.append((files.words(e.item), -1))
            case .approval?: approval.append((files.words(e.item), 1))
            case .rejection?, nil: approval.append((files.words(e.item), -1))
            }
        }
        for e in evaluation { evaluationByFirst[e.words[0], default: []].append(e) }
        for e in approval { approvalByFirst[e.words[0], default: []].append(e) }
        for (direction, e) in try files.tagged("directions.txt", Direction.self, required: true) {
            let parts = files.words(e.item)
            guard parts.count == 1, let direction else { throw e.line.error("gives a direction more than one word") }
            directions[files.stem(parts[0])] = direction
        }
        reversals = Set(try files.plain("reversals.txt").map { files.stem(Fold.word($0)) })
        noSide = Set(try files.plain("noside.txt").map { Fold.word($0) })
        for (tag, e) in try files.tagged("lint.txt", LintTag.self) where tag == nil {
            genericStems.formUnion(files.words(e.item).map(files.stem))
        }
    }

    /// Phrases that hedge, forecast, set a condition or a near-future timeframe.
    private func readPhrases(_ files: LexiconReader) throws {
        timeframes = try files.plain("timeframe.txt").map { files.words($0).map(files.stem) }
        for (tag, e) in try files.tagged("hedges.txt", HedgeTag.self) {
            switch tag {
            case .sentence?: sentenceHedges.append(files.words(e.item))
            case .open?:
                sentenceHedges.append(files.words(e.item))
                openQuestions.append(files.words(e.item))
            case .condition?: conditionHedges.append(files.words(e.item))
            case nil: hedges.append(files.words(e.item))
            }
        }
        forecasts = try files.plain("forecast.txt").map { files.words($0) }
        for (tag, e) in try files.tagged("conditions.txt", ConditionTag.self) {
            switch tag {
            case .offer?: offerStems.formUnion(files.words(e.item).map(files.stem))
            case nil: conditions.append(files.words(e.item))
            }
        }
        for list in [hedges, conditionHedges, sentenceHedges, forecasts, conditions] {
            for p in list { if let f = p.first { phraseFirstWords.insert(f) } }
        }
    }

    /// The text around the words: page furniture, abbreviations, stop words.
    private func readText(_ files: LexiconReader) throws {
        boilerplate = try files.tagged("boilerplate.txt", BoilerplateTag.self).map { (Fold.word($0.entry.item), $0.tag != nil) }
        for (marker, _) in boilerplate {
            if let f = marker.split(separator: " ").first {
                boilerplateFirstWords.insert(String(f))
                boilerplateFirstWords.insert(String(f.drop(while: { $0 == "(" })))
            }
        }
        abbreviations = Set(try files.plain("abbreviations.txt").map { Fold.word($0) })
        stopwords = Set(try files.plain("stopwords.txt").flatMap { files.words($0) })
    }

    /// The gazetteer: countries and what stands for them.
    private func readPlaces(_ files: LexiconReader) throws {
        gazetteerFolded = try files.lists("gazetteer.txt").map { $0.map { files.words($0) } }
        gazetteer = gazetteerFolded.map { $0.map { $0.map(files.stem) } }
        for (li, line) in gazetteer.enumerated() { for (k, e) in line.enumerated() { gazetteerByFirst[e[0], default: []].append((li, k)) } }
    }
}

/// The tags of the lexicon files (see the lexicon folder's README).
enum NegationTag: String, CaseIterable { case affirmative }
enum EvaluationTag: String, CaseIterable { case optimism, pessimism, approval, rejection }
enum HedgeTag: String, CaseIterable { case sentence, open, condition }
enum ConditionTag: String, CaseIterable { case offer }
enum BoilerplateTag: String, CaseIterable { case end }
enum LintTag: String, CaseIterable { case institution, contraExample }
/// Reads the files of one lexicon folder for `Lexicon`, with the stemmer the words are kept as.
struct LexiconReader {
    let directory: String
    let stem: (String) -> String

    /// The entries of a file without tags.
    func plain(_ name: String) throws -> [String] {
        try LexiconFile.read(name, in: directory, shape: .plain).map(\.item)
    }

    /// The entries of a file of comma-separated lists.
    func lists(_ name: String) throws -> [[String]] {
        try LexiconFile.read(name, in: directory, shape: .lists).map(\.items)
    }

    /// The entries of a file whose tags are the cases of `Tag`, each with its tag (nil: none).
    func tagged<Tag: RawRepresentable & CaseIterable>(_ name: String, _: Tag.Type, required: Bool = false) throws
        -> [(tag: Tag?, entry: LexiconFile.Entry)] where Tag.RawValue == String {
        let shape = LexiconFile.Shape.tagged(Tag.allCases.map(\.rawValue), required: required)
        return try LexiconFile.read(name, in: directory, shape: shape).map { ($0.tag.flatMap(Tag.init(rawValue:)), $0) }
    }

    /// The function words by role (`function-words.txt`).
    func functionWords() throws -> FunctionWords {
        try FunctionWords(entries: try LexiconFile.read("function-words.txt", in: directory, shape: FunctionWords.shape))
    }

    /// The folded words of an entry.
    func words(_ s: some StringProtocol) -> [String] {
        s.split(whereSeparator: { $0 == " " }).map { Fold.word(Substring($0)) }
    }
}
