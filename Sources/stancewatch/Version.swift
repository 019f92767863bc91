/// The release version, in one place: `stancewatch --version` prints it and the journald
/// start-up entry carries it.
enum StancewatchVersion {
    static let current = "0.9.0"
}
