import ArgumentParser
import Foundation
import Report
import Store

/// `stancewatch timeline ACTOR TOPIC`: one actor's stances on one topic in the terminal.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print one actor's timeline on one topic: dates, side, article, first words of the evidence, alerts."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var watchlist: WatchlistOptions

    @Option(name: .long, help: ArgumentHelp("First stated date included.", valueName: "yyyy-mm-dd"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Last stated date included.", valueName: "yyyy-mm-dd"))
    var until: String?

    @Option(name: .long, help: "Words of evidence shown per stance.")
    var words: Int = 12

    @Argument(help: ArgumentHelp("The actor's id (as in the watchlist).", valueName: "actor"))
    var actor: String

    @Argument(help: ArgumentHelp("The topic's id (as in the watchlist).", valueName: "topic"))
    var topic: String

    func run() throws {
        let store = try StanceStore.openForReading(directory: try state.existingStoreDirectory())
        // All actors of the topic: the divergences others raised against this actor are shown too.
        let filter = try ReportSelection.filter(since: since, until: until, topics: [topic], actors: [])
        let builder = ReportBuilder(store: store, watchlist: try watchlist.loadForReport(), filter: filter, source: store.path)
        let text = TerminalTimeline(model: try builder.model(), actor: actor, topic: topic).render(evidenceWords: max(1, words))
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
