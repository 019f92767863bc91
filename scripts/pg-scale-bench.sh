#!/usr/bin/env bash
# Scale-out figures (issue 10): articles/s of 1, 2 and 3 `stancewatch replay` processes (each
# runs the daemon's ingest pipeline: read, engine, one transaction per batch of 32) recording
# into ONE throwaway PostgreSQL, beside one process on the default SQLite store. The corpus is
# ../shared/corpus/dev copied PG_BENCH_COPIES times (a marker line appended, so every copy is
# new content), split round-robin across the processes. Prints figures; asserts nothing.
# Needs root and Debian's postgresql (the cluster runs as the postgres user on 127.0.0.1).
# Environment: STANCEWATCH_BIN (default $SCRATCH/debug/stancewatch), SHARED (../shared),
# PG_BENCH_COPIES (10), PG_BENCH_PORT (25432).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${STANCEWATCH_BIN:-${SCRATCH:-.build}/debug/stancewatch}
shared=${SHARED:-../shared}
copies=${PG_BENCH_COPIES:-10}
port=${PG_BENCH_PORT:-25432}
[ -x "$bin" ] || { echo "no stancewatch binary at $bin (swift build first)" >&2; exit 1; }
[ -d "$shared/corpus/dev" ] || { echo "no corpus at $shared/corpus/dev" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

work=$(mktemp -d /tmp/stancewatch-pgbench.XXXXXX)
chmod 755 "$work"
pgdir=$work/pg
mkdir -p "$pgdir" "$work/corpus"
chown postgres:postgres "$pgdir"
cleanup() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" -w start >/dev/null

for c in $(seq 1 "$copies"); do
  for f in "$shared"/corpus/dev/*.txt; do
    name=$(basename "$f" .txt)
    { cat "$f"; printf '\n\n(копия %s)\n' "$c"; } >"$work/corpus/${name}_c$c.txt"
  done
done
mapfile -t files < <(ls "$work"/corpus/*.txt | sort)
total=${#files[@]}
wl=$shared/corpus/dev/watchlist.yaml
[ -f "$wl" ] || wl=seeds/watchlist.yaml
echo "corpus: $total articles ($copies copies of $shared/corpus/dev), watchlist $wl, binary $bin, $(nproc) cores"

# sample DB: every 0.1 s, what each stancewatch connection to DB is doing (pg_stat_activity),
# appended to $work/sample-DB until $work/stop-DB exists: "state|wait_event_type|wait_event".
sample() {
  local db=$1
  while [ ! -e "$work/stop-$db" ]; do
    runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -d postgres -Atc \
      "SELECT state, coalesce(wait_event_type, '-'), coalesce(wait_event, '-') FROM pg_stat_activity
       WHERE datname = '$db' AND backend_type = 'client backend' AND pid <> pg_backend_pid()" >>"$work/sample-$db" 2>/dev/null || true
    sleep 0.1
  done
}

# The share of samples per connection state: where the time of the processes' connections goes.
summarise() {
  local db=$1
  python3 - "$work/sample-$db" <<'PY'
import collections, sys
rows = [l.strip() for l in open(sys.argv[1]) if l.strip()]
c = collections.Counter()
for r in rows:
    state, wtype, wevent = r.split("|")
    if wtype == "Lock" and wevent == "advisory": c["waiting for another process's topic lock"] += 1
    elif wtype == "Lock": c["waiting for a row/transaction lock (" + wevent + ")"] += 1
    elif state == "active": c["running a statement in the server"] += 1
    elif state.startswith("idle in transaction"): c["in a transaction, waiting for the client (rules between statements)"] += 1
    elif state == "idle": c["idle: the client reads, runs the engine, delivers"] += 1
    else: c[state + "/" + wtype + "/" + wevent] += 1
n = sum(c.values()) or 1
for k, v in c.most_common():
    print(f"      {100 * v / n:5.1f}%  {k}")
PY
}

# run N STORE: N replays over a round-robin split; prints articles/s.
run() {
  local n=$1 store=$2 label=$3
  local pids=() start end
  start=$(date +%s.%N)
  for ((k = 0; k < n; k++)); do
    local mine=()
    for ((i = k; i < total; i += n)); do mine+=("${files[$i]}"); done
    local args=(replay --state "$work/state-$label-$k" --watchlist "$wl" --log-level warning)
    [ -n "$store" ] && args+=(--store "$store")
    "$bin" "${args[@]}" "${mine[@]}" >/dev/null 2>"$work/$label-$k.err" &
    pids+=($!)
  done
  local failed=0
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  end=$(date +%s.%N)
  [ $failed = 0 ] || { echo "$label: a replay failed:" >&2; cat "$work/$label-"*.err >&2; }
  python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]:<28} {int(sys.argv[4])/t:8.1f} articles/s  ({sys.argv[4]} in {t:.1f} s)')" \
    "$start" "$end" "$label" "$total"
}

run 1 "" "sqlite, 1 process"
for n in 1 2 3; do
  db=bench$n
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$port" "$db"
  sample "$db" &
  sampler=$!
  run "$n" "postgres://postgres@127.0.0.1:$port/$db" "postgresql, $n process(es)"
  touch "$work/stop-$db"
  wait "$sampler" || true
  echo "    where the connections' time went (pg_stat_activity, sampled every 0.1 s):"
  summarise "$db"
  psql_out=$(runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -d "$db" -Atc \
    "SELECT count(*) FILTER (WHERE status = 'ingested'), (SELECT count(*) FROM stance), (SELECT count(*) FROM alert) FROM article" 2>/dev/null || echo "?")
  echo "    stored (articles|stances|alerts): $psql_out"
done
