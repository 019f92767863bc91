/// Stage 1 of the chain (`ArticleText → holders → findings → stances`): who holds each
/// sentence's words.
///
/// Sentence by sentence, `Attribution` names the speaker from its ordered rules (see there),
/// with what the sentences before established (`SpeakerState`: the last subject, the last
/// speaker, where each actor was last named). Then the stage's one rule across sentences:
/// 1. `speaker.aboutThis`: a sentence no watched actor holds, followed by "Об этом заявил X.",
///    is X's.
struct SentenceHolders {
    /// For each sentence, its speaker and the rule that named it, or nil.
    var speakers: [(Speaker, RuleName)?]

    /// The speakers of every sentence of `text`, or nil when `shouldStop` said yes first.
    init?(text: ArticleText, attribution: Attribution, words: FunctionWords, shouldStop: () -> Bool) {
        var state = SpeakerState()
        var quoteSpeakers: [Int: Speaker?] = [:]
        speakers = []
        for s in text.sentences.indices {
            if shouldStop() { return nil }
            let speaker = Self.speaker(of: s, text: text, attribution: attribution, state: &state,
                                       quoteSpeakers: &quoteSpeakers)
            speakers.append(speaker)
        }
        giveAboutThis(text, words)
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

    /// `speaker.aboutThis`: "… . Об этом заявил X." gives the sentence before to X, when
    /// nobody watched holds it: nobody at all, or an outlet or someone unwatched that only
    /// relays it («Как сообщает ТАСС, …. Об этом сообщила вице-премьер X.»).
    private mutating func giveAboutThis(_ text: ArticleText, _ words: FunctionWords) {
        for s in text.sentences.indices.dropFirst() where speakers[s - 1] == nil || speakers[s - 1]?.0 == .other {
            let r = text.sentenceWords[s]
            guard r.count >= 3, text.facts[r.lowerBound].isa(.aboutPreposition),
                  text.facts[r.lowerBound + 1].isa(.aboutThis),
                  let speaker = speakers[s], speaker.0 != .other else { continue }
            speakers[s - 1] = (speaker.0, .speakerAboutThis)
        }
    }
}
