/// Which names in the feed folder are articles.
public enum FeedNames {
    /// true for names the daemon never looks at: dot-files and files still being written
    /// (`*.tmp`, `*.part`), which arrive later under their final name by atomic rename.
    public static func isIgnored(_ name: String) -> Bool {
        name.isEmpty || name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part")
    }

    /// The last path component of `path` (the article id).
    public static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }
}
