import Glibc
public import Logging
import Platform

/// A swift-log handler writing one line per event to stderr.
///
/// Under systemd (`JOURNAL_STREAM` set) each line starts with the syslog priority `<N>`, which
/// journald turns into PRIORITY=, and carries no timestamp (journald adds its own); otherwise
/// lines start with an ISO time. Control characters in messages and metadata are escaped,
/// so a hostile file name cannot forge a log line. Alerts do not go through here: they are
/// structured journald entries (`AlertCourier`).
public struct StderrLogHandler: LogHandler {
    /// The minimum level written.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let underJournald: Bool

    /// A handler for `label`, writing at `level` and above.
    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        self.logLevel = level
        self.underJournald = Self.stderrIsJournal()
    }

    /// true when stderr is the journald stream systemd connected (`JOURNAL_STREAM` = its `dev:ino`),
    /// not merely inherited from a parent whose stderr was.
    static func stderrIsJournal() -> Bool {
        guard let raw = getenv("JOURNAL_STREAM") else { return false }
        let parts = String(cString: raw).split(separator: ":")
        guard parts.count == 2, let dev = UInt64(parts[0]), let ino = UInt64(parts[1]) else { return false }
        var st = stat()
        guard fstat(2, &st) == 0 else { return false }
        return UInt64(st.st_dev) == dev && UInt64(st.st_ino) == ino
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = underJournald ? "<\(Self.syslogPriority(event.level))>" : Self.timestamp() + " "
        line += "\(event.level) \(escapedFileName(event.message.description))"
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        if let error = event.error { all["error"] = "\(error)" }
        for key in all.keys.sorted() {
            line += " \(key)=\(escapedFileName("\(all[key]!)"))"
        }
        line += "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { buf in
            write(2, buf.baseAddress, buf.count - 1)
        }
    }

    /// The syslog priority journald gives a line at `level`.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func timestamp() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var tm = tm()
        var seconds = ts.tv_sec
        gmtime_r(&seconds, &tm)
        func pad(_ v: Int32, _ w: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1))-\(pad(tm.tm_mday))T"
            + "\(pad(tm.tm_hour)):\(pad(tm.tm_min)):\(pad(tm.tm_sec)).\(pad(Int32(ts.tv_nsec / 1_000_000), 3))Z"
    }
}
