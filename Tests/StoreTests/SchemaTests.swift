/// The SQLite schema: index seeks for prior-stance lookups, WAL on disk, read-only opening,
/// constraints, and unopenable or damaged databases reported as sentences.
import Alerts
import Corpus
import Foundation
import GRDB
import TestFixtures
import Testing
@testable import Store

struct SchemaTests {
    private func plan(_ store: StanceStore, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test func priorStanceLookupsAreIndexSeeks() throws {
        let store = try StanceStore.inMemory()
        // Some history, so the planner has something to choose from.
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        for (n, article) in Scenarios.seeds.enumerated() {
            try store.ingest(article.stances[0].article, date: article.date, article.stances, rules: rules, n: n)
        }
        try store.writer.write { db in try db.execute(sql: "ANALYZE") }
        let queries: [(String, StatementArguments)] = [
            (SQLStanceHistory.latestSQL, ["tokayev", "kz-mediator", "2025-09-24"]),
            (SQLStanceHistory.latestStatedSQL, ["tokayev", "kz-mediator"]),
            (SQLStanceHistory.firstAfterSQL, ["tokayev", "kz-mediator", "2025-09-24"]),
        ]
        for (sql, arguments) in queries {
            let details = try plan(store, sql, arguments)
            let stanceStep = try #require(details.first { $0.contains("stance") })
            #expect(stanceStep.hasPrefix("SEARCH") && stanceStep.contains("stance_history"), "\(details)")
            #expect(!details.contains { $0.hasPrefix("SCAN") }, "\(details)")
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
        }
    }

    @Test func onDiskStoreUsesWALAndSurvivesReopening() throws {
        let folder = try TemporaryFolder(prefix: "storetest")
        defer { withExtendedLifetime(folder) {} }  // removed when the test is done, not at its last use
        let directory = folder.file("state")
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        do {
            let store = try StanceStore(directory: directory)
            let (mode, sync) = try store.writer.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(mode == "wal")
            #expect(sync == 1)  // NORMAL
            for (n, article) in Scenarios.seeds.enumerated() {
                try store.ingest(article.stances[0].article, date: article.date, article.stances, rules: rules, n: n)
            }
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/stancewatch.sqlite"))
        let reopened = try StanceStore(directory: directory)
        #expect(try reopened.status().stances == 16)
        #expect(try reopened.pendingAlerts().count == 2)
        #expect(try reopened.isUnchanged(name: Scenarios.a004, identity: identity(4)))
    }

    @Test func aStoreOpenedForReadingReadsButNeverWrites() throws {
        let folder = try TemporaryFolder(prefix: "storetest")
        defer { withExtendedLifetime(folder) {} }  // removed when the test is done, not at its last use
        let directory = folder.file("state")
        let missing = #expect(throws: StoreError.self) { _ = try StanceStore.openForReading(directory: directory) }
        #expect(missing?.description.contains("there is no state database there") == true)
        #expect(!FileManager.default.fileExists(atPath: directory))  // nothing created
        let store = try StanceStore(directory: directory)
        let rules = AlertRules(watchlist: Scenarios.seedWatchlist)
        for (n, article) in Scenarios.seeds.enumerated() {
            try store.ingest(article.stances[0].article, date: article.date, article.stances, rules: rules, n: n)
        }
        let reader = try StanceStore.openForReading(directory: directory)
        #expect(try reader.status() == store.status())
        #expect(try reader.allStances() == store.allStances())
        let pending = try reader.pendingAlerts()
        let refused = #expect(throws: StoreError.self) { try reader.markSent(alertID: pending[0].id) }
        #expect(refused?.kind == .cannotWrite)
        #expect(try store.pendingAlerts().count == 2)
    }

    @Test func constraintsRejectWhatTheSchemaForbids() throws {
        let store = try StanceStore.inMemory()
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO article (name, hash, date, has_header_date, status)
                VALUES ('a', 'h', '2025-01-01', 1, 'ingested')
                """)
        }
        let stanceInsert = "INSERT INTO stance (article_seq, position, actor, topic, polarity, stated, evidence, "
            + "evidence_start, evidence_end) VALUES "
        let forbidden = [
            // neutral is never stored
            stanceInsert + "(1, 0, 'x', 't', 'neutral', '2025-01-01', 'e', 0, 1)",
            // a stance needs an existing article
            stanceInsert + "(99, 0, 'x', 't', 'pro', '2025-01-01', 'e', 0, 1)",
            // two ingested articles with one content hash
            "INSERT INTO article (name, hash, date, has_header_date, status) VALUES ('b', 'h', '2025-01-01', 1, 'ingested')",
            // an ingested article without a date
            "INSERT INTO article (name, hash, status) VALUES ('c', 'h2', 'ingested')",
            // a refusal without a reason
            "INSERT INTO article (name, status) VALUES ('d', 'refused')",
            // a divergence needs the other actor
            "INSERT INTO alert (id, article_seq, kind, actor, topic, from_polarity, to_polarity, article, prior_article, "
                + "date, prior_date, evidence, prior_evidence, message) VALUES ('x', 1, 'divergence', 'a', 't', 'pro', "
                + "'contra', 'a', 'b', '2025-01-01', '2025-01-01', 'e', 'e', 'm')",
            // a disagreement pair is stored in one order only
            "INSERT INTO disagreement (actor_a, actor_b, topic, open) VALUES ('b', 'a', 't', 1)",
        ]
        for sql in forbidden {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try store.writer.write { db in try db.execute(sql: sql) }
            }
        }
    }

    @Test func anUnopenableStateFolderIsASentence() throws {
        // A regular file where the state folder should be: the folder cannot be created.
        let folder = try TemporaryFolder(prefix: "storetest")
        defer { withExtendedLifetime(folder) {} }  // removed when the test is done, not at its last use
        let file = try folder.write("not-a-dir", "x")
        let error = #expect(throws: StoreError.self) { _ = try StanceStore(directory: file + "/state") }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.hasPrefix("the state database \(file)/state/stancewatch.sqlite could not be opened") == true)
    }

    @Test func aDamagedDatabaseFileIsRefusedClearly() throws {
        let folder = try TemporaryFolder(prefix: "storetest")
        defer { withExtendedLifetime(folder) {} }  // removed when the test is done, not at its last use
        let directory = folder.path
        #expect(FileManager.default.createFile(atPath: directory + "/stancewatch.sqlite",
                                               contents: Data(repeating: 0x42, count: 8192)))
        let error = #expect(throws: StoreError.self) { _ = try StanceStore(directory: directory) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.contains("not a valid Stancewatch database") == true)
    }

    @Test func writeErrorsReadAsOperatorSentences() {
        let error = StoreError(.cannotWrite, path: "/var/lib/stancewatch/stancewatch.sqlite",
                               operation: "record article '003.txt'", cause: StoreError.reason(DatabaseError(resultCode: .SQLITE_FULL)))
        #expect(error.description == "the state database /var/lib/stancewatch/stancewatch.sqlite could not be written "
                + "(disk full) while trying to record article '003.txt'; nothing of it was recorded and it will be retried")
    }
}
