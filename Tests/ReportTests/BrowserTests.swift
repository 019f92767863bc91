/// The seeds' report opened in a real browser (headless Chromium from Debian's packages):
/// the screenshot is not blank and the rendered DOM holds every stance's mark and evidence.
import Foundation
import Report
import Store
import TestFixtures
import Testing

@Suite(.enabled(if: Chromium.path != nil, Chromium.skipReason))
struct BrowserTests {
    @Test func theSeedReportRendersInChromiumAsAPictureNotABlankPage() throws {
        // Given the seeds' report written by the real binary
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let page = folder.file("seeds.html")
        let written = try stancewatch(["report", "--state", state, "--watchlist", RepoFiles.watchlist, "--out", page], in: folder)
        #expect(written.status == 0, "\(written.stderr)")

        // When Chromium takes a 1400×2400 screenshot of it
        let png = folder.file("seeds.png")
        let shot = try Chromium.screenshot(of: page, to: png, in: folder)
        #expect(shot.status == 0, "\(shot.stderr)")
        #expect(FileManager.default.fileExists(atPath: png), "Chromium wrote no screenshot: \(shot.stderr)")

        // Then the picture is the page's size and not blank: many colours (text, both sides'
        // marks, lines), with the white background far from all of it.
        let picture = try pngColours(png, in: folder)
        #expect(picture.width == 1400 && picture.height == 2400)
        #expect(picture.colours >= 50, "only \(picture.colours) colours: the page looks blank")
        #expect(picture.dominantShare < 0.97, "\(picture.dominantShare * 100)% of the picture is one colour")
    }

    @Test func theRenderedDOMHoldsEveryStanceMarkAndEveryAlertRow() throws {
        let folder = try TemporaryFolder()
        let state = try replaySeeds(into: folder)
        let page = folder.file("seeds.html")
        let written = try stancewatch(["report", "--state", state, "--watchlist", RepoFiles.watchlist, "--out", page], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let dom = try Chromium.dumpDOM(of: page, in: folder)
        #expect(dom.status == 0, "\(dom.stderr)")
        let store = try StanceStore.openForReading(directory: state)
        for s in try store.reportStances() {
            #expect(dom.stdout.contains("id=\"s-\(s.id)\""))
            #expect(dom.stdout.contains("href=\"#s-\(s.id)\""))
        }
        for a in try store.reportAlerts() {
            #expect(dom.stdout.contains("id=\"\(HTMLText.alertAnchor(a.alert.id))\""))
        }
        // The timelines became SVG elements in the browser (one per topic with stances, plus the legend).
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 >= 2)
    }
}
