import Foundation

/// A few threads of their own that run numbered jobs (an article's text decoding and stance
/// analysis) while the thread that submitted them reads the next files and commits the
/// previous ones. Results are taken back by number, so the submitter handles them in the
/// order it submitted them, whatever order they finish in.
///
/// Jobs start in submission order (first in, first started), so the jobs that have started
/// are always the lowest-numbered ones: `dropQueued()` removes a suffix. The threads are
/// plain threads, never Swift's cooperative pool (the jobs block for up to the article time
/// budget). `finish()` must be called once: it waits for the running jobs and ends the threads.
///
/// Its state is guarded by one `NSCondition`, hence `@unchecked Sendable`.
final class AnalysisWorkers<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(number: Int, work: @Sendable () -> Output)] = []
    private var queueStart = 0
    private var done: [Int: Output] = [:]
    private var running = 0
    private var closing = false

    /// Starts `threads` threads named `name`.
    init(threads: Int, name: String) {
        running = threads
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "\(name)-\(index + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues job `number` (numbers must grow with each call).
    func submit(_ number: Int, _ work: @escaping @Sendable () -> Output) {
        condition.lock()
        queue.append((number, work))
        condition.signal()
        condition.unlock()
    }

    /// Waits for job `number` to finish and returns its output (once).
    func take(_ number: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let output = done.removeValue(forKey: number) { return output }
            condition.wait()
        }
    }

    /// Removes the jobs no thread has started; returns the lowest number removed, or nil.
    func dropQueued() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        let first = queueStart < queue.count ? queue[queueStart].number : nil
        queue.removeAll()
        queueStart = 0
        return first
    }

    /// Lets the threads end once the queue is empty, and waits until they have.
    func finish() {
        condition.lock()
        closing = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while queueStart == queue.count, !closing { condition.wait() }
            if queueStart == queue.count { break }
            let job = queue[queueStart]
            queueStart += 1
            if queueStart == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueStart = 0
            }
            condition.unlock()
            let output = job.work()
            condition.lock()
            done[job.number] = output
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
