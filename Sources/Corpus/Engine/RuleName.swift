/// The name of every rule the engine fires, in stage order: the raw value is what `explain`,
/// the trace and the stance records print (`rules: speaker.quote, topic.cue, …`), so renaming
/// a case changes no output and no behaviour, and no code tests a rule by its text.
///
/// A date rule that reached a sentence from another one is printed with how it came
/// (`date.month.carried`, `date.dayMonth.backReference`: see `DateCarry`).
enum RuleName: String, CaseIterable, Sendable {
    // who holds the words (Attribution, the driver)
    case speakerQuote = "speaker.quote"
    case speakerAttributionNoun = "speaker.attributionNoun"
    case speakerReportedSubject = "speaker.reportedSubject"
    case speakerVerbSubject = "speaker.verbSubject"
    case speakerParticipleAgent = "speaker.participleAgent"
    case speakerHeadline = "speaker.headline"
    case speakerAgent = "speaker.agent"
    case speakerPronoun = "speaker.pronoun"
    case speakerAboutThis = "speaker.aboutThis"
    case speakerCoordinated = "speaker.coordinated"
    case speakerProposal = "speaker.proposal"
    case speakerCriticism = "speaker.criticism"
    case speakerRelative = "speaker.relativeClause"
    case speakerMentioned = "speaker.mentioned"
    // which topic (TopicFinder)
    case topicCue = "topic.cue"
    case topicAmbiguous = "topic.ambiguous"
    case topicSpecificWord = "topic.specificWord"
    case topicAnchorNearby = "topic.anchorNearby"
    case topicAnchorInSentence = "topic.anchorInSentence"
    case topicActorCountry = "topic.actorCountry"
    case topicGroupCountry = "topic.groupCountry"
    case topicGeneric = "topic.generic"
    case topicAnchorInArticle = "topic.anchorInArticle"
    case topicDescription = "topic.description"
    case topicPointedBack = "topic.pointedBack"
    // which side (PolarityFinder; `polarityNaive` when none of them reads the clause)
    case polarityAct = "polarity.act"
    case polarityDirection = "polarity.direction"
    case polarityEvaluation = "polarity.evaluation"
    case polarityDescription = "polarity.description"
    case polarityReversal = "polarity.reversal"
    case polarityNegatedCue = "polarity.negatedCue"
    case polarityReadiness = "polarity.readiness"
    case polarityAffirmedCue = "polarity.affirmedCue"
    case polarityNaive = "polarity.naive"
    // when it was said (DateFinder; `dateArticle` when the sentence gives no date)
    case dateEve = "date.eve"
    case dateYesterday = "date.yesterday"
    case dateDayMonth = "date.dayMonth"
    case dateThisMonth = "date.thisMonth"
    case dateMonth = "date.month"
    case dateAgo = "date.ago"
    case dateLastWeek = "date.lastWeek"
    case dateYear = "date.year"
    case dateLastYear = "date.lastYear"
    case dateArticle = "date.article"
}

/// How a sentence's date came from another sentence: carried over from the sentence before
/// with the same speaker ("Он вновь указал …"), or given by a later sentence that points
/// back with a demonstrative ("Это письмо было направлено в декабре").
enum DateCarry: String, CaseIterable, Sendable {
    case carried
    case backReference
}

/// The way a word moves a measure: a rate or an output goes down or up, a thing is allowed or
/// forbidden (`directions.txt`). A topic whose `pro` and `contra` differ by a direction maps
/// each of them to a side (`TopicModel.directionPolarity`).
enum Direction: String, CaseIterable, Sendable {
    case down, up, allow, forbid

    /// The other end of the same axis.
    var opposite: Direction {
        switch self {
        case .down: .up
        case .up: .down
        case .allow: .forbid
        case .forbid: .allow
        }
    }
}
