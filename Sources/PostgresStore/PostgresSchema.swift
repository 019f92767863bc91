/// The shared store's schema as numbered migrations: the tables and constraints of the SQLite
/// store (articles, stances, the alert outbox, disagreements, the last error), plus who raised
/// and who holds each alert (the outbox lease). The per-host tables (seen files, articles in
/// progress) stay in the host's own SQLite store in `--state`.
///
/// `migrate` runs them in ONE transaction that first takes a transaction-scoped advisory lock,
/// so several hosts starting at once apply each migration once: the others wait, then find
/// it applied. PostgreSQL's DDL is transactional, so a failed migration leaves nothing behind.
enum PostgresSchema {
    /// The advisory lock key the migrations are serialised on.
    static let migrationLock: Int64 = 0x5354_414E_4345_0001  // "STANCE" 1

    /// (version, name, SQL), in order. Never edit one that shipped: add the next.
    static let migrations: [(version: Int64, name: String, sql: [String])] = [
        (1, "articles, stances, alert outbox with leases, disagreements, last error", [
            """
            CREATE TABLE article (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name TEXT NOT NULL,
                hash TEXT,
                date TEXT CHECK (date IS NULL OR length(date) = 10),
                has_header_date BOOLEAN,
                status TEXT NOT NULL CHECK (status IN ('ingested', 'refused')),
                reason TEXT,
                host TEXT NOT NULL,
                recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                CHECK (status = 'refused' OR (hash IS NOT NULL AND date IS NOT NULL AND has_header_date IS NOT NULL)),
                CHECK (status = 'ingested' OR reason IS NOT NULL)
            )
            """,
            "CREATE UNIQUE INDEX article_content ON article (hash) WHERE status = 'ingested'",
            """
            CREATE TABLE stance (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                article_seq BIGINT NOT NULL REFERENCES article (seq),
                position BIGINT NOT NULL CHECK (position >= 0),
                actor TEXT NOT NULL,
                topic TEXT NOT NULL,
                polarity TEXT NOT NULL CHECK (polarity IN ('pro', 'contra')),
                stated TEXT NOT NULL CHECK (length(stated) = 10),
                evidence TEXT NOT NULL,
                evidence_start BIGINT NOT NULL,
                evidence_end BIGINT NOT NULL CHECK (evidence_end >= evidence_start),
                rules TEXT NOT NULL DEFAULT '[]',
                UNIQUE (article_seq, position)
            )
            """,
            "CREATE INDEX stance_history ON stance (actor, topic, stated, id)",
            """
            CREATE TABLE alert (
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                id TEXT PRIMARY KEY,
                article_seq BIGINT NOT NULL REFERENCES article (seq),
                kind TEXT NOT NULL CHECK (kind IN ('shift', 'divergence')),
                actor TEXT NOT NULL,
                topic TEXT NOT NULL,
                from_polarity TEXT NOT NULL CHECK (from_polarity IN ('pro', 'contra')),
                to_polarity TEXT NOT NULL CHECK (to_polarity IN ('pro', 'contra')),
                article TEXT NOT NULL,
                prior_article TEXT NOT NULL,
                date TEXT NOT NULL,
                prior_date TEXT NOT NULL,
                evidence TEXT NOT NULL,
                prior_evidence TEXT NOT NULL,
                other_actor TEXT,
                message TEXT NOT NULL,
                raised_by TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                sent_at TIMESTAMPTZ,
                sent_by TEXT,
                logged_at TIMESTAMPTZ,
                lease_holder TEXT,
                lease_until TIMESTAMPTZ,
                CHECK ((kind = 'divergence') = (other_actor IS NOT NULL))
            )
            """,
            "CREATE INDEX alert_outbox ON alert (seq) WHERE sent_at IS NULL",
            "CREATE INDEX alert_log_outbox ON alert (seq) WHERE logged_at IS NULL",
            """
            CREATE TABLE disagreement (
                actor_a TEXT COLLATE "C" NOT NULL,
                actor_b TEXT COLLATE "C" NOT NULL,
                topic TEXT NOT NULL,
                open BOOLEAN NOT NULL,
                PRIMARY KEY (actor_a, actor_b, topic),
                CHECK (actor_a < actor_b)
            )
            """,
            """
            CREATE TABLE last_error (
                id BIGINT PRIMARY KEY CHECK (id = 1),
                at TIMESTAMPTZ NOT NULL DEFAULT now(),
                host TEXT NOT NULL,
                message TEXT NOT NULL
            )
            """,
        ]),
        (2, "stance confidence", [
            // the stance model's confidence (0…1); NULL for stances recorded before it
            "ALTER TABLE stance ADD COLUMN confidence DOUBLE PRECISION",
        ]),
    ]
}
