/// Journal field-name rules, and entries sent through sd_journal_sendv to a private journald namespace.
import Foundation
import JournalTestSupport
import Testing
@testable import Platform

struct JournalTests {
    @Test func fieldNamesFollowJournaldRules() {
        #expect(Journal.isValidFieldName("STANCE_ACTOR"))
        #expect(Journal.isValidFieldName("MESSAGE_ID"))
        #expect(!Journal.isValidFieldName("_PID"))
        #expect(!Journal.isValidFieldName("lower"))
        #expect(!Journal.isValidFieldName(""))
        #expect(!Journal.isValidFieldName(String(repeating: "A", count: 65)))
        #expect(Journal.isValidFieldName(String(repeating: "A", count: 64)))
        #expect(!Journal.isValidFieldName("Ж"))
    }

    @Test(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
    func anEntryReachesARealJournaldWithEveryField() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let evidence = "Первая строка.\nВторая строка с \"кавычками\"."
        try journal.withBoundJournal {
            #expect(Journal.isAvailable)
            try Journal.send([("MESSAGE", "platform test entry"), ("SYSLOG_IDENTIFIER", "stancewatch-test"),
                              ("STANCE_EVIDENCE", evidence), ("bad name", "dropped"), ("_PID", "1"),
                              ("PRIORITY", "4")])
        }
        let entries = try journal.waitForEntries { $0["SYSLOG_IDENTIFIER"] == "stancewatch-test" }
        let entry = try #require(entries.first)
        #expect(entry["MESSAGE"] == "platform test entry")
        #expect(entry["STANCE_EVIDENCE"] == evidence)  // newlines survive
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["_PID"] == String(getpid()))     // journald's own, not ours
        #expect(entry.keys.allSatisfy { !$0.contains(" ") })
    }

    /// A namespaced journald left with no stream client exits after 30 s idle; the test
    /// journald is held open, so a test whose daemons stay silent longer still finds it. (On a
    /// machine too busy for journald to notice its idle timer the test passes either way; it
    /// cannot fail for being slow.)
    @Test(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
    func theTestJournaldOutlivesItsIdleTimeout() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        Thread.sleep(forTimeInterval: 40)
        #expect(journal.isDaemonRunning, "the test journald exited while idle")
        try journal.withBoundJournal { try Journal.send([("MESSAGE", "still here"), ("SYSLOG_IDENTIFIER", "stancewatch-idle")]) }
        let entries = try journal.waitForEntries { $0["SYSLOG_IDENTIFIER"] == "stancewatch-idle" }
        #expect(entries.map { $0["MESSAGE"] } == ["still here"])
    }

    @Test(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
    func sendThrowsWhenJournaldIsDownAndWorksWhenItIsBack() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        journal.stopDaemon()  // the socket file stays: sendv gets ECONNREFUSED
        let down = try journal.withBoundJournal { () -> JournalError? in
            do { try Journal.send([("MESSAGE", "lost?")]); return nil } catch { return error as? JournalError }
        }
        #expect(down?.reason == .refused(errno: ECONNREFUSED))
        try journal.startDaemon()
        try journal.withBoundJournal { try Journal.send([("MESSAGE", "back again"), ("SYSLOG_IDENTIFIER", "stancewatch-test")]) }
        let entries = try journal.waitForEntries { $0["SYSLOG_IDENTIFIER"] == "stancewatch-test" }
        #expect(entries.map { $0["MESSAGE"] } == ["back again"])
    }

    @Test(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
    func sendThrowsWhenTheSocketIsMissing() throws {
        let journal = try JournalNamespace.start()
        let dir = journal.directory
        journal.stop()  // removes /run/systemd/journal.NAME; bind an empty directory instead
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = try journal.withBoundJournal { () -> JournalError? in
            if Journal.isAvailable { return nil }
            do { try Journal.send([("MESSAGE", "nowhere")]); return nil } catch { return error as? JournalError }
        }
        #expect(error?.reason == .socketMissing)
        #expect(error?.description.contains("not delivered") == true)
    }

    @Test(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
    func aChildUnderUnshareLogsToTheNamespace() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let result = try journal.run(["/usr/bin/systemd-cat", "-t", "stancewatch-child", "/bin/echo", "from a child"])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try journal.waitForEntries { $0["SYSLOG_IDENTIFIER"] == "stancewatch-child" }
        #expect(entries.first?["MESSAGE"] == "from a child")
        #expect(entries.first?["_NAMESPACE"] == journal.name)
    }
}
