import Alerts
import GRDB

/// Everything that can go wrong in the store, as a sentence for an operator: which
/// database, what failed, why, and what happens next.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for callers that react differently.
    public enum Kind: Sendable, Equatable {
        /// The database could not be opened or migrated.
        case cannotOpen
        /// A write failed (disk full, read-only, I/O error): nothing of it was recorded.
        case cannotWrite
        /// A read failed.
        case cannotRead
        /// `ingest` was handed content already stored as `existingArticle`; only the file's
        /// identity was recorded (so catch-up skips it), nothing else.
        case alreadyIngested(existingArticle: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The database file.
    public var path: String
    /// What the store was doing, e.g. "record article '003_x.txt'".
    public var operation: String
    /// The underlying cause, e.g. "disk full".
    public var cause: String

    public init(_ kind: Kind, path: String, operation: String, cause: String) {
        self.kind = kind
        self.path = path
        self.operation = operation
        self.cause = cause
    }

    /// True when the error only says "this content is already stored" (not a failure).
    public var isAlreadyIngested: Bool {
        if case .alreadyIngested = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .cannotOpen:
            return "the state database \(path) could not be opened (\(cause)); nothing was read or recorded"
        case .cannotWrite:
            return "the state database \(path) could not be written (\(cause)) while trying to \(operation); "
                + "nothing of it was recorded and it will be retried"
        case .cannotRead:
            return "the state database \(path) could not be read (\(cause)) while trying to \(operation)"
        case .alreadyIngested(let existing):
            return "\(operation): the same content is already stored as article '\(Self.shown(existing))'; "
                + "not ingested again"
        }
    }

    /// A file name as it may appear in a message: control characters escaped, length capped.
    static func shown(_ name: String) -> String {
        AlertText.sanitize(name, limit: AlertText.identifierLimit, style: .identifier)
    }

    /// Wraps any error thrown inside a database access as a `StoreError` of `kind`.
    static func wrap(_ error: any Error, _ kind: Kind, path: String, operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(kind, path: path, operation: operation, cause: reason(error))
    }

    /// A short human cause for a SQLite error ("disk full", "read-only", ...).
    static func reason(_ error: any Error) -> String {
        guard let db = error as? DatabaseError else { return "\(error)" }
        let detail = db.message.map { ": \($0)" } ?? ""
        switch db.resultCode {
        case .SQLITE_FULL: return "disk full"
        case .SQLITE_READONLY: return "the database or its folder is read-only"
        case .SQLITE_CANTOPEN: return "the file cannot be opened (missing folder or no permission)\(detail)"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database is locked by another process"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the file is not a valid Stancewatch database or is damaged"
        case .SQLITE_IOERR: return "I/O error\(detail)"
        case .SQLITE_CONSTRAINT: return "a consistency check failed\(detail)"
        default: return "SQLite error \(db.resultCode.rawValue)\(detail)"
        }
    }
}
