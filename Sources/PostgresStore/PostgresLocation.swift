import Foundation
import PostgresNIO
public import Store

/// Where the shared store is: a `postgres://user[:password]@host[:port]/database` URL (also
/// `postgresql://`). The password may instead come from `PGPASSWORD` or from a file (so it is
/// not on the command line or in `ps`); the URL's own password wins when present.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `sslmode=require` in the URL: refuse a server without TLS.
    public var requireTLS: Bool

    /// True when `text` names a PostgreSQL store (its scheme is `postgres` or `postgresql`).
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `url`; `environment` supplies `PGPASSWORD`, `passwordFile` a file whose first line
    /// is the password. Throws a sentence naming what is wrong.
    public init(url: String, passwordFile: String? = nil,
                environment: [String: String]? = nil) throws(StoreError) {
        let environment = environment ?? ProcessInfo.processInfo.environment
        func bad(_ why: String) -> StoreError {
            StoreError(.cannotOpen, path: Self.redacted(url), operation: "read the store URL", cause: why)
        }
        guard Self.isPostgresURL(url), let parts = URLComponents(string: url) else {
            throw bad("it is not a postgres://user@host:port/database URL")
        }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = parts.port ?? 5432
        guard let user = parts.user, !user.isEmpty else { throw bad("it names no user (postgres://USER@host/database)") }
        self.user = user.removingPercentEncoding ?? user
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? self.user : (path.removingPercentEncoding ?? path)
        requireTLS = parts.queryItems?.contains { $0.name == "sslmode" && $0.value == "require" } ?? false
        if let given = parts.password {
            password = given.removingPercentEncoding ?? given
        } else if let file = passwordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw bad("the password file \(file) cannot be read")
            }
            password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else {
            password = environment["PGPASSWORD"]
        }
    }

    /// The URL without its password, for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `url` with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? "postgres://…"
    }

    /// postgres-nio's connection settings.
    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user,
                                                             password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
