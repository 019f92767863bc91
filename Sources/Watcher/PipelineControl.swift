import Synchronization

/// What the daemon's async side and its ingest thread share: stop and reload requests, and
/// whether the ingest thread is making progress (for the watchdog). Lock-free atomics.
final class PipelineControl: Sendable {
    private let stopFlag = Atomic<Bool>(false)
    private let reloadFlag = Atomic<Bool>(false)
    /// Monotonic nanoseconds when the ingest thread started its current piece of work; 0 while idle.
    private let busySince = Atomic<Int64>(0)
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    init() {
        origin = clock.now
    }

    /// Asks the ingest thread to stop after the file in hand.
    func stop() { stopFlag.store(true, ordering: .releasing) }
    var isStopping: Bool { stopFlag.load(ordering: .acquiring) }

    /// Asks the ingest thread to reload the watchlist and reopen the alert log.
    func requestReload() { reloadFlag.store(true, ordering: .releasing) }
    /// True once per request.
    func takeReload() -> Bool { reloadFlag.exchange(false, ordering: .acquiringAndReleasing) }

    /// The ingest thread starts a piece of work (a file, a scan, a retry round).
    func working() { busySince.store(max(1, nanoseconds()), ordering: .releasing) }
    /// The ingest thread waits for events.
    func idle() { busySince.store(0, ordering: .releasing) }

    /// True while the ingest thread waits for events or has been on its current piece of work
    /// for less than `limit`: the watchdog is fed only then, so a hung thread gets the daemon
    /// restarted by systemd.
    func isHealthy(limit: Duration) -> Bool {
        let since = busySince.load(ordering: .acquiring)
        return since == 0 || nanoseconds() - since < limit.nanoseconds
    }

    private func nanoseconds() -> Int64 { (clock.now - origin).nanoseconds }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (s, atto) = components
        return s * 1_000_000_000 + atto / 1_000_000_000
    }
}
