/// Runs commands for the fault tests and captures what they print (through files, so a
/// large output never blocks a pipe).
import Foundation
import TestFixtures

/// What a finished command left behind.
struct CommandResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    var succeeded: Bool { status == 0 }
}

enum Shell {
    /// Runs `arguments[0]` (an absolute path, or a name looked up in PATH) and waits for it.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandResult {
        let folder = try TemporaryFolder(prefix: "swfault-cmd")
        defer { withExtendedLifetime(folder) {} }  // removed when the command is done, not at its last use
        let dir = URL(fileURLWithPath: folder.path)
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: resolve(arguments[0]))
        p.arguments = Array(arguments.dropFirst())
        if let environment { p.environment = environment }
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        p.standardOutput = outHandle
        p.standardError = errHandle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let o = (try? String(contentsOf: out, encoding: .utf8)) ?? String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
        let e = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        return CommandResult(status: p.terminationStatus, stdout: o, stderr: e)
    }

    /// Runs a shell snippet with `sh -c`.
    @discardableResult
    static func sh(_ script: String) throws -> CommandResult {
        try run(["/bin/sh", "-c", script])
    }

    /// `name` found in PATH (or itself when it has a slash).
    static func resolve(_ name: String) -> String {
        if name.contains("/") { return name }
        for dir in ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"] {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return name
    }

    /// Single-quotes `s` for `sh -c`.
    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
