/// The command line's edges, on the real binary: one writer per state folder, `replay`'s exit
/// statuses, `--version`, bad numbers, encodings and file names that are not UTF-8.
import Foundation
import Glibc
import JournalTestSupport
import TestFixtures
import Testing

struct CommandLineEdgeTests {
    /// Runs `stancewatch <arguments>` (raw bytes allowed) to completion: (status, stdout, stderr).
    private func run(_ arguments: [[UInt8]]) throws -> (Int32, String, String) {
        let binary = try BuiltBinary.path()
        let w = try Workspace()
        let out = w.root + "/out", err = w.root + "/err"
        // posix_spawn with raw argv bytes: Process would take Strings, which must be valid UTF-8.
        var argv: [UnsafeMutablePointer<CChar>?] = ([Array(binary.utf8)] + arguments).map { bytes in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        } + [nil]
        defer { for p in argv { p?.deallocate() } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, &argv, environ)
        guard spawned == 0 else { throw EndToEndError("posix_spawn \(binary) failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stdout = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        return (code, stdout, stderr)
    }

    private func run(_ arguments: [String]) throws -> (Int32, String, String) {
        try run(arguments.map { Array($0.utf8) })
    }

    @Test func aSecondDaemonOrReplayOnAStateFolderInUseExitsAtOnceNamingThePid() throws {
        let w = try Workspace()
        let first = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state], stderrPath: w.root + "/first.log")
        #expect(first.waitUntilWatching(), "\(first.stderr)")
        let pid = first.pid
        let expected = "another stancewatch (pid \(pid)) is using \(w.state)"

        let (runStatus, _, runErr) = try run(["run", "--feed", w.feed, "--state", w.state])
        #expect(runStatus == 1)
        #expect(runErr.contains(expected), "\(runErr)")
        let seed = try RepoFiles.seedsInGoldOrder()[0]
        let (replayStatus, _, replayErr) = try run(["replay", "--state", w.state, "--watchlist", RepoFiles.watchlist, seed])
        #expect(replayStatus == 1)
        #expect(replayErr.contains(expected), "\(replayErr)")
        // The refused replay stored nothing; the first daemon carries on and still holds the folder.
        #expect(first.isRunning)
        #expect(try Status.read(state: w.state).ingested == 0)

        // The lock dies with its process (SIGKILL included): the state folder is free at once.
        kill(pid, SIGKILL)
        first.process.waitUntilExit()
        let (afterStatus, _, afterErr) = try run(["replay", "--state", w.state, "--watchlist", RepoFiles.watchlist, seed])
        #expect(afterStatus == 0, "\(afterErr)")
        #expect(try Status.read(state: w.state).ingested == 1)
    }

    @Test func replaySaysInItsExitStatusWhetherSomeOrAllFilesWereRefused() throws {
        let w = try Workspace()
        let seeds = try RepoFiles.seedsInGoldOrder()
        let empty = w.root + "/empty.txt"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let binary = w.root + "/binary.txt"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0, 1, 2, 0]))
        let base = ["replay", "--watchlist", RepoFiles.watchlist]

        let (all, _, allErr) = try run(base + ["--state", w.state + "/a", empty, binary])
        #expect(all == 3, "\(allErr)")
        #expect(allErr.contains("2 of 2 files were not ingested"), "\(allErr)")
        let (some, _, someErr) = try run(base + ["--state", w.state + "/b", seeds[0], empty])
        #expect(some == 2, "\(someErr)")
        #expect(someErr.contains("1 of 2 files were not ingested"), "\(someErr)")
        let (none, _, noneErr) = try run(base + ["--state", w.state + "/c", seeds[0], seeds[1]])
        #expect(none == 0, "\(noneErr)")
        // Files already in the store count as ingested.
        let (again, _, againErr) = try run(base + ["--state", w.state + "/c", seeds[0], seeds[1]])
        #expect(again == 0, "\(againErr)")
        // --help says what the statuses mean.
        let (_, help, _) = try run(["replay", "--help"])
        #expect(help.contains("Exit status: 0 every file was ingested"))
        #expect(help.contains("2 some files") && help.contains("3 every file"))
    }

    @Test func versionIsPrinted() throws {
        let (status, out, _) = try run(["--version"])
        #expect(status == 0)
        let version = out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil },
                "\(out)")
    }

    @Test func aNegativeLimitGetsARealMessage() throws {
        let w = try Workspace()
        for command in [["run", "--feed", w.feed, "--state", w.state], ["replay", "--state", w.state, "x.txt"], ["explain", "x.txt"]] {
            let (status, _, err) = try run(command + ["--max-article-bytes", "-1"])
            #expect(status == 64, "\(command): \(err)")
            #expect(err.contains("--max-article-bytes must be a positive number of bytes (got -1)"), "\(command): \(err)")
            #expect(!err.contains("Missing value"))
        }
        let (status, _, err) = try run(["replay", "--state", w.state, "--divergence-window-days", "-3", "x.txt"])
        #expect(status == 64)
        #expect(err.contains("--divergence-window-days must be 0 or more days (got -3)"), "\(err)")
    }

    @Test func aNameThatIsNotUTF8KeepsItsBytesAndIsEscapedAsInJournald() throws {
        let w = try Workspace()
        let seed = try RepoFiles.seedsInGoldOrder()[0]
        // "статья-<FF>.txt": valid Cyrillic, then one byte that is not UTF-8.
        let name = Array("статья-".utf8) + [0xFF] + Array(".txt".utf8)
        let path = Array(w.feed.utf8) + [UInt8(ascii: "/")] + name
        let data = try Data(contentsOf: URL(fileURLWithPath: seed))
        let written = (path + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c -> Int in
                let file = open(c.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                defer { close(file) }
                return data.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            }
        }
        #expect(written == data.count)

        let (status, _, err) = try run([Array("replay".utf8), Array("--state".utf8), Array(w.state.utf8),
                                        Array("--watchlist".utf8), Array(RepoFiles.watchlist.utf8), path])
        #expect(status == 0, "\(err)")
        #expect(!err.contains("disappeared"))
        let (_, stances, _) = try run(["stances", "--state", w.state])
        #expect(stances.contains("\"article\":\"статья-\\\\xFF.txt\""), "\(stances)")
        #expect(!stances.contains("\u{FFFD}"))

        // The daemon's catch-up scan opens it by its bytes, stores it under the same id, and a
        // restart does not take it again.
        let state2 = w.root + "/state2"
        for round in 1...2 {
            let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", state2], stderrPath: w.root + "/d\(round).log")
            #expect(daemon.waitUntilWatching(), "\(daemon.stderr)")
            #expect(daemon.terminate() == 0)
            #expect(daemon.stderrCount("article ingested") == (round == 1 ? 1 : 0), "\(daemon.stderr)")
        }
        let (_, stances2, _) = try run(["stances", "--state", state2])
        #expect(stances2.contains("\"article\":\"статья-\\\\xFF.txt\""), "\(stances2)")
    }

    @Test func aUTF16ArticleIsDecodedAndOneWithStrayBytesIsIngestedWithAWarning() throws {
        let w = try Workspace()
        let seed = try String(contentsOfFile: RepoFiles.seedsInGoldOrder()[0], encoding: .utf8)
        let utf16 = w.root + "/utf16.txt"
        _ = FileManager.default.createFile(atPath: utf16, contents: Data([0xFF, 0xFE] + seed.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }))
        var strayBytes = Array(seed.utf8)
        let middle = strayBytes.count / 2
        let cut = strayBytes[middle...].firstIndex { $0 == 0x20 }!  // between characters
        strayBytes.insert(0xFF, at: cut)
        let stray = w.root + "/stray.txt"
        _ = FileManager.default.createFile(atPath: stray, contents: Data(strayBytes))
        let (status, _, err) = try run(["replay", "--state", w.state, "--watchlist", RepoFiles.watchlist, utf16, stray])
        // Both are read; the second has the same text but for one character, so both are ingested.
        #expect(status == 0, "\(err)")
        #expect(err.contains("article 'stray.txt' has 1 byte that is not UTF-8 (the first at byte offset \(cut))"), "\(err)")
        #expect(try Status.read(state: w.state).ingested == 2)
    }

    @Test func statusAndStancesFindAStoreWithoutFlagsInTheDocumentedOrder() throws {
        let w = try Workspace()
        let seed = try RepoFiles.seedsInGoldOrder()[0]
        let local = w.root + "/.stancewatch"
        let (replayed, _, replayErr) = try run(["replay", "--state", local, "--watchlist", RepoFiles.watchlist, seed])
        #expect(replayed == 0, "\(replayErr)")
        func inRoot(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: try BuiltBinary.path())
            p.arguments = arguments
            p.currentDirectoryURL = URL(fileURLWithPath: w.root)
            var env = ProcessInfo.processInfo.environment
            env["STATE_DIRECTORY"] = nil
            env.merge(environment) { $1 }
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        // ./.stancewatch first (what run and replay use by default) ...
        let (status, out, err) = try inRoot(["status"])
        #expect(status == 0, "\(err)")
        #expect(out.contains("store:    ./.stancewatch/stancewatch.sqlite"), "\(out)")
        #expect(out.contains("articles: 1 ingested"), "\(out)")
        let (stancesStatus, stances, _) = try inRoot(["stances"])
        #expect(stancesStatus == 0 && stances.contains("\"article\":"))
        // ... while --state or $STATE_DIRECTORY, when given, are the only place looked at.
        let (named, _, namedErr) = try inRoot(["status"], environment: ["STATE_DIRECTORY": w.root + "/elsewhere"])
        #expect(named == 1)
        #expect(namedErr.contains("there is no Stancewatch store in \(w.root)/elsewhere"), "\(namedErr)")
        // With no store anywhere the error lists the search order (skipped when this host runs the service).
        guard !FileManager.default.fileExists(atPath: "/var/lib/stancewatch/stancewatch.sqlite"),
              !FileManager.default.fileExists(atPath: "/var/lib/private/stancewatch/stancewatch.sqlite") else { return }
        try FileManager.default.removeItem(atPath: local)
        let (missing, _, missingErr) = try inRoot(["status"])
        #expect(missing == 1)
        #expect(missingErr.contains("looked in ./.stancewatch, /var/lib/stancewatch, /var/lib/private/stancewatch"), "\(missingErr)")
    }
}

/// A refused file whose name is not UTF-8, as a real journald receives it.
@Suite(.enabled(if: JournalNamespace.isSupported, "needs root and systemd-journald"))
struct NonUTF8NameJournalTests {
    @Test func theRefusalEntryEscapesTheNameAsTheStoredIdDoes() throws {
        let journal = try JournalNamespace.start()
        defer { journal.stop() }
        let w = try Workspace()
        let daemon = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state], journal: journal,
                                       stderrPath: w.root + "/daemon.log")
        #expect(daemon.waitUntilWatching(), "\(daemon.stderr)")
        // An empty file named "bad-<FF>.txt", moved in by rename.
        let staged = w.root + "/staged"
        #expect(FileManager.default.createFile(atPath: staged, contents: Data()))
        let target = Array(w.feed.utf8) + Array("/bad-".utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let renamed = target.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { rename(staged, $0.baseAddress!) }
        }
        #expect(renamed == 0)
        let refusals = try journal.waitForEntries(timeout: .seconds(30)) { $0["MESSAGE_ID"] == JournaldEndToEndTests.refusedID }
        #expect(refusals.count == 1)
        #expect(refusals.first?["STANCE_FILE"] == "bad-\\xFF.txt")
        #expect(refusals.first?["MESSAGE"] == "article 'bad-\\xFF.txt' was refused: it is empty; skipped, nothing stored")
        #expect(daemon.terminate() == 0)
        // Recorded under the same id: a restart's catch-up scan does not report it again.
        let again = try StancewatchProcess(["run", "--feed", w.feed, "--state", w.state], journal: journal,
                                      stderrPath: w.root + "/again.log")
        #expect(again.waitUntilWatching(), "\(again.stderr)")
        #expect(again.terminate() == 0)
        let after = try journal.entries().filter { $0["MESSAGE_ID"] == JournaldEndToEndTests.refusedID }
        #expect(after.count == 1, "\(after)")
        #expect(!again.stderr.contains("disappeared"))
    }
}
