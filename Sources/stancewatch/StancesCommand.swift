import ArgumentParser
import Foundation
import Store
import Watcher

/// `stancewatch stances`: every stored stance as JSON Lines (spec §5).
struct StancesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stances",
        abstract: "Print every stored stance as JSON Lines (article, actor, topic, stance, stated, evidence, ...)."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        // SQLite, file reads and the engine block: on a thread of their own, not the async pool.
        let command = self
        try await OwnThread.run(named: "stancewatch-stances") { try command.work() }
    }

    private func work() throws {
        let store = try storeOptions.openForReading(state: state).store
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        try store.forEachStance { stance in
            out += String(decoding: try encoder.encode(stance), as: UTF8.self)
            out += "\n"
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
