import Testing
@testable import Corpus

/// The steps of `CandidateFeatures.values`, each with a case where it sets its feature and a
/// near one where it does not.
struct CandidateFeatureTests {
    /// The feature values of the candidates for `topic` in `body` (fixture watchlist).
    func features(_ body: String, topic: String) -> [[Double]] {
        let engine = EngineFixture.engine
        return engine.candidates(EngineFixture.article(body))
            .filter { engine.watchlist.topics[$0.finding.topic].id == topic }
            .map(\.features)
    }

    @Test func howTheTopicWasFound() {
        #expect(CandidateFeatures.topicFeature([.topicCue, .topicAmbiguous]) == .topicAmbiguous)
        #expect(CandidateFeatures.topicFeature([.topicDescription]) == .topicDescription)
        #expect(CandidateFeatures.topicFeature([.topicCue, .topicActorCountry]) == .topicTied)
        #expect(CandidateFeatures.topicFeature([.topicCue, .topicSpecificWord]) == .topicTied)
        #expect(CandidateFeatures.topicFeature([.topicCue, .topicGeneric]) == .topicNearby)
        #expect(CandidateFeatures.topicFeature([.topicCue]) == .topicCue)
    }

    /// A pro reading in a sentence with a negation the rules did not read; a contrast word
    /// before the cue closes the negation off, one after it does not (what follows it is the
    /// holder's point), unless the negation opens that part (another thing negated).
    @Test func unreadNegationOfAProReading() {
        let negated = features("Абаев заявил, что Казахстан является посредником, и это пока не обсуждается.",
                               topic: "kz-mediator")
        #expect(negated.count == 1 && negated.allSatisfy { $0[Feature.negatedPro.index] == 1 })
        let pointAfter = features("Абаев заявил, что Казахстан является посредником, а это пока не обсуждается.",
                                  topic: "kz-mediator")
        #expect(pointAfter.count == 1 && pointAfter.allSatisfy { $0[Feature.negatedPro.index] == 1 })
        let closedOff = features("Абаев не стал спешить, однако заявил, что Казахстан является посредником.",
                                 topic: "kz-mediator")
        #expect(closedOff.count == 1 && closedOff.allSatisfy { $0[Feature.negatedPro.index] == 0 })
        let otherThing = features("Абаев заявил, что Казахстан является посредником, а не площадкой.",
                                  topic: "kz-mediator")
        #expect(otherThing.count == 1 && otherThing.allSatisfy { $0[Feature.negatedPro.index] == 0 })
    }

    /// The contrast words of the sentence (`contrastWords`).
    @Test func contrastInTheSentence() {
        let contrast = features("Абаев заявил, что Казахстан является посредником, а это пока не обсуждается.",
                                topic: "kz-mediator")
        #expect(contrast.count == 1 && contrast.allSatisfy { $0[Feature.contrast.index] == 1 })
        let none = features("Абаев заявил, что Казахстан является посредником.", topic: "kz-mediator")
        #expect(none.count == 1 && none.allSatisfy { $0[Feature.contrast.index] == 0 })
    }

    /// A reversive word in the cue's clause, and its negation.
    @Test func reversalInTheClause() {
        let negated = features("Абаев заявил, что Казахстан не собирается отменять посредничество.",
                               topic: "kz-mediator")
        #expect(negated.count == 1 && negated.allSatisfy {
            $0[Feature.reversal.index] == 1 && $0[Feature.reversalNegated.index] == 1
        })
        let plain = features("Абаев заявил, что Казахстан решил отказаться от посредничества.", topic: "kz-mediator")
        #expect(plain.count == 1 && plain.allSatisfy {
            $0[Feature.reversal.index] == 1 && $0[Feature.reversalNegated.index] == 0
        })
        let none = features("Абаев заявил, что Казахстан является посредником.", topic: "kz-mediator")
        #expect(none.count == 1 && none.allSatisfy { $0[Feature.reversal.index] == 0 })
    }

    /// The actor named in the sentence, and another one.
    @Test func actorsNamed() {
        let other = features("Абаев и Кая заявили, что Казахстан является посредником.", topic: "kz-mediator")
        #expect(!other.isEmpty && other.allSatisfy {
            $0[Feature.actorNamed.index] == 1 && $0[Feature.otherActor.index] == 1
        })
        let alone = features("Абаев заявил, что Казахстан является посредником.", topic: "kz-mediator")
        #expect(alone.count == 1 && alone.allSatisfy {
            $0[Feature.actorNamed.index] == 1 && $0[Feature.otherActor.index] == 0
        })
    }
}
