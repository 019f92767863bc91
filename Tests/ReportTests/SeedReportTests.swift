/// The report of the seeds (replayed by the real binary in the gold order) holds every stance
/// and alert of the store, links each to its evidence, and references nothing outside itself.
import Alerts
import Corpus
import Foundation
import Report
import Store
import TestFixtures
import Testing

struct SeedReportTests {
    @Test func theSeedReportHoldsEveryStanceAndAlertOfTheStoreWithTheirEvidence() throws {
        // Given the seeds replayed into a fresh state
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let store = try StanceStore.openForReading(directory: state)
        let stances = try store.reportStances()
        let alerts = try store.reportAlerts()
        #expect(stances.count == (try store.allStances()).count)
        #expect(!alerts.isEmpty)

        // When `stancewatch report` writes the page
        let page = folder.file("report.html")
        let run = try stancewatch(["report", "--state", state, "--watchlist", RepoFiles.watchlist, "--out", page], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(stances.count) stances"))
        let html = try String(contentsOfFile: page, encoding: .utf8)

        // Then every stance has its evidence entry (anchor, article, stated date, rules, sentence)
        // and a mark linking to it,
        for s in stances {
            #expect(html.contains("id=\"s-\(s.id)\""), "stance \(s.id) has no evidence entry")
            #expect(html.contains("href=\"#s-\(s.id)\""), "stance \(s.id) has no mark linking to it")
            #expect(html.contains(HTMLText.content(s.stance.evidence).replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")), "the evidence of stance \(s.id) is missing")
            #expect(html.contains(s.stance.article))
            for rule in s.stance.rules { #expect(html.contains(rule)) }
            // with the engine's confidence, which every stance the seeds give now carries
            let confidence = try #require(s.stance.confidence, "stance \(s.id) was stored without a confidence")
            #expect(html.contains("confidence \(Int((confidence * 100).rounded()))%"))
        }
        // every alert has its row in its kind's section and a drawn link to it,
        for a in alerts {
            let anchor = HTMLText.alertAnchor(a.alert.id)
            #expect(html.contains("id=\"\(anchor)\""), "alert \(a.alert.id) has no row")
            #expect(html.contains("href=\"#\(anchor)\""), "alert \(a.alert.id) is not drawn")
        }
        let shiftSection = try #require(html.range(of: "id=\"alerts-shift\""))
        let divergenceSection = try #require(html.range(of: "id=\"alerts-divergence\""))
        for a in alerts {
            let row = try #require(html.range(of: "id=\"\(HTMLText.alertAnchor(a.alert.id))\""))
            let inShifts = row.lowerBound > shiftSection.lowerBound && row.lowerBound < divergenceSection.lowerBound
            #expect(inShifts == (a.alert.kind == .shift))
        }
        // the tokayev settlement-prospects shift contra → pro at seed 003 is among them,
        #expect(alerts.contains {
            $0.alert.kind == .shift && $0.alert.actor == "tokayev" && $0.alert.topic == "settlement-prospects"
                && $0.alert.from == .contra && $0.alert.to == .pro && $0.alert.article.hasPrefix("003_")
        })
        // each topic of the watchlist has its label and both descriptions,
        let watchlist = try Watchlist(contentsOfFile: RepoFiles.watchlist)
        for topic in watchlist.topics {
            #expect(html.contains(HTMLText.content(topic.label)))
            #expect(html.contains(HTMLText.content(topic.pro)))
            #expect(html.contains(HTMLText.content(topic.contra)))
        }
        // nothing was aggregated at this size, and the page reaches nothing outside itself.
        #expect(html.contains("Nothing aggregated"))
        #expect(networkAndScriptReferences(in: html) == [])
    }

    @Test func alertsAreListedNewestFirstWithinTheirKind() throws {
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let store = try StanceStore.openForReading(directory: state)
        let alerts = try store.reportAlerts()
        #expect(zip(alerts, alerts.dropFirst()).allSatisfy { $0.alert.date >= $1.alert.date })
        let html = try ReportBuilder(store: store, watchlist: try Watchlist(contentsOfFile: RepoFiles.watchlist),
                                     source: "seeds").html()
        for kind in [AlertKind.shift, .divergence] {
            let positions = alerts.filter { $0.alert.kind == kind }.compactMap {
                html.range(of: "id=\"\(HTMLText.alertAnchor($0.alert.id))\"")?.lowerBound
            }
            #expect(positions == positions.sorted())
        }
    }

    @Test func theFilterKeepsOnlyTheTopicsActorsAndDatesAskedFor() throws {
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let store = try StanceStore.openForReading(directory: state)
        let all = try store.reportStances()
        let some = try store.reportStances(.init(topics: ["settlement-prospects"], actors: ["tokayev"]))
        #expect(!some.isEmpty)
        #expect(some.count == all.count { $0.stance.topic == "settlement-prospects" && $0.stance.actor == "tokayev" })
        let days = all.map(\.stance.stated).sorted()
        let middle = days[days.count / 2]
        let late = try store.reportStances(.init(since: middle))
        #expect(late.count == days.count { $0 >= middle })
        let early = try store.reportStances(.init(until: middle))
        #expect(early.count == days.count { $0 <= middle })
        let alerts = try store.reportAlerts(.init(topics: ["kz-venue"]))
        #expect(alerts.allSatisfy { $0.alert.topic == "kz-venue" })
    }

    @Test func theTerminalTimelineListsTokayevsSettlementStancesInStatedOrder() throws {
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let run = try stancewatch(["timeline", "tokayev", "settlement-prospects", "--state", state,
                                   "--watchlist", RepoFiles.watchlist], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let store = try StanceStore.openForReading(directory: state)
        let mine = try store.reportStances(.init(topics: ["settlement-prospects"], actors: ["tokayev"]))
        let lines = run.stdout.split(separator: "\n").filter { Day(iso: $0.prefix(10)) != nil }
        #expect(lines.count == mine.count)
        #expect(lines.map { String($0.prefix(10)) } == mine.map(\.stance.stated.description).sorted())
        for s in mine {
            #expect(lines.contains { $0.contains(s.stance.article) && $0.contains(s.stance.polarity == .pro ? "▲ pro" : "▼ contra") })
        }
        #expect(run.stdout.contains("↳ shift ▼ contra"))
    }
}
