/// `stancewatch migrate --store URL`: creates or upgrades the shared PostgreSQL store's schema
/// (what the daemon also does on start), safe while other hosts start or run.
import ArgumentParser
import PostgresStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the shared PostgreSQL store's schema (the daemon also does it on start)."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let location = try store.location() else {
            throw CommandFailure("migrate needs --store postgres://user@host:port/database (or $STANCEWATCH_STORE); "
                                 + "the SQLite store in a state folder migrates itself when opened")
        }
        let shared = try PostgresStanceStore(location: location, local: nil, migrate: false, allowUnmigrated: true)
        let applied = try shared.migrate()
        print(applied.isEmpty ? "\(location): the schema is up to date"
                              : "\(location): applied migration(s) \(applied.map(String.init).joined(separator: ", "))")
    }
}
