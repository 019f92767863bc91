import GRDB

/// The store's schema as named migrations, applied in order when the store opens.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, stances, alert outbox, seen files") { db in
            // `seq` is arrival order. An ingested article has a date and a content hash that
            // no other ingested article has; a refused one has a reason.
            try db.execute(sql: """
                CREATE TABLE article (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    hash TEXT,
                    date TEXT CHECK (date IS NULL OR length(date) = 10),
                    has_header_date INTEGER CHECK (has_header_date IN (0, 1)),
                    status TEXT NOT NULL CHECK (status IN ('ingested', 'refused')),
                    reason TEXT,
                    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    CHECK (status = 'refused' OR (hash IS NOT NULL AND date IS NOT NULL
                                                   AND has_header_date IS NOT NULL)),
                    CHECK (status = 'ingested' OR reason IS NOT NULL)
                );
                CREATE UNIQUE INDEX article_content ON article(hash) WHERE status = 'ingested';

                CREATE TABLE stance (
                    id INTEGER PRIMARY KEY,
                    article_seq INTEGER NOT NULL REFERENCES article(seq),
                    position INTEGER NOT NULL CHECK (position >= 0),
                    actor TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    polarity TEXT NOT NULL CHECK (polarity IN ('pro', 'contra')),
                    stated TEXT NOT NULL CHECK (length(stated) = 10),
                    evidence TEXT NOT NULL,
                    evidence_start INTEGER NOT NULL,
                    evidence_end INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
                    rules TEXT NOT NULL DEFAULT '[]',
                    UNIQUE (article_seq, position)
                );
                -- The prior-stance lookups are seeks on this index (flat ingest time as history grows).
                CREATE INDEX stance_history ON stance(actor, topic, stated, id);

                CREATE TABLE alert (
                    id TEXT PRIMARY KEY NOT NULL,
                    article_seq INTEGER NOT NULL REFERENCES article(seq),
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
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    sent_at TEXT,
                    CHECK ((kind = 'divergence') = (other_actor IS NOT NULL))
                );
                CREATE INDEX alert_outbox ON alert(article_seq) WHERE sent_at IS NULL;

                CREATE TABLE disagreement (
                    actor_a TEXT NOT NULL,
                    actor_b TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    open INTEGER NOT NULL CHECK (open IN (0, 1)),
                    PRIMARY KEY (actor_a, actor_b, topic),
                    CHECK (actor_a < actor_b)
                ) WITHOUT ROWID;

                CREATE TABLE seen_file (
                    name TEXT PRIMARY KEY NOT NULL,
                    device INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    hash TEXT
                ) WITHOUT ROWID;

                CREATE TABLE last_error (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    message TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: delivery per sink, articles in progress") { db in
            // `sent_at` is journald's delivery; `logged_at` the alert log's (or: no alert log was
            // configured when the alert went out). Alerts of a v1 store were logged by then.
            try db.execute(sql: """
                ALTER TABLE alert ADD COLUMN logged_at TEXT;
                UPDATE alert SET logged_at = coalesce(sent_at, created_at);
                CREATE INDEX alert_log_outbox ON alert(article_seq) WHERE logged_at IS NULL;

                -- An article whose analysis was taking long: if the process dies before it is
                -- recorded, the next start refuses it instead of reading it again.
                CREATE TABLE in_progress (
                    name TEXT PRIMARY KEY NOT NULL,
                    device INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: stance confidence") { db in
            // the stance model's confidence (0…1); NULL for stances recorded before it
            try db.execute(sql: "ALTER TABLE stance ADD COLUMN confidence REAL")
        }
        return migrator
    }
}
