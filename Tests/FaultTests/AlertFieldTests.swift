/// Alert fields built from article text cannot forge journald fields or log lines and are
/// capped: crafted articles whose alert-raising sentence carries "\nSTANCE_KIND=forged" and
/// control characters, or runs to 100 KB, go through `replay` into a real journald.
import Foundation
import TestFixtures
import Testing

extension FaultSuite {
    @Suite struct AlertFields {
        @Test func craftedEvidenceCannotForgeFieldsAndIsCapped() throws {
            let seeds = try SeedArticle.loadAll()
            let seed = { (p: String) in seeds.first { $0.name.hasPrefix(p) }! }
            let s003 = seed("003")
            let anchor = "прекращение огня на Украине «возможно»"
            try #require(s003.body.contains(anchor), "seed 003 changed; the crafted articles need its shift sentence")
            // A newline inside the quote (the segmenter ends the sentence there: the rest never
            // reaches the evidence), and control characters that stay inside the sentence.
            let withNewline = s003.body.replacingOccurrences(
                of: anchor, with: "прекращение огня на Украине «возможно\nSTANCE_KIND=forged\nSTANCE_ACTOR=evil»")
            let withControls = s003.body.replacingOccurrences(
                of: anchor, with: "прекращение огня на Украине «возможно\u{1B}[2J\u{07}\u{85}\u{202E}\tSTANCE_KIND=forged\u{2028}STANCE_ACTOR=evil»")
            let padding = String(repeating: "и это долгое рассуждение без конца ", count: 100_000 / 34)
            let long = s003.body.replacingOccurrences(of: anchor, with: "прекращение огня на Украине, " + padding + "«возможно»")
            let contra = seed("001")
            let dir = try Paths.scratch("alertfields-files")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            // Each turn comes 17 days after the last: a reversal within 14 days is not a shift
            // (`AlertRules.reversalDays`), and every crafted article must raise one.
            let files: [(String, String)] = [
                (seed("000").name, seed("000").text), (seed("002").name, seed("002").text), (contra.name, contra.text),
                ("crafted-newline.txt", " date 2025-11-08 " + withNewline),
                ("contra-again.txt", " date 2025-11-25 " + contra.body),
                ("crafted-controls.txt", " date 2025-12-12 " + withControls),
                ("contra-again2.txt", " date 2025-12-29 " + contra.body + "\nЕщё раз."),
                ("crafted-100KB.txt", " date 2026-01-15 " + long),
            ]
            for (n, t) in files { try Data(t.utf8).write(to: URL(fileURLWithPath: dir + "/" + n)) }

            let sandbox = try Sandbox("alertfields")
            defer { sandbox.close() }
            let log = sandbox.root + "/alerts.jsonl"
            let r = try sandbox.run([Paths.binary, "replay", "--state", sandbox.root + "/state", "--watchlist", RepoFiles.watchlist,
                                     "--alert-log", log] + files.map { dir + "/" + $0.0 })
            try #require(r.succeeded, "replay failed: \(r.stderr.suffix(1500))")
            var alerts: [JournalEntry] = []
            _ = waitUntil(timeout: .seconds(10), interval: .milliseconds(200)) {
                alerts = (try? sandbox.alertEntries()) ?? []
                return alerts.contains { $0["STANCE_ARTICLE"] == "crafted-100KB.txt" }
            }
            let fromCrafted = alerts.filter { ($0["STANCE_ARTICLE"] ?? "").hasPrefix("crafted") || ($0["STANCE_PRIOR_ARTICLE"] ?? "").hasPrefix("crafted") }
            for name in ["crafted-newline.txt", "crafted-controls.txt"] {
                #expect(alerts.contains { $0["STANCE_ARTICLE"] == name }, "\(name) raised no alert; articles alerted: \(alerts.compactMap { $0["STANCE_ARTICLE"] })")
            }
            // The control characters reached the alert text and were neutralised there.
            #expect(alerts.contains { $0["STANCE_ARTICLE"] == "crafted-controls.txt" && ($0["STANCE_EVIDENCE"] ?? "").contains("STANCE_KIND=forged") })
            #expect(alerts.contains { $0["STANCE_ARTICLE"] == "crafted-100KB.txt" }, "the 100 KB sentence raised no alert")
            for e in alerts {
                #expect(e.fields["STANCE_KIND"] == [e["STANCE_KIND"]!] && ["shift", "divergence"].contains(e["STANCE_KIND"]!))
                #expect(e.fields["STANCE_ACTOR"]?.count == 1 && e["STANCE_ACTOR"] != "evil")
                for (name, values) in e.fields where name.hasPrefix("STANCE_") || name == "MESSAGE" {
                    for v in values {
                        #expect(!v.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 },
                                "\(name) carries a control character: \(v.prefix(120).debugDescription)")
                        #expect(v.count <= 2_000, "\(name) is \(v.count) characters long")
                    }
                }
                #expect((e["STANCE_EVIDENCE"] ?? "").count <= 1_000 && (e["STANCE_PRIOR_EVIDENCE"] ?? "").count <= 1_000)
            }
            // The alert log carries the same sanitised text, one record per line.
            let lines = (try String(contentsOfFile: log, encoding: .utf8)).split(separator: "\n")
            #expect(lines.count == readAlertLog(log).count && !lines.contains { $0.contains("\"STANCE_KIND\":\"forged\"") })
            print("alert fields: \(alerts.count) alerts, \(fromCrafted.count) from crafted articles; longest evidence \(alerts.map { ($0["STANCE_EVIDENCE"] ?? "").count }.max() ?? 0) characters")
        }
    }
}
