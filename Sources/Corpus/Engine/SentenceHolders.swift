/// Stage 1 of the chain (`ArticleText → holders → findings → stances`): who holds each
/// sentence's words.
///
/// Sentence by sentence, `Attribution` names the speaker from its ordered rules (see there),
/// with what the sentences before established (`SpeakerState`: the last subject, the last
/// speaker, where each actor was last named). Then the stage's one rule across sentences:
/// 1. `speaker.aboutThis`: a sentence no watched actor holds, followed by "Об этом заявил X."
///    or by "Соответствующий документ подписал X." (X signed what it says), is X's; one a
///    watched actor holds, followed by "Об этом также сообщала X.", is X's too, as X said it
///    (`alsoHeld`: dated by the sentence that names X).
struct SentenceHolders {
    /// For each sentence, its speaker and the rule that named it, or nil.
    var speakers: [(Speaker, RuleName)?]
    /// For a sentence a watched actor holds, another actor who said it too ("Об этом также
    /// сообщала X."), and the sentence that says so (it dates X's saying).
    var alsoHeld: [Int: (actor: Int, from: Int)] = [:]

    /// The speakers of every sentence of `text`, or nil when `shouldStop` said yes first.
    init?(text: ArticleText, attribution: Attribution, shouldStop: () -> Bool) {
        var state = SpeakerState()
        var quoteSpeakers: [Int: Speaker?] = [:]
        speakers = []
        for s in text.sentences.indices {
            if shouldStop() { return nil }
            let speaker = Self.speaker(of: s, text: text, attribution: attribution, state: &state,
                                       quoteSpeakers: &quoteSpeakers)
            speakers.append(speaker)
        }
        giveAboutThis(text)
    }

    /// The speaker of sentence `s`, keeping `state` up to date with the actors it names.
    private static func speaker(of s: Int, text: ArticleText, attribution: Attribution, state: inout SpeakerState,
                                quoteSpeakers: inout [Int: Speaker?]) -> (Speaker, RuleName)? {
        let mentions = text.sentenceMentions[s].map { text.mentions[$0] }
        for m in mentions where m.kind == .name || (m.kind == .role && m.actors.count == 1) {
            state.lastSeen[m.actors[0]] = m.first
        }
        let speaker = attribution.speaker(of: s, state: state, quoteSpeakers: &quoteSpeakers)
        for m in mentions where m.kind == .role || m.kind == .head {
            if let resolved = attribution.resolve(m, state: state), case .actor(let actor) = resolved {
                state.lastSeen[actor] = m.first
            }
        }
        if let speaker {
            state.lastSubject = speaker.0
            state.lastSpeaker = speaker.0
        } else if let first = mentions.first, first.kind == .other, first.first == text.sentenceWords[s].lowerBound {
            state.lastSubject = .other
        }
        return speaker
    }

    /// `speaker.aboutThis`: "… . Об этом заявил X." (or "Соответствующий указ подписал X.")
    /// gives the sentence before to X, when
    /// nobody watched holds it: nobody at all, or an outlet or someone unwatched that only
    /// relays it («Как сообщает ТАСС, …. Об этом сообщила вице-премьер X.»). When a watched
    /// actor holds it, "Об этом также сообщала X." gives it to X as well.
    private mutating func giveAboutThis(_ text: ArticleText) {
        for s in text.sentences.indices.dropFirst() {
            let r = text.sentenceWords[s]
            let aboutThis = r.count >= 3 && text.facts[r.lowerBound].isa(.aboutPreposition)
                && text.facts[r.lowerBound + 1].isa(.aboutThis)
            let corresponding = r.count >= 3 && text.facts[r.lowerBound].isa(.corresponding)
            guard aboutThis || corresponding, let speaker = speakers[s], case .actor(let teller) = speaker.0 else { continue }
            switch speakers[s - 1]?.0 {
            case nil, .other?:
                speakers[s - 1] = (speaker.0, .speakerAboutThis)
            case .actor(let holder)? where aboutThis && holder != teller && text.facts[r.lowerBound + 2].isa(.also):
                alsoHeld[s - 1] = (teller, s)
            default:
                continue
            }
        }
    }
}
