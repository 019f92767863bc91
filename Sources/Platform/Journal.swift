import CSystemd
import Glibc

/// Sends structured entries to journald through `sd_journal_sendv`.
///
/// Swift cannot call the variadic `sd_journal_send`, so every field becomes one iovec
/// `NAME=value` (values are binary-safe: newlines survive). libsystemd drops an entry
/// silently when the socket file is missing, so `send` checks for it and throws instead;
/// a caller that keeps undelivered alerts pending can then retry later.
public enum Journal {
    /// The socket journald listens on (inside a test namespace, a bind mount of `journal.NAME`).
    public static let socketPath = "/run/systemd/journal/socket"

    /// true when /run/systemd/journal/socket exists (sd_journal_sendv returns 0 and drops entries otherwise)
    public static var isAvailable: Bool {
        var st = stat()
        return lstat(socketPath, &st) == 0 && (st.st_mode & S_IFMT) == S_IFSOCK
    }

    /// One entry; fields are (NAME, value) pairs, NAME upper-case [A-Z0-9_]; throws JournalError when not delivered.
    /// Fields whose names journald would reject are dropped here (journald would drop them silently).
    public static func send(_ fields: [(String, String)]) throws(JournalError) {
        guard isAvailable else { throw JournalError(.socketMissing) }
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for (name, value) in fields where isValidFieldName(name) {
            let start = buffer.count
            buffer.append(contentsOf: name.utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: value.utf8)
            ranges.append(start..<buffer.count)
        }
        guard !ranges.isEmpty else { throw JournalError(.noValidFields) }
        let rc = buffer.withUnsafeMutableBytes { raw -> Int32 in
            let base = raw.baseAddress!  // non-empty: at least one "NAME=" was appended
            let iov = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return iov.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        if rc < 0 { throw JournalError(.refused(errno: -rc)) }
    }

    /// Whether journald accepts `name` as a field name: [A-Z0-9_], not starting with `_`, 1...64 characters.
    public static func isValidFieldName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...64).contains(bytes.count), bytes.first != UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { b in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_")
        }
    }
}
