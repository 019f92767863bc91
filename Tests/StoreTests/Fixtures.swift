/// Store test helpers: file identities and ingesting test stances under a made-up article.
import Alerts
import Corpus
import Platform
@testable import Store

/// A file identity that differs per `n`.
func identity(_ n: Int, mtime: Int64 = 1_700_000_000_000_000_000) -> FileIdentity {
    FileIdentity(device: 2049, inode: UInt64(1000 + n), size: Int64(500 + n), modifiedNanoseconds: mtime + Int64(n))
}

extension StanceStore {
    /// Ingests `stances` as article `name` (hash derived from the name unless given).
    @discardableResult
    func ingest(_ name: String, date: String, _ stances: [Stance], rules: AlertRules,
                hash: String? = nil, n: Int = 0) throws -> [Alert] {
        try ingest(Article(id: name, date: Day(iso: date)!, hasHeaderDate: true, body: "body"),
                   hash: hash ?? "sha-\(name)", identity: identity(n), stances: stances, rules: rules)
    }
}
