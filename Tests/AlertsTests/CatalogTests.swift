import Alerts
import Foundation
import TestFixtures
import Testing

/// `deploy/stancewatch.catalog`: one entry per fixed MESSAGE_ID, in journald's catalog format,
/// with placeholders that name fields the entries really carry.
struct CatalogTests {
    static let catalogPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/stancewatch.catalog").path

    struct Entry {
        var id: String
        var headers: [String: String]
        var body: String
    }

    static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var inHeaders = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") && entries.isEmpty { continue }
            if line.hasPrefix("-- ") {
                entries.append(Entry(id: String(line.dropFirst(3)), headers: [:], body: ""))
                inHeaders = true
            } else if inHeaders, !line.isEmpty, let colon = line.firstIndex(of: ":") {
                entries[entries.count - 1].headers[String(line[..<colon])] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else if !entries.isEmpty {
                inHeaders = false
                entries[entries.count - 1].body += line + "\n"
            }
        }
        return entries
    }

    @Test func everyMessageIDHasAnEntryWithSubjectDefinedByAndSupport() throws {
        let entries = Self.parse(try String(contentsOfFile: Self.catalogPath, encoding: .utf8))
        #expect(Set(entries.map(\.id)) == [MessageID.shift, MessageID.divergence,
                                           MessageID.articleRefused, MessageID.daemonTrouble, MessageID.watchlistWarning])
        for entry in entries {
            #expect(entry.id.count == 32 && entry.id.allSatisfy(\.isHexDigit))
            #expect(entry.headers["Subject"].map { !$0.isEmpty } == true)
            #expect(entry.headers["Defined-By"] == "stancewatch")
            #expect(entry.headers["Support"] != nil)
            #expect(entry.body.contains("What to do"))
        }
    }

    @Test func alertPlaceholdersNameFieldsTheAlertCarries() throws {
        let entries = Self.parse(try String(contentsOfFile: Self.catalogPath, encoding: .utf8))
        let alerts: [String: Alert] = [MessageID.shift: AlertRecordTests.shift(),
                                       MessageID.divergence: AlertRecordTests.divergence()]
        for (id, alert) in alerts {
            let entry = try #require(entries.first { $0.id == id })
            let text = entry.headers["Subject", default: ""] + entry.body
            let names = Set(alert.journalFields.map(\.0))
            let placeholders = text.split(separator: "@", omittingEmptySubsequences: false)
                .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            #expect(!placeholders.isEmpty)
            for name in placeholders { #expect(names.contains(name), "\(name) is not a field of a \(alert.kind)") }
        }
    }

    /// journalctl compiles the catalog into a private root: the real parser accepts it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/journalctl")
                   || FileManager.default.isExecutableFile(atPath: "/bin/journalctl")))
    func journalctlCompilesTheCatalog() throws {
        let folder = try TemporaryFolder(prefix: "catalogtest")
        defer { withExtendedLifetime(folder) {} }  // removed when the test is done, not at its last use
        let root = URL(fileURLWithPath: folder.path)
        let dir = root.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("var/lib/systemd/catalog"),
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.catalogPath,
                                         toPath: dir.appendingPathComponent("stancewatch.catalog").path)
        func journalctl(_ args: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["journalctl", "--root=\(root.path)"] + args
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        _ = try journalctl(["--update-catalog"])
        let listed = try journalctl(["--list-catalog"])
        for id in [MessageID.shift, MessageID.divergence, MessageID.articleRefused, MessageID.daemonTrouble,
                   MessageID.watchlistWarning] {
            #expect(listed.contains("\(id) stancewatch: "), "journalctl did not list \(id)")
        }
    }
}
