import ArgumentParser
import Foundation
import Store
import Watcher

/// `stancewatch status`: what the store holds (articles by status, stances, alerts, last error).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the store holds: articles by status, stances, alerts sent and pending, the last error."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        // SQLite, file reads and the engine block: on a thread of their own, not the async pool.
        let command = self
        try await OwnThread.run(named: "stancewatch-status") { try command.work() }
    }

    private func work() throws {
        let (store, shown) = try storeOptions.openForReading(state: state)
        let status = try store.status()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        print("""
            store:    \(shown)
            articles: \(status.articles.ingested) ingested, \(status.articles.refused) refused
            stances:  \(status.stances)
            alerts:   \(status.alerts.sent) sent, \(status.alerts.pending) pending
            last error: \(status.lastError ?? "none")
            """)
    }
}
