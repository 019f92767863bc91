/// The ingest pipeline for one file: read safely → hash → skip known bytes → parse the article →
/// extract stances → one store transaction (article, stances, alerts) → deliver the alerts.
///
/// Used by the daemon for every file the feed yields and by `stancewatch replay` over a list
/// of files, so both raise exactly the same alerts. Not thread-safe: one owner calls it.
import Alerts
public import Corpus
import Crypto
public import Logging
import Platform
public import Store

public final class Ingestor {
    /// The store everything is recorded in (reopened after an outage: see `reopenStoreIfFailing`).
    public private(set) var store: StanceStore
    /// Sends pending alerts after each commit.
    public let courier: AlertCourier
    private let reporter: OperatorJournal
    private let reader: ArticleReader
    private let divergenceWindowDays: Int
    private var engine: StanceEngine
    private var rules: AlertRules
    private let logger: Logger
    /// Whether a store failure was reported and no write has worked since.
    private var storeFailing = false

    /// A pipeline over `store` for `watchlist`, delivering alerts through `courier`.
    public init(store: StanceStore, watchlist: Watchlist, courier: AlertCourier,
                maxArticleBytes: Int = ArticleReader.defaultMaxBytes, divergenceWindowDays: Int = 90, logger: Logger) throws {
        self.store = store
        self.courier = courier
        self.reporter = OperatorJournal(logger: logger)
        self.reader = ArticleReader(maxBytes: maxArticleBytes)
        self.divergenceWindowDays = divergenceWindowDays
        self.engine = try StanceEngine(watchlist: watchlist)
        self.rules = AlertRules(watchlist: watchlist, divergenceWindowDays: divergenceWindowDays)
        self.logger = logger
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
        ingest(pathBytes: Array(path.utf8))
    }

    /// Runs the file at the raw path `pathBytes` (names need not be UTF-8) through the pipeline;
    /// its last path component is the article id (see `fileNameText(bytes:)`).
    @discardableResult
    public func ingest(pathBytes: [UInt8]) -> IngestOutcome {
        var end = pathBytes.count
        while end > 1, pathBytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let start = pathBytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return ingest(pathBytes: pathBytes, nameBytes: Array(pathBytes[start..<end]))
    }

    /// Runs the entry `nameBytes` of `directory` through the pipeline (names need not be UTF-8).
    @discardableResult
    public func ingest(directory: String, nameBytes: [UInt8]) -> IngestOutcome {
        ingest(pathBytes: Array(directory.utf8) + [UInt8(ascii: "/")] + nameBytes, nameBytes: nameBytes)
    }

    private func ingest(pathBytes: [UInt8], nameBytes: [UInt8]) -> IngestOutcome {
        // The id keeps a non-UTF-8 name's bytes as \xNN; `shown` is what messages and journald print.
        let name = fileNameText(bytes: nameBytes)
        if FeedNames.isIgnored(name) { return .ignored }
        let shown = escapedFileName(bytes: nameBytes)
        // 1. What is it? (lstat: a link is never followed, a FIFO never opened.)
        let identity: FileIdentity
        do {
            let (id, kind) = try SafeFile.identity(atPathBytes: pathBytes)
            if try store.isUnchanged(name: name, identity: id) { return .unchanged }
            guard kind == .regular else {
                return refuse(name: name, shown: shown, identity: id, hash: nil,
                              reason: "it is \(kind), not a regular file; it was not opened")
            }
            identity = id
        } catch let error as FileReadError {
            return refuse(name: name, shown: shown, identity: nil, hash: nil, reason: Self.reason(error))
        } catch {
            return storeFailed(name: name, shown: shown, error)
        }
        // 2. Read it (O_NOFOLLOW, size cap) and hash the bytes.
        var bytes: [UInt8]
        let opened: FileIdentity
        do {
            (bytes, opened) = try SafeFile.read(pathBytes: pathBytes, maxBytes: reader.maxBytes)
        } catch {
            return refuse(name: name, shown: shown, identity: identity, hash: nil, reason: Self.reason(error))
        }
        let hash = Self.hex(SHA256.hash(data: bytes))
        do {
            if try store.hasContent(hash: hash) {
                try store.markSeen(name: name, identity: opened, hash: hash)
                storeWorks()
                logger.info("article '\(shown)' has the same bytes as one already stored; not processed again",
                            metadata: ["article.id": "\(shown)"])
                return .duplicate
            }
        } catch {
            return storeFailed(name: name, shown: shown, error)
        }
        // 3. Parse and extract.
        let article: Article
        do {
            let reading = try reader.readReporting(name: name, bytes: bytes, modified: ArticleReader.day(of: opened))
            article = reading.article
            if let warning = reading.warning(shownName: shown) { logger.warning("\(warning)", metadata: ["article.id": "\(shown)"]) }
        } catch {
            return refuse(name: name, shown: shown, identity: opened, hash: hash, reason: error.reasonText)
        }
        // The decoded body is all that is needed from here on: the raw bytes (as large as the
        // article) are released before the engine builds its own per-word structures.
        bytes = []
        let stances = engine.stances(in: article)
        // 4. One transaction: article + stances + the alerts they raise; then deliver.
        let alerts: [Alert]
        do {
            alerts = try store.ingest(article, hash: hash, identity: opened, stances: stances, rules: rules)
        } catch where error.isAlreadyIngested {
            return .duplicate  // stored meanwhile under another name; the store recorded this file as seen
        } catch {
            return storeFailed(name: name, shown: shown, error)
        }
        storeWorks()
        logger.info("article ingested", metadata: [
            "article.id": "\(shown)", "article.date": "\(article.date)",
            "stances": "\(stances.count)", "alerts": "\(alerts.count)",
        ])
        deliverPending()
        return .ingested(stances: stances.count, alerts: alerts.count)
    }

    /// Sends whatever the outbox holds; a store error is logged and retried on the next call.
    public func deliverPending() {
        do {
            try courier.deliverPending(store: store)
        } catch {
            logger.error("pending alerts could not be read from or marked in the store (\(error)); they stay pending and are retried")
        }
    }

    /// The periodic retry of pending alerts (cheap while journald is known to be away).
    public func retryPending() {
        do {
            try courier.retryPending(store: store)
        } catch {
            logger.debug("pending alerts could not be read from the store (\(error)); retried later")
        }
    }

    private func refuse(name: String, shown: String, identity: FileIdentity?, hash: String?, reason: String) -> IngestOutcome {
        let message = "article '\(shown)' was refused: \(reason); skipped, nothing stored"
        do {
            try store.refuse(name: name, identity: identity, hash: hash, reason: message)
        } catch {
            return storeFailed(name: name, shown: shown, error)
        }
        storeWorks()
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

    /// After a store failure, opens the database afresh before the next retry: SQLite keeps a
    /// connection read-only once it opened the file on a read-only folder, so a state folder
    /// made writable again is only seen by a new connection.
    public func reopenStoreIfFailing() {
        guard storeFailing, store.path.hasSuffix("/" + StanceStore.fileName) else { return }
        let directory = String(store.path.dropLast(StanceStore.fileName.count + 1))
        // Close first: while any connection of this process has the file open, SQLite shares
        // its (read-only) descriptors and WAL index with the new one.
        try? store.writer.close()
        if let fresh = try? StanceStore(directory: directory) { store = fresh }
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
}
