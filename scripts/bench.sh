#!/usr/bin/env bash
# `make bench`: the figures of issue 3, from a release build. Prints figures; asserts no timings.
#   engine throughput (dev corpus, and a 10 MB corpus built from it) vs natasha on the same 10 MB;
#   rename -> journald latency over 1,000 drops; daemon peak RSS idle and after 100,000 articles;
#   start-up (catch-up) time with 100,000 already-ingested files; ingest time at 10^4..10^6 stances.
# Environment: SCRATCH (build folder, default .build), SHARED (default ../shared), BENCH_WORK
# (scratch folder, default a fresh /tmp dir), BENCH_DROPS (1000), BENCH_FEED (100000),
# BENCH_NATASHA_SECONDS (150), BENCH_SCALE_STEPS (10000,100000,1000000).
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

echo "== engine throughput (reader + stance engine, one core)"
for src in "${sources[@]}"; do
    wl=$src/watchlist.yaml; [ -f "$wl" ] || wl=$watchlist
    taskset -c 0 "$sbench" throughput --watchlist "$wl" --seconds 5 "$src" | sed "s/\"bench\":\"throughput\"/\"bench\":\"throughput\",\"corpus\":\"$(basename "$src")\"/" >>"$results"
done
taskset -c 0 "$sbench" throughput --watchlist "$watchlist" --seconds 10 "$work/corpus10mb" | sed 's/"bench":"throughput"/"bench":"throughput","corpus":"10MB"/' >>"$results"

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

echo "== namespaced journald $ns"
/lib/systemd/systemd-journald "$ns" &
journald_pid=$!
for _ in $(seq 100); do [ -S "/run/systemd/journal.$ns/socket" ] && break; sleep 0.05; done

echo "== latency: rename -> journald entry, $drops drops"
python3 bench/daemon_bench.py latency --binary "$bin" --namespace "$ns" --work "$work/latency" \
    --watchlist "$repo/seeds/watchlist.yaml" --drops "$drops" >>"$results"

echo "== memory and catch-up: $feed_count articles"
python3 bench/make_corpus.py feed --out "$work/feed100k" --count "$feed_count" "${sources[@]}"
python3 bench/daemon_bench.py memory --binary "$bin" --namespace "$ns" --work "$work/memory" \
    --watchlist "$watchlist" --feed "$work/feed100k" >>"$results"
rm -rf "$work/feed100k" "$work/memory"

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

echo "== scale: ingest time as the store grows ($scale_steps stances)"
"$sbench" scale --dir "$work/scale" --steps "$scale_steps" --probes 100 >>"$results"
rm -rf "$work/scale"

echo
python3 bench/summary.py "$results"
