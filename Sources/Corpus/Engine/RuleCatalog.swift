/// Every rule list of the engine, stage by stage, in the order the rules are tried, read from
/// the lists themselves: what `stancewatch explain --rules` prints and what the README's
/// "The rules, in order" shows (a test holds the two together, so the documentation cannot
/// drift from the code).
public enum RuleCatalog {
    /// One stage of the chain and its rules, in order.
    public struct Stage: Sendable {
        public var name: String
        public var rules: [String]
    }

    public static var stages: [Stage] {
        [
            Stage(name: "mentions (MentionFinder.rules: the first that finds something at a word)",
                  rules: MentionFinder.rules.map(\.name.rawValue)),
            Stage(name: "speaker (Attribution.chain: the first that names someone; then SentenceHolders)",
                  rules: Attribution.chain.map(speakerStep) + [RuleName.speakerAboutThis.rawValue]),
            Stage(name: "holders (FindingStage: besides the speaker)",
                  rules: [RuleName.speakerCoordinated.rawValue, RuleName.speakerProposal.rawValue, RuleName.speakerCriticism.rawValue, RuleName.speakerRelative.rawValue,
                          RuleName.speakerMentioned.rawValue]),
            Stage(name: "date (DateFinder.rules: the first that dates the sentence; then StatedDates)",
                  rules: DateFinder.rules.map(\.name.rawValue)
                    + DateCarry.allCases.map { "<date rule>.\($0.rawValue)" } + [RuleName.dateArticle.rawValue]),
            Stage(name: "topic (TopicFinder: a cue of one topic, or of several tied by sharedCueRules; then descriptions)",
                  rules: [RuleName.topicCue.rawValue]
                    + TopicFinder.sharedCueRules.map(\.name.rawValue)
                    + [RuleName.topicAmbiguous.rawValue, RuleName.topicDescription.rawValue, RuleName.topicPointedBack.rawValue]),
            Stage(name: "polarity (PolarityFinder.rules: the first step for the topic's kind that decides)",
                  rules: PolarityFinder.rules.map(polarityStep) + [RuleName.polarityNaive.rawValue]),
        ]
    }

    /// The catalog as `explain --rules` prints it: a stage a paragraph, a rule a numbered line.
    public static var text: String {
        stages.map { stage in
            ([stage.name + ":"] + stage.rules.enumerated().map { "  \($0.offset + 1). \($0.element)" })
                .joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    private static func speakerStep(_ step: SpeakerStep) -> String {
        switch step {
        case .sentence(let rule): rule.name.rawValue
        case .eachAttributionNoun(let rules):
            "at each attribution noun: " + rules.map(\.name.rawValue).joined(separator: " | ")
        }
    }

    private static func polarityStep(_ step: PolarityRule) -> String {
        let name: String
        switch step.name {
        case .rule(let rule): name = rule.rawValue
        case .stop(let stop): name = "stop: \(stop)"
        }
        let kinds = TopicModel.Kind.allCases.filter { step.kinds.contains($0) }
        return kinds.count == TopicModel.Kind.allCases.count ? name : name + " (" + kinds.map { "\($0)" }.joined(separator: ", ") + " topics)"
    }
}
