import Foundation

/// Finds the shipped default watchlist when the user gave no `--watchlist`.
public enum WatchlistLocator {
    /// The shipped watchlist for this executable: `<repo>/seeds/watchlist.yaml` when it runs from a
    /// build tree (`<repo>/.build/…/stancewatch`), else `/etc/stancewatch/watchlist.yaml` (the
    /// service's), else `<prefix>/share/stancewatch/watchlist.yaml` next to an installed binary, else `/usr/local/share/…` and `/usr/share/…`; `nil` when none exists.
    public static func defaultWatchlist(executable: String = executablePath()) -> String? {
        candidates(executable: executable).first { isReadableFile($0) }
    }

    /// Every place looked at, in order (for the error message when none is found).
    public static func candidates(executable: String = executablePath()) -> [String] {
        var out: [String] = []
        let binDir = (executable as NSString).deletingLastPathComponent
        // Build tree: the nearest ancestor holding Package.swift and seeds/watchlist.yaml.
        var dir = binDir
        for _ in 0..<5 {
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
            if isReadableFile(dir + "/Package.swift") {
                out.append(dir + "/seeds/watchlist.yaml")
                break
            }
        }
        // Installed: the operator's copy (the service's ConfigurationDirectory), then the shipped one.
        out.append(systemWatchlist)
        let prefix = (binDir as NSString).deletingLastPathComponent
        out.append(prefix + "/share/stancewatch/watchlist.yaml")
        for fixed in ["/usr/local/share/stancewatch/watchlist.yaml", "/usr/share/stancewatch/watchlist.yaml"]
        where !out.contains(fixed) {
            out.append(fixed)
        }
        return out
    }

    /// The watchlist `make install` puts in place (only when absent) and the unit reads.
    public static let systemWatchlist = "/etc/stancewatch/watchlist.yaml"

    /// The running executable's real path (`/proc/self/exe`), else `argv[0]` made absolute.
    public static func executablePath() -> String {
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return real
        }
        let arg0 = CommandLine.arguments.first ?? "stancewatch"
        if arg0.hasPrefix("/") { return arg0 }
        return FileManager.default.currentDirectoryPath + "/" + arg0
    }

    private static func isReadableFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
            && FileManager.default.isReadableFile(atPath: path)
    }
}
