import Testing
@testable import Corpus

/// The eight classes of error on unseen subjects (issue 8), each on invented sentences about
/// subjects none of the corpora use: a city's ban on e-scooters and duties on cheese from two
/// invented countries (two topics close in meaning). Every "no stance" has a positive twin.
struct UnseenSubjectTests {
    static let yaml = """
    actors:
      - id: vetrova
        names: [Ольга Ветрова, Ветрова]
        roles: [мэр Озёрска]
        group: ozersk
      - id: laptev
        names: [Игорь Лаптев, Лаптев]
        roles: [депутат городской думы]
        group: ozersk
    topics:
      - id: scooter-ban
        label: Запрет электросамокатов в Озёрске
        cues: [запрет самокатов, электросамокаты, самокаты]
        pro: актор вводит или сохраняет запрет самокатов, голосует за запрет
        contra: актор снимает или отменяет запрет самокатов, голосует против запрета
      - id: norland-cheese
        label: Норландия и пошлины на сыр
        cues: [пошлины на сыр, сырные пошлины]
        pro: актор вводит или сохраняет пошлины на сыр из Норландии
        contra: актор отменяет пошлины на сыр из Норландии или голосует против них
      - id: vestia-cheese
        label: Вестия и пошлины на сыр
        cues: [пошлины на сыр, сырные пошлины]
        pro: актор вводит или сохраняет пошлины на сыр из Вестии
        contra: актор отменяет пошлины на сыр из Вестии или голосует против них
    """

    static let engine: StanceEngine = try! StanceEngine(watchlist: Watchlist(yaml: yaml))

    func found(_ body: String) -> Set<String> { EngineFixture.triples(body, engine: Self.engine) }

    /// Expects every candidate of the venue topic in `read` (of `polarity`, when given) to have
    /// fired `rule`, and none in the near sentence `near`.
    func expectVenue(_ rule: RuleName, in read: String, notIn near: String, polarity: Polarity? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let rules = { (body: String) in
            Self.venue.explain(EngineFixture.article(body)).filter { polarity == nil || $0.polarity == polarity }.map(\.rules)
        }
        let fired = rules(read), nearRules = rules(near)
        #expect(!fired.isEmpty && fired.allSatisfy { $0.contains(rule.rawValue) }, "\(fired)", sourceLocation: sourceLocation)
        #expect(nearRules.allSatisfy { !$0.contains(rule.rawValue) }, "\(nearRules)", sourceLocation: sourceLocation)
    }

    /// The actors whose candidates in `body` carry `veto`.
    func vetoed(_ veto: Candidate.Veto, _ body: String, engine: StanceEngine = Self.engine) -> [String] {
        engine.candidates(EngineFixture.article(body)).filter { $0.vetoes.contains(veto) }
            .map { engine.watchlist.actors[$0.finding.actor].id }
    }

    func abstentions(_ body: String) -> [String] {
        Self.engine.explain(EngineFixture.article(body)).compactMap { e in e.abstention.map { "\(e.actor) \(e.topic) \(e.polarity.rawValue): \($0)" } }
    }

    // 1. one article, both polarities on one day, neither clearly stronger: abstain, and say so
    @Test func bothPolaritiesOnOneDayAbstain() throws {
        let body = "Ветрова заявила, что поддерживает запрет самокатов. Позже Ветрова заявила, что выступает против запрета самокатов."
        var cs = Self.engine.candidates(EngineFixture.article(body))
        let pro = try #require(cs.firstIndex { $0.finding.polarity == .pro })
        let contra = try #require(cs.firstIndex { $0.finding.polarity == .contra })
        // both as confident as the more confident of them (the shipped model's weights are not
        // what is tested here)
        let first = Self.engine.decide(cs).weighed
        let stronger = first[pro].confidence >= first[contra].confidence ? cs[pro].features : cs[contra].features
        (cs[pro].features, cs[contra].features) = (stronger, stronger)
        #expect(Self.engine.decide(cs).weighed[pro].confidence >= Self.engine.model.threshold)
        let weighed = Self.engine.decide(cs).weighed
        #expect(weighed[pro].abstention == "both polarities in one article")
        #expect(weighed[contra].abstention == "both polarities in one article")
        // against a side the model does not believe (below the threshold), the other is no conflict
        var clear = Self.engine.candidates(EngineFixture.article(body))
        clear[pro].features = [Double](repeating: 0, count: clear[pro].features.count)
        let decided = Self.engine.decide(clear).weighed
        #expect(decided[contra].abstention != "both polarities in one article")
    }

    // a side only implied (a bare naming) and one read from readiness or possibility («готов»,
    // «могут») take a side from no word of their own: each gives way to a side a rule read
    @Test(arguments: [
        (RuleName.polarityAffirmedCue, "Лаптев заявил, что пошлины на сыр из Норландии стали темой встречи."),
        (RuleName.polarityReadiness, "Лаптев заявил, что готов обсудить пошлины на сыр из Норландии."),
    ])
    func aWeakSideGivesWayToARuleRead(_ weakRule: RuleName, _ weakSentence: String) throws {
        let body = "Лаптев заявил, что выступает против пошлин на сыр из Норландии. " + weakSentence
        var cs = Self.engine.candidates(EngineFixture.article(body))
        let read = try #require(cs.firstIndex { $0.finding.polarity == .contra })
        let weak = try #require(cs.firstIndex { $0.finding.rules.contains(weakRule) })
        // as confident as the read side: two sides read by rules would both abstain
        cs[weak].features = cs[read].features
        let weighed = Self.engine.decide(cs).weighed
        #expect(weighed[read].abstention == nil)
        #expect(weighed[weak].abstention == "both polarities in one article")
    }

    @Test func bothPolaritiesOnTwoDaysAreAChange() {
        let body = "В марте 2024 года Ветрова заявила, что поддерживает запрет самокатов. 5 ноября Ветрова заявила, что выступает против запрета самокатов."
        #expect(found(body) == ["vetrova scooter-ban pro", "vetrova scooter-ban contra"])
    }

    // 2. topics close in meaning: a shared cue that nothing ties to one topic
    @Test func sharedCueWithoutItsCountryAbstains() {
        let body = "Лаптев заявил, что пошлины на сыр нужно сохранить."
        #expect(found(body).isEmpty)
        #expect(abstentions(body).contains { $0.contains("ambiguous topic: norland-cheese | vestia-cheese") })
    }

    @Test func sharedCueStaysAnAbstentionHoweverClearTheRestIs() {
        // an explicit verb of support and the holder's own words: still no topic to give it to
        let body = "Лаптев заявил, что полностью поддерживает пошлины на сыр."
        #expect(found(body).isEmpty)
        #expect(abstentions(body).contains { $0.contains("ambiguous topic: norland-cheese | vestia-cheese") })
        #expect(found("Лаптев заявил, что полностью поддерживает пошлины на сыр из Вестии.") == ["laptev vestia-cheese pro"])
    }

    @Test func sharedCueNamingBothCountriesGoesToBoth() {
        let both: Set = ["laptev norland-cheese pro", "laptev vestia-cheese pro"]
        #expect(found("Лаптев заявил, что поддерживает пошлины на сыр из Норландии и Вестии.") == both)
        // the names between a cue's words do not count toward its gap
        #expect(found("Лаптев заявил, что поддерживает пошлины Норландии и Вестии на сыр.") == both)
        #expect(found("Лаптев заявил, что поддерживает пошлины этого и прошлого года на сыр.").isEmpty)
    }

    @Test func sharedCueWithItsCountryGoesToThatTopic() {
        #expect(found("Лаптев заявил, что пошлины на сыр из Норландии нужно сохранить.") == ["laptev norland-cheese pro"])
    }

    // 3. reversal verbs and their negation
    @Test func liftingABanIsAgainstIt() {
        #expect(found("Ветрова заявила, что снимет запрет самокатов.") == ["vetrova scooter-ban contra"])
        #expect(found("Лаптев заявил, что Норландия должна отменить пошлины на сыр.") == ["laptev norland-cheese contra"])
    }

    @Test func refusingToLiftABanIsForIt() {
        #expect(found("Ветрова заявила, что не видит причин отменять запрет самокатов.") == ["vetrova scooter-ban pro"])
    }

    // a pro reading in a sentence that negates something is marked for the model
    // («пока не обсуждается»); an affirmative negation («не исключает») is no negation
    func negatedPro(_ body: String) -> [Double] {
        let i = Feature.allCases.firstIndex(of: .negatedPro)!
        return Self.engine.candidateRecords(in: EngineFixture.article(body)).filter { $0.polarity == .pro }.map { $0.features[i] }
    }

    @Test func aNegatedSentenceMarksAProReading() {
        #expect(negatedPro("Ветрова заявила, что запрет самокатов в городе пока не обсуждается.") == [1])
        #expect(negatedPro("Ветрова заявила, что не исключает запрет самокатов.") == [0])
        #expect(negatedPro("Ветрова заявила, что поддерживает запрет самокатов.") == [0])
        // across a contrast word before the cue the negation is the other part's
        #expect(negatedPro("Ветрова заявила, что не станет спешить, однако поддерживает запрет самокатов.") == [0])
        // after the cue, the part past the contrast word is the holder's point
        #expect(negatedPro("Ветрова заявила, что запрет самокатов обсуждается, но пока что город к этому не готов.") == [1])
        // unless the negation opens it: another thing is negated
        #expect(negatedPro("Ветрова заявила, что поддерживает запрет самокатов, но не запрет велосипедов.") == [0])
    }

    // a denial of a report, a link set on the measure and an invitation to talks on it are no side of it
    @Test func aDenialOfAReportIsNoPosition() {
        #expect(found("Ветрова опровергла сообщения о том, что мэрия ввела запрет самокатов.").isEmpty)
    }

    @Test func aLinkSetOnTheMeasureIsNoPosition() {
        #expect(found("Депутат Лаптев связал запрет самокатов с ремонтом тротуаров.").isEmpty)
        // the same link in the passive
        #expect(found("Депутат Лаптев заявил, что это связано с запретом самокатов.").isEmpty)
    }

    @Test func anInvitationToTalksIsNoPosition() {
        #expect(found("Ветрова пригласила прокатчиков на переговоры о запрете самокатов.").isEmpty)
        // a compound counts by its last part
        let letter = "Ветрова заявила, что отправила письмо-приглашение прокатчикам для переговоров о запрете самокатов."
        #expect(found(letter).isEmpty)
        #expect(abstentions(letter).contains { $0.hasSuffix("a denial, a link, an invitation, a refusal to comment or a disagreement takes no side") })
        #expect(found("Ветрова заявила, что отправила письмо прокатчикам и поддерживает запрет самокатов.")
            == ["vetrova scooter-ban pro"])
    }

    /// An engine watching the mayor Ветрова alone, on the topics of `topics` (a `topics:` block).
    static func mayorEngine(topics: String) -> StanceEngine {
        let mayor = "actors:\n  - id: vetrova\n    names: [Ольга Ветрова, Ветрова]\n    roles: [мэр Озёрска]\n"
        return try! StanceEngine(watchlist: Watchlist(yaml: mayor + topics))
    }

    /// A plain topic (a venue, no measure to raise or lower): its side is read from words, or
    /// only implied by naming it.
    static let venue = mayorEngine(topics: """
        topics:
          - id: ozersk-games
            label: Озёрск как место проведения спартакиады
            cues: [спартакиада, проведение спартакиады]
            pro: актор поддерживает проведение спартакиады в Озёрске
            contra: актор выступает против спартакиады в Озёрске
        """)

    func venueFound(_ body: String) -> Set<String> { EngineFixture.triples(body, engine: Self.venue) }

    // a decision or question on the topic names it; only words that take a side give one
    @Test func aDecisionOnTheTopicIsNoPosition() {
        let mayor = "Мэр Озёрска Ольга Ветрова "
        let decision = mayor + "пообещала удивить горожан своим решением о спартакиаде."
        #expect(venueFound(decision).isEmpty)
        let reasons = Self.venue.explain(EngineFixture.article(decision)).compactMap(\.abstention)
        #expect(reasons == ["a decision or question on the topic named, not a side of it"])
        // who decides may stand between; a regarding word needs no noun before it
        for body in [decision, mayor + "заявила, что решение Озёрска по спартакиаде может удивить горожан.",
                     mayor + "заявила, что может отправить другой сигнал по поводу спартакиады."] {
            let cs = Self.venue.candidates(EngineFixture.article(body))
            #expect(!cs.isEmpty && cs.allSatisfy { $0.vetoes.contains(.questionOnly) }, "\(body)")
        }
        // a side read from words stands, and so does a naming that is no question
        #expect(venueFound(mayor + "заявила, что поддерживает решение о спартакиаде.") == ["vetrova ozersk-games pro"])
        #expect(venueFound(mayor + "заявила, что Озёрск примет спартакиаду в следующем году.") == ["vetrova ozersk-games pro"])
    }

    // a bare naming of the topic implies a side only for an actor who speaks
    @Test func aNamingBesideAnActorWhoDoesNotSpeakIsNoPosition() throws {
        let named = "Мэра Озёрска Ольгу Ветрову журналисты застали на стадионе, где идёт спартакиада."
        var cs = Self.venue.candidates(EngineFixture.article(named))
        let c = try #require(cs.first)
        #expect(c.finding.sideIsOnlyImplied && c.finding.holderOnlyNamed)
        // however confident the rest of the evidence (here: the features of a read side)
        let read = try #require(Self.venue.candidates(EngineFixture.article(
            "Мэр Озёрска Ольга Ветрова заявила, что поддерживает проведение спартакиады.")).first)
        cs[0].features = read.features
        #expect(Self.venue.decide([cs[0]]).weighed[0].abstention == "the topic only named, beside an actor who does not speak")
        // the same naming by the actor who speaks implies the side
        #expect(venueFound("Мэр Озёрска Ольга Ветрова заявила, что Озёрск примет спартакиаду в следующем году.")
            == ["vetrova ozersk-games pro"])
    }

    // an article that says no decision was taken takes no side for the holder that day
    @Test func anOpenQuestionTakesNoSideThatDay() {
        let mayor = "Мэр Озёрска Ольга Ветрова заявила, что "
        let plan = mayor + "Озёрск примет спартакиаду."
        #expect(venueFound(plan) == ["vetrova ozersk-games pro"])
        let open = mayor + "решение о спартакиаде пока не принято. " + plan
        #expect(venueFound(open).isEmpty)
        let reasons = Self.venue.explain(EngineFixture.article(open)).compactMap(\.abstention)
        #expect(reasons.contains("the article says the question is still open"))
        // a doubt is no open question of the article
        #expect(venueFound(mayor + "депутаты сомневаются. " + plan) == ["vetrova ozersk-games pro"])
    }

    // restoring a measure is for it; only undoing it turns its side over
    @Test func restoringIsNoReversal() {
        let mayor = "Мэр Озёрска Ольга Ветрова заявила, что "
        #expect(venueFound(mayor + "хочет вернуть спартакиаду в Озёрск.") == ["vetrova ozersk-games pro"])
        #expect(venueFound(mayor + "необходимо возобновить спартакиаду.") == ["vetrova ozersk-games pro"])
        #expect(venueFound(mayor + "необходимо отменить спартакиаду.") == ["vetrova ozersk-games contra"])
    }

    // a strong evaluation of the topic takes a side in any of its forms
    @Test func strongEvaluationsTakeASide() {
        let mayor = "Мэр Озёрска Ольга Ветрова назвала спартакиаду "
        #expect(venueFound(mayor + "отвратительной затеей.") == ["vetrova ozersk-games contra"])
        #expect(venueFound(mayor + "прекрасной затеей.") == ["vetrova ozersk-games pro"])
        let implied = Self.venue.explain(EngineFixture.article(mayor + "затеей.")).map(\.rules)
        #expect(implied.allSatisfy { $0.contains(RuleName.polarityAffirmedCue.rawValue) })
    }

    // a positive or negative attitude takes a side; «пока что» opens no clause that would hide
    // the negation before it
    @Test func anAttitudeTakesASideThroughPokaChto() {
        let mayor = "Мэр Озёрска Ольга Ветрова заявила, что город "
        #expect(venueFound(mayor + "позитивно оценивает спартакиаду.") == ["vetrova ozersk-games pro"])
        #expect(venueFound(mayor + "негативно оценивает спартакиаду.") == ["vetrova ozersk-games contra"])
        #expect(venueFound(mayor + "не может пока что позитивно оценить спартакиаду.") == ["vetrova ozersk-games contra"])
    }

    // a hope for the measure («надеемся на …») approves it in words; the measure only named
    // implies its side
    @Test func aHopeForTheMeasureApprovesIt() {
        expectVenue(.polarityEvaluation, in: "Мэр Озёрска Ольга Ветрова заявила: «Мы надеемся на успешное проведение спартакиады».",
                    notIn: "Мэр Озёрска Ольга Ветрова заявила: «Мы говорим о проведении спартакиады».")
    }

    // a verb of criticism is a rejection of what it governs
    @Test func aVerbOfCriticismRejects() {
        expectVenue(.polarityEvaluation, in: "Мэр Озёрска Ольга Ветрова раскритиковала проведение спартакиады.",
                    notIn: "Мэр Озёрска Ольга Ветрова обсудила проведение спартакиады.", polarity: .contra)
    }

    // the agent of a participle before the cue is its author: after a verb of judging, the
    // verb's subject holds the words, not the author
    @Test func theAuthorOfAMeasureDoesNotHoldTheCriticOfIt() {
        let criticised = "Лаптев раскритиковал предложенные Ветровой пошлины на сыр из Норландии."
        #expect(found(criticised) == ["laptev norland-cheese contra"])
        #expect(vetoed(.namedAsObject, criticised) == ["vetrova"])
        let authored = Self.engine.candidates(EngineFixture.article("Предложенные Ветровой пошлины на сыр из Норландии вступили в силу."))
        #expect(authored.contains { $0.finding.rules.contains(.speakerParticipleAgent) })
    }

    // a clause that points back («к этому») at the cue's clause carries its side
    @Test func aClausePointingBackCarriesTheSide() {
        let mayor = "Мэр Озёрска Ольга Ветрова заявила, что следит за подготовкой спартакиады, но "
        expectVenue(.polarityEvaluation, in: mayor + "к этому город не может отнестись положительно.",
                    notIn: mayor + "к пробкам город не может отнестись положительно.", polarity: .contra)
    }

    // a decision taken to do it («приняли решение начать …», a phrase of `modal.txt`) is readiness
    @Test func aDecisionTakenIsReadiness() {
        expectVenue(.polarityReadiness, in: "Мэр Озёрска Ольга Ветрова заявила: «Мы приняли решение начать проведение спартакиады».",
                    notIn: "Мэр Озёрска Ольга Ветрова заявила: «Мы приняли гостей и обсудили проведение спартакиады».")
    }

    // subjects joined by «и» hold the words together only in the nominative
    @Test func actorsJoinedOutsideTheNominativeHoldNothingTogether() {
        let quarrel = "Спор между Ветровой и Лаптевым разгорелся из-за запрета самокатов, который Ветрова назвала правильным решением."
        let rules = Self.engine.candidates(EngineFixture.article(quarrel)).map(\.finding.rules)
        #expect(rules.count >= 2 && rules.allSatisfy { !$0.contains(.speakerCoordinated) })
        let joined = Self.engine.candidates(EngineFixture.article("Ветрова и Лаптев заявили, что поддерживают запрет самокатов."))
        #expect(joined.contains { $0.finding.rules.contains(.speakerCoordinated) })
    }

    // a stance found twice in an article speaks by its reading that takes a side from words
    @Test func aReadSideSpeaksForTheStanceBeforeAnImpliedOne() throws {
        let implied = "Мэр Озёрска Ольга Ветрова заявила, что спартакиада стала темой встречи."
        let alone = try #require(Self.venue.stances(in: EngineFixture.article(implied)).first)
        #expect(alone.sideIsOnlyImplied)
        let both = implied + " Мэр Озёрска Ольга Ветрова заявила, что поддерживает проведение спартакиады."
        let stance = try #require(Self.venue.stances(in: EngineFixture.article(both)).first)
        #expect(stance.polarity == .pro)
        #expect(!stance.sideIsOnlyImplied)
        #expect(stance.evidence.contains("поддерживает"))
    }

    // a naive reading (no rule decided) gives way to the other side a rule read, however
    // confident the model is of it; two sides rules read still abstain together
    @Test func aNaiveReadingGivesWayToARuleRead() throws {
        let body = "Ветрова выступила на фоне споров о запрете самокатов. Позже Ветрова заявила, что выступает против запрета самокатов."
        var cs = Self.engine.candidates(EngineFixture.article(body))
        let naive = try #require(cs.firstIndex { $0.finding.rules.contains(.polarityNaive) && $0.finding.polarity == .pro })
        let read = try #require(cs.firstIndex { !$0.finding.rules.contains(.polarityNaive) && $0.finding.polarity == .contra })
        let first = Self.engine.decide(cs).weighed
        let stronger = first[naive].confidence >= first[read].confidence ? cs[naive].features : cs[read].features
        (cs[naive].features, cs[read].features) = (stronger, stronger)
        let weighed = Self.engine.decide(cs).weighed
        #expect(weighed[naive].confidence >= Self.engine.model.threshold)
        #expect(weighed[naive].abstention == "both polarities in one article")
        #expect(weighed[read].abstention == nil)
    }

    // 4. forecasts and compulsion are not positions
    @Test func compulsionIsNoPosition() {
        #expect(found("Ветрова заявила, что рано или поздно город вынудят отменить запрет самокатов.").isEmpty)
        // a statement someone may make is not one made
        #expect(found("Депутат Лаптев заявил, что Ветрова может объявить об отмене запрета самокатов.").isEmpty)
    }

    // a negation past «а» in another watched actor's clause is that actor's, not the holder's
    @Test func aNegationInAnotherActorsClauseIsNotTheHolders() {
        #expect(found("Ветрова поддерживает запрет самокатов, а Лаптев выступает против него.")
            .contains("vetrova scooter-ban pro"))
        // the twin: past «но» with no one else named, the negation is the holder's point
        let own = "Ветрова поддерживает запрет самокатов, но пока город не готов его вводить."
        #expect(found(own).isEmpty)
        #expect(abstentions(own) == ["vetrova scooter-ban pro: a negation the reading does not account for"])
        // a pronoun past «но» is no other actor: it may be the holder herself
        #expect(found("Ветрова поддерживает запрет самокатов, но при этом она не готова его вводить.").isEmpty)
    }

    // «якобы» marks what is reported and doubted, not what the holder holds
    @Test func anAllegedPositionIsNoPosition() {
        #expect(found("Лаптев прокомментировал сообщения о том, что он якобы поддерживает запрет самокатов.").isEmpty)
        #expect(found("Лаптев прокомментировал сообщения о том, что он поддерживает запрет самокатов.")
            == ["laptev scooter-ban pro"])
    }

    // an outlet that relays a watched actor's saying past «что» gives the words to the actor
    @Test func anOutletRelaysTheActorsWords() {
        #expect(found("Издание отмечает, что депутат Лаптев заявил, что запрет самокатов нужно сохранить.")
            == ["laptev scooter-ban pro"])
        // the twin: the actor's saying is another clause, past a comma; the words before are not his
        #expect(found("Издание отмечает, что запрет самокатов нужно сохранить, а депутат Лаптев заявил о сессии.").isEmpty)
    }

    // «критика X в адрес …»: X rejects what the criticism is addressed to, not the one who answers it
    @Test func aCriticismAddressedToTheMeasureIsItsOwners() {
        #expect(found("Мэр Ветрова ответила на критику депутата Лаптева в адрес запрета самокатов.")
            == ["laptev scooter-ban contra"])
        // addressed to the undoing of the measure, it is for the measure
        #expect(found("Мэр Ветрова ответила на критику депутата Лаптева в адрес отмены запрета самокатов.")
            == ["laptev scooter-ban pro"])
        // the twin: without «в адрес» the words after the name are the next clause's
        #expect(found("После критики депутата Лаптева мэр Ветрова поддержала запрет самокатов.")
            == ["vetrova scooter-ban pro"])
    }

    // a negation past «но» that stands before another topic's cue is that topic's
    @Test func aNegationOfAnotherTopicPastContrastIsNotTheHolders() {
        let body = "«Казахстан может выступать в качестве одной из площадок для переговоров, но в то же время "
            + "он не может восприниматься в качестве честного брокера», — сказал Абаев."
        #expect(EngineFixture.triples(body) == ["nurlan kz-venue pro", "nurlan kz-mediator contra"])
        let venue = EngineFixture.engine.candidates(EngineFixture.article(body)).filter {
            EngineFixture.engine.watchlist.topics[$0.finding.topic].id == "kz-venue"
        }
        #expect(!venue.isEmpty && venue.allSatisfy { $0.features[Feature.negatedPro.index] == 0 })
        // the twin: a negation past «но» with no other topic is the holder's point
        #expect(found("Ветрова поддерживает запрет самокатов, но пока город не готов его вводить.").isEmpty)
    }

    // an actor only named in a sentence another watched actor says holds none of its words
    @Test func anActorNamedInAnothersWordsHoldsNone() {
        #expect(vetoed(.othersWords, "Депутат Лаптев заявил, что Ветрова отменит запрет самокатов.") == ["vetrova"])
        // the twin: nobody watched speaks, and the actor named is only «speaker unclear»
        #expect(vetoed(.othersWords, "Вчера запрет самокатов обсуждали в думе, где была и Ветрова.").isEmpty)
    }

    // «Президент уже много раз говорил, что …», — сказала X: a bare role head in X's quote is
    // X's own country's holder of it, and holds the clause «что» opens
    @Test func aRoleHeadInAQuoteIsTheTellersCompatriot() {
        let kazakh = "«Президент уже много раз говорил, что Казахстан готов стать площадкой для переговоров», — сказала Сейтова."
        #expect(EngineFixture.triples(kazakh) == ["dana kz-venue pro", "nurlan kz-venue pro"])
        // the twin: told by the Turkish president, «президент» is himself, not Kazakhstan's
        let turkish = "«Президент уже много раз говорил, что Казахстан готов стать площадкой для переговоров», — сказал Кая."
        #expect(EngineFixture.triples(turkish) == ["emre kz-venue pro"])
    }

    // «Президент сказал, я сказал, что …»: the teller joining the saying leaves it the president's too
    @Test func aSayingTheTellerJoinsIsStillTheRoleHeads() {
        let joined = "«Президент сказал, я сказал, что Казахстан готов стать площадкой для переговоров», — сказала Сейтова."
        #expect(EngineFixture.triples(joined) == ["dana kz-venue pro", "nurlan kz-venue pro"])
        // the twin: another clause between the saying and «что» is no joined saying
        let apart = "«Президент сказал, журналисты написали, что Казахстан готов стать площадкой для переговоров», — сказала Сейтова."
        #expect(EngineFixture.triples(apart) == ["dana kz-venue pro"])
    }

    // what others urge on the speaker is their wish, not the speaker's side
    @Test func pressureOnTheSpeakerIsNoPosition() {
        let urged = "«Жители пытались убедить нас не сохранять запрет самокатов», — сказала Ветрова."
        #expect(found(urged).isEmpty)
        // the naive reading of the same words is vetoed, whatever the model's weights
        let naive = Self.engine.candidates(EngineFixture.article(urged))
        #expect(!naive.isEmpty && naive.allSatisfy { $0.vetoes.contains(.pressedOrConditional) })
        #expect(found("«Мы не будем сохранять запрет самокатов», — сказала Ветрова.") == ["vetrova scooter-ban contra"])
    }

    // a poll the actor cites is the view of the people counted: even the naive reading is vetoed
    @Test func aPollIsNoPosition() {
        let poll = "Ветрова заявила, что запрет самокатов негативно оценивают 80% жителей."
        #expect(found(poll).isEmpty)
        let naive = Self.engine.candidates(EngineFixture.article(poll))
        #expect(!naive.isEmpty && naive.allSatisfy { $0.vetoes.contains(.poll) })
        // a share after a preposition is whom a measure is for, not who judges it
        let share = Self.engine.candidates(EngineFixture.article("Ветрова заявила, что запрет самокатов нужен для 80% жителей."))
        #expect(share.allSatisfy { !$0.vetoes.contains(.poll) })
    }

    // a measure only named, under a condition, is no side of it
    @Test func aBareNamingUnderAConditionIsNoPosition() {
        let rules = { (body: String) in Self.venue.explain(EngineFixture.article(body)).filter { $0.abstention == nil }.map(\.rules) }
        let named = "Мэр Озёрска Ольга Ветрова заявила, что спартакиада пройдёт в городе"
        #expect(rules(named + ", если на неё найдутся деньги.").isEmpty)
        // a condition of need or request is an offer: readiness, read as the bare naming is
        let offer = rules(named + ", если будет потребность.")
        #expect(!offer.isEmpty && offer.allSatisfy { $0.contains(RuleName.polarityAffirmedCue.rawValue) }, "\(offer)")
        let plain = rules(named + ".")
        #expect(!plain.isEmpty && plain.allSatisfy { $0.contains(RuleName.polarityAffirmedCue.rawValue) }, "\(plain)")
    }

    // a speech verb in the infinitive is what may be said: the sentence is the one who says so
    @Test func aSpeechVerbInTheInfinitiveReportsNoSaying() {
        #expect(found("Ветрова намерена предложить отменить запрет самокатов, заявил Павел Сомов.").isEmpty)
        #expect(found("Ветрова предложила отменить запрет самокатов, заявил Павел Сомов.") == ["vetrova scooter-ban contra"])
    }

    @Test func aPlanIsAPosition() {
        #expect(found("Ветрова заявила, что город отменит запрет самокатов.") == ["vetrova scooter-ban contra"])
    }

    // 5. another speaker's words beside the actor's
    @Test func attributionEndsWhereAnotherSpeakerBegins() {
        let body = "Ветрова заявила, что запрет самокатов сохранится. Глава ассоциации прокатчиков Павел Сомов ответил, что запрет самокатов нужно отменить."
        #expect(found(body) == ["vetrova scooter-ban pro"])
    }

    // a speech verb with another subject, between the holder and the cue, hands the words over
    @Test func aLaterSpeakerInTheSentenceHoldsWhatFollows() {
        let mayor = "Ветрова заявила, что город подумает о транспорте, "
        let other = mayor + "а глава ассоциации прокатчиков Павел Сомов сказал, что запрет самокатов нужно сохранить."
        #expect(found(other).isEmpty)
        #expect(abstentions(other).contains { $0.hasSuffix("the topic lies in another speaker's words") })
        // the holder's own second verb keeps the words hers
        #expect(found(mayor + "и подчеркнула, что запрет самокатов нужно сохранить.") == ["vetrova scooter-ban pro"])
    }

    // past «но», a clause has its own subject: an actor only named before it holds nothing after it
    @Test func anActorNamedBeforeAContrastHoldsNothingPastIt() {
        let past = { (body: String) in vetoed(.pastAContrast, body) }
        let mayor = "Ветрова сказала, что Лаптев выступит позднее, "
        // the speaker holds her words; the actor only named before «но» holds nothing past it
        #expect(past(mayor + "но большинство депутатов считают, что запрет самокатов нужно сохранить.") == ["laptev"])
        #expect(past(mayor + "и Лаптев считает, что запрет самокатов нужно сохранить.").isEmpty)
    }

    // a name in the dative or accusative on every word («в интервью Павлу Сомову») is whom the
    // actor spoke to, not the subject of the verb
    @Test func theOneSpokenToIsNotTheSubject() {
        #expect(found("Ветрова в интервью Павлу Сомову заявила, что поддерживает запрет самокатов.") == ["vetrova scooter-ban pro"])
        // the near sentence: in the nominative the unwatched name is the subject, and holds it
        #expect(found("Ветрова сказала, что Павел Сомов заявил, что поддерживает запрет самокатов.").isEmpty)
    }

    // after the holder's «что», a clause whose subject is another watched actor tells of that
    // actor: the holder takes no side in it
    @Test func aClauseAboutAnotherActorIsNotTheHolders() {
        #expect(vetoed(.anotherActorsClause, "Ветрова рассчитывает, что Лаптев поддержит запрет самокатов.") == ["vetrova"])
        #expect(vetoed(.anotherActorsClause, "Ветрова рассчитывает, что город поддержит запрет самокатов.").isEmpty)
        // past «но» the cue's clause has its own subject again
        #expect(vetoed(.anotherActorsClause, "Ветрова сказала, что Лаптев выступит позднее, но город поддержит запрет самокатов.").isEmpty)
    }

    // the same for a foreign country as the clause's subject, but not in another case, and not
    // a country the topic is about
    @Test func aClauseAboutAForeignCountryIsNotTheHolders() {
        let clauseOf = { (body: String) in vetoed(.anotherActorsClause, body) }
        #expect(clauseOf("Ветрова заявила, что Франция не стремилась сохранить запрет самокатов.") == ["vetrova"])
        #expect(clauseOf("Ветрова заявила, что во Франции не стремились сохранить запрет самокатов.").isEmpty)
        #expect(clauseOf("Ветрова заявила, что город не стремился сохранить запрет самокатов.").isEmpty)
        let french = Self.mayorEngine(topics: """
            topics:
              - id: paris-ban
                label: Запрет самокатов во Франции
                cues: [запрет самокатов]
                pro: актор поддерживает запрет самокатов во Франции
                contra: актор против запрета самокатов во Франции
            """)
        #expect(vetoed(.anotherActorsClause, "Ветрова заявила, что Франция не стремилась сохранить запрет самокатов.", engine: french).isEmpty)
    }

    // an actor named right after the cue is its object or owner, not who holds the words
    @Test func anActorNamedRightAfterTheCueIsItsObject() {
        #expect(vetoed(.namedAsObject, "Лаптев раскритиковал запрет самокатов Ветровой.") == ["vetrova"])
        #expect(vetoed(.namedAsObject, "Ветрова, по словам Лаптева, поддерживает запрет самокатов.").isEmpty)
    }

    // 6. coordinated subjects both hold the words
    @Test func coordinatedSubjectsBothHoldIt() {
        #expect(found("Ветрова и Лаптев заявили, что поддерживают запрет самокатов.") == ["vetrova scooter-ban pro", "laptev scooter-ban pro"])
    }

    // 7. the act a description names decides
    @Test func theActTheDescriptionNamesDecides() {
        #expect(found("Депутат Лаптев проголосовал против запрета самокатов.") == ["laptev scooter-ban contra"])
        #expect(found("Депутат Лаптев проголосовал за запрет самокатов.") == ["laptev scooter-ban pro"])
    }

    // 8. a retold statement is dated by when it was given
    @Test func retoldStatementIsDatedWhenGiven() throws {
        let s = Self.engine.stances(in: EngineFixture.article("В интервью 12 марта 2024 года Ветрова заявила, что поддерживает запрет самокатов."))
        let only = try #require(s.first)
        #expect(s.count == 1)
        #expect(only.stated == Day(year: 2024, month: 3, day: 12)!)
    }

    // a month just ahead of the article, told with a verb of saying in the past tense, is last
    // year's (an article of 8 November: «в декабре … заявила» is December 2024); in the future
    // tense it is a plan and dates nothing
    @Test func aMonthAheadToldInThePastIsLastYears() throws {
        let day = { (body: String) in Self.engine.stances(in: EngineFixture.article(body)).first?.stated }
        #expect(day("В декабре Ветрова заявила, что поддерживает запрет самокатов.") == Day(year: 2024, month: 12, day: 1)!)
        #expect(day("В декабре Ветрова заявит, что поддерживает запрет самокатов.") == Day(year: 2025, month: 11, day: 8)!)
    }

    // a date inside the reported words (after «заявила, что», or inside the quote) is of what
    // they tell; the saying is dated by the words around them
    @Test func aDateInTheReportedWordsDoesNotDateTheSaying() throws {
        let stated = { (body: String) in Self.engine.stances(in: EngineFixture.article(body)).map(\.stated) }
        let article = Day(year: 2025, month: 11, day: 8)!
        #expect(stated("Ветрова заявила, что поддерживает запрет самокатов, введённый два года назад.") == [article])
        #expect(stated("Два года назад Ветрова заявила, что поддерживает запрет самокатов.") == [article.adding(days: -730)])
        #expect(stated("Стоит отметить, что 3 ноября Ветрова заявила, что поддерживает запрет самокатов.") == [Day(year: 2025, month: 11, day: 3)!])
        #expect(stated("«Как и в марте 2019 года, мы поддерживаем запрет самокатов», — сказала Ветрова.") == [article])
        #expect(stated("«Мы поддерживаем запрет самокатов», — сказала Ветрова 3 ноября.") == [Day(year: 2025, month: 11, day: 3)!])
    }

    /// A direction topic whose `contra` names denials the way analysts write them: a question
    /// not considered, a time not come.
    static let fares = mayorEngine(topics: """
        topics:
          - id: fare-rise
            label: Повышение платы за проезд в Озёрске
            cues: [плата за проезд, повышение платы за проезд, стоимость проезда]
            pro: актор предлагает или поддерживает повышение платы за проезд
            contra: актор говорит, что плату за проезд не будут повышать, что вопрос не рассматривается или время для этого не пришло
        """)

    // a denial the description names decides before the direction word the cue carries
    @Test func aNegatedWordOfOneDescriptionDecides() {
        let fares = { (body: String) in EngineFixture.triples("Ветрова заявила, что " + body, engine: Self.fares) }
        #expect(fares("повышение платы за проезд пока не рассматривается.") == ["vetrova fare-rise contra"])
        #expect(fares("время для повышения платы за проезд ещё не пришло.") == ["vetrova fare-rise contra"])
        // the positive twin: the direction word alone
        #expect(fares("повышение платы за проезд необходимо.") == ["vetrova fare-rise pro"])
        let rules = Self.fares.explain(EngineFixture.article("Ветрова заявила, что повышение платы за проезд не рассматривается."))
            .map(\.rules)
        #expect(rules.count == 1 && rules.allSatisfy { $0.contains(RuleName.polarityDescription.rawValue) })
    }

    // softening a measure one raises is not lowering it: «смягчение» is no direction word
    @Test func softeningAMeasureIsNoDirection() {
        let fares = { (body: String) in EngineFixture.triples(body, engine: Self.fares) }
        #expect(!fares("Ветрова объявила о смягчении повышения платы за проезд.").contains("vetrova fare-rise contra"))
        // the twin: lowering is a direction
        #expect(fares("Ветрова объявила о снижении платы за проезд.") == ["vetrova fare-rise contra"])
    }

    /// A direction topic whose `pro` repeats more cue words than its `contra`, and whose
    /// `contra` names a deferral as an example.
    static let parking = mayorEngine(topics: """
        topics:
          - id: parking-fee
            label: Повышение платы за парковку в Озёрске
            cues: [плата за парковку, парковочный сбор]
            pro: актор поддерживает повышение платы за парковку или парковочного сбора
            contra: актор против повышения платы за парковку или откладывает его (в том числе «рассмотреть после выборов»)
        """)

    // two words of one description beyond the cues, none of the other's, take its side, however
    // many cue words the other description repeats
    @Test func wordsOfOneDescriptionBeyondTheCuesDecide() {
        let parking = { (body: String) in EngineFixture.triples("Ветрова заявила, что " + body, engine: Self.parking) }
        #expect(parking("мэрия планирует рассмотреть вопрос о плате за парковку и парковочном сборе после выборов.") == ["vetrova parking-fee contra"])
        #expect(parking("мэрия планирует обсудить вопрос о плате за парковку и парковочном сборе.").allSatisfy { !$0.hasSuffix("contra") })
    }

    // a verb of direction speaks of the topic only with a word of it beside it
    @Test func aDirectionVerbOnAnotherObjectTakesNoSide() {
        let fares = { (body: String) in EngineFixture.triples("Ветрова заявила, что " + body, engine: Self.fares) }
        #expect(fares("плату за проезд нужно сократить.") == ["vetrova fare-rise contra"])
        #expect(fares("новая плата за проезд, как надеются в мэрии, должна сокращать очереди в автобусах.").isEmpty)
    }

    /// A direction topic on admission, whose cue is the ban itself.
    static let runners = mayorEngine(topics: """
        topics:
          - id: runners-return
            label: Допуск бегунов Вестии к забегам в Озёрске
            cues: [допуск, запрет, возвращение]
            pro: актор выступает за допуск или возвращение бегунов Вестии к забегам
            contra: актор выступает за сохранение отстранения бегунов Вестии
        """)

    // «запрет на участие»: a ban whose object is the topic's own admission word forbids it,
    // whatever words stand before the ban
    @Test func aBanOnTheTopicsAdmissionWordForbidsIt() {
        let runners = { (body: String) in EngineFixture.triples(body, engine: Self.runners) }
        let upheld = "Ветрова заявила, что городская спортивная ассоциация подтвердила действующий запрет на участие иностранных бегунов."
        #expect(runners(upheld) == ["vetrova runners-return contra"])
        #expect(runners("Мэр Озёрска Ольга Ветрова подтвердила допуск бегунов Вестии к забегам.") == ["vetrova runners-return pro"])
    }

    // a verb of rejection before the direction word turns its side («раскритиковала запрет»);
    // one of approval keeps it; its negation is read as any negation before the direction word
    @Test func aVerbOfRejectionBeforeTheDirectionWordTurnsIt() {
        let runners = { (body: String) in EngineFixture.triples("Мэр Озёрска Ольга Ветрова " + body, engine: Self.runners) }
        #expect(runners("раскритиковала запрет на участие бегунов Вестии в забегах.") == ["vetrova runners-return pro"])
        #expect(runners("поддержала запрет на участие бегунов Вестии в забегах.") == ["vetrova runners-return contra"])
        #expect(runners("не осудила запрет на участие бегунов Вестии в забегах.") == ["vetrova runners-return contra"])
        #expect(runners("не поддержала запрет на участие бегунов Вестии в забегах.") == ["vetrova runners-return pro"])
    }

    // a direction word read from the whole sentence may stand before the cue's clause: the
    // rejection before it is looked for up to it, not past the clause's start (a range that ran
    // backwards stopped the engine)
    @Test func aDirectionWordBeforeTheCuesClauseIsRead() {
        let body = "Мэр Озёрска Ольга Ветрова поддержала повышение платы, сказав, что плата за проезд давно не менялась."
        let read = Self.fares.candidates(EngineFixture.article(body)).filter { $0.finding.rules.contains(.polarityDirection) }
        #expect(read.map(\.finding.polarity) == [.pro])
    }

    // a judgement that holds its own negation («ничего не дал») is read: no negation is left
    // unaccounted for
    @Test func aJudgementsOwnNegationIsRead() {
        let runners = { (body: String) in EngineFixture.triples(body, engine: Self.runners) }
        #expect(runners("Ветрова заявила, что запрет на допуск бегунов Вестии ничего не дал.") == ["vetrova runners-return pro"])
        #expect(runners("Ветрова заявила, что запрет на допуск бегунов Вестии не отменят.").allSatisfy { !$0.hasSuffix("pro") })
    }

    // «к тому, чтобы …»: the words before the correlative govern the clause after it
    @Test func aCorrelativeClauseIsGovernedByTheWordsBeforeIt() {
        let fares = { (body: String) in EngineFixture.triples("Ветрова заявила, что " + body, engine: Self.fares) }
        #expect(fares("город не готов к тому, чтобы резко повысить плату за проезд.") == ["vetrova fare-rise contra"])
        #expect(fares("город готов к тому, чтобы повысить плату за проезд.") == ["vetrova fare-rise pro"])
    }

    /// A topic whose one-word cues are only words of stance (a watchlist written that way).
    static let election: StanceEngine = try! StanceEngine(watchlist: Watchlist(yaml: """
        actors:
          - id: laptev
            names: [Игорь Лаптев, Лаптев]
            roles: [депутат городской думы]
        topics:
          - id: somov-support
            label: Поддержка Павла Сомова на выборах мэра Озёрска
            cues: [поддержка, голосовать]
            pro: актор поддерживает Сомова или голосует за него
            contra: актор выступает против Сомова
        """))

    // a cue that is only a word of stance needs a name of the topic in the sentence
    @Test func aCueOfStanceAloneNeedsTheTopicsName() {
        let election = { (body: String) in EngineFixture.triples("Депутат Лаптев заявил, что " + body, engine: Self.election) }
        #expect(election("будет голосовать за Сомова.") == ["laptev somov-support pro"])
        #expect(election("не поддержит строительство стадиона, о котором спорят с выборов мэра.").isEmpty)
        #expect(election("будет голосовать за новый бюджет.").isEmpty)
        // after «за» the name must be the object, not its owner further on
        #expect(election("будет голосовать за кандидатуру Сомова.") == ["laptev somov-support pro"])
        #expect(election("будет голосовать за новый городской бюджет мэра Сомова.").isEmpty)
    }

    // the actor a topic's label names right after a word of stance is what the topic is
    // about: a sentence of theirs holds no side of it; an actor the label names as author does
    @Test func theActorATopicIsAboutHoldsNoSideOfIt() {
        let engine = try! StanceEngine(watchlist: Watchlist(yaml: """
            actors:
              - id: somov
                names: [Павел Сомов, Сомов]
              - id: laptev
                names: [Игорь Лаптев, Лаптев]
            topics:
              - id: somov-support
                label: Поддержка Павла Сомова на выборах мэра Озёрска
                cues: [поддержка, кандидат]
                pro: актор поддерживает Сомова как кандидата
                contra: актор выступает против Сомова
              - id: laptev-bill
                label: Законопроект Игоря Лаптева о парковках
                cues: [законопроект о парковках]
                pro: актор поддерживает законопроект о парковках
                contra: актор критикует законопроект о парковках
            """))
        #expect(vetoed(.namedAsObject, "Павел Сомов заявил, что останется кандидатом на выборах мэра Озёрска.", engine: engine) == ["somov"])
        #expect(EngineFixture.triples("Игорь Лаптев заявил, что поддерживает Сомова как кандидата.", engine: engine)
            == ["laptev somov-support pro"])
        #expect(vetoed(.namedAsObject, "Игорь Лаптев заявил, что внесёт законопроект о парковках.", engine: engine).isEmpty)
    }

    /// A topic whose descriptions lean on a direction by one word only («отстранения»), and its
    /// twin that leans by two.
    static func stadium(contra: String) -> StanceEngine {
        mayorEngine(topics: """
            topics:
              - id: stadium
                label: Строительство стадиона в Озёрске
                cues: [строительство стадиона, стадион]
                pro: актор поддерживает строительство стадиона
                contra: \(contra)
            """)
    }

    // a topic that leans on a direction by one word is still read as a plain one after the
    // direction rules: a bare naming or a negated cue takes its side
    @Test func aTopicLeaningByOneWordIsReadAsPlainToo() {
        let weak = Self.stadium(contra: "актор против стадиона, требует отстранения подрядчика")
        let strong = Self.stadium(contra: "актор требует запрета стадиона и отстранения подрядчика")
        let said = "Ветрова заявила, что город продолжит строительство стадиона."
        #expect(EngineFixture.triples(said, engine: weak) == ["vetrova stadium pro"])
        #expect(EngineFixture.triples("Ветрова заявила, что город не будет продолжать строительство стадиона.", engine: weak)
            == ["vetrova stadium contra"])
        #expect(EngineFixture.triples(said, engine: strong).isEmpty)
    }

    // a clause that lists more of the object before it («…, включая …») is governed by the
    // words before it: the readiness there reaches the cue
    @Test func aListedObjectIsGovernedByTheWordsBeforeIt() {
        expectVenue(.polarityReadiness,
                    in: "Ветрова заявила о готовности поддержать любые инициативы, включая проведение спартакиады.",
                    notIn: "Ветрова заявила о готовности поддержать любые инициативы, проведение спартакиады обсуждается отдельно.")
    }

    // a cue that names the contra side's own act («отставка» where `contra` says «добивается
    // его отставки») is contra when affirmed, supported or offered; the other cues are not
    @Test func aCueOfTheContraSidesActTurnsTheReadingOver() {
        let engine = try! StanceEngine(watchlist: Watchlist(yaml: """
            actors:
              - id: laptev
                names: [Игорь Лаптев, Лаптев]
            topics:
              - id: somov-support
                label: Поддержка Павла Сомова на посту мэра Озёрска
                cues: [поддержка, отставка]
                pro: актор поддерживает Сомова и его работу
                contra: актор добивается его отставки
            """))
        let said = { (body: String) in EngineFixture.triples("Депутат Лаптев заявил, что " + body, engine: engine) }
        #expect(said("поддерживает отставку Сомова.") == ["laptev somov-support contra"])
        #expect(said("готов добиваться отставки мэра Сомова.") == ["laptev somov-support contra"])
        #expect(said("поддерживает Сомова.") == ["laptev somov-support pro"])
    }

    // the owner of a proposal or call («по предложению Лаптева запретить …») holds the
    // infinitive after it, and only that; the one it is made to («предложение Лаптеву») holds nothing
    @Test func theOwnerOfAProposalHoldsTheInfinitiveAfterIt() {
        let held = { (body: String) in
            Self.engine.explain(EngineFixture.article(body)).filter { $0.actor == "laptev" && $0.abstention == nil }
                .map { "\($0.polarity.rawValue) \($0.rules.first ?? "")" }
        }
        #expect(held("Мэр Ветрова поддержала идею депутата Игоря Лаптева сохранить запрет самокатов.") == ["pro speaker.proposal"])
        #expect(held("Мэр Ветрова отправила предложение депутату Игорю Лаптеву сохранить запрет самокатов.").isEmpty)
        #expect(held("Мэр Ветрова, несмотря на идею депутата Игоря Лаптева, сохранила запрет самокатов.").isEmpty)
    }

    // a verb of saying in the present, whose stem Snowball gives apart from the past's
    // («подчеркнула» / «подчеркивает»), names its subject as the speaker
    @Test func aVerbOfSayingInThePresentNamesTheSpeaker() {
        for verb in ["подчеркивает", "объявляет", "утверждает", "уверяет"] {
            let rules = Self.engine.explain(EngineFixture.article("Ветрова \(verb), что поддерживает запрет самокатов.")).map(\.rules)
            #expect(rules.first?.first == RuleName.speakerVerbSubject.rawValue, "\(verb): \(rules)")
        }
    }

    // a one-word cue written as an acronym no place list knows («ТЭЦ») names a thing: a bare
    // naming of it is a side, as for any common word, not the no-side of a place name
    @Test func anAcronymCueIsNoPlaceName() {
        let plant = Self.mayorEngine(topics: """
            topics:
              - id: plant
                label: Строительство новой ТЭЦ в Озёрске
                cues: [ТЭЦ, строительство ТЭЦ]
                pro: актор поддерживает строительство ТЭЦ
                contra: актор против строительства ТЭЦ
            """)
        #expect(EngineFixture.triples("Ветрова заявила, что новая ТЭЦ обязательно должна появиться в городе.", engine: plant)
            == ["vetrova plant pro"])
    }

    // a judgement of undoing the measure is a judgement of the undoing: approving it takes the
    // side undoing takes, rejecting it the other
    @Test func aJudgementOfUndoingTakesTheUndoingsSide() {
        let duty = "пошлин на сыр из Норландии"
        #expect(found("Мэр Озёрска Ольга Ветрова поддерживает отмену \(duty).") == ["vetrova norland-cheese contra"])
        #expect(found("Мэр Озёрска Ольга Ветрова раскритиковала отмену \(duty).") == ["vetrova norland-cheese pro"])
        #expect(found("Мэр Озёрска Ольга Ветрова поддерживает введение \(duty).") == ["vetrova norland-cheese pro"])
    }

    // a noun of strong judgement given as a name or predicate («назвала … ошибкой») rejects
    @Test func aNounOfJudgementRejects() {
        #expect(found("Мэр Озёрска Ольга Ветрова назвала пошлины на сыр из Норландии ошибкой.") == ["vetrova norland-cheese contra"])
        #expect(found("Мэр Озёрска Ольга Ветрова назвала пошлины на сыр из Норландии шагом в правильном направлении.")
            == ["vetrova norland-cheese pro"])
    }

    /// A measure read in the turns of phrase a news text uses for it, each with its side: the
    /// undoing before or after the cue, judgements in words or phrases that hold their own
    /// negation, doubt, criticism as a noun, a copula after a dash.
    static let turnsOfPhrase: [(String, Polarity)] = [
        ("считает, что пошлины на сыр из Норландии — это ошибка.", .contra),
        ("не видит причин отменять пошлины на сыр из Норландии.", .pro),
        ("не намерена отказываться от пошлин на сыр из Норландии.", .pro),
        ("считает пошлины на сыр из Норландии ненужными.", .contra),
        ("выступила против отмены пошлин на сыр из Норландии.", .pro),
        ("добивается отмены пошлин на сыр из Норландии.", .contra),
        ("призвала отменить пошлины на сыр из Норландии.", .contra),
        ("призвала провалить голосование за пошлины на сыр из Норландии.", .contra),
        ("проголосовала за отказ от пошлин на сыр из Норландии.", .contra),
        ("выступила против отказа от пошлин на сыр из Норландии.", .pro),
        ("проголосовала против отмены пошлин на сыр из Норландии.", .pro),
        ("предложила отложить введение пошлин на сыр из Норландии.", .contra),
        ("заявила, что пошлины на сыр из Норландии вредят горожанам.", .contra),
        ("заявила, что пошлины на сыр из Норландии не будут вводить.", .contra),
        ("заявила, что не будет сохранять пошлины на сыр из Норландии.", .contra),
        ("назвала пошлины на сыр из Норландии преждевременными.", .contra),
        ("назвала пошлины на сыр из Норландии грабежом.", .contra),
        ("заблокировала решение о пошлинах на сыр из Норландии.", .contra),
        ("призвала не отменять пошлины на сыр из Норландии.", .pro),
        ("пообещала сохранить пошлины на сыр из Норландии.", .pro),
        ("считает, что пошлины на сыр из Норландии необходимо сохранить.", .pro),
        ("заявила, что пошлины на сыр из Норландии себя не оправдали.", .contra),
        ("усомнилась в необходимости пошлин на сыр из Норландии.", .contra),
        ("выступила за сохранение пошлин на сыр из Норландии.", .pro),
        ("высказалась против пошлин на сыр из Норландии.", .contra),
        ("предложила ввести пошлины на сыр из Норландии.", .pro),
        ("предложила отказаться от пошлин на сыр из Норландии.", .contra),
        ("не поддержала пошлины на сыр из Норландии.", .contra),
        ("считает пошлины на сыр из Норландии вредными для города.", .contra),
        ("считает пошлины на сыр из Норландии полезными для города.", .pro),
        ("заявила, что пошлины на сыр из Норландии нужно отменить.", .contra),
        ("заявила, что пошлины на сыр из Норландии отменять не нужно.", .pro),
        ("заявила, что пошлины на сыр из Норландии не нужны.", .contra),
        ("отказалась поддержать пошлины на сыр из Норландии.", .contra),
        ("заявила, что город сохранит пошлины на сыр из Норландии.", .pro),
        ("выступила с критикой пошлин на сыр из Норландии.", .contra),
        ("заявила, что пошлины на сыр из Норландии останутся в силе.", .pro),
        ("заявила, что пошлины на сыр из Норландии будут отменены.", .contra),
        ("заявила, что пошлины на сыр из Норландии следует отменить как можно скорее.", .contra),
    ]

    @Test(arguments: turnsOfPhrase)
    func aMeasureReadInTheTurnsOfPhraseOfTheNews(_ sentence: String, _ side: Polarity) {
        #expect(found("Мэр Озёрска Ольга Ветрова " + sentence) == ["vetrova norland-cheese \(side.rawValue)"])
    }

    /// A level read in the turns of phrase of the news, each with its side or none: a level
    /// that moves by itself («вырастет»), a rejection before the direction word («отвергла идею
    /// повышения»); a forecast («неизбежно»), compulsion («будет вынужден») and «не изменится»
    /// take no side.
    static let levelTurnsOfPhrase: [(String, Polarity?)] = [
        ("заявила, что плату за проезд необходимо повысить.", .pro),
        ("заявила, что плату за проезд повышать не будут.", .contra),
        ("выступила против повышения платы за проезд.", .contra),
        ("поддержала повышение платы за проезд.", .pro),
        ("раскритиковала повышение платы за проезд.", .contra),
        ("предложила снизить плату за проезд.", .contra),
        ("заявила, что стоимость проезда в этом году не изменится.", nil),
        ("не исключила повышения платы за проезд.", .pro),
        ("заявила, что вопрос о повышении платы за проезд не рассматривается.", .contra),
        ("назвала повышение платы за проезд ошибкой.", .contra),
        ("заявила, что повышение платы за проезд неизбежно.", nil),
        ("заявила, что повышение платы за проезд недопустимо.", .contra),
        ("пообещала, что плата за проезд не вырастет.", .contra),
        ("заявила, что плата за проезд вырастет на 10%.", .pro),
        ("призвала отказаться от повышения платы за проезд.", .contra),
        ("заявила, что время для повышения платы за проезд ещё не пришло.", .contra),
        ("заявила, что город будет вынужден повысить плату за проезд.", nil),
        ("отвергла идею повышения платы за проезд.", .contra),
    ]

    @Test(arguments: levelTurnsOfPhrase)
    func aLevelReadInTheTurnsOfPhraseOfTheNews(_ sentence: String, _ side: Polarity?) {
        let found = EngineFixture.triples("Мэр Озёрска Ольга Ветрова " + sentence, engine: Self.fares)
        #expect(found == (side.map { ["vetrova fare-rise \($0.rawValue)"] } ?? []))
    }

    /// Who holds the words, in the turns of phrase of the news: a quote and its speaker, «по
    /// словам», «как заявил», a headline's colon, a pronoun, «в отличие от», subjects joined by
    /// «и» with a role before a name («Мэр Ветрова и депутат Лаптев»), a quote its author
    /// interrupts («…, — подчеркнула Ветрова. — …»), a relative clause
    /// on another actor's name («депутату Лаптеву, который требует …», `speaker.relativeClause`),
    /// a call made to someone, a question put to someone.
    static let holdersInTurnsOfPhrase: [(String, Set<String>)] = [
        // a quote interrupted by its author
        ("«Мы считаем пошлины на сыр из Норландии необходимыми, — подчеркнула Ветрова. — Город их сохранит».",
         ["vetrova norland-cheese pro"]),
        // subjects joined by «и», a role's head before the second name
        ("Мэр Ветрова и депутат Лаптев поддержали пошлины на сыр из Норландии.",
         ["vetrova norland-cheese pro", "laptev norland-cheese pro"]),
        ("«Мы поддерживаем пошлины на сыр из Норландии», — сказала мэр Озёрска Ольга Ветрова.", ["vetrova norland-cheese pro"]),
        ("По словам Ветровой, пошлины на сыр из Норландии нужны городу.", ["vetrova norland-cheese pro"]),
        ("Ветрова ответила депутату Лаптеву, который требует отменить пошлины на сыр из Норландии.", ["laptev norland-cheese contra"]),
        ("Как заявил депутат Лаптев, пошлины на сыр из Норландии надо отменить.", ["laptev norland-cheese contra"]),
        ("«пошлины на сыр из Норландии необходимы», — заявила Ветрова.", ["vetrova norland-cheese pro"]),
        ("Ветрова: пошлины на сыр из Норландии необходимы городу", ["vetrova norland-cheese pro"]),
        ("Мэр Озёрска Ольга Ветрова выступила в думе. Она также поддержала пошлины на сыр из Норландии.", ["vetrova norland-cheese pro"]),
        ("Ветрова, в отличие от депутата Лаптева, поддерживает пошлины на сыр из Норландии.", ["vetrova norland-cheese pro"]),
        ("Депутат Лаптев раскритиковал мэра Ветрову, которая поддерживает пошлины на сыр из Норландии.", ["vetrova norland-cheese pro"]),
        ("Депутат Лаптев призвал мэра Ветрову отменить пошлины на сыр из Норландии.", ["laptev norland-cheese contra"]),
        ("Журналисты спросили Ветрову, поддерживает ли она пошлины на сыр из Норландии.", []),
        // «который» after the possessor of the measure may stand for the measure: no subject
        ("Ветрова выступила против запрета самокатов депутата Лаптева, который назвал «отличной мерой».", ["vetrova scooter-ban contra"]),
        ("Ветрова поблагодарила депутата Лаптева, который назвал запрет самокатов «отличной мерой».", ["laptev scooter-ban pro"]),
        // a pronoun whose gender is not the last subject's is the actor of its gender named last
        ("Мэр Озёрска Ольга Ветрова встретилась с депутатом Лаптевым. Он выступил против запрета самокатов.", ["laptev scooter-ban contra"]),
        ("Мэр Озёрска Ольга Ветрова встретилась с депутатом Лаптевым. Она выступила против запрета самокатов.", ["vetrova scooter-ban contra"]),
        // «Соответствующий документ подписал X»: X signs what the sentence before says
        ("Городская дума одобрила запрет самокатов. Соответствующее постановление подписала мэр Озёрска Ольга Ветрова.", ["vetrova scooter-ban pro"]),
        ("Городская дума одобрила запрет самокатов. Другое постановление подписала мэр Озёрска Ольга Ветрова.", []),
    ]

    @Test func surnamesGiveTheActorsGender() {
        let genders = Self.engine.index.actorGenders
        #expect(genders == [.feminine, .masculine])
        let words = Self.engine.lexicon.words
        #expect(WatchIndex.gender(of: ["Реджеп Тайип Эрдоган", "Эрдоган"], words) == nil)
        #expect(WatchIndex.gender(of: ["Эльвира Набиуллина"], words) == .feminine)
    }

    @Test(arguments: holdersInTurnsOfPhrase)
    func whoHoldsTheWordsInTheTurnsOfPhraseOfTheNews(_ body: String, _ stances: Set<String>) {
        #expect(found(body) == stances)
    }

    /// «Это решение», «такие меры» point back to the one measure the sentences before named: a
    /// judgement of it takes that measure's side (approval) or the other (rejection).
    static let pointingBack: [(String, Set<String>)] = [
        ("Городская дума одобрила запрет самокатов. Мэр Озёрска Ольга Ветрова назвала это решение правильным.", ["vetrova scooter-ban pro"]),
        ("Городская дума отменила запрет самокатов. Мэр Озёрска Ольга Ветрова назвала это решение правильным.", ["vetrova scooter-ban contra"]),
        ("Городская дума одобрила запрет самокатов. Мэр Озёрска Ольга Ветрова раскритиковала это решение.", ["vetrova scooter-ban contra"]),
        ("Городская дума одобрила запрет самокатов. Мэр Озёрска Ольга Ветрова приветствовала это решение.", ["vetrova scooter-ban pro"]),
        ("Городская дума отменила запрет самокатов. Мэр Озёрска Ольга Ветрова назвала это решение подарком горожанам.", ["vetrova scooter-ban contra"]),
        // a good effect of the measure approves it, a harm rejects it
        ("Городская дума одобрила запрет самокатов. Депутат Лаптев считает, что эти изменения помогут горожанам.", ["laptev scooter-ban pro"]),
        ("Депутат Лаптев заявил, что пошлины на сыр из Норландии ударят по горожанам.", ["laptev norland-cheese contra"]),
        // no determiner: which decision is not said
        ("Городская дума одобрила запрет самокатов. Мэр Озёрска Ольга Ветрова назвала решение правильным.", []),
        // two measures before: which one is not said
        ("Городская дума одобрила запрет самокатов и пошлины на сыр из Норландии. Мэр Озёрска Ольга Ветрова назвала это решение правильным.", []),
    ]

    /// Undecided, not ruling out, doubting, and a condition's own subject approving: each read
    /// for what the holder wants, or for nothing.
    static let undecidedDoubtsAndConditions: [(String, Set<String>)] = [
        ("Мэр Озёрска Ольга Ветрова пока не определилась с позицией по запрету самокатов.", []),
        ("Мэр Озёрска Ольга Ветрова выразила сомнение в необходимости пошлин на сыр из Норландии.", ["vetrova norland-cheese contra"]),
        ("Мэр Озёрска Ольга Ветрова не исключила, что пошлины на сыр из Норландии отменят.", []),
        // not ruling a measure out is no rejection of it
        ("Мэр Озёрска Ольга Ветрова не исключила введения пошлин на сыр из Норландии.", ["vetrova norland-cheese pro"]),
        ("Если дума поддержит пошлины на сыр из Норландии, мэр Озёрска Ольга Ветрова готова их ввести.", []),
        ("Мэр Озёрска Ольга Ветрова отказалась комментировать пошлины на сыр из Норландии.", []),
        ("Мэр Озёрска Ольга Ветрова и депутат Лаптев разошлись во мнениях о пошлинах на сыр из Норландии.", []),
        // a question names the measure, it takes no side
        ("«Пошлины на сыр из Норландии? Я не вижу в них смысла», — сказала Ветрова.", []),
    ]

    @Test(arguments: pointingBack + undecidedDoubtsAndConditions)
    func measuresPointedBackToDoubtsAndConditionsAreReadForWhatTheHolderWants(_ body: String, _ stances: Set<String>) {
        #expect(found(body) == stances)
    }

    /// A topic about prospects (an agreement on a bridge), read in the turns of phrase of the
    /// news: hope, disbelief, «близки», «тупик», «рано», an adverb of judging before the chances
    /// it judges («пессимистично оценила шансы»); a bare «может быть подписано» and «исключила»
    /// take no side.
    static let bridge = mayorEngine(topics: """
        topics:
          - id: bridge-deal
            label: Перспективы соглашения о строительстве моста через Озёрку в обозримом будущем
            cues: [соглашение о мосте, договорённость о мосте, строительство моста]
            pro: актор оптимистичен - соглашение о мосте возможно и достижимо в обозримом будущем
            contra: актор пессимистичен - соглашения не будет, ожидать его нереалистично
        """)

    static let prospectsTurnsOfPhrase: [(String, Polarity?)] = [
        ("заявила, что соглашение о мосте может быть подписано уже в этом году.", nil),
        ("заявила, что не верит в соглашение о мосте.", .contra),
        ("заявила, что соглашения о мосте в ближайшее время не будет.", .contra),
        ("выразила надежду на скорое соглашение о мосте.", .pro),
        ("назвала соглашение о мосте нереалистичным.", .contra),
        ("заявила, что стороны близки к соглашению о мосте.", .pro),
        ("заявила, что переговоры о соглашении о мосте зашли в тупик.", .contra),
        ("считает, что соглашение о мосте вполне достижимо.", .pro),
        ("заявила, что говорить о соглашении о мосте пока рано.", .contra),
        ("заявила, что видит прогресс в переговорах о соглашении о мосте.", .pro),
        ("пессимистично оценила шансы на соглашение о мосте.", .contra),
        ("оптимистично оценила шансы на соглашение о мосте.", .pro),
        ("заявила, что рассчитывает на соглашение о мосте до конца года.", .pro),
        ("исключила соглашение о мосте в этом году.", nil),
    ]

    @Test(arguments: prospectsTurnsOfPhrase)
    func prospectsReadInTheTurnsOfPhraseOfTheNews(_ sentence: String, _ side: Polarity?) {
        let found = EngineFixture.triples("Мэр Озёрска Ольга Ветрова " + sentence, engine: Self.bridge)
        #expect(found == (side.map { ["vetrova bridge-deal \($0.rawValue)"] } ?? []))
    }

    /// Two topics close in meaning, told apart by countries the gazetteer knows (Lithuania and
    /// Latvia, added with forty-seven other countries): by the name, its adjective, or the
    /// sentence before; neither named, neither topic.
    static let balticCheese = mayorEngine(topics: """
        topics:
          - id: lt-cheese
            label: Литва и пошлины на сыр
            cues: [пошлины на сыр, сырные пошлины]
            pro: актор вводит или сохраняет пошлины на сыр из Литвы
            contra: актор отменяет пошлины на сыр из Литвы или голосует против них
          - id: lv-cheese
            label: Латвия и пошлины на сыр
            cues: [пошлины на сыр, сырные пошлины]
            pro: актор вводит или сохраняет пошлины на сыр из Латвии
            contra: актор отменяет пошлины на сыр из Латвии или голосует против них
        """)

    static let closeTopicsByCountry: [(String, Set<String>)] = [
        ("Мэр Озёрска Ольга Ветрова поддерживает пошлины на сыр из Литвы.", ["vetrova lt-cheese pro"]),
        ("Мэр Озёрска Ольга Ветрова поддерживает пошлины на сыр.", []),
        ("Мэр Озёрска Ольга Ветрова поддерживает пошлины на литовский сыр.", ["vetrova lt-cheese pro"]),
        ("В думе обсуждали сыр из Латвии.\n\nМэр Озёрска Ольга Ветрова заявила, что поддерживает пошлины на сыр.",
         ["vetrova lv-cheese pro"]),
        ("Мэр Озёрска Ольга Ветрова выступила против пошлин на латвийский сыр.", ["vetrova lv-cheese contra"]),
        // a topic of the shared cue named only past «но не» / «а не» takes the other side
        ("Мэр Озёрска Ольга Ветрова поддерживает пошлины на сыр из Литвы, но не на сыр из Латвии.",
         ["vetrova lt-cheese pro", "vetrova lv-cheese contra"]),
        ("Мэр Озёрска Ольга Ветрова поддерживает пошлины на сыр из Литвы и Латвии.", ["vetrova lt-cheese pro", "vetrova lv-cheese pro"]),
    ]

    @Test(arguments: closeTopicsByCountry)
    func closeTopicsAreToldApartByTheirCountry(_ body: String, _ stances: Set<String>) {
        #expect(EngineFixture.triples(body, engine: Self.balticCheese) == stances)
    }

    /// Forecasts, pressure, questions and other people's words in the turns of phrase of the
    /// news: none is the speaker's side («рано или поздно …», «могут вынудить», «эксперты
    /// прогнозируют», «её просили», «ответила на вопрос журналистов о …», a letter of another
    /// actor «с требованием …», which is theirs; another speaker's reply is theirs).
    static let notTheSpeakersSide: [(String, Set<String>)] = [
        // what is promised or threatened under a condition on another's act
        ("Мэр Озёрска Ольга Ветрова заявила, что если Норландия снизит цены, то пошлины на сыр из Норландии отменят.", []),
        ("Мэр Озёрска Ольга Ветрова готова отменить пошлины на сыр из Норландии, если Норландия снизит цены.", []),
        ("Мэр Озёрска Ольга Ветрова заявила, что рано или поздно пошлины на сыр из Норландии отменят.", []),
        ("Мэр Озёрска Ольга Ветрова заявила, что город могут вынудить ввести пошлины на сыр из Норландии.", []),
        ("Мэр Озёрска Ольга Ветрова заявила, что эксперты прогнозируют отмену пошлин на сыр из Норландии.", []),
        ("Мэр Озёрска Ольга Ветрова получила письмо депутата Лаптева с требованием отменить пошлины на сыр из Норландии.", ["laptev norland-cheese contra"]),
        ("Мэр Озёрска Ольга Ветрова заявила, что не знает, будут ли пошлины на сыр из Норландии отменены.", []),
        ("Мэр Озёрска Ольга Ветрова заявила, что решение по пошлин на сыр из Норландии пока не принято.", []),
        ("Мэр Озёрска Ольга Ветрова заявила, что поддерживает пошлины на сыр из Норландии. Депутат Лаптев ответил, что пошлины на сыр из Норландии нужно отменить.", ["laptev norland-cheese contra", "vetrova norland-cheese pro"]),
        ("Мэр Озёрска Ольга Ветрова заявила, что её просили отменить пошлины на сыр из Норландии.", []),
        ("Мэр Озёрска Ольга Ветрова ответила на вопрос журналистов о пошлин на сыр из Норландии.", []),
        ("Мэр Озёрска Ольга Ветрова опровергла сообщения о том, что поддерживает пошлины на сыр из Норландии.", []),
    ]

    @Test(arguments: notTheSpeakersSide)
    func forecastsPressureQuestionsAndOthersWordsAreNotTheSpeakers(_ body: String, _ stances: Set<String>) {
        #expect(found(body) == stances)
    }

    // every stance carries its confidence, above the model's threshold
    @Test func stancesCarryTheirConfidence() throws {
        let s = Self.engine.stances(in: EngineFixture.article("Ветрова заявила, что поддерживает запрет самокатов."))
        let c = try #require(s.first?.confidence)
        #expect(c >= Self.engine.model.threshold && c <= 1)
    }
}
