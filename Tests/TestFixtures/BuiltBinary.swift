/// Where the tests that run Stancewatch as a black box find the built `stancewatch`.
import Foundation

/// The `stancewatch` executable `swift build --build-tests` puts next to the test bundle.
public enum BuiltBinary {
    /// `$STANCEWATCH_BIN` when set, else the first of `candidates()` that is an executable file.
    public static func path() throws -> String {
        if let env = ProcessInfo.processInfo.environment["STANCEWATCH_BIN"], !env.isEmpty { return env }
        let looked = candidates()
        guard let found = looked.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw FixtureError("the stancewatch binary was not found next to the test bundle (looked at "
                               + looked.joined(separator: ", ") + "); build it with 'swift build --build-tests'")
        }
        return found
    }

    /// `stancewatch` in the running test executable's folder, then in the two folders above it
    /// (out of a `.xctest` bundle folder on layouts that have one).
    public static func candidates() -> [String] {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        var out: [String] = []
        for _ in 0..<3 {
            out.append(dir.appendingPathComponent("stancewatch").path)
            dir.deleteLastPathComponent()
        }
        return out
    }
}
