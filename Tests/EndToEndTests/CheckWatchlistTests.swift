/// `stancewatch check-watchlist` as a user runs it (exit statuses, file:line, suggestions), and
/// the daemon's watchlist warnings in a real journald at start-up and on reload.
import Foundation
import Glibc
import JournalTestSupport
import TestFixtures
import Testing

struct CheckWatchlistTests {
    /// Two topics about invented subjects that share nothing, and two actors with their own names.
    static let clean = """
        actors:
          - id: harstad
            names: [Ингрид Харстад, Харстад]
            roles: [министр рыболовства Норвегии]
          - id: olafsson
            names: [Гуннар Олафссон, Олафссон]
            roles: [министр рыболовства Исландии]
        topics:
          - id: school-uniform
            label: Обязательная школьная форма
            cues: [школьная форма, единая форма для учеников]
            pro: актор выступает за обязательную школьную форму
            contra: актор против обязательной школьной формы
          - id: runway
            label: Строительство третьей взлётной полосы аэропорта Тромсё
            cues: [взлётная полоса, расширение аэропорта]
            pro: актор поддерживает строительство полосы
            contra: актор требует отказаться от строительства полосы
        """

    /// Two quota topics that share their only cue (line 9 is quota-no's id, 11 its cues), and a bare role (line 4).
    static let faulty = """
        actors:
          - id: harstad
            names: [Ингрид Харстад, Харстад]
            roles: [министр рыболовства Норвегии, председатель правительства]
          - id: olafsson
            names: [Гуннар Олафссон, Олафссон]
            roles: [министр рыболовства Исландии]
        topics:
          - id: quota-no
            label: Квота Норвегии на вылов скумбрии
            cues: [квота на вылов]
            pro: актор выступает за увеличение квоты Норвегии на вылов скумбрии
            contra: актор выступает за сокращение квоты Норвегии
          - id: quota-is
            label: Квота Исландии на вылов скумбрии
            cues: [квота на вылов]
            pro: актор выступает за увеличение квоты Исландии на вылов скумбрии
            contra: актор выступает за сокращение квоты Исландии
        """

    @Test func aCleanWatchlistExitsZeroAndSaysSo() throws {
        let w = try Workspace()
        let file = w.root + "/clean.yaml"
        try Self.clean.write(toFile: file, atomically: true, encoding: .utf8)
        let (status, stdout, stderr) = try StancewatchProcess.run(["check-watchlist", file])
        #expect(status == 0, "\(stdout)\(stderr)")
        #expect(stdout == "\(file): no warnings (2 actors, 2 topics)\n")
    }

    @Test func aFaultyWatchlistExitsOneWithEachWarningItsLineAndASuggestion() throws {
        let w = try Workspace()
        let file = w.root + "/faulty.yaml"
        try Self.faulty.write(toFile: file, atomically: true, encoding: .utf8)
        let (status, stdout, stderr) = try StancewatchProcess.run(["check-watchlist", file])
        #expect(status == 1, "\(stdout)\(stderr)")
        let lines = stdout.split(separator: "\n").map(String.init)
        let shared = try #require(lines.firstIndex { $0.hasPrefix("\(file):11: warning [shared-cue]") }, "\(stdout)")
        #expect(lines[shared].contains("«квота на вылов»"))
        #expect(lines[shared + 1].hasPrefix("    suggestion: "))
        #expect(lines[shared + 1].contains("add «Норвегии»") && lines[shared + 1].contains("add «Исландии»"), "\(lines[shared + 1])")
        #expect(lines.contains { $0.hasPrefix("\(file):4: warning [bare-role]") && $0.contains("«председатель правительства»") }, "\(stdout)")
        #expect(lines.contains { $0.hasPrefix("\(file):9: warning [close-topics]") }, "\(stdout)")
        #expect(lines.last?.hasPrefix("\(file): ") == true && lines.last?.contains("warnings (") == true, "\(stdout)")
        // every warning is followed by its suggestion
        let warnings = lines.indices.filter { lines[$0].contains(": warning [") }
        #expect(!warnings.isEmpty)
        for i in warnings { #expect(lines[i + 1].hasPrefix("    suggestion: ")) }
    }

    @Test func anInvalidOrMissingWatchlistExitsTwoWithFileAndLine() throws {
        let w = try Workspace()
        let broken = w.root + "/broken.yaml"
        try "actors:\n  - id: a\n    names: [Акаев]\n    colour: red\ntopics:\n  - id: t\n    cues: [перемирие]\n    pro: за\n    contra: против\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let (status, stdout, stderr) = try StancewatchProcess.run(["check-watchlist", broken])
        #expect(status == 2, "\(stdout)\(stderr)")
        #expect(stderr.hasPrefix("\(broken):4: error:"), "\(stderr)")
        #expect(stderr.contains("colour"))
        #expect(stdout.isEmpty)
        let (missing, _, missingErr) = try StancewatchProcess.run(["check-watchlist", w.root + "/nope.yaml"])
        #expect(missing == 2)
        #expect(missingErr.contains(w.root + "/nope.yaml") && missingErr.contains("cannot be read"), "\(missingErr)")
    }
}

@Suite(.serialized, .enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
struct DaemonWatchlistWarningTests {
    @Test func theDaemonLogsEachWarningOnceAtStartAndAgainOnReload() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let w = try Workspace()
        let watchlist = w.root + "/watchlist.yaml"
        try CheckWatchlistTests.faulty.write(toFile: watchlist, atomically: true, encoding: .utf8)
        let isLint: ([String: String]) -> Bool = { $0["STANCE_CHECK"] != nil && $0["SYSLOG_IDENTIFIER"] == "stancewatch" }

        let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state, "--watchlist", watchlist],
                                       journal: journal, stderrPath: w.root + "/daemon.log")
        #expect(daemon.waitUntilWatching(), "the daemon did not start: \(daemon.stderr)")
        // the same warnings as check-watchlist prints
        let (_, printed, _) = try StancewatchProcess.run(["check-watchlist", watchlist])
        let expected = printed.split(separator: "\n").filter { $0.contains(": warning [") }.map { line in
            String(line[line.range(of: "] ")!.upperBound...])
        }
        #expect(expected.count >= 3, "\(printed)")
        let atStart = try journal.waitForEntries(count: expected.count, timeout: .seconds(20), where: isLint)
        #expect(atStart.count == expected.count)
        let logged = atStart.compactMap { $0["MESSAGE"] }.map { message in
            String(message.dropFirst("watchlist \(watchlist): ".count)).components(separatedBy: "; suggestion: ")[0]
        }
        #expect(Set(expected) == Set(logged), "\(logged)")
        #expect(atStart.contains { $0["STANCE_CHECK"] == "shared-cue" && $0["STANCE_TOPICS"] == "quota-no,quota-is" }, "\(atStart)")
        #expect(atStart.contains { $0["STANCE_CHECK"] == "bare-role" && $0["STANCE_ACTORS"] == "harstad" }, "\(atStart)")
        for entry in atStart {
            #expect(entry["PRIORITY"] == "4")
            #expect(entry["MESSAGE_ID"] == "dd60fc15d3a644a4916d5449c1dc982a")
            #expect(entry["STANCE_FILE"] == watchlist)
            #expect(entry["MESSAGE"]?.contains("suggestion:") == true)
        }
        let kinds = atStart.map { ($0["STANCE_CHECK"] ?? "") + " " + ($0["MESSAGE"] ?? "") }
        #expect(Set(kinds).count == kinds.count, "a warning was logged twice: \(kinds)")

        // A reload of a mended watchlist logs nothing new; a reload of the faulty one logs its warnings again.
        try CheckWatchlistTests.clean.write(toFile: watchlist, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.wait { daemon.stderrCount("watchlist reloaded") == 1 })
        try CheckWatchlistTests.faulty.write(toFile: watchlist, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.wait { daemon.stderrCount("watchlist reloaded") == 2 })
        let again = try journal.waitForEntries(count: 2 * atStart.count, timeout: .seconds(20), where: isLint)
        #expect(again.count == 2 * atStart.count, "\(again.map { $0["MESSAGE"] ?? "" })")
        #expect(daemon.terminate() == 0)
    }
}
