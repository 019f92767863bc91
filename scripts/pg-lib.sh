# Shared by the scripts/pg-*.sh figures (sourced, not run): a throwaway PostgreSQL cluster,
# a private journald namespace, daemons started under it, the dev corpus in gold order.
# Needs root (the cluster runs as the postgres user; journald and mount namespaces), Debian's
# postgresql and systemd. Every function works inside $work (made by pg_lib_init).

pg_lib_init() {
    cd "$(dirname "$0")/.."
    bin=${STANCEWATCH_BIN:-${SCRATCH:-.build}/debug/stancewatch}
    shared=${SHARED:-../shared}
    corpus=${CORPUS:-$shared/corpus/dev}
    port=${PG_PORT:-$((26000 + $$ % 1000))}
    [ "$(id -u)" = 0 ] || { echo "needs root (a PostgreSQL cluster as the postgres user, a private journald)" >&2; exit 1; }
    [ -x "$bin" ] || { echo "no stancewatch binary at $bin (swift build --product stancewatch first)" >&2; exit 1; }
    [ -f "$corpus/gold.json" ] || { echo "no corpus with a gold.json at $corpus (set SHARED or CORPUS)" >&2; exit 1; }
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    work=$(mktemp -d /tmp/stancewatch-pgfig.XXXXXX)
    chmod 755 "$work"
    journal_name=swfig$$
    daemon_pids=()
    trap pg_lib_cleanup EXIT
    mapfile -t gold < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]+"/gold.json"))["order"]))' "$corpus")
    watchlist=$corpus/watchlist.yaml
    url="postgres://postgres@127.0.0.1:$port/stancewatch"
    echo "binary $bin, corpus $corpus (${#gold[@]} articles), PostgreSQL $(basename "$(dirname "$pgbin")") on 127.0.0.1:$port, work $work"
}

pg_lib_cleanup() {
    for p in "${daemon_pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    [ -n "${notify_pid:-}" ] && kill "$notify_pid" 2>/dev/null || true
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
    touch "$work/journal-stop"
    [ -f "$work/journald.pid" ] && kill "$(cat "$work/journald.pid")" 2>/dev/null || true
    [ -n "${journald_pid:-}" ] && kill "$journald_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "/run/systemd/journal.$journal_name" /var/log/journal/*."$journal_name" /run/log/journal/*."$journal_name"
    if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}

# A cluster in $work/pg on 127.0.0.1:$port (trust), and the database "stancewatch".
pg_start_cluster() {
    mkdir -p "$work/pg"
    chown postgres:postgres "$work/pg"
    runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    pg_start
    runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$port" stancewatch
}

pg_start() {
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" \
        -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=100" -w start >/dev/null
}

# Stops the server at once (-m immediate: like a crash or a pulled cable for the clients).
pg_stop() {
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null
}

# psql -Atc SQL on the stancewatch database.
sql() {
    runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$port" -d stancewatch -Atc "$1"
}

# A private systemd-journald (namespace $journal_name) the daemons log and send alerts to.
# A namespaced journald exits after some idle time (about 30 s without entries): a small loop
# starts it again, as systemd's socket activation would.
journal_start() {
    mkdir -p /run/systemd/journal
    (
        while [ ! -e "$work/journal-stop" ]; do
            /lib/systemd/systemd-journald "$journal_name" >/dev/null 2>&1 &
            echo $! >"$work/journald.pid"
            wait $! || true
        done
    ) &
    journald_pid=$!
    for _ in $(seq 1 200); do
        [ -S "/run/systemd/journal.$journal_name/socket" ] && return 0
        sleep 0.05
    done
    echo "systemd-journald $journal_name did not start" >&2
    exit 1
}

# The namespace's entries as JSON lines.
journal_json() {
    journalctl --namespace="$journal_name" -o json --all --no-pager 2>/dev/null
}

# under_journal CMD...: CMD in a private mount namespace where /run/systemd/journal is ours
# (the same process id: unshare and sh exec it).
under_journal() {
    unshare --mount --propagation private /bin/sh -c 'mount --bind "$1" /run/systemd/journal && shift && exec "$@"' \
        sh "/run/systemd/journal.$journal_name" "$@"
}

# start_daemon HOST [ENV=VALUE...]: `stancewatch run` for feed $work/feed-HOST, state
# $work/state-HOST, alert log $work/alerts-HOST.jsonl, stderr appended to $work/HOST.err;
# sets $last_pid and waits until it watches its feed.
start_daemon() {
    local host=$1; shift
    mkdir -p "$work/feed-$host"
    touch "$work/$host.err"
    local seen
    seen=$(grep -c "is watching the feed" "$work/$host.err" || true)
    env -u NOTIFY_SOCKET -u STANCEWATCH_STORE "$@" unshare --mount --propagation private \
        /bin/sh -c 'mount --bind "$1" /run/systemd/journal && shift && exec "$@"' sh "/run/systemd/journal.$journal_name" \
        "$bin" run --feed "$work/feed-$host" --state "$work/state-$host" --store "$url" --watchlist "$watchlist" \
        --alert-log "$work/alerts-$host.jsonl" >/dev/null 2>>"$work/$host.err" &
    last_pid=$!
    daemon_pids+=("$last_pid")
    if [ "${WAIT_WATCHING:-1}" = 1 ]; then
        for _ in $(seq 1 1200); do
            [ "$(grep -c "is watching the feed" "$work/$host.err" || true)" -gt "${seen:-0}" ] && return 0
            kill -0 "$last_pid" 2>/dev/null || { echo "host $host exited:"; tail -5 "$work/$host.err"; exit 1; }
            sleep 0.1
        done
        echo "host $host did not start watching" >&2
        exit 1
    fi
}

# drop FILE HOST: the corpus file into HOST's feed by atomic rename (as a scraper would).
drop() {
    cp "$corpus/$1" "$work/feed-$2/.$1.part"
    mv "$work/feed-$2/.$1.part" "$work/feed-$2/$1"
}

stored() { sql "SELECT count(*) FROM article WHERE status = 'ingested'" 2>/dev/null || echo -1; }
pending() { sql "SELECT count(*) FROM alert WHERE sent_at IS NULL OR logged_at IS NULL" 2>/dev/null || echo -1; }

# wait_for TEXT SECONDS 'CONDITION': evaluates the shell text CONDITION every 0.1 s (so
# $(stored) in it is asked again each time); fails the script after SECONDS.
wait_for() {
    local what=$1 limit=$2 condition=$3
    local n=$((limit * 10))
    for _ in $(seq 1 "$n"); do eval "$condition" && return 0; sleep 0.1; done
    echo "timed out after $limit s waiting for $what" >&2
    exit 1
}

# The single-host reference: `stancewatch replay` on SQLite, gold order; alerts in
# $work/reference.jsonl, stances (sorted) in $work/reference-stances.jsonl.
reference_replay() {
    local paths=()
    for f in "${gold[@]}"; do paths+=("$corpus/$f"); done
    local t0 t1
    t0=$(date +%s.%N)
    env -u STANCEWATCH_STORE "$bin" replay --state "$work/reference" --watchlist "$watchlist" --alert-log "$work/reference.jsonl" \
        --log-level warning "${paths[@]}" >/dev/null 2>"$work/reference.err"
    t1=$(date +%s.%N)
    touch "$work/reference.jsonl"
    env -u STANCEWATCH_STORE "$bin" stances --state "$work/reference" | sort >"$work/reference-stances.jsonl"
    printf 'single-host SQLite replay (gold order): %s articles, %s stances, %s alerts in %.1f s\n' "${#gold[@]}" \
        "$(wc -l <"$work/reference-stances.jsonl")" "$(wc -l <"$work/reference.jsonl")" "$(echo "$t1 - $t0" | bc)"
}

# alert_ids FILE...: the STANCE_ALERT_IDs of alert logs, one a line, in file order.
alert_ids() {
    cat "$@" 2>/dev/null | python3 -c 'import json,sys
for line in sys.stdin:
    line = line.strip()
    if line: print(json.loads(line)["STANCE_ALERT_ID"])'
}

# The cluster's stances, sorted (the same JSON lines `stances --state` prints).
# The STANCE_ALERT_ID of every journald entry that carries one, a line each, in journal order.
journal_alert_ids() {
    journal_json | python3 -c 'import json,sys
for l in sys.stdin:
    e = json.loads(l)
    if "STANCE_ALERT_ID" in e: print(e["STANCE_ALERT_ID"])'
}

cluster_stances() {
    env -u STANCEWATCH_STORE "$bin" stances --store "$url" | sort
}

# check LABEL CONDITION...: prints "ok" or "FAILED" for one claim; remembers failures.
failures=0
check() {
    local label=$1; shift
    if "$@"; then echo "  ok      $label"; else echo "  FAILED  $label"; failures=$((failures + 1)); fi
}

same_files() { cmp -s "$1" "$2"; }
no_repeats() { [ -z "$(sort "$1" | uniq -d)" ]; }
