import Testing
@testable import Corpus

/// What each rule of a stage proposes, read from the engine's candidates (before the model
/// weighs them): "actor topic polarity" and the rules that found it.
enum RuleProbe {
    static func candidates(_ body: String,
                           engine: StanceEngine = EngineFixture.engine) -> [(triple: String, rules: [RuleName])] {
        engine.candidates(EngineFixture.article(body)).map { c in
            let f = c.finding
            let actor = engine.watchlist.actors[f.actor].id, topic = engine.watchlist.topics[f.topic].id
            return ("\(actor) \(topic) \(f.polarity.rawValue)", f.rules)
        }
    }

    /// The topic of a triple ("nurlan kz-mediator pro" → "kz-mediator").
    static func topic(_ triple: String) -> Substring { triple.split(separator: " ")[1] }
}

/// One rule on two invented sentences: one where it decides (`expected`: actor, topic,
/// polarity) and a near one where it does not decide that topic.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleName
    var fires: String
    var expected: String
    var near: String
    /// The unseen-subject watchlist (acts, reversals of duties) instead of the fixture's.
    var unseen = false

    var testDescription: String { "\(rule.rawValue): \(fires)" }
    var engine: StanceEngine { unseen ? UnseenSubjectTests.engine : EngineFixture.engine }
}

/// The polarity rules (`PolarityFinder.rules`), each with a sentence where it gives the side
/// and a near sentence where it does not; the stops, each with a sentence it stops (the
/// candidate keeps only the naive reading) and a near one it lets through.
struct PolarityRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(rule: .polarityAct, fires: "Депутат Лаптев проголосовал против запрета самокатов.",
                 expected: "laptev scooter-ban contra",
                 near: "Депутат Лаптев раскритиковал голосование против запрета самокатов.", unseen: true),
        RuleCase(rule: .polarityDirection, fires: "Нацбанк снизил базовую ставку на 50 базисных пунктов.",
                 expected: "bank rate-cut pro", near: "Нацбанк обсудил базовую ставку."),
        RuleCase(rule: .polarityEvaluation, fires: "Абаев подчеркнул, что прекращение огня возможно.",
                 expected: "nurlan prospects pro", near: "Абаев упомянул прекращение огня."),
        RuleCase(rule: .polarityDescription,
                 fires: "Абаев заявил, что мирное соглашение будет подписано в обозримом будущем.",
                 expected: "nurlan prospects pro",
                 near: "Абаев заявил, что мирное соглашение будет подписано."),
        RuleCase(rule: .polarityDescription, fires: "Нацбанк считает дальнейшее смягчение.",
                 expected: "bank rate-cut contra", near: "Нацбанк упомянул смягчение."),
        RuleCase(rule: .polarityReversal, fires: "Ветрова предложила отменить пошлины на сыр из Норландии.",
                 expected: "vetrova norland-cheese contra", near: "Ветрова обсудила пошлины на сыр из Норландии.",
                 unseen: true),
        RuleCase(rule: .polarityReversal,
                 fires: "Абаев заявил, что Казахстан не собирается отменять посредничество.",
                 expected: "nurlan kz-mediator pro",
                 near: "Абаев заявил, что Казахстан не является посредником."),
        RuleCase(rule: .polarityNegatedCue, fires: "Абаев заявил, что Казахстан не является посредником.",
                 expected: "nurlan kz-mediator contra", near: "Абаев заявил, что Казахстан является посредником."),
        RuleCase(rule: .polarityReadiness, fires: "Абаев заявил, что Казахстан готов выступить посредником.",
                 expected: "nurlan kz-mediator pro", near: "Абаев заявил, что Казахстан является посредником."),
        RuleCase(rule: .polarityAffirmedCue, fires: "Абаев заявил, что Казахстан является посредником.",
                 expected: "nurlan kz-mediator pro", near: "Абаев заявил, что Казахстан не является посредником."),
    ]

    @Test(arguments: cases) func ruleFires(_ c: RuleCase) {
        let found = RuleProbe.candidates(c.fires, engine: c.engine)
        #expect(found.contains { $0.triple == c.expected && $0.rules.contains(c.rule) }, "\(found)")
    }

    @Test(arguments: cases) func ruleDoesNotFireOnTheNearSentence(_ c: RuleCase) {
        let topic = RuleProbe.topic(c.expected)
        let found = RuleProbe.candidates(c.near, engine: c.engine).filter { RuleProbe.topic($0.triple) == topic }
        #expect(!found.isEmpty, "the near sentence still names the topic")
        #expect(!found.contains { $0.rules.contains(c.rule) }, "\(found)")
    }

    /// A stop: on `stopped` the topic is found but no rule gives its side (the naive reading
    /// stands); on `near` a rule does.
    struct StopCase: Sendable, CustomTestStringConvertible {
        var stop: PolarityStop
        var topic: Substring
        var stopped: String
        var near: String
        var testDescription: String { "\(stop): \(stopped)" }
    }

    static let stops: [StopCase] = [
        StopCase(stop: .hedged, topic: "kz-mediator",
                 stopped: "Абаев высказался о возможном посредничестве Казахстана.",
                 near: "Абаев высказался за посредничество Казахстана."),
        // what the words are said in spite of, or in answer to, is context, not a side
        StopCase(stop: .hedged, topic: "kz-mediator",
                 stopped: "Абаев продолжил переговоры, несмотря на посредничество Казахстана.",
                 near: "Абаев продолжил переговоры, поддержав посредничество Казахстана."),
        StopCase(stop: .hedged, topic: "kz-mediator",
                 stopped: "Абаев в ответ на посредничество Казахстана пригрозил уйти.",
                 near: "Абаев за посредничество Казахстана."),
        StopCase(stop: .poll, topic: "kz-mediator",
                 stopped: "Абаев заявил, что посредничество Казахстана поддерживают 70% граждан.",
                 near: "Абаев заявил, что посредничество Казахстана поддерживают депутаты."),
        StopCase(stop: .relativeOnObject, topic: "kz-mediator",
                 stopped: "Абаев встретился с дипломатами, которые выступают за посредничество Казахстана.",
                 near: "Абаев назвал дипломатов, которые выступают за посредничество Казахстана."),
        StopCase(stop: .conditionOrBackground, topic: "rate-cut",
                 stopped: "Нацбанк заявил, что если базовая ставка снизится, рынок вырастет.",
                 near: "Нацбанк заявил, что базовая ставка снизится, рынок вырастет."),
        StopCase(stop: .forecast, topic: "rate-cut",
                 stopped: "Нацбанк заявил, что рано или поздно базовая ставка снизится.",
                 near: "Нацбанк заявил, что базовая ставка снизится."),
        StopCase(stop: .properCue, topic: "tr-venue", stopped: "Кая заявил, что Стамбул.",
                 near: "Кая заявил, что Стамбул готов."),
        StopCase(stop: .conditional, topic: "kz-venue",
                 stopped: "Абаев заявил, что Астана станет площадкой для переговоров, если это сделают соседи.",
                 near: "Абаев заявил, что Астана станет площадкой для переговоров, если будет потребность."),
    ]

    @Test(arguments: stops) func stopLeavesNoSide(_ c: StopCase) {
        let found = RuleProbe.candidates(c.stopped).filter { RuleProbe.topic($0.triple) == c.topic }
        #expect(!found.isEmpty && found.allSatisfy { $0.rules.contains(.polarityNaive) }, "\(found)")
    }

    @Test(arguments: stops) func stopLetsTheNearSentenceThrough(_ c: StopCase) {
        let found = RuleProbe.candidates(c.near).filter { RuleProbe.topic($0.triple) == c.topic }
        #expect(!found.isEmpty && !found.contains { $0.rules.contains(.polarityNaive) }, "\(found)")
    }

    /// The chain's order is the one the doc comment of `PolarityFinder` gives.
    @Test func theChainIsInTheDocumentedOrder() {
        let documented: [PolarityRule.Name] = [
            .stop(.hedged), .stop(.poll), .stop(.relativeOnObject), .rule(.polarityAct), .stop(.conditionOrBackground),
            .stop(.forecast), .rule(.polarityDescription), .rule(.polarityDirection), .rule(.polarityEvaluation), .rule(.polarityEvaluation),
            .rule(.polarityEvaluation), .rule(.polarityDescription), .rule(.polarityDescription),
            .stop(.conditional), .rule(.polarityReversal), .rule(.polarityNegatedCue), .rule(.polarityReadiness),
            .stop(.properCue), .rule(.polarityAffirmedCue),
        ]
        #expect(PolarityFinder.rules.map(\.name) == documented)
        // every polarity rule but the driver's fallback is in the chain
        let named = Set(PolarityFinder.rules.compactMap { rule -> RuleName? in
            guard case .rule(let name) = rule.name else { return nil }
            return name
        })
        #expect(named == Set(RuleName.allCases.filter { $0.rawValue.hasPrefix("polarity.") && $0 != .polarityNaive }))
    }

    /// Evaluative and direction topics end after the descriptions: no later rule applies to them.
    @Test func onlyPlainTopicsGoOnAfterTheDescriptions() {
        let last = PolarityFinder.rules.lastIndex { $0.name == .rule(.polarityDescription) }!
        #expect(PolarityFinder.rules[(last + 1)...].allSatisfy { $0.kinds == [.plain] })
    }
}
