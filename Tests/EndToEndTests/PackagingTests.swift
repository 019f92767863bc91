/// What `make install` ships agrees with itself and with the README: the synopsis lists every
/// option `--help` has, the catalog names README sections that exist and a path that works,
/// the tmpfiles.d entry creates the unit's feed folder, the unit reads the watchlist in /etc.
import Foundation
import Glibc
import TestFixtures
import Testing

struct PackagingTests {
    private func text(_ relative: String) throws -> String {
        try String(contentsOfFile: RepoFiles.root + "/" + relative, encoding: .utf8)
    }

    private func help(_ arguments: [String]) throws -> String {
        try StancewatchProcess.run(arguments + ["--help"]).stdout
    }

    /// The long options in a help text's OPTIONS section (`--help` and `--version` aside).
    private func options(inHelp help: String) -> Set<String> {
        guard let start = help.range(of: "OPTIONS:") else { return [] }
        let section = help[start.upperBound...]
        var found: Set<String> = []
        for line in section.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("-") else { continue }
            for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "=" }) where word.hasPrefix("--") {
                found.insert(String(word))
            }
        }
        return found.subtracting(["--help", "--version"])
    }

    /// The subcommands `stancewatch --help` lists.
    private func subcommands() throws -> [String] {
        let top = try help([])
        guard let start = top.range(of: "SUBCOMMANDS:") else { return [] }
        // "  name   abstract" lines (continuations are indented further), up to the first blank line.
        let lines = top[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        return lines.prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = line.split(separator: " ").first else { return nil }
            return String(first)
        }.filter { $0 != "help" }
    }

    @Test func theReadmeSynopsisListsEveryOptionOfEverySubcommand() throws {
        let readme = try text("README.md")
        guard let start = readme.range(of: "## Command line"), let block = readme[start.upperBound...].range(of: "```\n"),
              let end = readme[block.upperBound...].range(of: "```") else {
            Issue.record("README.md has no code block under '## Command line'")
            return
        }
        // One entry per command; an indented line continues the one above.
        var synopsis: [String] = []
        for line in readme[block.upperBound..<end.lowerBound].split(separator: "\n") {
            if line.hasPrefix(" "), !synopsis.isEmpty { synopsis[synopsis.count - 1] += " " + line } else { synopsis.append(String(line)) }
        }
        #expect(synopsis.contains { $0.hasPrefix("stancewatch --version") })
        let names = try subcommands()
        #expect(names.contains("run") && names.contains("replay"))
        for name in names {
            let line = synopsis.first { $0.hasPrefix("stancewatch \(name) ") || $0 == "stancewatch \(name)" }
            #expect(line != nil, "the README synopsis has no line for 'stancewatch \(name)'")
            guard let line else { continue }
            let words = Set(line.split(whereSeparator: { " []|.".contains($0) }).map(String.init))
            let missing = options(inHelp: try help([name])).subtracting(words)
            #expect(missing.isEmpty, "the README synopsis of 'stancewatch \(name)' lacks \(missing.sorted())")
        }
    }

    @Test func theCatalogNamesReadmeSectionsThatExistAndTheUnitsFeedFolder() throws {
        let catalog = try text("deploy/stancewatch.catalog")
        let headings = Set(try text("README.md").split(separator: "\n").filter { $0.hasPrefix("#") }
            .map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) })
        // Every quoted name after "section" is a heading of the README.
        var named: [String] = []
        for part in catalog.components(separatedBy: "(section ").dropFirst() {
            let list = part.prefix { $0 != ")" }
            named += list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        #expect(named.count >= 4)
        for section in named {
            #expect(headings.contains(section), "the catalog names a README section '\(section)' that does not exist")
        }
        // The explain hint points into the unit's feed folder, which tmpfiles.d creates.
        let unit = try text("deploy/stancewatch.service")
        let feed = try #require(unit.split(separator: "\n").first { $0.hasPrefix("Environment=STANCEWATCH_FEED=") }
            .map { String($0.dropFirst("Environment=STANCEWATCH_FEED=".count)) })
        #expect(catalog.contains("stancewatch explain \(feed)/@STANCE_ARTICLE@"))
        #expect(try text("deploy/stancewatch.tmpfiles").split(separator: "\n").contains { $0.hasPrefix("d \(feed) ") })
        #expect(!catalog.contains("explain @STANCE_ARTICLE@"))
    }

    @Test func theUnitReadsTheWatchlistInEtcWhichInstallNeverOverwrites() throws {
        let unit = try text("deploy/stancewatch.service")
        #expect(unit.contains("\nConfigurationDirectory=stancewatch\n"))
        #expect(unit.contains("\nEnvironment=STANCEWATCH_WATCHLIST=/etc/stancewatch/watchlist.yaml\n"))
        #expect(unit.contains("--watchlist ${STANCEWATCH_WATCHLIST}"))
        let makefile = try text("Makefile")
        #expect(makefile.contains("if [ -e $(DESTDIR)$(SYSCONFDIR)/stancewatch/watchlist.yaml ]; then"))
    }

    /// systemd-tmpfiles applies the shipped entry inside an install tree (no systemd needed).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-tmpfiles"),
                   "needs root and systemd-tmpfiles"))
    func theTmpfilesEntryCreatesTheFeedFolder() throws {
        let w = try Workspace()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-tmpfiles")
        p.arguments = ["--root=\(w.root)", "--create", RepoFiles.root + "/deploy/stancewatch.tmpfiles"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        var st = stat()
        #expect(lstat(w.root + "/var/lib/stancewatch-feed", &st) == 0)
        #expect(st.st_mode & S_IFMT == S_IFDIR)
        #expect(st.st_mode & 0o7777 == 0o755)
        #expect(st.st_uid == 0)
    }
}
