/// The fault tests of issue 3: the built `stancewatch` binary run as a black box under crashes,
/// floods, folder trouble, journald outages and hostile input, against a real namespaced
/// systemd-journald, real inotify and a real SQLite store.
///
/// The suites are nested in one serialized suite: each starts daemons and a journald of its
/// own, and two at once on two cores would only make each other slow.
import JournalTestSupport
import TestFixtures
import Testing

@Suite(.serialized, .enabled(if: JournalNamespace.isSupported && Fault.hasMountTools,
                             "needs root, systemd-journald, unshare, nsenter and python3"))
struct FaultSuite {}

/// Shared pieces of the suites.
enum Fault {
    /// nsenter (enters a sandbox's mount namespace) and python3 (integrity checks) are installed.
    static var hasMountTools: Bool {
        ["nsenter", "python3", "mount"].allSatisfy { Shell.resolve($0).hasPrefix("/") }
    }

    /// A fresh sandbox (with a journald of its own), a feed folder in it, its state folder and
    /// a probe of the store there: where most fault tests start.
    static func sandbox(_ label: String) throws -> (Sandbox, Feed, state: String, StoreProbe) {
        let sandbox = try Sandbox(label)
        let state = sandbox.root + "/state"
        return (sandbox, try Feed(root: sandbox.root), state, StoreProbe(sandbox: sandbox, state: state))
    }

    /// `run` arguments for a daemon on `feed` and `state` with the shipped watchlist.
    static func runArguments(feed: String, state: String, extra: [String] = []) -> [String] {
        ["run", "--feed", feed, "--state", state, "--watchlist", RepoFiles.watchlist] + extra
    }

    /// Starts a daemon with a NOTIFY_SOCKET and waits for READY=1 (the catch-up scan is done).
    static func startReady(_ sandbox: Sandbox, feed: String, state: String, extra: [String] = [],
                           timeout: Duration = .seconds(120)) throws -> (StancewatchProcess, NotifyListener) {
        let notify = try NotifyListener(path: sandbox.root + "/notify-\(UInt32.random(in: 0..<UInt32.max)).sock")
        let d = try sandbox.startDaemon(runArguments(feed: feed, state: state, extra: extra),
                                        environment: ["NOTIFY_SOCKET": notify.path])
        guard notify.wait(for: "READY=1", timeout: timeout) else {
            throw SandboxError("the daemon sent no READY=1 within \(timeout) (running: \(d.isRunning)); stderr: \(d.stderr.suffix(2000))")
        }
        return (d, notify)
    }
}
