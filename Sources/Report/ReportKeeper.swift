public import Foundation

/// Keeps the daemon's report current (`stancewatch run --report FILE.html`): the daemon calls
/// `alertsRaised()` after an article that raised alerts; the keeper rewrites the page
/// atomically on a thread of its own (never Swift's cooperative pool), at most once every
/// `minimumInterval`. Calls that come while a write waits for its turn are folded into it, so
/// the page always ends up showing the latest state. It writes once when started, so the page
/// exists from the start, and once more on `finish()` when something is still due.
public final class ReportKeeper: @unchecked Sendable {  // state guarded by `condition`
    private let builder: ReportBuilder
    private let path: String
    private let minimumInterval: TimeInterval
    private let onWrite: @Sendable (Result<Int, any Error>) -> Void
    private let condition = NSCondition()
    private var due = true
    private var stopping = false
    private var finished = false
    private var lastWrite: Date?
    private var thread: Thread?
    private var writes = 0

    /// A keeper writing `builder`'s page to `path`; `onWrite` hears of each write (bytes) or failure.
    public init(builder: ReportBuilder, path: String, minimumInterval: TimeInterval,
                onWrite: @escaping @Sendable (Result<Int, any Error>) -> Void) {
        self.builder = builder
        self.path = path
        self.minimumInterval = max(0, minimumInterval)
        self.onWrite = onWrite
    }

    /// Starts the writer thread (which writes the first page at once).
    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "stancewatch-report"
        self.thread = thread
        thread.start()
    }

    /// An article raised alerts: the page is due (written now, or when the interval has passed).
    public func alertsRaised() {
        condition.lock()
        due = true
        condition.signal()
        condition.unlock()
    }

    /// Writes what is still due, then stops the thread; returns when it has.
    public func finish() {
        condition.lock()
        stopping = true
        condition.signal()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// `finish()` from async code: waits on a thread of its own, not on the cooperative pool.
    public func finished() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                finish()
                done.resume()
            }.start()
        }
    }

    /// The number of pages written so far (thread-safe).
    public var writeCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return writes
    }

    private func loop() {
        condition.lock()
        while true {
            if due {
                let wait = lastWrite.map { minimumInterval - Date().timeIntervalSince($0) } ?? 0
                if wait > 0, !stopping {
                    _ = condition.wait(until: Date().addingTimeInterval(wait))
                    continue
                }
                due = false
                condition.unlock()
                let result = Result { try builder.write(to: path) }
                condition.lock()
                lastWrite = Date()
                if case .success = result { writes += 1 }
                condition.unlock()
                onWrite(result)
                condition.lock()
                continue
            }
            if stopping { break }
            condition.wait()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
