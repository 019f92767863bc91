#!/usr/bin/env bash
# `make run`: build stancewatch, start the daemon on an empty temporary feed folder with the
# shipped watchlist, drop the five seed articles in by atomic rename (order 000 002 001 003 004,
# as the gold order has it), print each alert as it arrives, then stop the daemon with SIGTERM.
# Works with or without a running journald: alerts are printed from the JSON Lines alert log.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}

echo "== building stancewatch (debug, --scratch-path $scratch; a first build takes 5-15 minutes on 2 cores)"
build_log=$(mktemp)
# Progress: SwiftPM's "[step/total]" lines, at most one per 5% of the steps, so a long first
# build shows it is moving without flooding the terminal.
set +e
swift build --scratch-path "$scratch" --product stancewatch 2>&1 | tee "$build_log" | awk '
    match($0, /^\[[0-9]+\/[0-9]+\]/) {
        split(substr($0, 2, RLENGTH - 2), n, "/")
        pct = int(100 * n[1] / n[2])
        if (pct >= last + 5 || n[1] == n[2]) { printf "   %3d%% %s\n", pct, $0; fflush(); last = pct }
    }'
build_status=${PIPESTATUS[0]}
set -e
if [ "$build_status" -ne 0 ]; then
    grep -E "error" "$build_log" | head -n 20 || tail -n 30 "$build_log"
    echo "the build failed; see the lines above"
    rm -f "$build_log"
    exit 1
fi
tail -n 1 "$build_log"
rm -f "$build_log"
bin=$scratch/debug/stancewatch

work=$(mktemp -d "${TMPDIR:-/tmp}/stancewatch-run.XXXXXX")
feed=$work/feed
state=$work/state
alerts=$state/alerts.jsonl
mkdir -p "$feed" "$state"
: >"$alerts"
daemon_pid=""
tail_pid=""
cleanup() {
    [ -n "$tail_pid" ] && kill "$tail_pid" 2>/dev/null || true
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then kill -TERM "$daemon_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin" run --feed "$feed" --state "$state" --alert-log "$alerts" 2>"$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 1 300); do
    grep -q "is watching the feed" "$work/daemon.log" 2>/dev/null && break
    kill -0 "$daemon_pid" 2>/dev/null || { echo "the daemon exited early:"; cat "$work/daemon.log"; exit 1; }
    sleep 0.1
done
echo "== daemon $daemon_pid watching $feed (state $state)"
if [ ! -S /run/systemd/journal/socket ]; then
    echo "   (journald is not running here: alerts stay pending in the store and are printed from the alert log)"
fi

# One readable line per alert, as it is appended to the alert log.
cat >"$work/format.py" <<'PY'
import json, sys
for line in sys.stdin:
    try:
        a = json.loads(line)
    except ValueError:
        continue
    g = lambda key: a.get(key, "?")
    if g("STANCE_KIND") == "shift":
        print("ALERT shift: %s on %s: %s -> %s in %s (stated %s; before: stated %s in %s)" % (
            g("STANCE_ACTOR"), g("STANCE_TOPIC"), g("STANCE_FROM"), g("STANCE_TO"), g("STANCE_ARTICLE"),
            g("STANCE_DATE"), g("STANCE_PRIOR_DATE"), g("STANCE_PRIOR_ARTICLE")))
    else:
        print("ALERT %s: %s is %s on %s in %s (stated %s) while %s is %s (stated %s in %s)" % (
            g("STANCE_KIND"), g("STANCE_ACTOR"), g("STANCE_TO"), g("STANCE_TOPIC"), g("STANCE_ARTICLE"),
            g("STANCE_DATE"), g("STANCE_OTHER_ACTOR"), g("STANCE_FROM"), g("STANCE_PRIOR_DATE"),
            g("STANCE_PRIOR_ARTICLE")))
    print("      " + g("MESSAGE"))
PY
tail -n +1 -f "$alerts" | python3 -u "$work/format.py" &
tail_pid=$!

for n in 000 002 001 003 004; do
    for src in seeds/${n}_*.txt; do
        name=$(basename "$src")
        cp "$src" "$feed/.$name.part"
        mv "$feed/.$name.part" "$feed/$name"
        echo "-- dropped $name"
        sleep 0.3
    done
done

# Wait until all five are ingested (or 20 s), then a short idle for the last alerts.
for _ in $(seq 1 200); do
    [ "$(grep -c "article ingested" "$work/daemon.log" || true)" -ge 5 ] && break
    sleep 0.1
done
sleep 1
kill -TERM "$daemon_pid"
status=0
wait "$daemon_pid" || status=$?
daemon_pid=""
kill "$tail_pid" 2>/dev/null || true
wait "$tail_pid" 2>/dev/null || true
tail_pid=""
echo "== daemon stopped (exit status $status)"
"$bin" status --state "$state"
grep -E " (warning|error) " "$work/daemon.log" | sed 's/^/   daemon: /' || true
exit "$status"
