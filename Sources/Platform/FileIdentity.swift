// What identifies one version of a file: where it lives, its size and when it changed.
import Glibc

/// Device, inode, size and modification time: equal identities mean "the same file, unchanged".
public struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    /// st_dev.
    public var device: UInt64
    /// st_ino.
    public var inode: UInt64
    /// st_size in bytes.
    public var size: Int64
    /// st_mtim in nanoseconds since the epoch.
    public var modifiedNanoseconds: Int64

    /// Creates an identity from its parts.
    public init(device: UInt64, inode: UInt64, size: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The modification time in whole seconds since the epoch (for calendar days).
    public var modifiedSeconds: Int64 {
        modifiedNanoseconds >= 0 ? modifiedNanoseconds / 1_000_000_000
            : (modifiedNanoseconds - 999_999_999) / 1_000_000_000
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        modifiedNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    public var description: String { "dev \(device) ino \(inode) size \(size) mtime \(modifiedNanoseconds)ns" }
}

/// What kind of directory entry a path names (from lstat: a symlink is never followed).
public enum FileKind: Sendable, Hashable, CustomStringConvertible {
    case regular, directory, symlink, fifo, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a directory", "a FIFO" …, for sentences.
    public var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symlink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .other: "a device or other special file"
        }
    }
}
