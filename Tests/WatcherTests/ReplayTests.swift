/// The repo's seeds replayed in their gold order raise the alerts the gold expects.
import Foundation
import TestFixtures
import Testing
@testable import Watcher

struct ReplayTests {
    @Test func seedsInGoldOrderRaiseTokayevSettlementShiftAt003() throws {
        // Given the five seeds in the order 000 002 001 003 004 and the shipped watchlist
        let s = try Scratch()
        let files = try RepoFiles.seedsInGoldOrder()

        // When they are replayed through the daemon's pipeline
        let summary = Replay(ingestor: try s.ingestor()).run(paths: files)

        // Then every file was ingested
        for (path, outcome) in summary.outcomes {
            guard case .ingested = outcome else {
                Issue.record("\(path) was not ingested: \(outcome)")
                continue
            }
        }
        // and Tokayev's settlement-prospects shift contra → pro is raised at seed 003,
        let alerts = try s.loggedAlerts()
        let shift = alerts.first {
            $0["STANCE_KIND"] == "shift" && $0["STANCE_ACTOR"] == "tokayev" && $0["STANCE_TOPIC"] == "settlement-prospects"
        }
        #expect(shift?["STANCE_FROM"] == "contra")
        #expect(shift?["STANCE_TO"] == "pro")
        #expect(shift?["STANCE_ARTICLE"]?.hasPrefix("003_") == true)
        // with no false kz-mediator shift at 003 (the journalist's contrast is not a change of position).
        #expect(!alerts.contains {
            $0["STANCE_KIND"] == "shift" && $0["STANCE_TOPIC"] == "kz-mediator" && $0["STANCE_ARTICLE"]?.hasPrefix("003_") == true
        })
        // Every alert appears once.
        let ids = alerts.compactMap { $0["STANCE_ALERT_ID"] }
        #expect(Set(ids).count == ids.count)
    }

    @Test func replayingTheSameFilesAgainRaisesNothingNew() throws {
        let s = try Scratch()
        let files = try RepoFiles.seedsInGoldOrder()
        _ = Replay(ingestor: try s.ingestor()).run(paths: files)
        let before = try s.loggedAlerts().count
        let again = Replay(ingestor: try s.ingestor()).run(paths: files)
        #expect(again.outcomes.allSatisfy { $0.outcome == .unchanged })
        #expect(try s.loggedAlerts().count == before)
    }
}
