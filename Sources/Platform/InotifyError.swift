// Why an inotify operation failed.
import Glibc

/// Why an inotify operation failed, as a sentence.
public struct InotifyError: Error, CustomStringConvertible, Equatable {
    /// The failing call ("inotify_init1", "inotify_add_watch", "poll", "read").
    public let operation: String
    /// The folder concerned, escaped (empty when none).
    public let path: String
    /// errno of the failing call.
    public let errno: Int32

    /// Creates an error for `operation` on `path` (escaped here).
    public init(operation: String, path: String = "", errno: Int32) {
        self.operation = operation
        self.path = escapedFileName(path)
        self.errno = errno
    }

    public var description: String {
        let reason = String(cString: strerror(errno))
        switch (operation, errno) {
        case ("inotify_add_watch", ENOENT):
            return "cannot watch the feed folder '\(path)': it does not exist"
        case ("inotify_add_watch", ENOTDIR), ("inotify_add_watch", ELOOP):
            return "cannot watch the feed folder '\(path)': it is not a directory (symbolic links are not followed)"
        case ("inotify_add_watch", ENOSPC):
            return "cannot watch the feed folder '\(path)': the inotify watch limit (fs.inotify.max_user_watches) is reached"
        case ("inotify_init1", EMFILE):
            return "cannot create an inotify instance: the limit fs.inotify.max_user_instances is reached"
        case ("closed", _):
            return "the inotify watcher was closed"
        default:
            let target = path.isEmpty ? "" : " on '\(path)'"
            return "inotify \(operation)\(target) failed: \(reason) (errno \(errno))"
        }
    }
}
