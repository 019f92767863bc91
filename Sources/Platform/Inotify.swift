import Glibc
import Synchronization

/// Watches the feed folder with inotify and hands back decoded events.
///
/// Thread-safety: `next(timeout:)` is meant for one reader thread (calls are serialised by
/// a mutex). `wake()` may be called from any thread, at any time: it makes a pending or the
/// next `next` return at once (with no events), so a daemon loop can stop promptly.
/// `close()` wakes the reader, waits for it to leave `next`, then closes the descriptors.
public final class Inotify: Sendable {
    /// The mask `watchFeed` uses: arrivals by write or rename, and the folder itself going away.
    public static let feedMask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_ONLYDIR)
        | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    private struct State: ~Copyable {
        var closed = false
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
    }

    private let fd: Int32
    private let wakeFD: Int32       // read end of the wake-up pipe
    private let wakeWriteFD: Int32  // write end
    private let state: Mutex<State>
    private let closedFlag = Atomic<Bool>(false)

    /// inotify_init1(IN_NONBLOCK|IN_CLOEXEC) plus a non-blocking pipe for `wake()`.
    public init() throws(InotifyError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw InotifyError(operation: "inotify_init1", errno: errno) }
        var pipeFDs: [Int32] = [-1, -1]
        // A socket pair stands in for pipe2/eventfd (not exported by Glibc's Swift module): atomic CLOEXEC.
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pipeFDs) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw InotifyError(operation: "socketpair", errno: code)
        }
        self.fd = fd
        self.wakeFD = pipeFDs[0]
        self.wakeWriteFD = pipeFDs[1]
        state = Mutex(State())
    }

    deinit { close() }

    /// Watches `path` with IN_CLOSE_WRITE|IN_MOVED_TO|IN_ONLYDIR|IN_DONT_FOLLOW|IN_EXCL_UNLINK|IN_DELETE_SELF|IN_MOVE_SELF;
    /// returns the watch descriptor (the same one again if the folder is already watched).
    @discardableResult
    public func watchFeed(_ path: String) throws(InotifyError) -> Int32 {
        try watch(path, mask: Self.feedMask)
    }

    /// Adds a watch with any mask.
    @discardableResult
    public func watch(_ path: String, mask: UInt32) throws(InotifyError) -> Int32 {
        guard !closedFlag.load(ordering: .acquiring) else { throw InotifyError(operation: "closed", errno: EBADF) }
        let wd = inotify_add_watch(fd, path, mask)
        guard wd >= 0 else { throw InotifyError(operation: "inotify_add_watch", path: path, errno: errno) }
        return wd
    }

    /// Removes a watch (the kernel then queues IN_IGNORED for it); errors are ignored (the watch may be gone).
    public func unwatch(_ watch: Int32) {
        guard !closedFlag.load(ordering: .acquiring) else { return }
        _ = inotify_rm_watch(fd, watch)
    }

    /// Waits up to `timeout` (poll) and returns the decoded events (empty on timeout or after `wake()`).
    public func next(timeout: Duration) throws(InotifyError) -> [InotifyEvent] {
        let result: Result<[InotifyEvent], InotifyError> = state.withLock { state in
            guard !state.closed else { return .failure(InotifyError(operation: "closed", errno: EBADF)) }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let (seconds, attoseconds) = timeout.components
            let ms = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
            var rc: Int32
            repeat { rc = poll(&fds, 2, Int32(ms)) } while rc < 0 && errno == EINTR
            guard rc >= 0 else { return .failure(InotifyError(operation: "poll", errno: errno)) }
            if fds[1].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while Glibc.read(wakeFD, &drain, drain.count) > 0 {}  // drain the wake-ups
            }
            guard fds[0].revents != 0 else { return .success([]) }
            var events: [InotifyEvent] = []
            // Drain the queue: read until EAGAIN, so one overflow burst comes back in one call.
            while true {
                let n = state.buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { break }
                    return .failure(InotifyError(operation: "read", errno: errno))
                }
                if n == 0 { break }
                state.buffer.withUnsafeBytes { Self.decode(UnsafeRawBufferPointer(rebasing: $0[..<n]), into: &events) }
                if events.count >= 65_536 { break }  // leave the rest for the next call
            }
            return .success(events)
        }
        return try result.get()
    }

    /// Makes a pending (or the next) `next(timeout:)` return at once; safe from any thread.
    public func wake() {
        guard !closedFlag.load(ordering: .acquiring) else { return }
        var one: UInt8 = 1
        _ = Glibc.write(wakeWriteFD, &one, 1)  // a full pipe already means "wake up"
    }

    /// Wakes the reader, then closes the inotify and wake-up pipe descriptors; idempotent.
    public func close() {
        guard !closedFlag.load(ordering: .acquiring) else { return }
        wake()
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            closedFlag.store(true, ordering: .releasing)
            Glibc.close(fd)
            Glibc.close(wakeFD)
            Glibc.close(wakeWriteFD)
        }
    }

    /// Decodes packed `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }` records.
    static func decode(_ raw: UnsafeRawBufferPointer, into events: inout [InotifyEvent]) {
        let header = 16
        var offset = 0
        while offset + header <= raw.count {
            let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let len = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + header
            guard nameStart + len <= raw.count else { break }
            var name: [UInt8]?
            if len > 0 {
                let field = raw[nameStart..<(nameStart + len)]
                let bytes = Array(field.prefix { $0 != 0 })
                name = bytes.isEmpty ? nil : bytes
            }
            events.append(InotifyEvent(watch: wd, mask: mask, cookie: cookie, nameBytes: name))
            offset = nameStart + len
        }
    }
}
