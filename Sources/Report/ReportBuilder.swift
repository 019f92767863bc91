public import Corpus
public import Foundation
public import Store
import Timeline

/// Reads the store, builds the model and writes the page: what `stancewatch report`, the
/// tests and the daemon's `ReportKeeper` share. Blocking (SQLite, file writes): call it from
/// a thread of its own, never from Swift's cooperative pool.
public struct ReportBuilder: Sendable {
    /// The SQLite store or the shared PostgreSQL store.
    public var store: any ReportSource
    public var watchlist: Watchlist?
    public var filter: StanceStore.ReportFilter
    /// Shown in the page's header as where the data came from.
    public var source: String
    public var evidencePerMonth: Int = 3
    /// At most this many alerts of each kind are listed, the newest.
    public var alertsPerKind: Int = 1000

    public init(store: any ReportSource, watchlist: Watchlist?, filter: StanceStore.ReportFilter = .init(), source: String) {
        self.store = store
        self.watchlist = watchlist
        self.filter = filter
        self.source = source
    }

    /// The model of what the store holds now.
    public func model(now: Date = Date()) throws(StoreError) -> ReportModel {
        let stances = try store.reportStances(filter)
        let alerts = try store.reportAlerts(filter)
        return ReportModel(stances: stances, alerts: alerts, watchlist: watchlist, filter: filter, source: source,
                           generatedAt: Self.timestamp(now), evidencePerMonth: evidencePerMonth,
                           alertsPerKind: alertsPerKind)
    }

    /// The page for what the store holds now.
    public func html(now: Date = Date()) throws(StoreError) -> String {
        HTMLReport(model: try model(now: now)).render()
    }

    /// Writes the page to `path` atomically: a temporary file in the same folder, then a
    /// rename over the old page, so a reader never sees half a report. Returns the bytes written.
    @discardableResult
    public func write(to path: String, now: Date = Date()) throws -> Int {
        let data = Data(try html(now: now).utf8)
        try Self.writeAtomically(data, to: path)
        return data.count
    }

    /// Temporary file + rename (Foundation's `.atomic` write: an auxiliary file in the same
    /// folder renamed over the old one), then made readable by others (0644) like any report
    /// on a file share.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportError("the report could not be written to \(path) (\(error.localizedDescription)); "
                              + "the previous report, if any, was left as it was")
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A report that could not be made, as a sentence for the operator.
public struct ReportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
