import Alerts
import Corpus
import TestFixtures
import Testing

struct AlertRulesTests {
    @Test func seedsRaiseExactlyTheGoldShiftAndDivergence() throws {
        // Given the seeds' gold stances in arrival order 000 002 001 003 004
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        var byArticle: [String: [String]] = [:]
        for article in Scenarios.seeds {
            // When each article arrives
            let alerts = try replay.arrive(article.stances)
            byArticle[article.stances[0].article] = alerts.map(\.summary)
        }
        // Then: the divergence at 001 against Sarym's later-arrived 22 Sept stance, the shift at 003
        #expect(byArticle[Scenarios.a000] == [])  // trap: Tokayev's January contra is 264 days from Sarym
        #expect(byArticle[Scenarios.a002] == [])
        #expect(byArticle[Scenarios.a001] == ["divergence tokayev kz-mediator pro>contra \(Scenarios.a001) sarym"])
        #expect(byArticle[Scenarios.a003] == ["shift tokayev settlement-prospects contra>pro \(Scenarios.a003) -"])
        #expect(byArticle[Scenarios.a004] == [])  // trap: no shift, the disagreement is still open
    }

    @Test func seedAlertsCarryTheirPriorEvidence() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        var all: [Alert] = []
        for article in Scenarios.seeds { all += try replay.arrive(article.stances) }
        let divergence = try #require(all.first { $0.kind == .divergence })
        #expect(divergence.priorArticle == Scenarios.a002)  // same date as 000's: the later arrival counts
        #expect(divergence.priorDate == Day(iso: "2025-09-22"))
        #expect(divergence.date == Day(iso: "2025-09-24"))
        let shift = try #require(all.first { $0.kind == .shift })
        #expect(shift.priorArticle == Scenarios.a001)
        #expect(shift.priorDate == Day(iso: "2025-09-24"))
        #expect(shift.evidence.contains("прекращение огня"))
        #expect(shift.message.contains("tokayev") && shift.message.contains("2025-09-24")
                && shift.message.contains("2025-11-08") && shift.message.contains(Scenarios.a003))
    }

    @Test func dev2DisagreementClosesAndOpensAgain() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.dev2Watchlist))
        var summaries: [String] = []
        for article in Scenarios.dev2 { summaries += try replay.arrive(article).map(\.summary) }
        #expect(summaries == Scenarios.dev2Gold)
    }

    @Test func lateOldStatementIsComparedWithItsDateNeighbour() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("a", "tokayev", "kz-venue", .pro, "2025-01-01")])
        let shift = try replay.arrive([stance("b", "tokayev", "kz-venue", .contra, "2025-06-01")])
        #expect(shift.map(\.summary) == ["shift tokayev kz-venue pro>contra b -"])
        // An old pro arriving late agrees with its predecessor by date: no shift back.
        #expect(try replay.arrive([stance("c", "tokayev", "kz-venue", .pro, "2025-03-01")]).isEmpty)
        // An old statement with no predecessor by date raises nothing either.
        #expect(try replay.arrive([stance("d", "tokayev", "kz-venue", .contra, "2024-01-01")]).isEmpty)
        // One that differs from its date predecessor is a shift from that predecessor.
        let late = try replay.arrive([stance("e", "tokayev", "kz-venue", .contra, "2025-02-01")])
        #expect(late.map(\.summary) == ["shift tokayev kz-venue pro>contra e -"])
        #expect(late.first?.priorArticle == "a")
    }

    @Test func aWeakStanceAgainstTheRecordIsDroppedAndAStrongOneShifts() throws {
        // Given a pro on record for an invented actor and topic
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        let first = stance("a", "tokayev", "kz-venue", .pro, "2025-01-01", confidence: 0.99)
        _ = try replay.arrive([first])
        // When a contra arrives with less confidence than a shift needs: no alert, not recorded
        let weak = stance("b", "tokayev", "kz-venue", .contra, "2025-02-01", confidence: AlertRules.shiftConfidence - 0.01)
        #expect(try replay.arrive([weak]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "a")
        // a weak stance that agrees with the record stands
        let agreeing = stance("c", "tokayev", "kz-venue", .pro, "2025-03-01", confidence: AlertRules.shiftConfidence - 0.01)
        #expect(try replay.arrive([agreeing]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "c")
        // Then a confident contra is a shift, and so is one without a confidence (older records)
        let strong = stance("d", "tokayev", "kz-venue", .contra, "2025-04-01", confidence: AlertRules.shiftConfidence)
        #expect(try replay.arrive([strong]).map(\.summary) == ["shift tokayev kz-venue pro>contra d -"])
        #expect(try replay.arrive([stance("e", "tokayev", "kz-venue", .pro, "2025-05-01")]).map(\.summary)
                == ["shift tokayev kz-venue contra>pro e -"])
    }

    @Test func aConfidentReversalWithinTwoWeeksIsDroppedAndALaterOneShifts() throws {
        // Given a read pro on record
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        let first = stance("a", "tokayev", "kz-venue", .pro, "2025-06-01", confidence: 0.9)
        _ = try replay.arrive([first])
        // When a confident contra is stated fewer than reversalDays later: no alert, not recorded
        let soon = stance("b", "tokayev", "kz-venue", .contra, "2025-06-10", confidence: 0.95)
        #expect(try replay.arrive([soon]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "a")
        // a stance without a confidence (an older record) still shifts at once
        #expect(try replay.arrive([stance("c", "tokayev", "kz-venue", .contra, "2025-06-02")]).map(\.summary)
                == ["shift tokayev kz-venue pro>contra c -"])
        // Then a confident pro reversing it reversalDays later is a shift
        let later = stance("d", "tokayev", "kz-venue", .pro, "2025-06-16", confidence: 0.95)
        #expect(try replay.arrive([later]).map(\.summary) == ["shift tokayev kz-venue contra>pro d -"])
    }

    @Test func aSideOnlyImpliedDoesNotTurnTheRecordRound() throws {
        // Given a read pro on record
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("a", "tokayev", "kz-venue", .pro, "2025-01-01", confidence: 0.9)])
        // When a confident contra read from a bare naming of the topic arrives: no alert, not recorded
        var implied = stance("b", "tokayev", "kz-venue", .contra, "2025-03-01", confidence: 0.95)
        implied.rules = ["speaker.verbSubject", "topic.cue", "polarity.affirmedCue", "date.article"]
        #expect(implied.sideIsOnlyImplied)
        #expect(try replay.arrive([implied]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "a")
        // one that agrees with the record stands
        var agreeing = implied
        (agreeing.article, agreeing.polarity, agreeing.stated) = ("c", .pro, Day(iso: "2025-04-01")!)
        #expect(try replay.arrive([agreeing]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "c")
        // Then the same contra read from words that take a side is a shift
        var read = implied
        (read.article, read.stated) = ("d", Day(iso: "2025-05-01")!)
        read.rules = ["speaker.verbSubject", "topic.cue", "polarity.negatedCue", "date.article"]
        #expect(try replay.arrive([read]).map(\.summary) == ["shift tokayev kz-venue pro>contra d -"])
    }

    @Test func aSideOnlyImpliedOpensNoDivergence() throws {
        // Given Sarym's read contra on record (Tokayev's groupmate)
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("a", "sarym", "kz-mediator", .contra, "2025-01-01", confidence: 0.9)])
        // When Tokayev's pro arrives read only from a bare naming of the topic: no divergence
        var implied = stance("b", "tokayev", "kz-mediator", .pro, "2025-01-05", confidence: 0.95)
        implied.rules = ["speaker.verbSubject", "topic.cue", Stance.impliedSideRule, "date.article"]
        #expect(try replay.arrive([implied]).isEmpty)
        // Then the same pro read from words that take a side opens it
        var read = implied
        (read.article, read.stated) = ("c", Day(iso: "2025-01-06")!)
        read.rules = ["speaker.verbSubject", "topic.cue", "polarity.evaluation", "date.article"]
        #expect(try replay.arrive([read]).map(\.summary) == ["divergence tokayev kz-mediator contra>pro c sarym"])
    }

    @Test func aShiftTurnsFromTheLatestSideReadFromWords() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        // Given only an implied pro on record (the actor's first stance on the topic)
        var implied = stance("a", "tokayev", "kz-venue", .pro, "2025-01-01", confidence: 0.9)
        implied.rules = ["speaker.verbSubject", "topic.cue", Stance.impliedSideRule, "date.article"]
        #expect(try replay.arrive([implied]).isEmpty)
        // When a contra read from words arrives: no shift, and it is recorded
        let read = stance("b", "tokayev", "kz-venue", .contra, "2025-03-01", confidence: 0.9)
        #expect(try replay.arrive([read]).isEmpty)
        #expect(try replay.history.latestStated(actor: "tokayev", topic: "kz-venue")?.stance.article == "b")
        // Then a read pro turns from that contra
        let back = stance("c", "tokayev", "kz-venue", .pro, "2025-05-01", confidence: 0.9)
        #expect(try replay.arrive([back]).map(\.summary) == ["shift tokayev kz-venue contra>pro c -"])
    }

    @Test func aLateReportOfAKnownChangeIsNoShift() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("a", "tokayev", "kz-venue", .contra, "2023-09-27")])
        #expect(try replay.arrive([stance("b", "tokayev", "kz-venue", .pro, "2024-01-24")]).map(\.summary)
                == ["shift tokayev kz-venue contra>pro b -"])
        // a later article retells that the pro was said earlier, in January: the change is known
        #expect(try replay.arrive([stance("c", "tokayev", "kz-venue", .pro, "2024-01-01")]).isEmpty)
        // a late report that the record does not hold yet is a shift
        #expect(try replay.arrive([stance("d", "tokayev", "kz-venue", .contra, "2024-03-01")]).map(\.summary)
                == ["shift tokayev kz-venue pro>contra d -"])
    }

    @Test func earlierStanceOfTheSameArticleCounts() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        let alerts = try replay.arrive([
            stance("x", "tokayev", "settlement-prospects", .contra, "2025-09-01"),
            stance("x", "tokayev", "settlement-prospects", .pro, "2025-11-08"),
        ])
        #expect(alerts.map(\.summary) == ["shift tokayev settlement-prospects contra>pro x -"])
    }

    @Test func sameDateTiesGoToTheLaterArrival() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("a", "sarym", "kz-venue", .pro, "2025-05-05")])
        #expect(try replay.arrive([stance("b", "sarym", "kz-venue", .contra, "2025-05-05")]).map(\.summary)
                == ["shift sarym kz-venue pro>contra b -"])
        let back = try replay.arrive([stance("c", "sarym", "kz-venue", .pro, "2025-05-05")])
        #expect(back.map(\.summary) == ["shift sarym kz-venue contra>pro c -"])
        #expect(back.first?.priorArticle == "b")
    }

    @Test func nearestTieBetweenEarlierAndLaterDateGoesToTheLaterArrival() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try replay.arrive([stance("after", "sarym", "kz-mediator", .contra, "2025-03-11")])
        _ = try replay.arrive([stance("before", "sarym", "kz-mediator", .pro, "2025-03-01")])
        // Tokayev on 03-06 is 5 days from both; "before" arrived later, and it agrees: no divergence.
        #expect(try replay.arrive([stance("t", "tokayev", "kz-mediator", .pro, "2025-03-06")]).isEmpty)
        // Swap the arrival order and the nearest becomes the contra: divergence.
        let other = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        _ = try other.arrive([stance("before", "sarym", "kz-mediator", .pro, "2025-03-01")])
        _ = try other.arrive([stance("after", "sarym", "kz-mediator", .contra, "2025-03-11")])
        #expect(try other.arrive([stance("t", "tokayev", "kz-mediator", .pro, "2025-03-06")]).map(\.summary)
                == ["divergence tokayev kz-mediator contra>pro t sarym"])
    }

    @Test(arguments: [(90, true), (91, false)])
    func divergenceWindowIsInclusive(days: Int, raises: Bool) throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist))
        let start = try #require(Day(iso: "2025-01-01"))
        _ = try replay.arrive([stance("a", "sarym", "kz-mediator", .pro, start.description)])
        let alerts = try replay.arrive([stance("b", "tokayev", "kz-mediator", .contra,
                                               start.adding(days: days).description)])
        #expect(alerts.count == (raises ? 1 : 0))
    }

    @Test func divergenceWindowIsConfigurable() throws {
        let replay = RuleReplay(rules: AlertRules(watchlist: Scenarios.seedWatchlist, divergenceWindowDays: 300))
        _ = try replay.arrive([stance("a", "sarym", "kz-mediator", .pro, "2025-09-22")])
        // Seed 000's January contra is 264 days away: inside a 300-day window.
        #expect(try replay.arrive([stance("b", "tokayev", "kz-mediator", .contra, "2025-01-01")]).count == 1)
    }

    @Test func actorsWithoutAGroupNeverDiverge() throws {
        let watchlist = Watchlist(actors: [.init(id: "a", names: ["A"]), .init(id: "b", names: ["B"])],
                                  topics: [.init(id: "t", label: "t", cues: ["t"], pro: "p", contra: "c")])
        let replay = RuleReplay(rules: AlertRules(watchlist: watchlist))
        _ = try replay.arrive([stance("1", "a", "t", .pro, "2025-01-01")])
        #expect(try replay.arrive([stance("2", "b", "t", .contra, "2025-01-02")]).isEmpty)
    }
}
