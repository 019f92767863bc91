public import Platform
public import Store

/// Catch-up scan: which entries in the feed folder still need the pipeline, in arrival order.
///
/// Needs the feed folder and the store. Adds the list of entries not yet handled, ordered by
/// modification time, then name (so a restart raises the same alerts as an uninterrupted run).
/// Only `lstat` is used: an entry the store already holds with the same identity is never
/// re-read, which keeps start-up fast with 100,000 ingested files in the folder.
public struct FeedScanner: Sendable {
    /// One directory entry that still needs the pipeline.
    public struct Entry: Sendable, Hashable {
        /// The name exactly as the kernel gave it (names need not be UTF-8).
        public var nameBytes: [UInt8]
        /// The name as text: the article id.
        public var name: String { fileNameText(bytes: nameBytes) }
        /// Its lstat identity at scan time.
        public var identity: FileIdentity
        /// What it is (only regular files can become articles; the rest are refused).
        public var kind: FileKind

        /// An entry with these parts.
        public init(nameBytes: [UInt8], identity: FileIdentity, kind: FileKind) {
            self.nameBytes = nameBytes
            self.identity = identity
            self.kind = kind
        }
    }

    /// The folder scanned.
    public var directory: String

    /// A scanner of `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The entries `store` has not handled yet, oldest modification first, then by name;
    /// ignored names (dot-files, `*.tmp`, `*.part`) and entries gone during the scan are left out.
    public func pending(store: any StoreBackend) throws -> [Entry] {
        var listed = try SafeFile.listDirectory(atPath: directory)
        listed.removeAll { FeedNames.isIgnored($0.name) }
        // Merge the listing, sorted by name bytes, with the recorded files streamed in the same
        // (SQLite BINARY) order: exact, one read, and no map of 100,000 names held in memory.
        // Matched by article id (`fileNameText`: the name itself, or \xNN escapes when it is not UTF-8).
        let ids = listed.map { Array(fileNameText(bytes: $0.nameBytes).utf8) }
        let order = ids.indices.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }
        listed = order.map { listed[$0] }
        let sortedIDs = order.map { ids[$0] }
        var handled = [Bool](repeating: false, count: listed.count)
        var next = 0
        if !listed.isEmpty {
            try store.forEachSeenFile { name, identity in
                let key = name.utf8
                while next < listed.count, sortedIDs[next].lexicographicallyPrecedes(key) { next += 1 }
                if next < listed.count, sortedIDs[next].elementsEqual(key) {
                    handled[next] = listed[next].identity == identity
                    next += 1
                }
            }
        }
        return Self.arrivalOrder(zip(listed, handled).compactMap { entry, done in
            done ? nil : Entry(nameBytes: entry.nameBytes, identity: entry.identity, kind: entry.kind)
        })
    }

    /// Sorts entries by modification time, then by name (byte order): the order they arrived in.
    public static func arrivalOrder(_ entries: [Entry]) -> [Entry] {
        entries.sorted { a, b in
            if a.identity.modifiedNanoseconds != b.identity.modifiedNanoseconds {
                return a.identity.modifiedNanoseconds < b.identity.modifiedNanoseconds
            }
            return a.nameBytes.lexicographicallyPrecedes(b.nameBytes)
        }
    }
}
