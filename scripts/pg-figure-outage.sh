#!/usr/bin/env bash
# Figure 3 of issue 10: the shared store going away.
# A. One daemon on a PostgreSQL store; the dev corpus dropped in gold order (each file once
#    the one before is stored); after half of it PostgreSQL is stopped (immediate shutdown),
#    the other half keeps arriving, and after OUTAGE seconds (30) the server is started
#    again. Then: every article stored, the alerts exactly the single-host SQLite replay's
#    (none lost, none twice, the held-back ones sent after the restart), and the journald
#    entries that said so.
# B. A daemon started while PostgreSQL is down waits (it does not exit), says so once in
#    journald and in STATUS= at each try, and starts watching when the server is back.
# usage: sudo scripts/pg-figure-outage.sh   (env: STANCEWATCH_BIN, SHARED or CORPUS, PG_PORT, OUTAGE, KEEP=1)
set -euo pipefail
. "$(dirname "$0")/pg-lib.sh"
pg_lib_init
outage=${OUTAGE:-30}
pg_start_cluster
journal_start
reference_replay

# The store-related journald entries (daemon trouble and recovery), with their times.
store_entries() {
    journal_json | python3 -c 'import json,sys,datetime
for l in sys.stdin:
    e = json.loads(l)
    m = e.get("MESSAGE")
    if e.get("SYSLOG_IDENTIFIER") != "stancewatch" or not isinstance(m, str) or "STANCE_ALERT_ID" in e: continue
    if any(k in m for k in ("store", "PostgreSQL", "state database")):
        t = datetime.datetime.fromtimestamp(int(e["__REALTIME_TIMESTAMP"]) / 1e6, datetime.timezone.utc)
        print("   %s PRIORITY=%s %s" % (t.strftime("%H:%M:%S.%f")[:-3], e.get("PRIORITY"), m))'
}

echo "== A. PostgreSQL stopped for $outage s under a running daemon"
start_daemon a
half=$(( ${#gold[@]} / 2 ))
i=0
for f in "${gold[@]:0:$half}"; do
    drop "$f" a
    i=$((i + 1))
    wait_for "$f to be stored" 120 '[ "$(stored)" -ge "$i" ]'
done
alerts_before=$(sql 'SELECT count(*) FROM alert')
pg_stop
stopped=$(date +%s.%N)
echo "PostgreSQL stopped at $(date -u +%T) after $half articles ($alerts_before alerts); the other $(( ${#gold[@]} - half )) keep arriving"
for f in "${gold[@]:$half}"; do
    drop "$f" a
    sleep 0.3   # arrivals spread over the outage, in gold order
done
now=$(date +%s.%N)
rest=$(echo "$outage - ($now - $stopped)" | bc)
[ "$(echo "$rest > 0" | bc)" = 1 ] && sleep "$rest"
logged_during=$(wc -l <"$work/alerts-a.jsonl" 2>/dev/null || echo 0)
pg_start
restarted=$(date +%s.%N)
printf 'PostgreSQL started again at %s, %.1f s after it stopped; alerts in the log meanwhile: %s\n' \
    "$(date -u +%T)" "$(echo "$restarted - $stopped" | bc)" "$logged_during"
wait_for "every article to be stored" 300 '[ "$(stored)" -ge "${#gold[@]}" ]'
t1=$(date +%s.%N)
wait_for "every alert to be delivered" 120 '[ "$(pending)" = 0 ]'
t2=$(date +%s.%N)
printf 'all %s articles stored %.1f s after the restart, the last alert delivered %.1f s after the restart\n' \
    "$(stored)" "$(echo "$t1 - $restarted" | bc)" "$(echo "$t2 - $restarted" | bc)"
alert_ids "$work/alerts-a.jsonl" >"$work/cluster-ids"
alert_ids "$work/reference.jsonl" >"$work/reference-ids"
journal_alert_ids >"$work/journal-ids"
cluster_stances >"$work/cluster-stances.jsonl"
printf 'alerts: reference %s; alert log %s (%s of them after the restart); journald %s\n' "$(wc -l <"$work/reference-ids")" \
    "$(wc -l <"$work/cluster-ids")" "$(( $(wc -l <"$work/cluster-ids") - logged_during ))" "$(wc -l <"$work/journal-ids")"
echo "journald entries about the store:"
store_entries
check "every article stored" test "$(stored)" = "${#gold[@]}"
check "the alert log is the reference's, line for line, in order" same_files "$work/reference.jsonl" "$work/alerts-a.jsonl"
check "journald got each alert once, the reference's" same_files <(sort "$work/reference-ids") <(sort "$work/journal-ids")
check "the stances are the reference's" same_files "$work/reference-stances.jsonl" "$work/cluster-stances.jsonl"
check "the outage was reported once" test "$(store_entries | grep -c 'could not be recorded in the store')" = 1
check "the recovery was reported" test "$(store_entries | grep -c 'takes writes again')" -ge 1
kill -TERM "${daemon_pids[0]}"
wait "${daemon_pids[0]}" || { echo "the daemon exited with $?"; failures=$((failures + 1)); }
daemon_pids=()

echo "== B. a daemon started while PostgreSQL is down"
pg_stop
python3 -u -c 'import socket,sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
while True:
    print(s.recv(4096).decode().replace("\n", " | "))' "$work/notify.sock" >"$work/notify.log" &
notify_pid=$!
wait_for "the notify socket" 10 '[ -S "$work/notify.sock" ]'
down_since=$(date +%s.%N)
WAIT_WATCHING=0 start_daemon late NOTIFY_SOCKET="$work/notify.sock"
late=$last_pid
wait_for "the daemon to say it waits" 30 'store_entries | grep -q "cannot be reached"'
sleep 20   # it keeps trying meanwhile (1, 2, 4, 8 s ...)
running=no; kill -0 "$late" 2>/dev/null && running=yes
echo "after $(printf %.0f "$(echo "$(date +%s.%N) - $down_since" | bc)") s with PostgreSQL down: the daemon is running: $running"
echo "STATUS= lines it sent while waiting:"
grep -o "STATUS=waiting[^|]*" "$work/notify.log" | sed 's/^/   /'
pg_start
wait_for "the daemon to start watching" 60 'grep -q "READY=1" "$work/notify.log"'
echo "journald entries about the store (A and B):"
store_entries
echo "notifications after the restart:"
grep -v "STATUS=waiting" "$work/notify.log" | head -3 | sed 's/^/   /'
check "it did not exit while PostgreSQL was down" test "$running" = yes
check "it said so once in journald" test "$(store_entries | grep -c 'the shared store .* cannot be reached')" = 1
check "STATUS= said so at each try" test "$(grep -c 'STATUS=waiting for the shared store' "$work/notify.log")" -ge 3
check "READY=1 once PostgreSQL answered" grep -q "READY=1" "$work/notify.log"
kill -TERM "$late"
wait "$late" || { echo "the daemon exited with $?"; failures=$((failures + 1)); }
daemon_pids=()
[ "$failures" = 0 ] && echo "figure 3: PASS" || { echo "figure 3: $failures check(s) FAILED"; exit 1; }
