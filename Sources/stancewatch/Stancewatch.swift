import ArgumentParser

/// `stancewatch`: the command line. `run` is the daemon; `replay`, `stances`, `status` and
/// `explain` are the tools around it. Errors from every subcommand are rendered in one place
/// (ArgumentParser's `main`: "Error: <sentence>", exit status 1; usage errors exit 64);
/// `replay` adds 2 (some files refused) and 3 (every file refused), see `ReplayCommand`.
/// The version comes from `StancewatchVersion` alone.
@main
struct Stancewatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stancewatch",
        abstract: "Watch a folder of Russian news articles and alert (journald) when a watched figure's stance shifts.",
        discussion: """
            Articles land in the feed folder (one file each, first line ' date YYYY-MM-DD ...'). The daemon extracts \
            pro/contra stances of the watchlist's actors on its topics, keeps the history in SQLite in the state \
            folder, and logs 'shift' and 'divergence' alerts to journald (and to --alert-log as JSON Lines).
            """,
        version: StancewatchVersion.current,
        subcommands: [
            RunCommand.self,
            ReplayCommand.self,
            StancesCommand.self,
            StatusCommand.self,
            ExplainCommand.self,
            CheckWatchlistCommand.self,
            ReportCommand.self,
            TimelineCommand.self,
            MigrateCommand.self,
        ]
    )
}
