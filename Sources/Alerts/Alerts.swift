/// # Alerts
///
/// The alert half of Stancewatch: *when* a stance is news, *what* the alert says, and
/// *where* it goes. Pure rules and value types; no I/O except in the sinks.
///
/// ## The rules (`AlertRules`, spec §4 "alert rules")
/// Each new `pro`/`contra` stance is compared, before it is recorded, with what is on
/// record (a `StanceHistory`, which the store implements over its open transaction, so
/// it sees earlier articles *and* the earlier stances of the same article):
///
/// - **shift**: the same actor's stance on the topic with the greatest
///   (stated date, arrival order) at or before the new stance's stated date. If its
///   polarity differs, the actor shifted from it. Because the comparison is by *stated*
///   date, an old statement that arrives late is compared with what was said before it,
///   and raises nothing when it agrees with its date-neighbours.
/// - **divergence**: for each other actor of the same watchlist `group` with a stance on
///   the topic, the stance stated nearest in time to the new one (ties: the later
///   arrived). If it is opposite, stated within `divergenceWindowDays` (90 by default),
///   and the pair is not already in an open disagreement, the new stance's actor
///   diverges from it (`from` = the other's polarity, `to` = the new one), and the pair
///   is marked open. After each stance is recorded (`afterRecording`) a pair closes
///   when the two actors' latest stances (by stated date) agree; it may open again.
///
/// ## The record (`Alert`)
/// All spec §3 fields, a one-sentence `message`, a syslog `priority` (4 shift,
/// 5 divergence) and a stable `id` (`STANCE_ALERT_ID`, a SHA-256 over kind, actor,
/// topic, from, to, article and other actor), so an alert resent after a crash carries
/// the same id and a reader can drop the repeat. Values built from article text are
/// sanitised: no control, line-separator or bidi-override characters (which could
/// forge journald fields or log lines), and capped in length (`AlertText`).
/// `journalFields` and `jsonLine` carry the same upper-case keys, as `journalctl -o json`
/// prints them, so one scorer reads both.
///
/// ## The sinks (`AlertSink`)
/// `JournalAlertSink` sends one journald entry per alert through `Platform.Journal`;
/// `JSONLinesAlertSink` appends one JSON object per line to a file (`O_APPEND`, flushed
/// per alert). The store keeps unsent alerts as an outbox; the watcher delivers them
/// after the commit and marks them sent, so a crash in between resends, never loses.
///
/// `deploy/stancewatch.catalog` explains both alert kinds under `journalctl -x`.
public enum AlertsModule {
    /// `SYSLOG_IDENTIFIER` of every entry Stancewatch writes.
    public static let syslogIdentifier = "stancewatch"
}
