/// One decoded `inotify_event` record.

/// One event from the kernel: which watch, what happened, to which name in the watched folder.
public struct InotifyEvent: Sendable, Hashable {
    /// The watch descriptor (-1 for a queue overflow).
    public var watch: Int32
    /// The raw IN_* mask.
    public var mask: UInt32
    /// Pairs IN_MOVED_FROM with IN_MOVED_TO.
    public var cookie: UInt32
    /// The entry name exactly as the kernel sent it (up to the first NUL); nil for events on the folder itself.
    public var nameBytes: [UInt8]?
    /// `nameBytes` decoded as UTF-8, invalid bytes as U+FFFD: for display, never for opening (use `nameBytes`).
    public var name: String? { nameBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// Creates an event from its raw parts.
    public init(watch: Int32, mask: UInt32, cookie: UInt32, nameBytes: [UInt8]?) {
        self.watch = watch
        self.mask = mask
        self.cookie = cookie
        self.nameBytes = nameBytes
    }

    /// IN_Q_OVERFLOW: events were lost; rescan the folder.
    public var isOverflow: Bool { mask & 0x4000 != 0 }
    /// IN_CLOSE_WRITE: a file opened for writing was closed.
    public var isCloseWrite: Bool { mask & 0x08 != 0 }
    /// IN_MOVED_TO: an entry was renamed into the folder.
    public var isMovedTo: Bool { mask & 0x80 != 0 }
    /// IN_DELETE_SELF, IN_MOVE_SELF or IN_UNMOUNT: the watched folder itself is gone or moved.
    public var isSelfGone: Bool { mask & (0x400 | 0x800 | 0x2000) != 0 }
    /// IN_IGNORED: the watch was removed (folder deleted, unmounted, or rm_watch).
    public var isIgnored: Bool { mask & 0x8000 != 0 }
    /// IN_ISDIR: the subject of the event is a directory.
    public var isDirectory: Bool { mask & 0x4000_0000 != 0 }
}
