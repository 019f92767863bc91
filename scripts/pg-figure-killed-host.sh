#!/usr/bin/env bash
# Figure 2 of issue 10: three daemons on one PostgreSQL store; the dev corpus dropped all at
# once, every file into two feeds (file i into feeds i mod 3 and i+1 mod 3: it arrives at two
# hosts); host 0 SIGKILLed mid-way and restarted at once. KILL_MODE=injected (the default):
# host 0 runs with STANCEWATCH_TEST_KILL_AFTER_COMMIT=KILL_AFTER (1) and kills itself right
# after that many commits that stored alerts, before sending them (the worst moment);
# KILL_MODE=count: the script SIGKILLs it once it has said "article ingested" KILL_AFTER (8)
# times (a count of ingests, not a timer). Then: every article stored
# once, the stance set equal to a single-host replay's, no alert id written twice (alert logs
# and journald), and none left undelivered (an alert the dead host committed is claimed by a
# live one when its 30 s lease runs out).
# usage: sudo scripts/pg-figure-killed-host.sh   (env: STANCEWATCH_BIN, SHARED or CORPUS, PG_PORT, KILL_AFTER, KEEP=1)
set -euo pipefail
. "$(dirname "$0")/pg-lib.sh"
pg_lib_init
kill_mode=${KILL_MODE:-injected}
if [ "$kill_mode" = injected ]; then kill_after=${KILL_AFTER:-1}; else kill_after=${KILL_AFTER:-8}; fi
pg_start_cluster
journal_start
reference_replay

if [ "$kill_mode" = injected ]; then
    start_daemon 0 STANCEWATCH_TEST_KILL_AFTER_COMMIT="$kill_after"
    how="kills itself after its commit #$kill_after that stored alerts, before sending them"
else
    start_daemon 0
    how="is SIGKILLed after $kill_after ingests"
fi
victim=${daemon_pids[0]}
for h in 1 2; do start_daemon "$h"; done
echo "three daemons watching $work/feed-{0,1,2}, one store $url; host 0 (pid $victim) $how"
t0=$(date +%s.%N)
i=0
for f in "${gold[@]}"; do
    drop "$f" $((i % 3))
    drop "$f" $(((i + 1) % 3))
    i=$((i + 1))
done
echo "dropped ${#gold[@]} files, each into two feeds ($((2 * ${#gold[@]})) files)"
ingests_of_0() { grep -c "article ingested" "$work/0.err" || true; }
if [ "$kill_mode" = injected ]; then
    wait_for "host 0 to be killed or every article stored" 300 '! kill -0 "$victim" 2>/dev/null || [ "$(stored)" -ge "${#gold[@]}" ]'
    kill -0 "$victim" 2>/dev/null && echo "host 0 committed no alert before everything was stored: SIGKILLed now instead"
else
    wait_for "host 0 to ingest $kill_after articles" 300 '[ "$(ingests_of_0)" -ge "$kill_after" ]'
fi
kill -KILL "$victim" 2>/dev/null || true
status=0
wait "$victim" 2>/dev/null || status=$?
printf 'host 0 died (exit status %s = 128 + SIGKILL) after %s ingests logged; the store then held %s articles, %s alerts (%s not yet delivered: %s leased to the dead host)\n' \
    "$status" "$(ingests_of_0)" "$(stored)" "$(sql 'SELECT count(*) FROM alert')" "$(pending)" \
    "$(sql "SELECT count(*) FROM alert WHERE (sent_at IS NULL OR logged_at IS NULL) AND lease_until > now()")"
WAIT_WATCHING=0 start_daemon 0
echo "host 0 restarted (pid $last_pid)"
wait_for "every article to be stored" 600 '[ "$(stored)" -ge "${#gold[@]}" ]'
t1=$(date +%s.%N)
wait_for "every alert to be delivered (a dead host's lease is 30 s)" 180 '[ "$(pending)" = 0 ]'
t2=$(date +%s.%N)
printf 'cluster: %s articles stored %.1f s after the drop; the last alert delivered %.1f s after that\n' \
    "$(stored)" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
# Give the live hosts time to finish marking the duplicates they were handed (they log them).
sleep 2

alert_ids "$work"/alerts-{0,1,2}.jsonl >"$work/cluster-ids"
alert_ids "$work/reference.jsonl" >"$work/reference-ids"
journal_alert_ids >"$work/journal-ids"
cluster_stances >"$work/cluster-stances.jsonl"
sql "SELECT raised_by, sent_by, id FROM alert ORDER BY seq" >"$work/alert-hosts"
for h in 0 1 2; do
    printf '  host %s: %s ingests logged, %s duplicates skipped, %s alerts in its log\n' "$h" \
        "$(grep -c "article ingested" "$work/$h.err" || true)" "$(grep -ci "duplicate\|already" "$work/$h.err" || true)" \
        "$(wc -l <"$work/alerts-$h.jsonl" 2>/dev/null || echo 0)"
done
echo "  alerts sent by a host other than the one that raised them: $(awk -F'|' '$1 != $2' "$work/alert-hosts" | wc -l)"
printf 'articles: %s stored, %s distinct contents, %s distinct names\n' "$(stored)" \
    "$(sql "SELECT count(DISTINCT hash) FROM article WHERE status = 'ingested'")" \
    "$(sql "SELECT count(DISTINCT name) FROM article WHERE status = 'ingested'")"
printf 'alerts: in the store %s; cluster logs %s (distinct %s); journald %s (distinct %s); reference %s (in the cluster too: %s)\n' \
    "$(sql 'SELECT count(*) FROM alert')" "$(wc -l <"$work/cluster-ids")" "$(sort -u "$work/cluster-ids" | wc -l)" \
    "$(wc -l <"$work/journal-ids")" "$(sort -u "$work/journal-ids" | wc -l)" "$(wc -l <"$work/reference-ids")" \
    "$(sort "$work/reference-ids" | comm -12 - <(sort -u "$work/cluster-ids") | wc -l)"
check "every article stored once" test "$(stored)" = "${#gold[@]}"
check "the stance set equals the single-host replay's" same_files "$work/reference-stances.jsonl" "$work/cluster-stances.jsonl"
check "no alert id written twice across the alert logs" no_repeats "$work/cluster-ids"
check "no alert id sent twice to journald" no_repeats "$work/journal-ids"
check "every stored alert is in an alert log and in journald" \
    test "$(sql 'SELECT count(*) FROM alert')" = "$(wc -l <"$work/cluster-ids")" -a \
    "$(sql 'SELECT count(*) FROM alert')" = "$(wc -l <"$work/journal-ids")"
for p in "${daemon_pids[@]:1}"; do kill -TERM "$p" 2>/dev/null || true; done
for p in "${daemon_pids[@]:1}"; do wait "$p" || { echo "a daemon exited with $?"; failures=$((failures + 1)); }; done
daemon_pids=()
[ "$failures" = 0 ] && echo "figure 2: PASS" || { echo "figure 2: $failures check(s) FAILED"; exit 1; }
