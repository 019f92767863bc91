/// An article over the time budget is refused once and recorded; one a dead process left in
/// progress is refused at the next start; the watchdog is fed only while the ingest thread
/// is idle or making progress.
import Foundation
import Platform
import Store
import Testing
@testable import Watcher

struct TimeBudgetTests {
    static let text = " date 2025-06-01 Токаев заявил, что перемирие возможно уже в этом году."

    @Test func anArticleOverTheBudgetIsRefusedRecordedAndNotReadAgain() throws {
        let s = try Scratch()
        try s.put("slow.txt", text: Self.text)
        let ingestor = try s.ingestor()
        ingestor.articleTimeBudget = .zero

        let outcome = ingestor.ingest(path: s.feed + "/slow.txt")
        guard case .refused(let reason) = outcome else {
            Issue.record("an article over the budget was not refused: \(outcome)")
            return
        }
        #expect(reason.contains("took longer than"), "\(reason)")
        #expect(try ingestor.store.status().articles.refused == 1)
        #expect(try ingestor.store.status().lastError?.contains("slow.txt") == true)
        #expect(try ingestor.store.articlesInProgress().isEmpty)
        // Recorded: with any budget, the same file is not read again.
        ingestor.articleTimeBudget = .seconds(10)
        #expect(ingestor.ingest(path: s.feed + "/slow.txt") == .unchanged)
    }

    @Test func theSameArticleWithinTheBudgetIsIngested() throws {
        let s = try Scratch()
        try s.put("quick.txt", text: Self.text)
        let ingestor = try s.ingestor()
        ingestor.articleTimeBudget = .seconds(600)
        let outcome = ingestor.ingest(path: s.feed + "/quick.txt")
        guard case .ingested(let stances, _) = outcome else {
            Issue.record("the article was not ingested within a generous budget: \(outcome)")
            return
        }
        #expect(stances >= 1)
    }

    @Test func anArticleLeftInProgressByADeadProcessIsRefusedAtTheNextStart() throws {
        let s = try Scratch()
        let killer = try s.put("killer.txt", text: Self.text)
        try s.put("other.txt", text: " date 2025-06-02 Токаев заявил, что Казахстан готов стать площадкой для переговоров.")
        let (identity, _) = try SafeFile.identity(atPath: killer)
        try s.store().markInProgress(name: "killer.txt", identity: identity)

        let restarted = try s.ingestor()
        let outcome = restarted.ingest(path: killer)
        guard case .refused(let reason) = outcome else {
            Issue.record("the article left in progress was read again: \(outcome)")
            return
        }
        #expect(reason.contains("killed or crashed"), "\(reason)")
        #expect(try restarted.store.articlesInProgress().isEmpty)
        guard case .ingested = restarted.ingest(path: s.feed + "/other.txt") else {
            Issue.record("a file not left in progress should be ingested")
            return
        }
    }

    @Test func theWatchdogIsFedOnlyWhileIdleOrWithinTheLimit() {
        let control = PipelineControl()
        #expect(control.isHealthy(limit: .zero), "idle")
        control.working()
        #expect(!control.isHealthy(limit: .zero), "busy past the limit")
        #expect(control.isHealthy(limit: .seconds(3600)), "busy within the limit")
        control.idle()
        #expect(control.isHealthy(limit: .zero))
    }
}
