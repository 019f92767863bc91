/// The whole daemon against a REAL journald (a private namespace): seeds dropped by atomic
/// rename raise the Tokayev shift with every spec §3 field; a restart repeats nothing; bad
/// files get exactly one journald error entry each and the daemon carries on.
import Foundation
import JournalTestSupport
import TestFixtures
import Testing

@Suite(.serialized, .enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
struct JournaldEndToEndTests {
    static let shiftFields = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "STANCE_KIND", "STANCE_ACTOR", "STANCE_TOPIC", "STANCE_FROM",
        "STANCE_TO", "STANCE_ARTICLE", "STANCE_PRIOR_ARTICLE", "STANCE_DATE", "STANCE_PRIOR_DATE",
        "STANCE_EVIDENCE", "STANCE_PRIOR_EVIDENCE", "STANCE_ALERT_ID",
    ]
    static let refusedID = "c644010abd6c4275847f20770095c839"

    @Test func seedsRaiseTheShiftOnceAndBadFilesAreRefusedOnce() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let w = try Workspace()
        let args = ["run", "--feed", w.feed, "--state", w.state, "--alert-log", w.state + "/alerts.jsonl"]
        let isAlert: ([String: String]) -> Bool = { $0["STANCE_ALERT_ID"] != nil && $0["SYSLOG_IDENTIFIER"] == "stancewatch" }

        // Given the daemon running on an empty feed folder
        let first = try StancewatchProcess(args, journal: journal, stderrPath: w.root + "/first.log")
        #expect(first.waitUntilWatching(), "the daemon did not start: \(first.stderr)")

        // When the seeds arrive by atomic rename in the order 000 002 001 003 004
        let seeds = try Workspace.seedsInGoldOrder()
        for (index, (name, bytes)) in seeds.enumerated() {
            try w.drop(name, bytes)
            #expect(first.wait { first.stderrCount("article ingested") >= index + 1 }, "\(name) was not ingested: \(first.stderr)")
        }

        // Then journald holds Tokayev's settlement-prospects shift contra → pro at 003, every field filled
        let shifts = try journal.waitForEntries(timeout: .seconds(20)) {
            isAlert($0) && $0["STANCE_KIND"] == "shift" && $0["STANCE_ACTOR"] == "tokayev"
                && $0["STANCE_TOPIC"] == "settlement-prospects" && $0["STANCE_ARTICLE"]?.hasPrefix("003_") == true
        }
        let messages = try journal.entries(identifier: "stancewatch").map { $0["MESSAGE"] ?? "" }
        #expect(shifts.count == 1, "journald entries: \(messages)")
        if let shift = shifts.first {
            for field in Self.shiftFields {
                #expect(!(shift[field] ?? "").isEmpty, "\(field) is empty or missing")
            }
            #expect(shift["SYSLOG_IDENTIFIER"] == "stancewatch")
            #expect(shift["STANCE_FROM"] == "contra")
            #expect(shift["STANCE_TO"] == "pro")
            #expect(shift["MESSAGE_ID"] == "6a754b5bce3d45a2a3e15fb0c3c5afb8")
            #expect(shift["PRIORITY"] == "4")
        }
        // and no kz-mediator shift at 003 (the journalist's contrast is not a change of position).
        let alerts = try journal.entries().filter(isAlert)
        #expect(!alerts.contains {
            $0["STANCE_KIND"] == "shift" && $0["STANCE_TOPIC"] == "kz-mediator" && $0["STANCE_ARTICLE"]?.hasPrefix("003_") == true
        })
        let ids = alerts.compactMap { $0["STANCE_ALERT_ID"] }
        #expect(Set(ids).count == ids.count, "an alert was sent twice")
        #expect(first.terminate() == 0)

        // When the daemon restarts on the same state and feed
        let second = try StancewatchProcess(args, journal: journal, stderrPath: w.root + "/second.log")
        #expect(second.waitUntilWatching(), "the daemon did not restart: \(second.stderr)")
        usleep(500_000)
        // Then nothing is processed or alerted twice.
        #expect(second.stderrCount("article ingested") == 0)
        #expect(try journal.entries().filter(isAlert).count == alerts.count)

        // When a binary file and an empty file arrive, then a good one
        try w.drop("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x9C])
        _ = FileManager.default.createFile(atPath: w.feed + "/empty.txt", contents: Data())
        try w.drop("005_good.txt", Array(" date 2025-12-30 Президент Казахстана Касым-Жомарт Токаев заявил, что прекращение огня возможно уже в ближайшие месяцы.".utf8))

        // Then the good one is ingested: the daemon carried on
        #expect(second.wait { second.stderrCount("article ingested") >= 1 }, "the good file was not ingested: \(second.stderr)")
        // and each bad file has exactly one journald error entry naming it.
        for name in ["binary.txt", "empty.txt"] {
            let refusals = try journal.waitForEntries(timeout: .seconds(20)) {
                $0["MESSAGE_ID"] == Self.refusedID && $0["STANCE_FILE"] == name
            }
            #expect(refusals.count == 1, "\(name): \(refusals.count) refusal entries")
            #expect(refusals.first?["PRIORITY"] == "3")
            #expect(refusals.first?["MESSAGE"]?.contains(name) == true)
            #expect(refusals.first?["SYSLOG_IDENTIFIER"] == "stancewatch")
        }
        #expect(second.isRunning)
        #expect(second.terminate() == 0)

        // A restart after the refusals does not report them again.
        let third = try StancewatchProcess(args, journal: journal, stderrPath: w.root + "/third.log")
        #expect(third.waitUntilWatching())
        usleep(300_000)
        #expect(third.terminate() == 0)
        #expect(try journal.entries().filter { $0["MESSAGE_ID"] == Self.refusedID }.count == 2)
    }

    @Test func alertsWaitInTheStoreWhileJournaldIsAwayAndGoOutWhenItIsBack() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let w = try Workspace()
        let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state], journal: journal,
                                       stderrPath: w.root + "/daemon.log")
        #expect(daemon.waitUntilWatching(), "the daemon did not start: \(daemon.stderr)")

        // Given journald stopped (its socket file stays; sends are refused)
        journal.stopDaemon()
        // When the seeds arrive
        let seeds = try Workspace.seedsInGoldOrder()
        for (name, bytes) in seeds { try w.drop(name, bytes) }
        #expect(daemon.wait { daemon.stderrCount("article ingested") == seeds.count }, "\(daemon.stderr)")
        // Then the alerts wait in the store, and the daemon said once that journald is away
        let away = try Status.read(state: w.state)
        #expect(away.pending > 0)
        #expect(away.sent == 0)
        #expect(daemon.stderrCount("journald is not available") == 1)

        // When journald is back, every pending alert goes out, once.
        try journal.startDaemon()
        #expect(daemon.wait { (try? Status.read(state: w.state).pending) == 0 }, "\(daemon.stderr)")
        let alerts = try journal.entries().filter { $0["STANCE_ALERT_ID"] != nil }
        #expect(alerts.count == away.pending)
        #expect(alerts.contains { $0["STANCE_KIND"] == "shift" && $0["STANCE_ACTOR"] == "tokayev" })
        #expect(daemon.terminate() == 0)
    }
}

/// `stancewatch status --json`, read by the tests.
struct Status {
    var sent: Int
    var pending: Int
    var ingested: Int
    var refused: Int

    static func read(state: String) throws -> Status {
        let data = Data(try StancewatchProcess.run(["status", "--state", state, "--json"]).stdout.utf8)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let alerts = object["alerts"] as? [String: Int], let articles = object["articles"] as? [String: Int]
        else { throw EndToEndError("status --json printed \(String(decoding: data, as: UTF8.self))") }
        return Status(sent: alerts["sent"] ?? -1, pending: alerts["pending"] ?? -1,
                      ingested: articles["ingested"] ?? -1, refused: articles["refused"] ?? -1)
    }
}
