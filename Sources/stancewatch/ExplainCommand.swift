import ArgumentParser
import Corpus
import Watcher

/// `stancewatch explain`: for one article, each sentence that yielded a stance and why.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, for one article, each sentence that yielded a stance: actor, topic, polarity, stated date, rules."
    )

    @OptionGroup var watchlist: WatchlistOptions

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(articleLimitHelp, valueName: "bytes"))
    var maxArticleBytes: Int = ArticleReader.defaultMaxBytes

    @Flag(name: .long, help: "Print the engine's rules, stage by stage, in the order they are tried, and exit.")
    var rules = false

    @Argument(help: ArgumentHelp("The article file.", valueName: "file"))
    var file: String?

    func validate() throws {
        try validateArticleLimit(maxArticleBytes)
        if !rules && file == nil { throw ValidationError("Missing expected argument '<file>'") }
    }

    func run() async throws {
        if rules {
            print(RuleCatalog.text, terminator: "")
            return
        }
        // SQLite, file reads and the engine block: on a thread of their own, not the async pool.
        let command = self
        try await OwnThread.run(named: "stancewatch-explain") { try command.work() }
    }

    private func work() throws {
        let (_, list) = try watchlist.load()
        let explainer = try ArticleExplainer(watchlist: list, maxArticleBytes: maxArticleBytes)
        for line in try explainer.explain(path: file ?? "") { print(line) }
    }
}
