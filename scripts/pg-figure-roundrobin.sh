#!/usr/bin/env bash
# Figure 1 of issue 10: three daemons (`stancewatch run`), one feed folder each, one PostgreSQL
# store. The dev corpus is dropped round-robin across the three feeds in gold order (each file
# once it is stored: the arrival order holds across hosts), and the result is compared with a
# single-host SQLite replay of the same order: the same alert ids, each once across the three
# alert logs and once in journald, the same stances.
# usage: sudo scripts/pg-figure-roundrobin.sh   (env: STANCEWATCH_BIN, SHARED or CORPUS, PG_PORT, KEEP=1)
set -euo pipefail
. "$(dirname "$0")/pg-lib.sh"
pg_lib_init
pg_start_cluster
journal_start
reference_replay

for h in 0 1 2; do start_daemon "$h"; done
echo "three daemons watching $work/feed-{0,1,2}, one store $url"
t0=$(date +%s.%N)
i=0
for f in "${gold[@]}"; do
    drop "$f" $((i % 3))
    i=$((i + 1))
    wait_for "$f to be stored" 120 '[ "$(stored)" -ge "$i" ]'
done
wait_for "every alert to be delivered" 120 '[ "$(pending)" = 0 ]'
t1=$(date +%s.%N)
printf 'cluster: %s articles stored in %.1f s (each dropped once the one before was stored)\n' "$(stored)" "$(echo "$t1 - $t0" | bc)"

alert_ids "$work"/alerts-{0,1,2}.jsonl >"$work/cluster-ids"
alert_ids "$work/reference.jsonl" >"$work/reference-ids"
journal_alert_ids >"$work/journal-ids"
cluster_stances >"$work/cluster-stances.jsonl"
for h in 0 1 2; do
    printf '  host %s: %s articles ingested, %s alerts in its log\n' "$h" \
        "$(grep -c "article ingested" "$work/$h.err" || true)" "$(wc -l <"$work/alerts-$h.jsonl" 2>/dev/null || echo 0)"
done
printf 'alerts: reference %s, cluster logs %s (distinct %s), journald %s (distinct %s)\n' \
    "$(wc -l <"$work/reference-ids")" "$(wc -l <"$work/cluster-ids")" "$(sort -u "$work/cluster-ids" | wc -l)" \
    "$(wc -l <"$work/journal-ids")" "$(sort -u "$work/journal-ids" | wc -l)"
sort "$work/reference-ids" >"$work/a"; sort "$work/cluster-ids" >"$work/b"; sort "$work/journal-ids" >"$work/c"
check "the three alert logs hold exactly the reference's alert ids" same_files "$work/a" "$work/b"
check "each STANCE_ALERT_ID once across the three alert logs" no_repeats "$work/cluster-ids"
check "journald got each alert once, the same ids" same_files "$work/a" "$work/c"
check "the cluster's stances are the reference's" same_files "$work/reference-stances.jsonl" "$work/cluster-stances.jsonl"
check "the alert log lines equal the reference's (sorted)" \
    same_files <(sort "$work/reference.jsonl") <(cat "$work"/alerts-{0,1,2}.jsonl | sort)
for h in 0 1 2; do kill -TERM "${daemon_pids[$h]}"; done
for h in 0 1 2; do wait "${daemon_pids[$h]}" || { echo "host $h exited with $?"; failures=$((failures + 1)); }; done
daemon_pids=()
[ "$failures" = 0 ] && echo "figure 1: PASS" || { echo "figure 1: $failures check(s) FAILED"; exit 1; }
