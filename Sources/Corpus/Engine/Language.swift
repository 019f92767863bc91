import Platform

/// Russian as the engine reads it, in one value: everything the rules know of the language.
///
/// - the folding of words to one comparable spelling (`Fold`: case, `ё`, Latin look-alikes);
/// - the Snowball stemmer, for common words (`stem`);
/// - the lexicons of one data folder, `Language/ru/` (`Lexicon`): word lists, the function
///   words by the role they play (`FunctionWords`: prepositions, conjunctions, pronouns, the
///   date grammar's time words, name and participle endings), months, the gazetteer.
///
/// No Russian word is written in Swift: a rule asks for a role or a list, the data folder says
/// which words fill it (its README gives the one syntax every file shares).
struct Language: Sendable {
    /// The Snowball algorithm's name and the data folder's.
    static let snowball = "russian"
    static let folder = "ru"

    let directory: String
    let stemmer: Stemmer
    let lexicon: Lexicon

    /// Loads the language from `directory` (default: where `Lexicon.locate` finds it).
    static func load(directory: String? = nil) throws -> Language {
        guard let stemmer = Stemmer(language: snowball) else {
            throw Lexicon.LoadError("the Snowball \(snowball) stemmer is not available")
        }
        let directory = try directory ?? Lexicon.locate()
        let lexicon = try Lexicon(directory: directory, stem: { Fold.stem($0, stemmer) })
        return Language(directory: directory, stemmer: stemmer, lexicon: lexicon)
    }

    /// The Snowball stem of a folded word, folded.
    func stem(_ folded: String) -> String { Fold.stem(folded, stemmer) }
}
