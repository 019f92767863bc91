import Foundation

/// The engine's word lists, read from the module's `Lexicon/` resources (see its README).
///
/// Single words are kept as Snowball stems of their folded form; phrases as arrays of
/// stems. Nothing here is specific to a watchlist.
struct Lexicon: Sendable {
    /// Function words and word parts by the role they play (`function-words.txt`).
    var words = FunctionWords.none
    var speechVerbs: Set<String> = []
    var negators: Set<String> = []
    /// Negated phrases that read as affirmative ("не исключает"), as folded words.
    var affirmativeNegations: [[String]] = []
    /// The first word of every hedge, forecast and condition phrase: a word not here starts none.
    var phraseFirstWords: Set<String> = []
    /// The distinct first words of `affirmativeNegations` (a quick test before the phrases).
    var affirmativeFirstWords: [String] = []
    var modal: Set<String> = []
    /// Optimism (+1) / pessimism (-1) entries about prospects, folded words (phrases allowed).
    var evaluation: [(words: [String], value: Int)] = []
    /// Approval (+1) / rejection (-1) entries, folded words.
    var approval: [(words: [String], value: Int)] = []
    /// The direction a stem moves a measure in.
    var directions: [String: Direction] = [:]
    /// Folded month form → month number.
    var months: [String: Int] = [:]
    var pronouns: Set<String> = []
    var roleHeads: Set<String> = []
    var attributionNouns: Set<String> = []
    /// Markers of page furniture at the start of a line, folded, in file order; `endsText`: the
    /// line and every line after it are furniture (`end:` lines).
    var boilerplate: [(marker: String, endsText: Bool)] = []
    var abbreviations: Set<String> = []
    /// Folded word stem → country index; multi-word entries as stem arrays.
    var gazetteer: [[[String]]] = []
    /// Gazetteer entries by their first stem: (line, entry index).
    var gazetteerByFirst: [String: [(Int, Int)]] = [:]
    /// Evaluation and approval entries by their first word.
    var evaluationByFirst: [String: [(words: [String], value: Int)]] = [:]
    var approvalByFirst: [String: [(words: [String], value: Int)]] = [:]
    /// Boilerplate markers by their first word.
    var boilerplateFirstWords: Set<String> = []
    /// The same entries as folded words (for the nominative check).
    var gazetteerFolded: [[[String]]] = []
    var stopwords: Set<String> = []
    var questionWords: Set<String> = []
    var timeframes: [[String]] = []
    /// Folded word sequences that make a clause undecided or mere context.
    var hedges: [[String]] = []
    /// Conditions that hedge a clause for direction and evaluative topics ("если").
    var conditionHedges: [[String]] = []
    /// Hedges that make the whole sentence undecided ("не принимала решений").
    var sentenceHedges: [[String]] = []
    /// Stems of reversive verbs and nouns ("отменить", "снять", "выйти", "отказаться").
    var reversals: Set<String> = []
    /// Forecast and compulsion phrases, folded words ("вынудят", "рано или поздно").
    var forecasts: [[String]] = []
    /// Condition phrases, folded words ("если", "в случае").
    var conditions: [[String]] = []
    /// Folded words after which a sentence gives no side: a denial of a report, a link set on
    /// a measure, an invitation to talks ("опроверг", "связал", "пригласил").
    var noSide: Set<String> = []

    /// Why the lexicons could not be loaded.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Loads every list from the bundled `Lexicon/` folder.
    static func bundled(stem: (String) -> String) throws -> Lexicon {
        try Lexicon(directory: try locate(), stem: stem)
    }

    /// Where the lexicons are: `$STANCEWATCH_LEXICON`, the resource bundle next to the
    /// executable (a build), `../share/stancewatch/Lexicon` beside the executable or under
    /// /usr/local and /usr (an install); the package's own resource bundle last (its
    /// accessor stops the process when even the build folder is gone, so it is tried only
    /// when nothing else is found).
    static func locate() throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["STANCEWATCH_LEXICON"], !env.isEmpty { candidates.append(env) }
        let exeDir = Bundle.main.bundleURL.path
        candidates.append(exeDir + "/stancewatch_Corpus.resources/Lexicon")
        candidates.append(exeDir + "/../share/stancewatch/Lexicon")
        candidates += ["/usr/local/share/stancewatch/Lexicon", "/usr/share/stancewatch/Lexicon"]
        for c in candidates where fm.fileExists(atPath: c + "/speech_verbs.txt") { return c }
        guard let url = Bundle.module.url(forResource: "Lexicon", withExtension: nil) else {
            throw LoadError(description: "the engine's lexicons were not found (looked in \(candidates.joined(separator: ", ")) and the resource bundle); the engine was not started")
        }
        return url.path
    }

    /// Loads every list from `directory`, each file in the one lexicon syntax (`LexiconFile`).
    init(directory: String, stem: (String) -> String) throws {
        func read(_ name: String, _ shape: LexiconFile.Shape = .plain) throws -> [LexiconFile.Entry] {
            try LexiconFile.read(name, in: directory, shape: shape)
        }
        func plain(_ name: String) throws -> [String] { try read(name).map(\.item) }
        func words(_ s: some StringProtocol) -> [String] {
            s.split(whereSeparator: { $0 == " " }).map { Fold.word(Substring($0)) }
        }
        self.words = try FunctionWords(entries: try read("function-words.txt",
                                                         .tagged(WordRole.allCases.map(\.rawValue), required: true)))
        speechVerbs = Set(try plain("speech_verbs.txt").map { stem(Fold.word($0)) })
        for e in try read("negations.txt", .tagged(["affirmative"])) {
            if e.tag == nil { negators.insert(Fold.word(e.item)) } else { affirmativeNegations.append(words(e.item)) }
        }
        for p in affirmativeNegations { if let f = p.first, !affirmativeFirstWords.contains(f) { affirmativeFirstWords.append(f) } }
        modal = Set(try plain("modal.txt").map { words($0).map(stem).joined(separator: " ") })
        for e in try read("evaluation.txt", .tagged(["optimism", "pessimism", "approval", "rejection"], required: true)) {
            switch e.tag {
            case "optimism": evaluation.append((words(e.item), 1))
            case "pessimism": evaluation.append((words(e.item), -1))
            case "approval": approval.append((words(e.item), 1))
            default: approval.append((words(e.item), -1))
            }
        }
        for e in try read("directions.txt", .tagged(Direction.allCases.map(\.rawValue), required: true)) {
            let parts = words(e.item)
            guard parts.count == 1, let tag = e.tag, let direction = Direction(rawValue: tag) else {
                throw e.line.error("gives a direction more than one word")
            }
            directions[stem(parts[0])] = direction
        }
        for e in try read("months.txt", .tagged((1...12).map(String.init), required: true)) {
            for form in words(e.item) { months[form] = Int(e.tag ?? "") }
        }
        pronouns = Set(try plain("pronouns.txt").map { Fold.word($0) })
        roleHeads = Set(try plain("role_heads.txt").map { Fold.word($0) })
        attributionNouns = Set(try plain("attribution.txt").map { Fold.word($0) })
        boilerplate = try read("boilerplate.txt", .tagged(["end"])).map { (Fold.word($0.item), $0.tag != nil) }
        abbreviations = Set(try plain("abbreviations.txt").map { Fold.word($0) })
        gazetteerFolded = try read("gazetteer.txt", .lists).map { $0.items.map { words($0) } }
        gazetteer = gazetteerFolded.map { $0.map { $0.map(stem) } }
        for (li, line) in gazetteer.enumerated() { for (k, e) in line.enumerated() { gazetteerByFirst[e[0], default: []].append((li, k)) } }
        for e in evaluation { evaluationByFirst[e.words[0], default: []].append(e) }
        for e in approval { approvalByFirst[e.words[0], default: []].append(e) }
        for (marker, _) in boilerplate {
            if let f = marker.split(separator: " ").first {
                boilerplateFirstWords.insert(String(f))
                boilerplateFirstWords.insert(String(f.drop(while: { $0 == "(" })))
            }
        }
        stopwords = Set(try plain("stopwords.txt").flatMap { words($0) })
        questionWords = Set(try plain("question.txt").map { Fold.word($0) })
        timeframes = try plain("timeframe.txt").map { words($0).map(stem) }
        for e in try read("hedges.txt", .tagged(["sentence", "condition"])) {
            switch e.tag {
            case "sentence": sentenceHedges.append(words(e.item))
            case "condition": conditionHedges.append(words(e.item))
            default: hedges.append(words(e.item))
            }
        }
        reversals = Set(try plain("reversals.txt").map { stem(Fold.word($0)) })
        forecasts = try plain("forecast.txt").map { words($0) }
        conditions = try plain("conditions.txt").map { words($0) }
        noSide = Set(try plain("noside.txt").map { Fold.word($0) })
        for list in [hedges, conditionHedges, sentenceHedges, forecasts, conditions] {
            for p in list { if let f = p.first { phraseFirstWords.insert(f) } }
        }
    }
}
