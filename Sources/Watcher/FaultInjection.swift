import Foundation
import Glibc

/// Test-only fault injection, read once from the environment when first used; unset in
/// production, where it does nothing.
///
/// `STANCEWATCH_TEST_KILL_AFTER_COMMIT=N`: the process kills itself with SIGKILL right after
/// its Nth commit that stored alerts, before any of those alerts is delivered: the crash
/// window between an alert's commit and its delivery, hit on purpose rather than by chance.
enum FaultInjection {
    static let killAfterCommit: Int? = ProcessInfo.processInfo.environment["STANCEWATCH_TEST_KILL_AFTER_COMMIT"]
        .flatMap { Int($0) }

    /// Called after each commit that stored alerts (`count` of them so far in this process).
    static func afterCommit(_ count: Int) {
        guard let limit = killAfterCommit, count >= limit else { return }
        kill(getpid(), SIGKILL)
    }
}
