#!/usr/bin/env bash
# `make bench`: the figures of issue 3, from a release build. Prints figures; asserts no timings.
#   engine throughput (dev corpus, and a 10 MB corpus built from it) vs natasha on the same 10 MB;
#   rename -> journald latency over 1,000 drops; daemon peak RSS idle and after 100,000 articles;
#   start-up (catch-up) time with 100,000 already-ingested files; ingest time at 10^4..10^6 stances.
#   issue 9: worst-case inputs (s/MB against a normal article); whole-process replay of the
#   10 MB corpus with journald against natasha on the same files; replay of 2 MB without
#   journald against with it; a many-quotes article ingested with WATCHDOG=1 still arriving.
# Environment: SCRATCH (build folder, default .build), SHARED (default ../shared), BENCH_WORK
# (scratch folder, default a fresh /tmp dir), BENCH_DROPS (1000), BENCH_FEED (100000),
# BENCH_NATASHA_SECONDS (150), BENCH_SCALE_STEPS (10000,100000,1000000), BENCH_STEPS (which
# steps run, default all: throughput,natasha,worstcase,replay,latency,watchdog,memory,limit,scale).
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch=${SCRATCH:-.build}
shared=${SHARED:-../shared}
drops=${BENCH_DROPS:-1000}
feed_count=${BENCH_FEED:-100000}
natasha_seconds=${BENCH_NATASHA_SECONDS:-150}
scale_steps=${BENCH_SCALE_STEPS:-10000,100000,1000000}
work=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/stancewatch-bench.XXXXXX")}
mkdir -p "$work"
results=$work/results.jsonl
: >"$results"
venv=$repo/.build-bench-venv
ns=stancebench$$
journald_pid=""
steps=${BENCH_STEPS:-throughput,natasha,worstcase,replay,latency,watchdog,memory,limit,scale}
step() { case ",$steps," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

cleanup() {
    if [ -n "$journald_pid" ]; then kill "$journald_pid" 2>/dev/null; wait "$journald_pid" 2>/dev/null; fi
    rm -rf "/run/systemd/journal.$ns" /var/log/journal/*."$ns" /run/log/journal/*."$ns" 2>/dev/null
    [ -z "${BENCH_WORK:-}" ] && rm -rf "$work"
}
trap cleanup EXIT

echo "== release build (--scratch-path $scratch)"
for product in stancewatch StanceBench; do
    for attempt in 1 2 3; do   # a source edited mid-build (shared work tree) fails the build: try again
        swift build -c release --scratch-path "$scratch" --product "$product" >"$work/build.log" 2>&1 && break
        sleep 5
    done
    grep -E "error|warning: |Build" "$work/build.log" | tail -n 3
done
bin=$scratch/release/stancewatch
sbench=$scratch/release/StanceBench
[ -x "$bin" ] && [ -x "$sbench" ] || { echo "bench: the release build failed"; exit 1; }

# Corpus: the shared dev corpora when present, else the shipped seeds.
sources=()
for c in dev dev2; do [ -d "$shared/corpus/$c" ] && sources+=("$shared/corpus/$c"); done
if [ ${#sources[@]} -eq 0 ]; then
    sources=("$repo/seeds"); watchlist=$repo/seeds/watchlist.yaml
    echo "== no $shared/corpus: using seeds/ as the corpus"
else
    watchlist=${sources[0]}/watchlist.yaml
fi
echo "== corpus: ${sources[*]} (watchlist $watchlist)"
python3 bench/make_corpus.py sized --out "$work/corpus10mb" --mb 10 "${sources[@]}"

if step throughput; then
echo "== engine throughput (reader + stance engine, one core)"
for src in "${sources[@]}"; do
    wl=$src/watchlist.yaml; [ -f "$wl" ] || wl=$watchlist
    taskset -c 0 "$sbench" throughput --watchlist "$wl" --seconds 5 "$src" | sed "s/\"bench\":\"throughput\"/\"bench\":\"throughput\",\"corpus\":\"$(basename "$src")\"/" >>"$results"
done
taskset -c 0 "$sbench" throughput --watchlist "$watchlist" --seconds 10 "$work/corpus10mb" | sed 's/"bench":"throughput"/"bench":"throughput","corpus":"10MB"/' >>"$results"
fi

if step worstcase; then
echo "== worst-case inputs against a normal article (reader + engine, one core, 1 MB each)"
taskset -c 0 "$sbench" worstcase --watchlist "$watchlist" --bytes 1000000 "${sources[@]}" >>"$results"
fi

if step natasha; then
echo "== natasha on the same 10 MB (Segmenter, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, NewsNERTagger)"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import natasha" 2>/dev/null; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q natasha || echo "natasha could not be installed"
fi
if "$venv/bin/python" -c "import natasha" 2>/dev/null; then
    taskset -c 1 "$venv/bin/python" bench/natasha_bench.py "$work/corpus10mb" --max-seconds "$natasha_seconds" >>"$results"
else
    echo "natasha is not available; the reference figure from field notes is 0.094 MB/s (19 articles/s)"
    echo '{"bench":"natasha","reference":true,"mb_per_s":0.094,"articles_per_s":19}' >>"$results"
fi
fi

echo "== namespaced journald $ns"
/lib/systemd/systemd-journald "$ns" &
journald_pid=$!
for _ in $(seq 100); do [ -S "/run/systemd/journal.$ns/socket" ] && break; sleep 0.05; done

# The binary under a journald: the namespace's ("with") or none at all ("without").
in_journal() {  # in_journal with|without CMD...
    local mode=$1; shift
    if [ "$mode" = with ]; then
        unshare --mount --propagation private sh -c 'mount --bind "/run/systemd/journal.$0" /run/systemd/journal && exec "$@"' "$ns" "$@"
    else
        mkdir -p "$work/nojournal"
        unshare --mount --propagation private sh -c 'mount --bind "$0" /run/systemd/journal && exec "$@"' "$work/nojournal" "$@"
    fi
}

if step replay; then
mapfile -t files10 < <(find "$work/corpus10mb" -name '*.txt' | sort)
bytes10=$(cat "${files10[@]}" | wc -c)
# Twice: one analysis thread on one core (the pipeline as it was before analysis threads), then
# the whole process as it runs by default (every core, an analysis thread per core).
for mode in serial parallel; do
    if [ "$mode" = serial ]; then
        echo "== whole-process replay (read, engine, SQLite, journald) of the 10 MB corpus, one core, --analysis-threads 1"
        run=(taskset -c 0 "$bin" replay --analysis-threads 1)
    else
        echo "== whole-process replay of the 10 MB corpus, every core ($(nproc)), default analysis threads"
        run=("$bin" replay)
    fi
    rm -rf "$work/replay10"; mkdir -p "$work/replay10"
    start=$(date +%s.%N)
    printf '%s\0' "${files10[@]}" >"$work/replay10/files"
    in_journal with /usr/bin/time -f '%U %S' -o "$work/replay10/cpu" "${run[@]}" --state "$work/replay10/state" \
        --watchlist "$watchlist" --files-from "$work/replay10/files" >/dev/null 2>"$work/replay10/err"
    end=$(date +%s.%N)
    st=$("$bin" status --state "$work/replay10/state" --json)
    python3 - "$bytes10" "$start" "$end" "${#files10[@]}" "$st" "$(cat "$work/replay10/cpu")" "$mode" <<'PY' | tee -a "$results"
import json, sys
b, s, e, n, st = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
cpu = sum(float(x) for x in sys.argv[6].split())
print(json.dumps({'bench': 'replay', 'mode': sys.argv[7], 'journald': True, 'files': n, 'bytes': b, 'seconds': e - s,
                  'mb_per_s': b / (e - s) / 1e6, 'cpu_seconds': cpu, 'mb_per_cpu_s': b / cpu / 1e6,
                  'ingested': st['articles']['ingested'], 'alerts': st['alerts']}))
PY
done
echo "== replay of 2 MB without journald against with it"
two=(); acc=0
for f in "${files10[@]}"; do two+=("$f"); acc=$((acc + $(stat -c %s "$f"))); [ "$acc" -ge 2000000 ] && break; done
for mode in with without; do
    rm -rf "$work/replay2-$mode"; mkdir -p "$work/replay2-$mode"
    start=$(date +%s.%N)
    in_journal "$mode" taskset -c 0 "$bin" replay --state "$work/replay2-$mode/state" --watchlist "$watchlist" "${two[@]}" >/dev/null 2>&1
    end=$(date +%s.%N)
    st=$("$bin" status --state "$work/replay2-$mode/state" --json)
    python3 - "$acc" "$start" "$end" "$mode" "$st" <<'PY' | tee -a "$results"
import json, sys
b, s, e, mode, st = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5])
print(json.dumps({'bench': 'replay2mb', 'journald': mode == 'with', 'bytes': b, 'seconds': e - s,
                  'alerts_pending': st['alerts']['pending'], 'alerts_sent': st['alerts']['sent']}))
PY
done
rm -rf "$work/replay10" "$work/replay2-with" "$work/replay2-without"
fi

if step latency; then
echo "== latency: rename -> journald entry, $drops drops"
python3 bench/daemon_bench.py latency --binary "$bin" --namespace "$ns" --work "$work/latency" \
    --watchlist "$repo/seeds/watchlist.yaml" --drops "$drops" >>"$results"
fi

if step watchdog; then
echo "== a 2 MB many-quotes article under WATCHDOG_USEC=30 s: WATCHDOG=1 gaps while it is read"
python3 bench/daemon_bench.py watchdog --binary "$bin" --namespace "$ns" --work "$work/watchdog" \
    --watchlist "$repo/seeds/watchlist.yaml" >>"$results"
fi

if step memory; then
echo "== memory and catch-up: $feed_count articles"
python3 bench/make_corpus.py feed --out "$work/feed100k" --count "$feed_count" "${sources[@]}"
python3 bench/daemon_bench.py memory --binary "$bin" --namespace "$ns" --work "$work/memory" \
    --watchlist "$watchlist" --feed "$work/feed100k" >>"$results"
rm -rf "$work/feed100k" "$work/memory"
fi

if step limit; then
echo "== memory for one article just under the default 2 MB limit (replay, peak RSS)"
python3 - "$work/limit" <<'PY'
import os, sys
os.makedirs(sys.argv[1], exist_ok=True)
s = 'Токаев заявил, что переговоры о перемирии возможны и Казахстан готов стать площадкой. '
n = (2 * 1024 * 1024 - 4096) // len(s.encode())
open(os.path.join(sys.argv[1], 'at-limit.txt'), 'w').write(' date 2025-10-01 ' + s * n)
PY
/usr/bin/time -f '%M %e' -o "$work/limit/time" unshare --mount --propagation private sh -c \
    'mkdir -p "$1/nj" && mount --bind "$1/nj" /run/systemd/journal && shift && exec "$@"' sh "$work/limit" \
    "$bin" replay --state "$work/limit/state" --watchlist "$repo/seeds/watchlist.yaml" "$work/limit/at-limit.txt" >/dev/null 2>&1
read -r kib secs <"$work/limit/time"
echo "{\"bench\":\"limit\",\"bytes\":$(stat -c %s "$work/limit/at-limit.txt"),\"peak_rss_kib\":$kib,\"seconds\":$secs}" | tee -a "$results"
rm -rf "$work/limit"
fi

if step scale; then
echo "== scale: ingest time as the store grows ($scale_steps stances)"
"$sbench" scale --dir "$work/scale" --steps "$scale_steps" --probes 100 >>"$results"
rm -rf "$work/scale"
fi

echo
python3 bench/summary.py "$results"
