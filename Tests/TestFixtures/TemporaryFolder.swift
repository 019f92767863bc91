/// A fresh temporary folder per test, removed with everything in it when the value goes away:
/// the one temp-folder helper of every test target.
import Foundation
import Glibc

/// `mkdtemp` under `$TMPDIR` (`NSTemporaryDirectory()`), named `<prefix>.XXXXXX`.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder; `prefix` names the test target in the folder's name (for a left-over
    /// folder after a crash).
    public init(prefix: String = "stancewatch-test") throws {
        var template = Array((NSTemporaryDirectory() + "/" + prefix + ".XXXXXX").utf8CString)
        guard let p = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw FixtureError("mkdtemp in \(NSTemporaryDirectory()) failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: p)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Creates the folder `path/name` (and its parents); returns its path.
    @discardableResult
    public func folder(_ name: String) throws -> String {
        let dir = file(name)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` to `path/name`; returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `path/name`; returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}
