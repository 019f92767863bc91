/// Reading back what a namespaced journald stored (`journalctl --namespace=NAME -o json --all`).
import Foundation
import Glibc

extension JournalNamespace {
    /// Every entry in this namespace's journal, oldest first, as field → value
    /// (values journald stored as byte arrays are decoded as UTF-8; null values are left out).
    public func entries() throws -> [[String: String]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        p.arguments = ["--namespace=\(name)", "-o", "json", "--all", "--no-pager"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var result: [[String: String]] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            var entry: [String: String] = [:]
            for (key, value) in object {
                if let s = value as? String {
                    entry[key] = s
                } else if let bytes = value as? [NSNumber] {
                    entry[key] = String(decoding: bytes.map { $0.uint8Value }, as: UTF8.self)
                } else if let n = value as? NSNumber {
                    entry[key] = n.stringValue
                }
            }
            result.append(entry)
        }
        return result
    }

    /// Entries written by our code (SYSLOG_IDENTIFIER or no journald-internal transport), oldest first.
    public func entries(identifier: String) throws -> [[String: String]] {
        try entries().filter { $0["SYSLOG_IDENTIFIER"] == identifier }
    }

    /// Polls (every 20 ms) until at least `count` entries satisfy `predicate` or `timeout` passes;
    /// returns the matching entries found last (possibly fewer than `count`).
    public func waitForEntries(count: Int = 1, timeout: Duration = .seconds(10),
                               where predicate: ([String: String]) -> Bool) throws -> [[String: String]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let matching = try entries().filter(predicate)
            if matching.count >= count || ContinuousClock.now >= deadline { return matching }
            usleep(20_000)
        }
    }
}
