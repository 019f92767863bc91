/// When each finding was said, across sentences: `DateFinder` reads one sentence; this stage
/// carries a date to the sentences that go on with it. Its rules, in order:
/// 1. the sentence's own date (`DateFinder`);
/// 2. `.carried`: an undated sentence that goes on with the same speaker's statement before it
///    takes its date ("Он вновь указал …", "При этом он …"; see `continues`);
/// 3. `.backReference`: a later sentence of the same paragraph that points back with a
///    demonstrative and gives a date ("Это письмо было направлено в декабре") dates the
///    undated findings of the `backReferenceReach` sentences before it;
/// 4. `date.article`: otherwise the article's date.
struct StatedDates {
    let text: ArticleText
    let article: Article
    let lexicon: Lexicon
    /// The last dated statement: its paragraph, speaker and date.
    private var last: (paragraph: Int, speaker: Speaker, date: StatedDate)? = nil

    /// How many sentences back a demonstrative sentence dates undated stances.
    static let backReferenceReach = 3

    init(text: ArticleText, article: Article, lexicon: Lexicon) {
        self.text = text
        self.article = article
        self.lexicon = lexicon
    }

    /// The date sentence `s` itself gives, if any (rule 1), before the words it reports: after
    /// a speech verb and its «что» ("Нетаньяху заявил, что … полтора года назад …") a date is
    /// of what the words tell, not of when they were said.
    func own(_ s: Int) -> StatedDate? {
        let r = reportingPart(of: text.sentenceWords[s])
        // the date rules open only with a number or an opener's word: most sentences have neither
        guard r.contains(where: { text.words[$0].kind == .number || text.facts[$0].roles.containsAny(DateContext.openerRoles) })
        else { return nil }
        return DateFinder.find(text.words[r], facts: text.facts[r], article: article.date, lexicon: lexicon,
                               pastSaying: r.contains { isPastSpeechVerb($0) })
    }

    /// Word `w` is a verb of saying in the past tense ("заявила", "сказал", "отметили").
    func isPastSpeechVerb(_ w: Int) -> Bool {
        text.facts[w].has(.speechVerb) && text.facts[w].parts.contains(.pastEndings)
    }

    /// The date of sentence `s`, held by `speaker` through `rule`: its own, or the one carried
    /// from the statement before (rules 1 and 2). Remembers it for the sentences after.
    mutating func date(of s: Int, speaker: Speaker, rule: RuleName) -> StatedDate? {
        let paragraph = text.sentences[s].paragraph
        var date = own(s)
        if date == nil, let last, last.speaker == speaker,
           last.paragraph == paragraph && continues(s, rule: rule) || startsContinuation(s) {
            date = last.date.carried(.carried)
        }
        last = date.map { (paragraph, speaker, $0) }
        return date
    }

    /// The words of sentence words `r` that tell when they were said, not what: outside quotes
    /// (a sentence opening with a quote keeps what follows it, «…», — отметил он 5 ноября; one
    /// with a quote inside ends where it opens), and up to the «что» after the last speech verb
    /// followed by one (within two words: "заявил, что", "сказал журналистам, что"; the last, so
    /// that "Стоит отметить, что в сентябре 2024 года Токаев заявил, что …" keeps its date).
    func reportingPart(of r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        if lo < r.upperBound, text.quoteOf[lo] != -1 {
            lo = min(r.upperBound, max(lo, text.quotes[text.quoteOf[lo]].upperBound))
        }
        let hi = (lo..<r.upperBound).first { text.quoteOf[$0] != -1 } ?? r.upperBound
        let outside = lo..<hi
        for verb in outside.reversed() where text.facts[verb].has(.speechVerb) {
            if let that = (verb + 1..<min(hi, verb + 4)).first(where: { text.facts[$0].isa(.complementizers) }) {
                return lo..<that
            }
        }
        return outside
    }

    /// A sentence nobody holds breaks the chain of carried dates.
    mutating func forget() { last = nil }

    /// The article's date, for a finding no sentence dates (rule 4).
    var articleDate: StatedDate { StatedDate(day: article.date, strength: 0, rule: .dateArticle) }

    /// Rule 3: when sentence `s` points back with a demonstrative and gives a date, the
    /// undated candidates of the sentences before it in its paragraph take that date.
    func dateBack(from s: Int, _ out: inout [Candidate]) {
        let r = text.sentenceWords[s]
        guard let first = r.first, text.facts[first].isa(.demonstratives),
              let date = own(s) else { return }
        let paragraph = text.sentences[s].paragraph
        for k in out.indices {
            let sentence = out[k].finding.sentence
            guard sentence < s, sentence >= s - Self.backReferenceReach, text.sentences[sentence].paragraph == paragraph,
                  out[k].finding.stated.strength == 0 else { continue }
            out[k].finding.stated = date.carried(.backReference)
            out[k].features[Feature.dateExplicit.index] = 1
        }
    }

    /// A sentence that goes on with the statement before it: a quote's continuation, a
    /// pronoun subject, or a connective at its start ("При этом он …", "Однако …").
    func continues(_ s: Int, rule: RuleName) -> Bool {
        if rule == .speakerQuote || rule == .speakerPronoun { return true }
        let r = text.sentenceWords[s]
        guard let first = r.first else { return false }
        if text.facts[first].isa(.connectives) { return true }
        return r.prefix(4).contains { text.facts[$0].isa(.subjectPronouns) }
    }

    /// A sentence that opens as a continuation whoever speaks: "Тогда …", "Он вновь …".
    func startsContinuation(_ s: Int) -> Bool {
        let r = text.sentenceWords[s]
        guard let first = r.first else { return false }
        let facts = text.facts[first]
        return facts.isa(.then) || facts.isa(.subjectPronouns) && r.count > 1 && text.facts[first + 1].isa(.again)
    }
}
