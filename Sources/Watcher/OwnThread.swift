import Foundation

/// Blocking work (SQLite, file reads, the engine) on a thread of its own, awaited from async
/// code: it never holds one of the cooperative pool's threads (two on a two-core host), so a
/// long ingest cannot starve the tasks that feed the watchdog or relay signals.
public enum OwnThread {
    /// Runs `body` on a new thread named `name` and returns its result when it is done.
    public static func run<T: Sendable>(named name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start(name) { continuation.resume(returning: body()) }
        }
    }

    /// Like `run(named:_:)` for work that throws: the error is rethrown to the caller.
    public static func run<T: Sendable>(named name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start(name) { continuation.resume(with: Result { try body() }) }
        }
    }

    private static func start(_ name: String, _ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }
}
