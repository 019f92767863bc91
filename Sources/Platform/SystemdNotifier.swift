import Glibc

/// Tells systemd how the service is doing (the `sd_notify` protocol of `Type=notify` units).
///
/// The socket path is read from `NOTIFY_SOCKET` once, at `init`, and each message is one
/// datagram to it, exactly as libsystemd's `sd_notify(0, …)` sends it. Capturing the path
/// at `init` (instead of libsystemd re-reading the process environment on every call)
/// lets a test play systemd's part with `init(environment:)` while other code in the same
/// process runs with a different environment. Every call is a no-op when the socket is unset.
public struct SystemdNotifier: Sendable {
    /// The notification socket (`NOTIFY_SOCKET`; a leading `@` means the abstract namespace), or nil.
    public let socketPath: String?
    /// The watchdog timeout systemd expects (`WATCHDOG_USEC`), when it applies to this process.
    public let watchdogTimeout: Duration?

    /// Reads NOTIFY_SOCKET / WATCHDOG_USEC (and WATCHDOG_PID) from the process environment.
    public init() {
        var env: [String: String] = [:]
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        self.init(environment: env)
    }

    /// Uses the given environment instead of the process's (tests, or a supervisor of our own).
    public init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        var timeout: Duration?
        if let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 {
            let pidMatches = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
            if pidMatches { timeout = .microseconds(Int64(clamping: usec)) }
        }
        watchdogTimeout = timeout
    }

    /// true when a notification socket is set (the process runs under a Type=notify unit).
    public var isEnabled: Bool { socketPath != nil }

    /// How often to send WATCHDOG=1: half of WATCHDOG_USEC, nil when the watchdog is off.
    public var watchdogInterval: Duration? { watchdogTimeout.map { $0 / 2 } }

    /// READY=1 with a STATUS= line: start-up is complete.
    public func ready(status: String) { send("READY=1\nSTATUS=\(oneLine(status))") }

    /// STATUS=: a one-line description shown by `systemctl status`.
    public func status(_ s: String) { send("STATUS=\(oneLine(s))") }

    /// WATCHDOG=1: the service is alive.
    public func watchdog() { send("WATCHDOG=1") }

    /// RELOADING=1 with MONOTONIC_USEC=: a configuration reload has begun (send ready again when done).
    public func reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// STOPPING=1: shutdown has begun.
    public func stopping() { send("STOPPING=1") }

    /// EXTEND_TIMEOUT_USEC=: asks for more time for the current start-up, reload or stop phase.
    public func extendTimeout(microseconds: UInt64) { send("EXTEND_TIMEOUT_USEC=\(microseconds)") }

    /// Sends one raw notification (`NAME=value` lines); returns false when it could not be sent.
    @discardableResult
    public func send(_ state: String) -> Bool {
        guard let socketPath else { return false }
        return NotifySocket.send(Array(state.utf8), to: socketPath)
    }

    /// clock_gettime(CLOCK_MONOTONIC) in microseconds, the clock systemd's MONOTONIC_USEC uses.
    public static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }

    private func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

/// One datagram to an AF_UNIX socket by path (what sd_notify does).
enum NotifySocket {
    static func send(_ bytes: [UInt8], to path: String) -> Bool {
        var pathBytes = Array(path.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }  // abstract namespace
        var addr = sockaddr_un()
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else { return false }
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in
            dst.copyBytes(from: pathBytes)
        }
        let isAbstract = pathBytes[0] == 0
        let length = MemoryLayout<sa_family_t>.size + pathBytes.count + (isAbstract ? 0 : 1)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        let sent = bytes.withUnsafeBytes { buf in
            withUnsafePointer(to: &addr) { ptr in
                ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    sendto(fd, buf.baseAddress, buf.count, Int32(MSG_NOSIGNAL), sa, socklen_t(length))
                }
            }
        }
        return sent == bytes.count
    }
}
