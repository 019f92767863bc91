import Corpus
import Testing

/// The watchlist lint on invented watchlists about subjects no corpus uses (fishing quotas,
/// parking, fireworks, beekeeping, school uniforms): each check fires on its fault and stays
/// quiet on the same watchlist with the fault mended.
struct WatchlistLintTests {
    static let lint = Result { try WatchlistLint() }

    /// The warnings for a watchlist written as YAML.
    func warnings(_ yaml: String) throws -> [WatchlistWarning] {
        try Self.lint.get().warnings(try Watchlist(yaml: yaml))
    }

    func checks(_ ws: [WatchlistWarning], _ check: WatchlistWarning.Check) -> [WatchlistWarning] {
        ws.filter { $0.check == check }
    }

    /// Two ministers and two topics; `topics` replaces the topics.
    func list(topics: String, actors: String? = nil) -> String {
        """
        actors:
        \(actors ?? """
          - id: harstad
            names: [Ингрид Харстад, Харстад]
            roles: [министр рыболовства Норвегии]
          - id: olafsson
            names: [Гуннар Олафссон, Олафссон]
            roles: [министр рыболовства Исландии]
        """)
        topics:
        \(topics)
        """
    }

    static let uniform = """
          - id: school-uniform
            label: Обязательная школьная форма
            cues: [школьная форма, единая форма для учеников]
            pro: актор выступает за обязательную школьную форму
            contra: актор против обязательной школьной формы
        """
    static let runway = """
          - id: runway
            label: Строительство третьей взлётной полосы аэропорта Тромсё
            cues: [взлётная полоса, расширение аэропорта]
            pro: актор поддерживает строительство полосы
            contra: актор требует отказаться от строительства полосы
        """

    @Test func aWatchlistWithDistinctTopicsAndActorsIsClean() throws {
        let ws = try warnings(list(topics: Self.uniform + "\n" + Self.runway))
        #expect(ws.isEmpty, "\(ws)")
    }

    // MARK: cues

    static func quota(_ id: String, country: String, cues: String) -> String {
        """
          - id: \(id)
            label: Квота \(country) на вылов скумбрии
            cues: [\(cues)]
            pro: актор выступает за увеличение квоты \(country) на вылов скумбрии
            contra: актор выступает за сокращение квоты \(country)
        """
    }

    @Test func aCueOfTwoTopicsIsSharedAndTheSuggestionNamesWhatEachHasOfItsOwn() throws {
        let ws = try warnings(list(topics: Self.quota("quota-no", country: "Норвегии", cues: "квота на скумбрию, Норвегия")
                                   + "\n" + Self.quota("quota-is", country: "Исландии", cues: "квота на скумбрию, скумбриевая квота")))
        let shared = checks(ws, .sharedCue)
        #expect(shared.count == 1, "\(ws)")
        #expect(shared.first?.topics == ["quota-no", "quota-is"])
        #expect(shared.first?.message.contains("«квота на скумбрию»") == true)
        // quota-no already has a cue of its own; quota-is must get «Исландии»
        #expect(shared.first?.suggestion.contains("quota-no already has a cue of its own («Норвегия»)") == true, "\(shared)")
        #expect(shared.first?.suggestion.contains("add «Исландии»") == true, "\(shared)")
    }

    @Test func cuesWithDifferentWordsAreNotShared() throws {
        let ws = try warnings(list(topics: Self.quota("quota-no", country: "Норвегии", cues: "норвежская квота")
                                   + "\n" + Self.quota("quota-is", country: "Исландии", cues: "исландская квота")))
        #expect(checks(ws, .sharedCue).isEmpty, "\(ws)")
        #expect(checks(ws, .nestedCue).isEmpty, "\(ws)")
    }

    static func parking(_ id: String, place: String, cue: String) -> String {
        """
          - id: \(id)
            label: Платная парковка \(place)
            cues: [\(cue)]
            pro: актор за введение платной парковки \(place)
            contra: актор против платной парковки \(place)
        """
    }

    @Test func aCueInsideAnotherTopicsCueIsNested() throws {
        let ws = try warnings(list(topics: Self.parking("parking-centre", place: "в центре", cue: "платная парковка")
                                   + "\n" + Self.parking("parking-station", place: "у вокзала", cue: "платная парковка у вокзала")))
        let nested = checks(ws, .nestedCue)
        #expect(nested.count == 1, "\(ws)")
        #expect(nested.first?.topics == ["parking-centre", "parking-station"])
        #expect(nested.first?.suggestion.contains("«центре»") == true, "\(nested)")
    }

    @Test func twoCuesWithDifferentEndsAreNotNested() throws {
        let ws = try warnings(list(topics: Self.parking("parking-centre", place: "в центре", cue: "платная парковка в центре")
                                   + "\n" + Self.parking("parking-station", place: "у вокзала", cue: "платная парковка у вокзала")))
        #expect(checks(ws, .nestedCue).isEmpty, "\(ws)")
    }

    static func bees(cues: String) -> String {
        """
          - id: bee-subsidy
            label: Субсидии пчеловодам
            cues: [\(cues)]
            pro: актор за субсидии пчеловодам
            contra: актор против субсидий пчеловодам
        """
    }

    @Test func aCueOfStopWordsOnlyIsFlaggedAndOneWithASubjectIsNot() throws {
        let bad = try warnings(list(topics: Self.bees(cues: "пасека, это")))
        #expect(checks(bad, .stopwordCue).map(\.place.item) == ["это"], "\(bad)")
        let good = try warnings(list(topics: Self.bees(cues: "пасека, эта пасека")))
        #expect(checks(good, .stopwordCue).isEmpty, "\(good)")
    }

    @Test func aCueThatNamesOnlyAnActIsGenericAndOneWithItsSubjectIsNot() throws {
        let bad = try warnings(list(topics: Self.bees(cues: "пасека, поддержать")))
        let generic = checks(bad, .genericCue)
        #expect(generic.map(\.place.item) == ["поддержать"], "\(bad)")
        #expect(generic.first?.suggestion.contains("«Субсидии»") == true, "\(generic)")
        let good = try warnings(list(topics: Self.bees(cues: "пасека, поддержать пчеловодов")))
        #expect(checks(good, .genericCue).isEmpty, "\(good)")
    }

    @Test func aCueListedTwiceInAnotherFormIsADuplicate() throws {
        let bad = try warnings(list(topics: Self.bees(cues: "пчеловод, пчеловоды")))
        #expect(checks(bad, .duplicateCue).map(\.place.item) == ["пчеловоды"], "\(bad)")
        let good = try warnings(list(topics: Self.bees(cues: "пчеловод, пасека")))
        #expect(checks(good, .duplicateCue).isEmpty, "\(good)")
    }

    @Test func aCueHoldingAnActorsNameIsFlagged() throws {
        let bad = try warnings(list(topics: Self.bees(cues: "пасека, план Харстад")))
        let named = checks(bad, .cueNamesActor)
        #expect(named.map(\.actors) == [["harstad"]], "\(bad)")
        let good = try warnings(list(topics: Self.bees(cues: "пасека, план министерства")))
        #expect(checks(good, .cueNamesActor).isEmpty, "\(good)")
    }

    // MARK: topics

    @Test func neighbouringTopicsWithoutACueOfTheirOwnAreClose() throws {
        let bad = try warnings(list(topics: Self.quota("quota-no", country: "Норвегии", cues: "квота на вылов")
                                    + "\n" + Self.quota("quota-is", country: "Исландии", cues: "квота на вылов")))
        let close = checks(bad, .closeTopics)
        #expect(close.map(\.topics) == [["quota-no", "quota-is"], ["quota-is", "quota-no"]], "\(bad)")
        #expect(close.first?.suggestion.contains("add «Норвегии» to quota-no's cues") == true, "\(close)")
        let good = try warnings(list(topics: Self.quota("quota-no", country: "Норвегии", cues: "квота на вылов, Норвегия")
                                     + "\n" + Self.quota("quota-is", country: "Исландии", cues: "квота на вылов, Исландия")))
        #expect(checks(good, .closeTopics).isEmpty, "\(good)")
        #expect(checks(good, .sharedCue).count == 1, "the shared cue is still shared: \(good)")
    }

    static func fireworks(_ id: String, whom: String) -> String {
        """
          - id: \(id)
            label: Запрет продажи пиротехники\(whom)
            cues: [пиротехника, петарды]
            pro: актор за запрет продажи пиротехники\(whom)
            contra: актор против запрета продажи пиротехники\(whom)
        """
    }

    @Test func aTopicThatSaysNothingItsNeighbourDoesNotIsIndistinct() throws {
        let bad = try warnings(list(topics: Self.fireworks("fireworks", whom: "") + "\n" + Self.fireworks("fireworks-minors", whom: " детям")))
        let same = checks(bad, .indistinctTopics)
        #expect(same.map(\.topics) == [["fireworks", "fireworks-minors"]], "\(bad)")
        #expect(same.first?.suggestion.contains("«детям»") == true, "\(same)")
        let good = try warnings(list(topics: Self.fireworks("fireworks-adults", whom: " взрослым") + "\n" + Self.fireworks("fireworks-minors", whom: " детям")))
        #expect(checks(good, .indistinctTopics).isEmpty, "\(good)")
    }

    static func hunting(contra: String) -> String {
        """
          - id: hunting-season
            label: Продление сезона охоты на гусей
            cues: [сезон охоты]
            pro: актор поддерживает продление сезона охоты
            contra: \(contra)
        """
    }

    @Test func proAndContraWithTheSameWordsAreFlaggedAndANegatedContraIsNot() throws {
        let bad = try warnings(list(topics: Self.hunting(contra: "продление сезона охоты актор поддерживает")))
        #expect(checks(bad, .sameSides).map(\.topics) == [["hunting-season"]], "\(bad)")
        // the suggestion's examples are the `contraExample:` lines of lint.txt
        #expect(checks(bad, .sameSides).first?.suggestion.hasSuffix("(e.g. «не поддерживает …», «отменить …», «против …»)") == true)
        let good = try warnings(list(topics: Self.hunting(contra: "актор не поддерживает продление сезона охоты")))
        #expect(checks(good, .sameSides).isEmpty, "\(good)")
    }

    // MARK: actors

    @Test func anActorWithoutNamesIsFlagged() throws {
        let lint = try Self.lint.get()
        let topic = Watchlist.Topic(id: "bee-subsidy", label: "Субсидии пчеловодам", cues: ["пасека"],
                                    pro: "актор за субсидии", contra: "актор против субсидий")
        let bad = lint.warnings(Watchlist(actors: [.init(id: "beekeepers", names: [], roles: ["союз пчеловодов Тромсё"])], topics: [topic]))
        #expect(checks(bad, .noNames).map(\.actors) == [["beekeepers"]], "\(bad)")
        let good = lint.warnings(Watchlist(actors: [.init(id: "beekeepers", names: ["Союз пчеловодов"], roles: [])], topics: [topic]))
        #expect(checks(good, .noNames).isEmpty, "\(good)")
    }

    static func ministers(_ a: String, _ b: String, roleA: String = "министр рыболовства Норвегии",
                          roleB: String = "министр рыболовства Исландии") -> String {
        """
          - id: harstad
            names: [\(a)]
            roles: [\(roleA)]
          - id: olafsson
            names: [\(b)]
            roles: [\(roleB)]
        """
    }

    @Test func aNameOfTwoActorsOrInsideAnothersIsShared() throws {
        let same = try warnings(list(topics: Self.uniform, actors: Self.ministers("Олафссон", "Гуннар Олафссон, Олафссон")))
        #expect(checks(same, .sharedName).map(\.actors) == [["harstad", "olafsson"]], "\(same)")
        let inside = try warnings(list(topics: Self.uniform, actors: Self.ministers("Олафссон", "Гуннар Олафссон")))
        #expect(checks(inside, .sharedName).map(\.actors) == [["harstad", "olafsson"]], "\(inside)")
        let apart = try warnings(list(topics: Self.uniform, actors: Self.ministers("Эйрик Олафссон", "Гуннар Олафссон")))
        #expect(checks(apart, .sharedName).isEmpty, "\(apart)")
    }

    @Test func aRoleOfTwoActorsIsSharedUnlessEachSaysWhose() throws {
        let bad = try warnings(list(topics: Self.uniform, actors: Self.ministers("Харстад", "Олафссон",
                                                                               roleA: "министр рыболовства", roleB: "министр рыболовства")))
        #expect(checks(bad, .sharedRole).map(\.actors) == [["harstad", "olafsson"]], "\(bad)")
        let good = try warnings(list(topics: Self.uniform, actors: Self.ministers("Харстад", "Олафссон")))
        #expect(checks(good, .sharedRole).isEmpty, "\(good)")
    }

    @Test func aRoleThatIsOnlyATitleIsBareAndOneThatSaysWhoseIsNot() throws {
        let bad = try warnings(list(topics: Self.uniform, actors: Self.ministers("Харстад", "Олафссон",
                                                                               roleA: "председатель правительства, министр рыболовства Норвегии")))
        let bare = checks(bad, .bareRole)
        #expect(bare.map(\.place.item) == ["председатель правительства"], "\(bad)")
        #expect(bare.first?.suggestion.contains("«министр рыболовства Норвегии»") == true, "\(bare)")
        let good = try warnings(list(topics: Self.uniform, actors: Self.ministers("Харстад", "Олафссон",
                                                                                roleA: "председатель правительства Норвегии")))
        #expect(checks(good, .bareRole).isEmpty, "\(good)")
    }

    // MARK: lines

    @Test func warningsPointAtTheLineOfTheirEntry() throws {
        let yaml = list(topics: Self.bees(cues: "пасека, это"))
        let ws = try warnings(yaml)
        let w = try #require(checks(ws, .stopwordCue).first)
        let line = try #require(WatchlistLines(yaml: yaml).line(of: w.place))
        let text = yaml.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        #expect(text.contains("cues: [пасека, это]"), "line \(line): \(text)")
        let actor = try #require(WatchlistLines(yaml: yaml).line(of: .init(.actor, "olafsson")))
        #expect(yaml.split(separator: "\n", omittingEmptySubsequences: false)[actor - 1].contains("id: olafsson"))
    }
}
