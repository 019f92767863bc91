import ArgumentParser
import Corpus
import Foundation
import Watcher

/// `stancewatch check-watchlist`: the watchlist lint, before the daemon guesses.
struct CheckWatchlistCommand: ParsableCommand {
    /// Exit statuses, documented in `--help` and the README.
    enum Status {
        static let clean: Int32 = 0
        static let warnings: Int32 = 1
        static let unreadable: Int32 = 2
    }

    static let configuration = CommandConfiguration(
        commandName: "check-watchlist",
        abstract: "Check a watchlist for what will make the engine guess: shared or generic cues, topics told apart by nothing, shared names and roles.",
        discussion: """
            Prints one warning per problem as FILE:LINE: warning [check] ..., each followed by a suggestion (which \
            words to add to which topic's cues, label or descriptions; which name or role to make specific), then a \
            summary line. The daemon logs the same warnings to journald (PRIORITY=4) at start-up and on reload.
            Exit status: 0 no warnings; 1 warnings were printed; 2 the file cannot be read or is not a valid \
            watchlist (FILE:LINE: error ... on stderr), or the lexicons are missing; 64 bad usage.
            """
    )

    @Argument(help: ArgumentHelp("The watchlist YAML (default: the shipped seeds/watchlist.yaml).", valueName: "file"))
    var file: String?

    func run() throws {
        let path = try WatchlistOptions(watchlist: file).path()
        let list: Watchlist
        do {
            list = try Watchlist(contentsOfFile: path)
        } catch {
            let place = error.line.map { "\(error.file):\($0)" } ?? error.file
            FileHandle.standardError.write(Data("\(place): error: the watchlist \(error.problem); it was not checked\n".utf8))
            throw ExitCode(Status.unreadable)
        }
        let lint: WatchlistLint
        do {
            lint = try WatchlistLint()
        } catch {
            FileHandle.standardError.write(Data("\(path): error: \(error)\n".utf8))
            throw ExitCode(Status.unreadable)
        }
        let warnings = lint.warnings(list)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = WatchlistLines(yaml: text)
        for w in warnings {
            let place = lines.line(of: w.place).map { "\(path):\($0)" } ?? path
            print("\(place): warning [\(w.check.rawValue)] \(w.message)")
            print("    suggestion: \(w.suggestion)")
        }
        let size = "\(list.actors.count) actors, \(list.topics.count) topics"
        guard !warnings.isEmpty else {
            print("\(path): no warnings (\(size))")
            return
        }
        var counts: [WatchlistWarning.Check: Int] = [:]
        for w in warnings { counts[w.check, default: 0] += 1 }
        let summary = counts.keys.sorted().map { "\(counts[$0]!) \($0.rawValue)" }.joined(separator: ", ")
        print("\(path): \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (\(summary)) in \(size)")
        throw ExitCode(Status.warnings)
    }
}

extension WatchlistOptions {
    /// Options with `watchlist` set (or not), for subcommands that take the file as an argument.
    init(watchlist: String?) {
        self.init()
        self.watchlist = watchlist
    }
}
