/// Feeds the daemon's event loop from inotify: a dedicated thread blocks in `Inotify.next`
/// and yields what it read into an `AsyncStream`, so no blocking call sits on the Swift
/// concurrency pool.
import Foundation
public import Platform
import Synchronization

/// One thing the daemon loop reacts to.
public enum DaemonEvent: Sendable {
    /// Events read from inotify, in kernel order.
    case inotify([InotifyEvent])
    /// A poll interval passed with no event: time for retries, status and the watchdog.
    case tick
    /// SIGHUP: reload the watchlist.
    case reload
    /// Reading inotify failed; the sentence says why.
    case failed(String)
}

/// The reader thread; `stop()` ends it promptly (it wakes the blocked `next`).
final class InotifyPump: Sendable {
    private let inotify: Inotify
    private let interval: Duration
    private let continuation: AsyncStream<DaemonEvent>.Continuation
    private let stopped = Atomic<Bool>(false)

    init(inotify: Inotify, interval: Duration, continuation: AsyncStream<DaemonEvent>.Continuation) {
        self.inotify = inotify
        self.interval = interval
        self.continuation = continuation
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in self.loop() }
        thread.name = "stancewatch-inotify"
        thread.start()
    }

    /// Asks the thread to stop and wakes it; returns at once.
    func stop() {
        stopped.store(true, ordering: .releasing)
        inotify.wake()
    }

    private func loop() {
        while !stopped.load(ordering: .acquiring) {
            let events: [InotifyEvent]
            do {
                events = try inotify.next(timeout: interval)
            } catch {
                if !stopped.load(ordering: .acquiring) { continuation.yield(.failed("\(error)")) }
                return
            }
            if stopped.load(ordering: .acquiring) { return }
            continuation.yield(events.isEmpty ? .tick : .inotify(events))
        }
    }
}
