import Platform

/// Watchlist lint: what in a watchlist will make the engine guess, said before it guesses.
///
/// A user writes topics and actors in their own words; the engine then finds a topic by its
/// cues and the words of its label and descriptions, and an actor by its names and roles.
/// Where two topics share those words, or two actors a name or role, a sentence that carries
/// only the shared words cannot say which one it is about, and the engine picks one, picks
/// both or abstains. The lint reads the watchlist the way the engine does (folded: case,
/// `ё`→`е`, Latin look-alikes; Snowball stems with their word families, `WordForms`) and
/// warns about each such place, with a concrete suggestion: which words to add to which
/// topic's cues, label or descriptions, which name or role to make specific.
///
/// The checks (`WatchlistWarning.Check`), each for a reason a user can act on:
/// - cues: shared by several topics, one topic's cue inside another's, made of stop words
///   only, made of words any position uses ("поддержать"), listed twice, naming a watched actor;
/// - topics: neighbours (labels or label-and-cues sharing half their words) where one has no
///   cue naming what sets it apart; topics where one says nothing the other does not; `pro`
///   and `contra` that read the same;
/// - actors: no names, a name shared or contained in another actor's name, a role shared by
///   several actors, a role that names a title but not whose ("регулятор", "глава государства").
///
/// Its own vocabulary (words of stance and speech, abstract nouns, institution words that do
/// not say whose) is data: `Language/ru/lint.txt`; it also reads the engine's `stopwords.txt`,
/// `negations.txt`, `role_heads.txt` and `gazetteer.txt`. Pure and fast (no I/O after init):
/// the daemon runs it at start-up and on every reload.
public struct WatchlistLint: Sendable {
    let vocabulary: LintVocabulary
    let stemmer: Stemmer

    /// Why the lint could not start.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// What went wrong, without what the lint did about it.
        public var reason: String
        public var description: String { reason + "; the watchlist was not checked" }
    }

    /// Loads the vocabulary from the engine's lexicon folder (see `Lexicon.locate`).
    public init() throws(LoadError) {
        let directory: String
        do {
            directory = try Lexicon.locate()
        } catch {
            throw LoadError(reason: error.reason)
        }
        try self.init(lexiconDirectory: directory)
    }

    /// Loads the vocabulary from `lexiconDirectory`.
    public init(lexiconDirectory: String) throws(LoadError) {
        guard let stemmer = Stemmer(language: "russian") else {
            throw LoadError(reason: "the Snowball Russian stemmer is not available")
        }
        self.stemmer = stemmer
        vocabulary = try LintVocabulary(directory: lexiconDirectory, stemmer: stemmer)
    }

    /// Every warning about `watchlist`, in a stable order: cues, topics, actors.
    public func warnings(_ watchlist: Watchlist) -> [WatchlistWarning] {
        var run = LintRun(watchlist: watchlist, vocabulary: vocabulary, stemmer: stemmer)
        return run.all()
    }
}

/// One thing in a watchlist that will make the engine guess, and what to change.
public struct WatchlistWarning: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of warning, each with the reason it matters.
    public enum Check: String, Sendable, CaseIterable, Comparable {
        /// A cue several topics list: a sentence with only that cue fits them all.
        case sharedCue = "shared-cue"
        /// One topic's cue lies inside another topic's cue: every sentence with the longer
        /// cue also has the shorter one, and lands on both topics.
        case nestedCue = "nested-cue"
        /// A cue made of stop words only: it matches nearly every sentence.
        case stopwordCue = "stopword-cue"
        /// A cue made of words any position uses ("поддержать", "голосовать"): it matches a
        /// position on anything, not on this topic.
        case genericCue = "generic-cue"
        /// The same cue twice in one topic (after folding and stemming).
        case duplicateCue = "duplicate-cue"
        /// A cue that is a watched actor's name: every mention of the actor looks like the topic.
        case cueNamesActor = "cue-names-actor"
        /// Neighbouring topics (their labels, or labels and cues, share half their words) where
        /// a topic has no cue naming what sets it apart: a sentence is told apart only by chance.
        case closeTopics = "close-topics"
        /// Neighbouring topics where one says nothing the other does not: no word of its label,
        /// cues or descriptions is its own.
        case indistinctTopics = "indistinct-topics"
        /// `pro` and `contra` read the same after folding and stemming: polarity cannot be decided.
        case sameSides = "same-sides"
        /// An actor with no names: found by roles only, which other actors' texts also use.
        case noNames = "no-names"
        /// A name several actors list, or one actor's name inside another's full name.
        case sharedName = "shared-name"
        /// A role several actors list: a sentence with only that role cannot say who spoke.
        case sharedRole = "shared-role"
        /// A role made only of a title and institution words ("регулятор", "глава
        /// государства"): it names whoever holds such a title in any article.
        case bareRole = "bare-role"

        public static func < (a: Check, b: Check) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Where in the watchlist a warning points: an actor or topic, and one of its keys and entries.
    public struct Place: Sendable, Hashable {
        public enum Kind: String, Sendable { case actor, topic }
        public var kind: Kind
        /// The actor's or topic's id.
        public var id: String
        /// A key of it ("cues", "names", "roles", "pro", "contra"), or nil for the entry itself.
        public var key: String?
        /// The list item under `key` ("посредник"), or nil for the key itself.
        public var item: String?

        public init(_ kind: Kind, _ id: String, key: String? = nil, item: String? = nil) {
            self.kind = kind
            self.id = id
            self.key = key
            self.item = item
        }
    }

    public var check: Check
    /// Where it points.
    public var place: Place
    /// Topic ids concerned, in watchlist order.
    public var topics: [String]
    /// Actor ids concerned, in watchlist order.
    public var actors: [String]
    /// What is wrong, as a sentence.
    public var message: String
    /// What to change, as a sentence.
    public var suggestion: String

    public init(check: Check, place: Place, topics: [String] = [], actors: [String] = [], message: String, suggestion: String) {
        self.check = check
        self.place = place
        self.topics = topics
        self.actors = actors
        self.message = message
        self.suggestion = suggestion
    }

    /// `[check] message; suggestion: …`, one line.
    public var description: String { "[\(check.rawValue)] \(message); suggestion: \(suggestion)" }
}

/// The lint's word lists: stop words and negators (the engine's), titles (`role_heads.txt` and
/// `institution:` lines of `lint.txt`), generic words (`lint.txt`), places (`gazetteer.txt`); as folded
/// words (stop words, negators) or Snowball stems of folded words (the rest).
struct LintVocabulary: Sendable {
    var stopwords: Set<String> = []
    /// Stems of the stop words (so "будут" is one as "будет" is).
    var stopStems: Set<String> = []
    var negators: Set<String> = []
    var titles: Set<String> = []
    var generic: Set<String> = []
    var places: Set<String> = []
    /// How a `contra` description can say the other side (`contraExample:` lines of `lint.txt`),
    /// as written, for the suggestion when `pro` and `contra` read the same.
    var contraExamples: [String] = []
    /// The inflected forms of proper names (`function-words.txt`).
    var names: NameForms

    init(directory: String, stemmer: Stemmer) throws(WatchlistLint.LoadError) {
        // titles and places of one or two letters stay as written: Snowball would empty them
        let files = LexiconReader(directory: directory, stem: { $0.utf8.count <= 2 ? $0 : Fold.stem($0, stemmer) })
        do {
            try self.init(files)
        } catch let error as Lexicon.LoadError {
            throw WatchlistLint.LoadError(reason: error.reason)
        } catch {
            throw WatchlistLint.LoadError(reason: "\(error)")
        }
    }

    private init(_ files: LexiconReader) throws {
        names = NameForms(try files.functionWords())
        stopwords = Set(try files.plain("stopwords.txt").flatMap { files.words($0) })
        stopStems = Set(stopwords.filter { $0.unicodeScalars.count >= 3 }.map(files.stem))
        negators = Set(try files.tagged("negations.txt", NegationTag.self).filter { $0.tag == nil }
            .flatMap { files.words($0.entry.item) })
        titles = Set(try files.plain("role_heads.txt").flatMap { files.words($0) }.map(files.stem))
        for (tag, e) in try files.tagged("lint.txt", LintTag.self) {
            switch tag {
            case .institution?: titles.formUnion(files.words(e.item).map(files.stem))
            case .contraExample?: contraExamples.append(e.item)
            case nil: generic.formUnion(files.words(e.item).map(files.stem))
            }
        }
        places = Set(try files.lists("gazetteer.txt").joined().flatMap { files.words($0) }.map(files.stem))
    }
}

/// A word of a watchlist text, as the engine sees it.
struct LintWord: Sendable, Hashable {
    /// As written.
    var written: String
    /// Folded (see `Fold`).
    var folded: String
    /// Snowball stem of the folded form.
    var stem: String
    /// Capitalised in the watchlist (a proper name, or a label's first word).
    var capitalized: Bool
}

/// One run of the lint over one watchlist.
struct LintRun {
    let watchlist: Watchlist
    let vocabulary: LintVocabulary
    var forms: WordForms
    var out: [WatchlistWarning] = []

    init(watchlist: Watchlist, vocabulary: LintVocabulary, stemmer: Stemmer) {
        self.watchlist = watchlist
        self.vocabulary = vocabulary
        self.forms = WordForms(stemmer: stemmer)
    }

    /// Every warning, cue checks first, then topic pairs, then actors.
    mutating func all() -> [WatchlistWarning] {
        let topics = watchlist.topics.map { prepare($0) }
        cueChecks(topics)
        topicChecks(topics)
        actorChecks()
        return out.enumerated().sorted { a, b in
            a.element.check != b.element.check ? a.element.check < b.element.check : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: words

    mutating func words(_ text: String) -> [LintWord] {
        Tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }.map { t in
            LintWord(written: text.utf8Text(t.start, t.end), folded: t.norm, stem: forms.stem(t.norm), capitalized: t.capitalized)
        }
    }

    /// A word that says what a topic is about: not a stop word, negator, generic or title
    /// word, and at least three letters.
    func isContent(_ w: LintWord) -> Bool {
        !isStop(w) && !vocabulary.negators.contains(w.folded)
            && !vocabulary.generic.contains(w.stem) && !vocabulary.titles.contains(w.stem)
            && w.folded.unicodeScalars.count >= 3
    }

    /// A stop word, in any form.
    func isStop(_ w: LintWord) -> Bool {
        vocabulary.stopwords.contains(w.folded) || vocabulary.stopStems.contains(w.stem)
    }

    /// A word of a role that says whose title it is: a place (even one the engine treats as a
    /// stop word, like "России"), a capitalised word that is not a title, or any word that is
    /// neither a title, a stop word nor a generic word ("рыболовства").
    func saysWhose(_ w: LintWord) -> Bool {
        vocabulary.places.contains(w.stem) || (w.capitalized && !vocabulary.titles.contains(w.stem))
            || !(vocabulary.titles.contains(w.stem) || isStop(w) || vocabulary.generic.contains(w.stem))
    }

    /// True when `stem` is `other`'s stem or of its family (the engine's rule).
    static func family(_ stem: String, in set: Set<String>) -> Bool {
        if set.contains(stem) { return true }
        return set.contains { WordForms.sameFamily(stem, $0) }
    }

    // MARK: topics, prepared

    struct PreparedTopic {
        var topic: Watchlist.Topic
        var cues: [(text: String, words: [LintWord])]
        /// Content stems of the label.
        var label: [String]
        /// Content stems of label and cues.
        var subject: Set<String>
        /// Content stems of label, cues, pro and contra.
        var all: Set<String>
        /// Content stems of the cues.
        var cueStems: Set<String>
        /// Content stems in text order: label, cues, pro, contra.
        var order: [String]
        /// Written form of each content stem (label first, then cues, pro, contra).
        var written: [String: String]
        /// Stems of places (gazetteer) and proper words (capitalised in a cue, or past the first
        /// word of the label and descriptions).
        var proper: Set<String>
    }

    mutating func prepare(_ t: Watchlist.Topic) -> PreparedTopic {
        let cues = t.cues.map { (text: $0, words: words($0)) }
        let label = words(t.label), pro = words(t.pro), contra = words(t.contra)
        var written: [String: String] = [:]
        var proper = Set<String>()
        // a capital starts the label and the descriptions; in a cue (dictionary form) it marks a name
        let texts: [(words: [LintWord], fromCue: Bool)] = [(label, false)] + cues.map({ ($0.words, true) }) + [(pro, false), (contra, false)]
        for (text, fromCue) in texts {
            for (k, w) in text.enumerated() where isContent(w) {
                if written[w.stem] == nil { written[w.stem] = w.written }
                if vocabulary.places.contains(w.stem) || (w.capitalized && (k > 0 || fromCue)) { proper.insert(w.stem) }
            }
        }
        let labelStems = label.filter(isContent).map(\.stem)
        let cueStems = Set(cues.flatMap(\.words).filter(isContent).map(\.stem))
        let subject = Set(labelStems).union(cueStems)
        let all = subject.union((pro + contra).filter(isContent).map(\.stem))
        var seen = Set<String>()
        let order = (label + cues.flatMap(\.words) + pro + contra).filter(isContent).map(\.stem).filter { seen.insert($0).inserted }
        return PreparedTopic(topic: t, cues: cues, label: order.filter { labelStems.contains($0) }, subject: subject,
                             all: all, cueStems: cueStems, order: order, written: written, proper: proper)
    }

    /// Written forms of `stems`, at most `limit`, quoted.
    /// When some are proper words (a country, a body), only those.
    static func show(_ stems: [String], of t: PreparedTopic, limit: Int = 3) -> String {
        let proper = stems.filter { t.proper.contains($0) }
        let ordered = proper.isEmpty ? stems : proper
        return ordered.prefix(limit).map { "«\(t.written[$0] ?? Fold.decode($0))»" }.joined(separator: ", ")
    }

    /// What `t` has that none of `others` has, in text order (label, cues, pro, contra).
    static func specific(_ t: PreparedTopic, against others: [PreparedTopic]) -> [String] {
        let theirs = others.reduce(into: Set<String>()) { $0.formUnion($1.all) }
        return t.order.filter { !family($0, in: theirs) }
    }

    /// The words that name a topic, of those it has of its own: its label's when the label has
    /// any (the label is what the user calls the topic), else its cues', else all of them.
    static func key(_ own: [String], of t: PreparedTopic) -> [String] {
        let fromLabel = own.filter { t.label.contains($0) }
        if !fromLabel.isEmpty { return fromLabel }
        let fromCues = own.filter { t.cueStems.contains($0) }
        return fromCues.isEmpty ? own : fromCues
    }

    // MARK: cues

    mutating func cueChecks(_ topics: [PreparedTopic]) {
        ownCueChecks(topics)
        sharedCueChecks(topics)
        nestedCueChecks(topics)
    }

    /// Each cue's own problems: listed twice, stop words only, generic, holding an actor's name.
    mutating func ownCueChecks(_ topics: [PreparedTopic]) {
        var names: [(actor: String, text: String, words: [LintWord])] = []
        for a in watchlist.actors { for n in a.names { names.append((a.id, n, words(n))) } }
        for t in topics {
            var keys: [String: String] = [:]
            for c in t.cues {
                let key = c.words.map(\.stem).joined(separator: " ")
                if let first = keys[key] {
                    out.append(WatchlistWarning(check: .duplicateCue, place: .init(.topic, t.topic.id, key: "cues", item: c.text), topics: [t.topic.id],
                        message: "topic \(t.topic.id) lists the cue «\(c.text)» twice (as «\(first)» and «\(c.text)», the same words once stemmed)",
                        suggestion: "keep one of them in \(t.topic.id)'s cues"))
                    continue
                }
                keys[key] = c.text
                if c.words.allSatisfy({ isStop($0) || vocabulary.negators.contains($0.folded) }) {
                    out.append(WatchlistWarning(check: .stopwordCue, place: .init(.topic, t.topic.id, key: "cues", item: c.text), topics: [t.topic.id],
                        message: "cue «\(c.text)» of topic \(t.topic.id) is made of stop words only, which nearly every sentence holds",
                        suggestion: "remove it, or replace it by the words of what \(t.topic.id) is about (from its label: \(Self.show(t.label, of: t)))"))
                } else if !c.words.contains(where: isContent) {
                    out.append(WatchlistWarning(check: .genericCue, place: .init(.topic, t.topic.id, key: "cues", item: c.text), topics: [t.topic.id],
                        message: "cue «\(c.text)» of topic \(t.topic.id) names an act or a notion any position has, not a subject: a position on anything lands on \(t.topic.id)",
                        suggestion: "remove it, or make it a phrase with what \(t.topic.id) is about (e.g. with \(Self.show(t.label, of: t)))"))
                }
                var named = Set<String>()
                for n in names where !named.contains(n.actor) && !n.words.isEmpty
                    && Self.contains(c.words, n.words, match: { vocabulary.names.matches($0.folded, $1.folded) }) {
                    named.insert(n.actor)
                    out.append(WatchlistWarning(check: .cueNamesActor, place: .init(.topic, t.topic.id, key: "cues", item: c.text), topics: [t.topic.id], actors: [n.actor],
                        message: "cue «\(c.text)» of topic \(t.topic.id) holds the name «\(n.text)» of actor \(n.actor): every sentence naming \(n.actor) looks like \(t.topic.id)",
                        suggestion: "remove the name from the cue and keep the words of the subject itself; \(n.actor) is found by its names anyway"))
                }
            }
        }
    }

    /// Cues of several topics with the same words (word families included): one warning per set
    /// of topics, with the cues they share and how to tell them apart.
    mutating func sharedCueChecks(_ topics: [PreparedTopic]) {
        var groups: [(cue: String, words: [LintWord], topics: [Int])] = []
        for (ti, t) in topics.enumerated() {
            for c in t.cues where !c.words.isEmpty {
                if let g = groups.firstIndex(where: { Self.sameWords($0.words, c.words) }) {
                    if !groups[g].topics.contains(ti) { groups[g].topics.append(ti) }
                } else {
                    groups.append((c.text, c.words, [ti]))
                }
            }
        }
        var bySet: [(topics: [Int], cues: [String])] = []
        for g in groups where g.topics.count > 1 {
            let text = topics[g.topics[0]].cues.first { Self.sameWords($0.words, g.words) }?.text ?? g.cue
            if let k = bySet.firstIndex(where: { $0.topics == g.topics }) { bySet[k].cues.append(text) } else { bySet.append((g.topics, [text])) }
        }
        for g in bySet {
            let members = g.topics.map { topics[$0] }
            let ids = members.map(\.topic.id)
            let cues = g.cues.map { "«\($0)»" }.joined(separator: ", ")
            out.append(WatchlistWarning(check: .sharedCue, place: .init(.topic, ids[0], key: "cues", item: g.cues[0]), topics: ids,
                message: (g.cues.count == 1 ? "cue \(cues) is" : "cues \(cues) are") + " listed by \(ids.count) topics (\(ids.joined(separator: ", "))): a sentence holding only \(g.cues.count == 1 ? "this cue" : "these cues") fits each of them",
                suggestion: Self.tellApart(members)))
        }
    }

    /// One topic's cue inside a longer cue of another topic.
    mutating func nestedCueChecks(_ topics: [PreparedTopic]) {
        for (ai, a) in topics.enumerated() {
            for ca in a.cues where !ca.words.isEmpty {
                for (bi, b) in topics.enumerated() where bi != ai {
                    guard let cb = b.cues.first(where: { $0.words.count > ca.words.count && Self.contains($0.words, ca.words, match: { WordForms.sameFamily($0.stem, $1.stem) }) }),
                          !b.cues.contains(where: { Self.sameWords($0.words, ca.words) }) else { continue }
                    let own = Self.key(Self.specific(a, against: [b]), of: a)
                    let hint = own.isEmpty
                        ? "\(a.topic.id) has no word \(b.topic.id) lacks: name in its label and cues what sets it apart (the country, service, measure or target)"
                        : "add to it a word only \(a.topic.id) has (\(Self.show(own, of: a))), or add to \(a.topic.id)'s contra or label that \(b.topic.id)'s case is not this topic"
                    out.append(WatchlistWarning(check: .nestedCue, place: .init(.topic, a.topic.id, key: "cues", item: ca.text), topics: [a.topic.id, b.topic.id],
                        message: "cue «\(ca.text)» of topic \(a.topic.id) lies inside cue «\(cb.text)» of topic \(b.topic.id): every sentence with the longer cue also has the shorter, and lands on both topics",
                        suggestion: "make «\(ca.text)» specific to \(a.topic.id): \(hint)"))
                }
            }
        }
    }

    /// The same words, word by word (stems of one family).
    static func sameWords(_ a: [LintWord], _ b: [LintWord]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { WordForms.sameFamily($0.stem, $1.stem) }
    }

    /// True when `part` occurs in `whole` as a contiguous run.
    static func contains(_ whole: [LintWord], _ part: [LintWord], match: (LintWord, LintWord) -> Bool) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where zip(whole[start...], part).allSatisfy(match) { return true }
        return false
    }

    /// For topics that share words: what each has of its own, and whether a cue says it.
    static func tellApart(_ members: [PreparedTopic]) -> String {
        var parts: [String] = []
        var lacking: [String] = []
        for (i, t) in members.enumerated() {
            var others = members
            others.remove(at: i)
            let own = key(specific(t, against: others), of: t)
            if own.isEmpty {
                lacking.append(t.topic.id)
            } else if own.contains(where: { family($0, in: t.cueStems) }) {
                let cues = t.cues.filter { c in c.words.contains { w in own.contains { WordForms.sameFamily($0, w.stem) } } }
                parts.append("\(t.topic.id) already has a cue of its own (\(cues.prefix(3).map { "«\($0.text)»" }.joined(separator: ", ")))")
            } else {
                parts.append("add \(show(own, of: t, limit: 2)) to \(t.topic.id)'s cues")
            }
        }
        var s = "give each topic a cue that names what only it is about, and use the shared cue only in phrases with it: "
            + parts.joined(separator: "; ")
        if !lacking.isEmpty {
            s += (parts.isEmpty ? "" : "; ") + lacking.joined(separator: ", ")
                + (lacking.count == 1 ? " has" : " have") + " no word the others lack: write into label and cues the country, service, measure or target it is about"
        }
        return s
    }

    // MARK: topic pairs

    /// Share of the smaller set's stems that the other set holds (word families included).
    static func overlap(_ a: some Collection<String>, _ b: some Collection<String>) -> Double {
        let (small, large) = a.count <= b.count ? (Set(a), Set(b)) : (Set(b), Set(a))
        guard !small.isEmpty else { return 0 }
        return Double(small.filter { family($0, in: large) }.count) / Double(small.count)
    }

    mutating func topicChecks(_ topics: [PreparedTopic]) {
        var neighbours = [[Int]](repeating: [], count: topics.count)
        for i in topics.indices {
            for j in topics.indices where j > i {
                let a = topics[i], b = topics[j]
                guard max(Self.overlap(a.label, b.label), Self.overlap(a.subject, b.subject)) >= 0.5 else { continue }
                neighbours[i].append(j)
                neighbours[j].append(i)
                let ownA = Self.specific(a, against: [b]), ownB = Self.specific(b, against: [a])
                for (x, y, own, theirs) in [(a, b, ownA, ownB), (b, a, ownB, ownA)] where own.isEmpty {
                    let counterpart = theirs.isEmpty ? "" : " (\(y.topic.id) has \(Self.show(theirs, of: y)): what is the counterpart for \(x.topic.id)?)"
                    out.append(WatchlistWarning(check: .indistinctTopics, place: .init(.topic, x.topic.id), topics: [x.topic.id, y.topic.id],
                        message: "topic \(x.topic.id) says nothing that \(y.topic.id) does not: every word of its label, cues and descriptions is also in \(y.topic.id)'s (once stemmed)",
                        suggestion: "write into \(x.topic.id)'s label and cues the country, service, measure or target that sets it apart from \(y.topic.id)" + counterpart))
                }
            }
        }
        // per topic: neighbours, and no cue that names what sets it apart from them
        for (i, t) in topics.enumerated() where !neighbours[i].isEmpty {
            let others = neighbours[i].map { topics[$0] }
            let all = Self.specific(t, against: others)
            guard !all.isEmpty else { continue }  // indistinct-topics says it
            let own = Self.key(all, of: t)
            if own.contains(where: { Self.family($0, in: t.cueStems) }) { continue }
            let fromLabel = own.contains { t.label.contains($0) }
            out.append(WatchlistWarning(check: .closeTopics, place: .init(.topic, t.topic.id), topics: [t.topic.id] + others.map(\.topic.id),
                message: "topic \(t.topic.id) is close to \(others.map(\.topic.id).joined(separator: ", ")) (their labels or cues share half their words), and none of its cues names what sets it apart",
                suggestion: "add \(Self.show(own, of: t, limit: 2)) to \(t.topic.id)'s cues (today only its \(fromLabel ? "label says" : "descriptions say") it)"))
        }
        // pro and contra that read the same
        for t in topics {
            let p = words(t.topic.pro).map(\.stem).sorted(), c = words(t.topic.contra).map(\.stem).sorted()
            guard p == c else { continue }
            out.append(WatchlistWarning(check: .sameSides, place: .init(.topic, t.topic.id, key: "contra"), topics: [t.topic.id],
                message: "pro and contra of topic \(t.topic.id) have the same words once stemmed («\(t.topic.pro)» / «\(t.topic.contra)»): polarity cannot be read from them",
                suggestion: "say in contra what the other side does: the negation or the opposite act (e.g. "
                    + vocabulary.contraExamples.map { "«\($0)»" }.joined(separator: ", ") + ")"))
        }
    }

    // MARK: actors

    mutating func actorChecks() {
        let actors = watchlist.actors
        let names = actors.map { $0.names.map { (text: $0, words: words($0)) } }
        let roles = actors.map { $0.roles.map { (text: $0, words: words($0)) } }
        for (i, a) in actors.enumerated() where a.names.isEmpty {
            out.append(WatchlistWarning(check: .noNames, place: .init(.actor, a.id), actors: [a.id],
                message: "actor \(a.id) has no names, so it is found by its roles only\(a.roles.isEmpty ? " (and it has none: it is never found)" : "")",
                suggestion: "add the names the articles use for \(a.id) (full name and surname)" + (roles[i].isEmpty ? "" : " besides its roles")))
        }
        // names: the same for several actors, or one inside another's full name
        var reported = Set<[String]>()
        for (i, a) in actors.enumerated() {
            for n in names[i] where !n.words.isEmpty {
                let key = n.words.map(\.folded)
                let same = actors.indices.filter { j in j != i && names[j].contains { $0.words.map(\.folded) == key } }
                if !same.isEmpty {
                    guard reported.insert(key).inserted else { continue }
                    let ids = ([i] + same).sorted().map { actors[$0].id }
                    out.append(WatchlistWarning(check: .sharedName, place: .init(.actor, a.id, key: "names", item: n.text), actors: ids,
                        message: "name «\(n.text)» is listed by \(ids.count) actors (\(ids.joined(separator: ", "))): a sentence naming only it cannot say who spoke",
                        suggestion: "keep «\(n.text)» with one actor and give the others their full names (first name and surname, or name with title)"))
                    continue
                }
                for (j, b) in actors.enumerated() where j != i {
                    guard let longer = names[j].first(where: { $0.words.count > n.words.count && Self.contains($0.words, n.words, match: { $0.folded == $1.folded }) })
                    else { continue }
                    out.append(WatchlistWarning(check: .sharedName, place: .init(.actor, a.id, key: "names", item: n.text), actors: [a.id, b.id],
                        message: "name «\(n.text)» of actor \(a.id) lies inside name «\(longer.text)» of actor \(b.id): every mention of \(b.id) by that name also names \(a.id)",
                        suggestion: "give \(a.id) a name \(b.id)'s does not contain (its full name), and drop «\(n.text)» unless the articles call \(a.id) only that"))
                }
            }
        }
        // roles: the same for several actors; a title without whose
        var seenRoles = Set<[String]>()
        for (i, a) in actors.enumerated() {
            for r in roles[i] where !r.words.isEmpty {
                let key = r.words.map(\.stem)
                let same = actors.indices.filter { j in j != i && roles[j].contains { Self.sameWords($0.words, r.words) } }
                if !same.isEmpty, seenRoles.insert(key).inserted {
                    let ids = ([i] + same).sorted().map { actors[$0].id }
                    out.append(WatchlistWarning(check: .sharedRole, place: .init(.actor, a.id, key: "roles", item: r.text), actors: ids,
                        message: "role «\(r.text)» is listed by \(ids.count) actors (\(ids.joined(separator: ", "))): a sentence with only this role cannot say which of them spoke",
                        suggestion: "keep it with the actor the articles mean by it, or make it specific to each (with the name, the country or the body: «\(r.text) …»); if they held it at different times, expect the engine to need a name nearby"))
                }
                if !r.words.contains(where: saysWhose) {
                    let model = roles[i].first { $0.words.contains(where: saysWhose) }
                    out.append(WatchlistWarning(check: .bareRole, place: .init(.actor, a.id, key: "roles", item: r.text), actors: [a.id],
                        message: "role «\(r.text)» of actor \(a.id) names a title but not whose: whoever holds such a title in an article can be taken for \(a.id)",
                        suggestion: "say whose title it is: add the country or body after it («\(r.text) …»"
                            + (model.map { ", as its role «\($0.text)» does)" } ?? ")")))
                }
            }
        }
    }
}
