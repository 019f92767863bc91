/// Plays systemd's part for `Type=notify` in the tests that run `stancewatch` as a process: a
/// datagram socket to pass as NOTIFY_SOCKET, and what the daemon said on it.
import Glibc

/// A bound, non-blocking AF_UNIX datagram socket collecting the notify messages that arrive.
public final class NotifyListener: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    /// Every message read so far, in arrival order.
    public private(set) var messages: [String] = []

    /// Binds a fresh socket at `path` (a stale file there is removed first).
    public init(path: String) throws {
        self.path = path
        unlink(path)
        fd = try bindUnixDatagramSocket(path: path)
    }

    deinit { close(fd); unlink(path) }

    /// Reads what has arrived so far.
    public func drain() {
        while let message = read() { messages.append(message) }
    }

    /// Reads datagrams until one satisfies `stop` (included) or `timeout` passes; returns
    /// those read by this call (they are added to `messages` too).
    public func receive(until stop: (String) -> Bool, timeout: Duration) -> [String] {
        var out: [String] = []
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let message = read() else {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&pfd, 1, 20)
                continue
            }
            messages.append(message)
            out.append(message)
            if stop(message) { break }
        }
        return out
    }

    /// Waits until a message containing the line `line` (e.g. "READY=1") has arrived, now or before.
    public func wait(for line: String, timeout: Duration) -> Bool {
        func has(_ message: String) -> Bool { message.split(separator: "\n").contains(Substring(line)) }
        drain()
        if messages.contains(where: has) { return true }
        return receive(until: has, timeout: timeout).contains(where: has)
    }

    /// Forgets the messages read so far (after reading what is waiting).
    public func reset() {
        drain()
        messages.removeAll()
    }

    /// One datagram, nil when none is waiting.
    private func read() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
    }
}

/// A bound, non-blocking AF_UNIX datagram socket at `path` (the file stays until unlinked).
public func bindUnixDatagramSocket(path: String) throws -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    guard fd >= 0 else { throw FixtureError("socket() failed for \(path): errno \(errno)") }
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else {
        close(fd)
        throw FixtureError("socket path too long: \(path)")
    }
    withUnsafeMutableBytes(of: &addr.sun_path) { raw in
        for (i, b) in bytes.enumerated() { raw[i] = b }
    }
    let rc = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard rc == 0 else {
        let e = errno
        close(fd)
        throw FixtureError("bind(\(path)) failed: \(String(cString: strerror(e)))")
    }
    return fd
}
