/// Hostile evidence is shown as text; a large history is aggregated by month and says so;
/// the report is replaced atomically and kept current by the daemon's keeper.
import Alerts
import Corpus
import Foundation
import Glibc
import Platform
import Report
import Store
import TestFixtures
import Testing

/// Evidence a scraper could plant: markup, script, quotes of both kinds, an entity, a bidi
/// override that would turn the rest around, zero-width and control characters, an address.
let hostileEvidence = "Токаев: <script>document.title='PWNED'</script> \"двойные\" 'одинарные' &lt;b&gt; "
    + "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> \u{202E}exe.txt\u{202C} "
    + "\u{2066}изоляция\u{2069} \u{200B}\u{0007}\u{001B}[31m https://evil.example/x.js перемирие возможно"

let hostileWatchlist = Watchlist(
    actors: [.init(id: "tokayev", names: ["Токаев"], group: "kazakhstan"),
             .init(id: "sarym", names: ["Сарым"], group: "kazakhstan")],
    topics: [.init(id: "settlement-prospects", label: "Перемирие <b>\"скоро\"</b>", cues: ["перемирие"],
                   pro: "возможно & достижимо", contra: "нереалистично \u{202E}наоборот")])

/// A store with the hostile evidence in a stance (article names hostile too) and the alerts it raises.
func hostileStore(in folder: TemporaryFolder) throws -> StanceStore {
    let store = try StanceStore(directory: folder.file("state"))
    let rules = AlertRules(watchlist: hostileWatchlist)
    func put(_ name: String, _ date: String, _ stances: [Stance], _ n: Int) throws {
        _ = try store.ingest(Article(id: name, date: Day(iso: date)!, hasHeaderDate: true, body: "body"),
                             hash: "hash-\(n)", identity: FileIdentity(device: 1, inode: UInt64(n), size: 1, modifiedNanoseconds: Int64(n)),
                             stances: stances, rules: rules)
    }
    try put("a\"<b>1.txt", "2025-01-10", [stance("a\"<b>1.txt", "tokayev", "settlement-prospects", .contra, "2025-01-10",
                                                 evidence: "Токаев: <i>не скоро</i> & 'нет'")], 1)
    try put("evil'2.txt", "2025-03-01", [stance("evil'2.txt", "tokayev", "settlement-prospects", .pro, "2025-03-01",
                                                evidence: hostileEvidence)], 2)
    try put("x3.txt", "2025-03-05", [stance("x3.txt", "sarym", "settlement-prospects", .contra, "2024-11-01",
                                            evidence: "Сарым \u{202E}сказал\u{202C} <b>нет</b>")], 3)
    return store
}

struct HostileEvidenceTests {
    @Test func hostileEvidenceIsEscapedAndShownAsText() throws {
        let folder = try TemporaryFolder()
        let store = try hostileStore(in: folder)
        let alerts = try store.reportAlerts()
        #expect(alerts.contains { $0.alert.kind == .shift }, "the hostile pro after contra raises a shift")
        let html = try ReportBuilder(store: store, watchlist: hostileWatchlist, source: "hostile").html()

        // No markup from the evidence reached the page as markup,
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("<i>не скоро</i>"))
        #expect(!html.contains("<b>нет</b>"))
        #expect(networkAndScriptReferences(in: html) == [])
        // it is there as escaped text (an entity in the evidence stays visible as written),
        #expect(html.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"))
        #expect(html.contains("&amp;lt;b&amp;gt;"))
        #expect(html.contains("&lt;i&gt;не скоро&lt;/i&gt; &amp; 'нет'"))
        // quotes in attribute values (article ids in titles) are escaped,
        #expect(!html.contains("a\"<b>1.txt"))
        #expect(html.contains("a\"&lt;b&gt;1.txt") || html.contains("a&quot;&lt;b&gt;1.txt"))
        // no bidi or control character reaches the page raw; each is shown as its code,
        for scalar in ["\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{0007}", "\u{001B}"] {
            #expect(!html.contains(scalar), "U+\(String(scalar.unicodeScalars.first!.value, radix: 16)) reached the page")
        }
        #expect(html.contains("[U+202E]exe.txt[U+202C]"))
        #expect(html.contains("[U+001B][31m"))
        // and the retrospective statement (stated months before its article) is marked as such.
        #expect(html.contains("retrospective, reported late"))
    }

    @Test(.enabled(if: Chromium.path != nil, Chromium.skipReason))
    func inChromiumTheHostileEvidenceIsTextAndNothingRuns() throws {
        let folder = try TemporaryFolder()
        let store = try hostileStore(in: folder)
        let page = folder.file("hostile.html")
        try ReportBuilder(store: store, watchlist: hostileWatchlist, source: "hostile").write(to: page)
        let dom = try Chromium.dumpDOM(of: page, in: folder)
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("<title>Stancewatch report</title>"), "a script changed the title or the page did not load")
        #expect(!dom.stdout.contains("PWNED</title>"))
        #expect(!dom.stdout.contains("data-pwned=\"1\""), "the onerror handler ran")
        #expect(!dom.stdout.lowercased().contains("<script"))
        #expect(!dom.stdout.lowercased().contains("<img"))
        // The browser holds the evidence as text: its serialisation escapes the angle brackets again.
        #expect(dom.stdout.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"))
    }
}

struct ScaleTests {
    @Test func aLargeHistoryIsAggregatedByMonthAndThePageSaysHowMuch() throws {
        let folder = try TemporaryFolder()
        let store = try StanceStore(directory: folder.file("state"))
        let watchlist = try Watchlist(contentsOfFile: RepoFiles.watchlist)
        let rules = AlertRules(watchlist: watchlist)
        // 3,000 stances of tokayev over two years (one article each ten stances), 20 of sarym.
        var random = SeededRandom(seed: 11)
        var stanceCount = 0
        for n in 0..<300 {
            let date = Day(iso: "2023-01-01")!.adding(days: n * 730 / 300)
            let name = "gen-\(n).txt"
            var stances: [Stance] = (0..<10).map { i in
                stance(name, "tokayev", "settlement-prospects", random.next() % 5 == 0 ? .contra : .pro,
                       date.adding(days: -(i % 3)).description, evidence: "Токаев \(n)-\(i)")
            }
            if n % 15 == 0 {
                stances.append(stance(name, "sarym", "settlement-prospects", .contra, date.description, evidence: "Сарым \(n)"))
            }
            stanceCount += stances.count
            _ = try store.ingest(Article(id: name, date: date, hasHeaderDate: true, body: "b"), hash: "h\(n)",
                                 identity: FileIdentity(device: 1, inode: UInt64(n), size: 1, modifiedNanoseconds: 1),
                                 stances: stances, rules: rules)
        }
        var builder = ReportBuilder(store: store, watchlist: watchlist, source: "generated")
        builder.evidencePerMonth = 4
        builder.alertsPerKind = 25
        let model = try builder.model()
        #expect(model.stanceCount == stanceCount)
        let section = try #require(model.sections.first { $0.topic == "settlement-prospects" })
        let busy = try #require(section.geometry.rows.first { $0.key == "tokayev" })
        let quiet = try #require(section.geometry.rows.first { $0.key == "sarym" })
        #expect(busy.aggregated == 3000 && busy.marks.isEmpty)
        #expect(busy.bars.reduce(0) { $0 + $1.pro + $1.contra } == 3000)
        #expect(quiet.aggregated == 0 && quiet.marks.count == 20)
        #expect(model.aggregatedCount == 3000)
        let html = HTMLReport(model: model).render()
        #expect(html.contains("Aggregated: 3000 of \(stanceCount) stances are drawn as \(busy.bars.count) month bars"))
        // Each month bar links to its month's entry, which says how many of its stances are listed.
        for bar in busy.bars {
            #expect(html.contains("href=\"#m-settlement-prospects-tokayev-\(bar.label)\""))
            #expect(html.contains("id=\"m-settlement-prospects-tokayev-\(bar.label)\""))
        }
        #expect(html.contains(" shown (stancewatch timeline tokayev settlement-prospects --since "))
        // Only the newest 25 shifts are listed, and the page says so; every listed alert's
        // stances stay in the evidence lists, so its evidence links resolve.
        let shifts = model.alerts.count { $0.alert.kind == .shift }
        #expect(shifts > 25)
        #expect(html.contains("The newest 25 of \(shifts) are listed"))
        #expect(model.listedAlerts.count { $0.alert.kind == .shift } == 25)
        #expect(model.listedAlerts.filter { $0.alert.kind == .shift }.map(\.alert.id)
            == model.alerts.filter { $0.alert.kind == .shift }.prefix(25).map(\.alert.id))
        for a in model.listedAlerts {
            #expect(html.contains("id=\"\(HTMLText.alertAnchor(a.alert.id))\""))
            if let e = model.entry(for: a.alert, prior: false) { #expect(html.contains("id=\"\(e.anchor)\"")) }
            if let e = model.entry(for: a.alert, prior: true) { #expect(html.contains("id=\"\(e.anchor)\"")) }
        }
        // No link points at an alert that is not listed.
        for a in model.alerts.dropFirst(0) where !model.listedAlerts.contains(where: { $0.alert.id == a.alert.id }) {
            #expect(!html.contains("href=\"#\(HTMLText.alertAnchor(a.alert.id))\""))
        }
        #expect(networkAndScriptReferences(in: html) == [])
    }
}

struct ReportKeeperTests {
    @Test func theKeeperWritesAtStartAndAgainAfterAlertsReplacingThePageWhole() throws {
        let folder = try TemporaryFolder()
        let store = try hostileStore(in: folder)
        let page = folder.file("live.html")
        let written = WriteLog()
        let keeper = ReportKeeper(builder: ReportBuilder(store: store, watchlist: hostileWatchlist, source: "live"),
                                  path: page, minimumInterval: 0) { result in
            if case .success(let bytes) = result { written.add(bytes) }
        }
        keeper.start()
        written.waitFor(1)
        let first = try String(contentsOfFile: page, encoding: .utf8)
        #expect(first.hasPrefix("<!DOCTYPE html>") && first.hasSuffix("</html>"))
        #expect(!first.contains("Сарым 2"))

        // A new article with a stance arrives and raises alerts: the page is rewritten with it.
        _ = try store.ingest(Article(id: "late.txt", date: Day(iso: "2025-04-01")!, hasHeaderDate: true, body: "b"),
                             hash: "late", identity: FileIdentity(device: 1, inode: 99, size: 1, modifiedNanoseconds: 1),
                             stances: [stance("late.txt", "sarym", "settlement-prospects", .pro, "2025-04-01", evidence: "Сарым 2")],
                             rules: AlertRules(watchlist: hostileWatchlist))
        keeper.alertsRaised()
        written.waitFor(2)
        keeper.finish()
        let second = try String(contentsOfFile: page, encoding: .utf8)
        #expect(second.contains("Сарым 2"))
        #expect(second.hasSuffix("</html>"))
        // No temporary file is left next to the page.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("live.html") } == ["live.html"])
    }

    @Test func callsWithinTheIntervalAreFoldedIntoOneLaterWrite() throws {
        let folder = try TemporaryFolder()
        let store = try hostileStore(in: folder)
        let written = WriteLog()
        let keeper = ReportKeeper(builder: ReportBuilder(store: store, watchlist: hostileWatchlist, source: "live"),
                                  path: folder.file("r.html"), minimumInterval: 3600) { result in
            if case .success(let bytes) = result { written.add(bytes) }
        }
        keeper.start()
        written.waitFor(1)
        for _ in 0..<50 { keeper.alertsRaised() }
        // Within the hour nothing more is written; finishing writes the one that is due.
        keeper.finish()
        #expect(written.count == 2)
    }
}

/// Counts writes and lets a test wait for the n-th (a condition, not a sleep).
final class WriteLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [Int] = []

    func add(_ n: Int) {
        condition.lock()
        bytes.append(n)
        condition.broadcast()
        condition.unlock()
    }

    func waitFor(_ n: Int) {
        condition.lock()
        while bytes.count < n { condition.wait() }
        condition.unlock()
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return bytes.count
    }
}

struct DaemonReportTests {
    @Test func runWithReportRewritesThePageAfterTheArticlesThatRaisedAlerts() throws {
        // Given the daemon running on an empty feed with --report
        let folder = try TemporaryFolder()
        let feed = folder.file("feed"), state = folder.file("state"), page = folder.file("live.html")
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: true)
        let daemon = try StancewatchProcess(["run", "--feed", feed, "--state", state, "--watchlist", RepoFiles.watchlist,
                                             "--report", page, "--report-interval", "0"],
                                            stderrPath: folder.file("daemon.err"))
        // the page is there from the start, with no stance yet;
        #expect(daemon.wait(timeout: .seconds(120)) { (try? String(contentsOfFile: page, encoding: .utf8))?.contains("0 stances") == true })

        // When the seeds arrive in the gold order (atomic renames into the feed)
        for path in try RepoFiles.seedsInGoldOrder() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            try FileManager.default.copyItem(atPath: path, toPath: feed + "/." + name)
            try FileManager.default.moveItem(atPath: feed + "/." + name, toPath: feed + "/" + name)
        }

        // Then the page comes to show the tokayev settlement-prospects shift raised at seed 003,
        let store = { try StanceStore.openForReading(directory: state) }
        #expect(daemon.wait(timeout: .seconds(120)) {
            guard let html = try? String(contentsOfFile: page, encoding: .utf8),
                  let alerts = try? store().reportAlerts(),
                  let shift = alerts.first(where: { $0.alert.kind == .shift && $0.alert.actor == "tokayev" })
            else { return false }
            return html.contains("id=\"\(HTMLText.alertAnchor(shift.alert.id))\"")
        })
        // and after a graceful stop it holds every alert the store holds, whole.
        _ = daemon.terminate(grace: .seconds(120))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasSuffix("</html>"))
        let alerts = try store().reportAlerts()
        #expect(!alerts.isEmpty)
        for a in alerts { #expect(html.contains("id=\"\(HTMLText.alertAnchor(a.alert.id))\"")) }
    }
}
