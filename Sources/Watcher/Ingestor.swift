import Alerts
public import Corpus
import Crypto
import Foundation
import Glibc
public import Logging
import Platform
public import Store
import Synchronization

/// The ingest pipeline: read safely → hash → skip known bytes → parse the article → extract
/// stances (within a time budget) → store transaction (article, stances, alerts) → deliver
/// the alerts just raised.
///
/// Used by the daemon for every file the feed yields and by `stancewatch replay` over a list
/// of files, so both raise exactly the same alerts. Files that trickle in are committed one
/// per transaction (an alert goes out as soon as its article is read); a catch-up scan or a
/// replay hands over several, which are committed `batchSize` at a time: a crash loses the
/// uncommitted ones' work, never their record (they are read again), and alerts still go
/// out only after their commit. An article whose analysis takes longer than
/// `articleTimeBudget` is refused and recorded (never retried); one that was still being
/// analysed after a second when the process died is refused at the next start.
///
/// A backlog uses every core: its articles are analysed on `analysisThreads` threads of
/// their own (the engine is a pure function of the text and the watchlist) while the
/// caller's thread reads the next files and commits the previous ones; every store write,
/// commit and alert still happens on the caller's thread in file order, so what is stored
/// and raised does not depend on the number of threads.
/// Not thread-safe: one owner (the daemon's ingest thread, or the replay) calls it.
public final class Ingestor {
    /// The store everything is recorded in (reopened after an outage: see `reopenStoreIfFailing`).
    public private(set) var store: any StoreBackend
    /// Sends the alerts after each commit and retries the pending ones.
    public let courier: AlertCourier
    /// Counters for `--metrics-file` and the STATUS= line.
    public private(set) var tally = IngestTally()
    /// The Prometheus registry behind `--metrics-file` (its latency histogram is fed here).
    let metrics = IngestMetrics()
    /// The longest the engine may spend on one article before it is refused.
    public var articleTimeBudget: Duration = .seconds(10)
    /// How many articles of a backlog go into one transaction.
    public var batchSize = 32
    /// How many threads analyse the articles of a catch-up scan or a replay while this one
    /// reads the next files and commits; 1 analyses them on the caller's thread, one after
    /// the other. Files that trickle in one at a time are always analysed on the caller's thread.
    public var analysisThreads = Ingestor.usableCores
    private let reporter: OperatorJournal
    private let reader: ArticleReader
    private let divergenceWindowDays: Int
    private var engine: StanceEngine
    private var rules: AlertRules
    private let logger: Logger
    private let clock = ContinuousClock()
    /// Whether a store failure was reported and no write has worked since.
    private var storeFailing = false
    /// Files a previous process was still analysing when it died (see `StanceStore.markInProgress`).
    private var leftInProgress: [String: FileIdentity]
    /// Commits that stored alerts, for the test-only fault injection.
    private var commitsWithAlerts = 0

    /// A pipeline over `store` for `watchlist`, delivering alerts through `courier`.
    public init(store: any StoreBackend, watchlist: Watchlist, courier: AlertCourier,
                maxArticleBytes: Int = ArticleReader.defaultMaxBytes, divergenceWindowDays: Int = 90, logger: Logger) throws {
        self.store = store
        self.courier = courier
        self.reporter = OperatorJournal(logger: logger)
        self.reader = ArticleReader(maxBytes: maxArticleBytes)
        self.divergenceWindowDays = divergenceWindowDays
        self.engine = try StanceEngine(watchlist: watchlist)
        self.rules = AlertRules(watchlist: watchlist, divergenceWindowDays: divergenceWindowDays)
        self.logger = logger
        self.leftInProgress = (try? store.articlesInProgress()) ?? [:]
    }

    /// Swaps in a new watchlist for the files that come next; throws (keeping the old one) when
    /// the engine cannot be built for it.
    public func reload(watchlist: Watchlist) throws {
        let newEngine = try StanceEngine(watchlist: watchlist)
        engine = newEngine
        rules = AlertRules(watchlist: watchlist, divergenceWindowDays: divergenceWindowDays)
    }

    /// Runs the file at `path` through the pipeline; its last path component is the article id.
    @discardableResult
    public func ingest(path: String) -> IngestOutcome {
        ingest(paths: [path])[0]
    }

    /// Runs the files at `paths` through the pipeline in order, `batchSize` per transaction.
    public func ingest(paths: [String]) -> [IngestOutcome] {
        ingest(pathBytes: paths.map { Array($0.utf8) })
    }

    /// Runs the file at the raw path `pathBytes` (names need not be UTF-8) through the pipeline;
    /// its last path component is the article id (see `fileNameText(bytes:)`).
    @discardableResult
    public func ingest(pathBytes: [UInt8]) -> IngestOutcome {
        ingest(pathBytes: [pathBytes])[0]
    }

    /// `ingest(paths:)` for raw paths: a name that is not UTF-8 keeps its bytes as `\xNN`.
    public func ingest(pathBytes: [[UInt8]]) -> [IngestOutcome] {
        ingest(pathBytes.map { path in
            var end = path.count
            while end > 1, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
            let start = path[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            return FileToIngest(pathBytes: path, nameBytes: Array(path[start..<end]))
        })
    }

    /// Runs the entry `nameBytes` of `directory` through the pipeline (names need not be UTF-8).
    @discardableResult
    public func ingest(directory: String, nameBytes: [UInt8]) -> IngestOutcome {
        ingest(directory: directory, entries: [nameBytes])[0]
    }

    /// Runs the entries of `directory` through the pipeline in order, `batchSize` per transaction.
    public func ingest(directory: String, entries: [[UInt8]], stopping: () -> Bool = { false },
                       progress: (Int) -> Void = { _ in }) -> [IngestOutcome] {
        let prefix = Array(directory.utf8) + [UInt8(ascii: "/")]
        return ingest(entries.map { FileToIngest(pathBytes: prefix + $0, nameBytes: $0) },
                      stopping: stopping, progress: progress)
    }

    /// One file's path, its article id (a name that is not UTF-8 keeps its bytes as `\xNN`) and
    /// the name as messages and journald show it.
    struct FileToIngest {
        var pathBytes: [UInt8]
        var name: String
        var shown: String

        init(pathBytes: [UInt8], nameBytes: [UInt8]) {
            self.pathBytes = pathBytes
            name = fileNameText(bytes: nameBytes)
            shown = escapedFileName(bytes: nameBytes)
        }
    }

    /// The batch loop. Each file is first examined on this thread (what is it, its bytes and
    /// hash, one store read); what must be analysed goes to the analysis threads (or is analysed
    /// here when there are none), and the results are handled strictly in file order: refusals
    /// and duplicates recorded, analysed articles committed together when `batchSize` are
    /// waiting or the list ends, then their alerts delivered. Examining runs ahead of the
    /// commits by at most `window` files and reads the store only, so every write (and every
    /// alert) happens in file order on this thread, exactly as with one thread. Stops early
    /// (outcomes only for the files handled, a prefix of `files`) on a store failure or when
    /// `stopping` says so; the analyses already started are finished and committed first.
    private func ingest(_ files: [FileToIngest], stopping: () -> Bool = { false },
                        progress: (Int) -> Void = { _ in }) -> [IngestOutcome] {
        let threads = files.count > 1 && analysisThreads > 1 ? min(analysisThreads, files.count) : 0
        let workers = threads > 0 ? AnalysisWorkers<Analysed>(threads: threads, name: "stancewatch-analysis") : nil
        defer {
            _ = workers?.dropQueued()
            workers?.finish()
        }
        let window = workers == nil ? 1 : Self.windowPerThread * threads
        let (reader, engine, budget, store) = (self.reader, self.engine, self.articleTimeBudget, self.store)

        var outcomes: [IngestOutcome?] = []
        outcomes.reserveCapacity(files.count)
        var waiting: [(index: Int, record: ArticleRecord, started: ContinuousClock.Instant)] = []
        func commit() -> Bool {
            guard !waiting.isEmpty else { return true }
            defer { waiting = [] }
            let results: [ArticleRecord.Outcome]
            do {
                results = try store.ingest(waiting.map(\.record), rules: rules)
            } catch {
                let failed = storeFailed(name: waiting[0].record.article.id,
                                         shown: files[waiting[0].index].shown, error)
                for item in waiting { outcomes[item.index] = failed }
                return false
            }
            storeWorks()
            var raised: [Alert] = []
            var ingestedLines: [Logger.Metadata] = []
            for (item, result) in zip(waiting, results) {
                let shown = files[item.index].shown
                switch result {
                case .alreadyIngested:
                    outcomes[item.index] = .duplicate  // stored meanwhile under another name; recorded as seen
                    tally.duplicates += 1
                case .ingested(let alerts):
                    raised += alerts
                    outcomes[item.index] = .ingested(stances: item.record.stances.count, alerts: alerts.count)
                    let latency = clock.now - item.started
                    tally.ingested(stances: item.record.stances.count, alerts: alerts, latency: latency)
                    metrics.record(latency: latency)
                    ingestedLines.append([
                        "article.id": "\(shown)", "article.date": "\(item.record.article.date)",
                        "stances": "\(item.record.stances.count)", "alerts": "\(alerts.count)",
                    ])
                }
            }
            if !raised.isEmpty {
                commitsWithAlerts += 1
                FaultInjection.afterCommit(commitsWithAlerts)
                courier.deliver(raised, store: store)
            }
            // Said after delivery: when the line is out, its alerts are in journald and the log.
            for metadata in ingestedLines { logger.info("article ingested", metadata: metadata) }
            return true
        }
        /// Handles the next file in order; false when the loop must stop (a store failure).
        func handle(_ index: Int, _ examined: Examined, started: ContinuousClock.Instant) -> Bool {
            let file = files[index]
            var outcome: IngestOutcome
            switch examined {
            case .outcome(let known):
                outcome = known
            case .refuse(let identity, let hash, let reason):
                outcome = refuse(name: file.name, shown: file.shown, identity: identity, hash: hash, reason: reason)
            case .duplicate(let identity, let hash):
                do {
                    try store.markSeen(name: file.name, identity: identity, hash: hash)
                    storeWorks()
                    tally.duplicates += 1
                    logger.info("article '\(file.shown)' has the same bytes as one already stored; not processed again",
                                metadata: ["article.id": "\(file.shown)"])
                    outcome = .duplicate
                } catch {
                    outcome = storeFailed(name: file.name, shown: file.shown, error)
                }
            case .storeFailed(let error):
                outcome = storeFailed(name: file.name, shown: file.shown, error)
            case .analyse(let input):
                let analysed = workers?.take(index)
                    ?? Self.analyse(input, reader: reader, engine: engine, budget: budget, store: store)
                switch analysed {
                case .refuse(let reason):
                    outcome = refuse(name: file.name, shown: file.shown, identity: input.identity, hash: input.hash, reason: reason)
                case .record(let record, let warning):
                    if let warning { logger.warning("\(warning)", metadata: ["article.id": "\(file.shown)"]) }
                    outcomes.append(nil)
                    waiting.append((index, record, started))
                    if waiting.count >= batchSize || files.count == 1 { return commit() }
                    return true
                }
            }
            outcomes.append(outcome)
            if case .retryLater = outcome { return false }
            return true
        }

        // Files examined and not yet handled, in order (`head` is the next to handle).
        var examined: [(index: Int, examined: Examined, started: ContinuousClock.Instant, bytes: Int)] = []
        var head = 0, next = 0, bytesAhead = 0, stopped = false
        while true {
            if !stopped, stopping() {
                stopped = true
                // Analyses not started yet are dropped (nothing of them was recorded): the
                // files from there on are handled by the next scan.
                if let firstDropped = workers?.dropQueued() {
                    examined.removeSubrange((examined[head...].firstIndex { $0.index >= firstDropped } ?? examined.endIndex)...)
                }
            }
            while !stopped, next < files.count, examined.count - head < window,
                  bytesAhead < Self.bytesAhead || examined.count == head {
                progress(next)
                let started = clock.now
                let found = examine(files[next])
                var size = 0
                if case .analyse(let input) = found {
                    size = input.size
                    if let workers {
                        workers.submit(next) { Self.analyse(input, reader: reader, engine: engine, budget: budget, store: store) }
                    }
                }
                examined.append((next, found, started, size))
                bytesAhead += size
                next += 1
                if case .storeFailed = found { stopped = true }  // nothing after it is looked at
                if stopping() { break }
            }
            guard head < examined.count else { break }
            let item = examined[head]
            head += 1
            bytesAhead -= item.bytes
            if head == examined.count {
                examined.removeAll(keepingCapacity: true)
                head = 0
            }
            guard handle(item.index, item.examined, started: item.started) else { break }
            if workers != nil { progress(max(next - 1, 0)) }  // the watchdog: this thread still moves
        }
        _ = commit()
        return outcomes.compactMap { $0 }
    }

    /// How many files per analysis thread may be examined ahead of the one being handled.
    static let windowPerThread = 32
    /// At most this many bytes of examined files wait for analysis (one file always may).
    static let bytesAhead = 16 << 20

    /// What the first look at a file found, on the ingest thread with store reads only (so
    /// it may run ahead of the commits): a final outcome, what to record, or text to analyse.
    private enum Examined {
        case outcome(IngestOutcome)
        case refuse(identity: FileIdentity?, hash: String?, reason: String)
        case duplicate(identity: FileIdentity, hash: String)
        case storeFailed(any Error)
        case analyse(AnalysisInput)
    }

    /// A file's bytes on their way to the analysis, with what the record needs.
    struct AnalysisInput: Sendable {
        var name: String
        var shown: String
        var bytes: HandOver
        var size: Int
        var identity: FileIdentity
        var hash: String
    }

    /// What the analysis of one file gave.
    enum Analysed: Sendable {
        /// Its text could not be read, or the engine ran over the time budget.
        case refuse(reason: String)
        /// Its record, and a warning about its text to log (replaced bytes), if any.
        case record(ArticleRecord, warning: String?)
    }

    /// The first look at one file: everything before the analysis that needs no store write.
    private func examine(_ file: FileToIngest) -> Examined {
        let (name, pathBytes) = (file.name, file.pathBytes)
        if FeedNames.isIgnored(name) { return .outcome(.ignored) }
        // 1. What is it? (lstat: a link is never followed, a FIFO never opened.)
        let identity: FileIdentity
        do {
            let (id, kind) = try SafeFile.identity(atPathBytes: pathBytes)
            guard kind == .regular else {
                if try store.isUnchanged(name: name, identity: id) { return .outcome(.unchanged) }
                return .refuse(identity: id, hash: nil, reason: "it is \(kind), not a regular file; it was not opened")
            }
            identity = id
        } catch let error as FileReadError {
            return .refuse(identity: nil, hash: nil, reason: Self.reason(error))
        } catch {
            return .storeFailed(error)
        }
        if let left = leftInProgress[name], left == identity {
            leftInProgress[name] = nil
            return .refuse(identity: identity, hash: nil, reason: """
                the daemon stopped (killed or crashed) while it was still analysing it after more than \
                \(Self.markAfter); it is not read again, so that it cannot stop the daemon again
                """)
        }
        // 2. Read it (O_NOFOLLOW, size cap) and hash the bytes; then ONE store read says whether
        // this name was handled with this identity or these bytes are stored already.
        let bytes: [UInt8]
        let opened: FileIdentity
        do {
            (bytes, opened) = try SafeFile.read(pathBytes: pathBytes, maxBytes: reader.maxBytes)
        } catch {
            do {
                if try store.isUnchanged(name: name, identity: identity) { return .outcome(.unchanged) }
            } catch {
                return .storeFailed(error)
            }
            return .refuse(identity: identity, hash: nil, reason: Self.reason(error))
        }
        let hash = Self.hex(SHA256.hash(data: bytes))
        do {
            let known = try store.lookUp(name: name, identity: identity, hash: hash)
            if known.unchanged { return .outcome(.unchanged) }
            if known.contentStored { return .duplicate(identity: opened, hash: hash) }
        } catch {
            return .storeFailed(error)
        }
        return .analyse(AnalysisInput(name: name, shown: file.shown, bytes: HandOver(bytes), size: bytes.count, identity: opened, hash: hash))
    }

    /// 3. Parse and extract, within the time budget (counted from the start of the analysis).
    /// Runs on an analysis thread (or the ingest thread): a pure function of the bytes and the
    /// watchlist, except that a slow article is noted as in progress in `store`.
    private static func analyse(_ input: AnalysisInput, reader: ArticleReader, engine: StanceEngine,
                                budget: Duration, store: any StoreBackend) -> Analysed {
        let clock = ContinuousClock()
        let started = clock.now
        var bytes = input.bytes.take()
        let article: Article
        let warning: String?
        do {
            let reading = try reader.readReporting(name: input.name, bytes: bytes, modified: ArticleReader.day(of: input.identity))
            article = reading.article
            warning = reading.warning(shownName: input.shown)
        } catch {
            return .refuse(reason: error.reasonText)
        }
        // The decoded body is all that is needed from here on: the raw bytes (as large as the
        // article) are released before the engine builds its own per-word structures.
        bytes = []
        let markAfter = min(Self.markAfter, budget)
        var marked = false
        let found = engine.stances(in: article) {
            let elapsed = clock.now - started
            if !marked, elapsed >= markAfter {
                marked = true
                // A slow article: if the process dies on it, the next start refuses it.
                try? store.markInProgress(name: input.name, identity: input.identity)
            }
            return elapsed < budget
        }
        guard let stances = found else {
            return .refuse(reason: """
                its analysis took longer than the \(budget) allowed per article (\(formatBytes(Int64(article.body.utf8.count))) \
                of text); it was stopped and is not read again, so that one file cannot stall the daemon
                """)
        }
        return .record(ArticleRecord(article: article, hash: input.hash, identity: input.identity, stances: stances),
                       warning: warning)
    }

    /// After this long on one article, it is noted as in progress in the store.
    static let markAfter: Duration = .seconds(1)

    /// Sends whatever the outbox holds, to every destination, now (start-up, end of a replay).
    public func deliverPending() {
        courier.deliverPending(store: store)
    }

    /// The periodic retry of pending alerts (each destination on its own back-off).
    public func retryPending() {
        courier.retry(store: store)
    }

    private func refuse(name: String, shown: String, identity: FileIdentity?, hash: String?, reason: String) -> IngestOutcome {
        let message = "article '\(shown)' was refused: \(reason); skipped, nothing stored"
        do {
            try store.refuse(name: name, identity: identity, hash: hash, reason: message)
        } catch {
            return storeFailed(name: name, shown: shown, error)
        }
        storeWorks()
        tally.refused += 1
        reporter.refused(shownName: shown, message: message)
        return .refused(reason: reason)
    }

    private func storeFailed(name: String, shown: String, _ error: any Error) -> IngestOutcome {
        let reason = "\(error)"
        if storeFailing {
            logger.debug("article '\(shown)' could not be recorded either (\(reason)); it will be tried again")
        } else {
            // Once per outage: a full disk would otherwise log one entry per file per retry.
            storeFailing = true
            try? store.recordError("article '\(shown)' could not be recorded: \(reason)")
            reporter.trouble("article '\(shown)' could not be recorded in the store (\(reason)); "
                             + "it was not marked as seen and will be tried again, with the files after it")
        }
        return .retryLater(reason: reason)
    }

    /// After a store failure, opens the database afresh before the next retry (see
    /// `StanceStore.reopened`).
    public func reopenStoreIfFailing() {
        guard storeFailing, let fresh = store.reopenedStore() else { return }
        store = fresh
    }

    /// Called after each store write that worked: ends a reported outage.
    private func storeWorks() {
        guard storeFailing else { return }
        storeFailing = false
        reporter.trouble("the state database \(store.path) takes writes again; the files held back are being ingested",
                         priority: 5)
    }

    /// The refusal reason without the file name `FileReadError` starts with (the caller names the file).
    private static func reason(_ error: FileReadError) -> String {
        switch error.reason {
        case .disappeared: "it disappeared before it could be read"
        case .symbolicLink: "it is a symbolic link; links in the feed are never followed"
        case .notRegular(let kind): "it is \(kind), not a regular file; it was not read"
        case .tooLarge(let size, let limit):
            "it is \(formatBytes(size)), above the \(formatBytes(Int64(limit))) limit (--max-article-bytes); it was not read"
        case .grewPastLimit(let limit):
            "it grew past the \(formatBytes(Int64(limit))) limit (--max-article-bytes) while being read"
        case .system: "\(error)"
        }
    }

    /// Lower-case hex of `digest`, built as one byte buffer (not one string per digit pair).
    private static func hex(_ digest: SHA256.Digest) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 * SHA256.Digest.byteCount)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The cores this process may run on: its CPU affinity (`taskset`, systemd's `CPUAffinity=`),
    /// else the cores online; at least 1.
    public static var usableCores: Int {
        // `Cpus_allowed:` in /proc/self/status is the affinity mask in hex (comma-separated words).
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let count = line.dropFirst("Cpus_allowed:".count).reduce(0) { sum, digit in
                sum + (digit.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            if count > 0 { return count }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Bytes handed to exactly one analysis, which takes them out, so that they can be released
/// before the engine runs even though the job that carries them is still alive.
final class HandOver: Sendable {
    private let bytes: Mutex<[UInt8]>

    init(_ bytes: [UInt8]) {
        self.bytes = Mutex(bytes)
    }

    /// The bytes; empty from the second call on.
    func take() -> [UInt8] {
        bytes.withLock { held in
            var out: [UInt8] = []
            swap(&out, &held)
            return out
        }
    }
}
