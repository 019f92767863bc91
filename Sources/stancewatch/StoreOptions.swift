/// `--store URL` (or `STANCEWATCH_STORE`) and `--store-password-file FILE`: which store the
/// history is in. Without them, the SQLite store in `--state`; with a `postgres://` URL, the
/// shared PostgreSQL store (the state folder then only keeps what is per host: the lock, the
/// feed's seen files, the metrics file).
import ArgumentParser
import Foundation
import PostgresStore
import Store

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The shared store, postgres://user@host:port/database (default: $STANCEWATCH_STORE, else SQLite in the state folder). "
            + "The password comes from $PGPASSWORD or --store-password-file, not the command line.",
        valueName: "url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("A file whose first line is the store's password (default: $STANCEWATCH_STORE_PASSWORD_FILE).",
                                            valueName: "file"))
    var storePasswordFile: String?

    /// The PostgreSQL location when a shared store was asked for (option, else environment).
    func location() throws -> PostgresLocation? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = store ?? environment["STANCEWATCH_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        guard PostgresLocation.isPostgresURL(url) else {
            throw CommandFailure("--store must be a postgres:// or postgresql:// URL (got '\(url)'); "
                                 + "leave it out to use the SQLite store in the state folder")
        }
        return try PostgresLocation(url: url, passwordFile: storePasswordFile ?? environment["STANCEWATCH_STORE_PASSWORD_FILE"],
                                    environment: environment)
    }

    /// The store to record into (`run`, `replay`): PostgreSQL (migrated on open) with the host's
    /// own SQLite store in `stateDirectory` for its feed, else SQLite in `stateDirectory`.
    /// With `whileUnreachable` (the daemon), a PostgreSQL server that cannot be reached is
    /// waited for: `whileUnreachable(location, why, delay)` before each wait, 1 s doubling to
    /// 15 s (half the unit's watchdog); `replay` fails at once instead. Blocks: call it from a
    /// thread of its own.
    func openForWriting(stateDirectory: String,
                        whileUnreachable: ((PostgresLocation, String, Duration) -> Void)? = nil) throws -> any StoreBackend {
        let local = try StanceStore(directory: stateDirectory)
        guard let location = try location() else { return local }
        if let whileUnreachable {
            var delay: Duration = .seconds(1)
            while let why = PostgresStanceStore.unreachableReason(location) {
                whileUnreachable(location, why, delay)
                Thread.sleep(forTimeInterval: Double(delay.components.seconds))
                delay = min(delay * 2, .seconds(15))
            }
        }
        return try PostgresStanceStore(location: location, local: local, migrate: true)
    }

    /// The store to read (`stances`, `status`): nothing is created or migrated.
    func openForReading(state: StateOptions) throws -> (store: any StoreBackend, shown: String) {
        if let location = try location() {
            return (try PostgresStanceStore(location: location, local: nil, migrate: false), location.description)
        }
        let directory = try state.existingStoreDirectory()
        return (try StanceStore.openForReading(directory: directory), directory + "/" + StanceStore.fileName)
    }

    /// The store the analyst's report reads (`report`): PostgreSQL with `--store`, else SQLite in the state folder.
    func openForReport(state: StateOptions) throws -> (store: any ReportSource, shown: String) {
        if let location = try location() {
            return (try PostgresStanceStore(location: location, local: nil, migrate: false), location.description)
        }
        let directory = try state.existingStoreDirectory()
        return (try StanceStore.openForReading(directory: directory), directory + "/" + StanceStore.fileName)
    }
}
