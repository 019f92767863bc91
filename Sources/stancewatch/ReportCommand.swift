import ArgumentParser
import Corpus
import Foundation
import Logging
import Report
import Store

/// `stancewatch report`: the analyst's view as one self-contained HTML page, and the
/// `--report` options `run` uses to keep such a page current.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the timelines, alerts and counts as one self-contained HTML page (no script, nothing loaded from elsewhere).",
        discussion: """
            Per topic: one timeline per actor along the stated dates (▲ pro, ▼ contra, hollow = reported late), \
            shifts and divergences drawn between statements, every mark linked to its evidence; then the alerts \
            (newest first, one section per kind) and the counts per topic and actor. Reads the store in --state, \
            or the shared PostgreSQL store with --store URL.
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var watchlist: WatchlistOptions
    @OptionGroup var selection: ReportSelection

    @Option(name: .long, help: ArgumentHelp("In rows drawn as month bars, list at most this many stances' evidence per month.",
                                            valueName: "n"))
    var evidencePerMonth: Int = 3

    @Option(name: .long, help: ArgumentHelp("List at most this many alerts of each kind, the newest.", valueName: "n"))
    var alertsPerKind: Int = 1000

    @Option(name: .long, help: ArgumentHelp("The HTML file to write (replaced atomically).", valueName: "file.html"))
    var out: String

    func validate() throws {
        guard evidencePerMonth >= 1 else { throw ValidationError("--evidence-per-month must be 1 or more") }
        guard alertsPerKind >= 1 else { throw ValidationError("--alerts-per-kind must be 1 or more") }
        guard !out.isEmpty else { throw ValidationError("--out must name a file") }
    }

    func run() throws {
        let started = Date()
        let (store, shown) = try storeOptions.openForReport(state: state)
        var builder = ReportBuilder(store: store, watchlist: try watchlist.loadForReport(), filter: try selection.filter(),
                                    source: shown)
        builder.evidencePerMonth = evidencePerMonth
        builder.alertsPerKind = alertsPerKind
        let model = try builder.model()
        let html = HTMLReport(model: model).render()
        try ReportBuilder.writeAtomically(Data(html.utf8), to: out)
        let seconds = Date().timeIntervalSince(started)
        print("wrote \(out): \(html.utf8.count) bytes, \(model.stanceCount) stances (\(model.aggregatedCount) aggregated by month), "
              + "\(model.alerts.count) alerts, \(model.sections.count) topics, in \(String(format: "%.2f", seconds)) s")
    }
}

/// `--since`, `--until`, `--topic`, `--actor`: what a report or a timeline covers.
struct ReportSelection: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("First stated date included.", valueName: "yyyy-mm-dd"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Last stated date included.", valueName: "yyyy-mm-dd"))
    var until: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these topics (ids).", valueName: "id"))
    var topic: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these actors (ids).", valueName: "id"))
    var actor: [String] = []

    func validate() throws { _ = try filter() }

    func filter() throws -> StanceStore.ReportFilter {
        try Self.filter(since: since, until: until, topics: topic, actors: actor)
    }

    static func filter(since: String?, until: String?, topics: [String], actors: [String]) throws -> StanceStore.ReportFilter {
        func day(_ text: String?, _ option: String) throws -> Day? {
            guard let text else { return nil }
            guard let day = Day(iso: text) else { throw ValidationError("\(option) must be a date as YYYY-MM-DD, not '\(text)'") }
            return day
        }
        let filter = StanceStore.ReportFilter(since: try day(since, "--since"), until: try day(until, "--until"),
                                              topics: Set(topics), actors: Set(actors))
        if let s = filter.since, let u = filter.until, u < s {
            throw ValidationError("--until \(u) is before --since \(s): nothing would be shown")
        }
        return filter
    }
}

/// `run --report FILE.html [--report-interval SECONDS]`: the daemon keeps a report current.
struct ReportKeeperOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Keep this HTML report current: rewritten atomically after each article that raised an alert.",
                                            valueName: "file.html"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Rewrite the report at most once every this many seconds.", valueName: "seconds"))
    var reportInterval: Double = 10

    func validate() throws {
        guard reportInterval >= 0, reportInterval.isFinite else { throw ValidationError("--report-interval must be 0 or more seconds") }
    }

    /// A started keeper over `store`, or nil without `--report`.
    func keeper(store: any ReportSource, watchlist: Watchlist, source: String, logger: Logger) -> ReportKeeper? {
        guard let report else { return nil }
        let builder = ReportBuilder(store: store, watchlist: watchlist, source: source)
        let keeper = ReportKeeper(builder: builder, path: report, minimumInterval: reportInterval) { result in
            switch result {
            case .success(let bytes):
                logger.info("report rewritten", metadata: ["report.path": "\(report)", "report.bytes": "\(bytes)"])
            case .failure(let error):
                logger.error("\(error); the daemon carries on and tries again after the next alert")
            }
        }
        keeper.start()
        return keeper
    }
}

extension WatchlistOptions {
    /// The watchlist for labels and groups; without --watchlist, the shipped one if found, else none
    /// (the report then names topics and actors by their ids).
    func loadForReport() throws -> Watchlist? {
        if watchlist != nil { return try load().watchlist }
        return try? load().watchlist
    }
}
