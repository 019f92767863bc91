#!/usr/bin/env bash
# The engine's output on the shared corpora, to prove a refactor changed nothing.
#   scripts/engine-identical.sh save DIR     write the outputs of the current EngineProbe to DIR
#   scripts/engine-identical.sh check DIR    write them again and compare with DIR byte for byte
# For each of seeds, dev, dev2, dev3 and dev4: the stances as JSON Lines (rules, evidence
# offsets, confidence), the `--explain` blocks (stances and abstentions with reasons and
# confidences) and the `--trace` (compiled topics and each sentence's holder), and the features
# the model is trained on (`--loco`), and `stancewatch check-watchlist` on the five watchlists. Needs ../shared; uses the debug EngineProbe in SCRATCH.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
scratch=${SCRATCH:-$here/.build}
probe="$scratch/debug/EngineProbe"
mode=${1:?save or check}; dir=${2:?a directory}
for b in "$probe" "$scratch/debug/stancewatch"; do
    [ -x "$b" ] || { echo "no $b: build it with 'swift build --product EngineProbe --product stancewatch'"; exit 2; }
done
out=$dir; [ "$mode" = check ] && out=$(mktemp -d)
mkdir -p "$out"
for c in seeds dev dev2 dev3 dev4; do
    d="$shared/corpus/$c"
    files=$(ls "$d"/*.txt | sort)
    # shellcheck disable=SC2086
    "$probe" --watchlist "$d/watchlist.yaml" $files > "$out/$c.jsonl"
    # shellcheck disable=SC2086
    "$probe" --explain --watchlist "$d/watchlist.yaml" $files > "$out/$c.explain"
    # shellcheck disable=SC2086
    "$probe" --trace --watchlist "$d/watchlist.yaml" $files > "$out/$c.trace" 2>&1
done
# the watchlist lint reads the same lexicons
for c in seeds dev dev2 dev3 dev4; do
    "$scratch/debug/stancewatch" check-watchlist "$shared/corpus/$c/watchlist.yaml"
done > "$out/lint.txt" 2>&1 || true
"$probe" --loco "$shared/corpus/dev" "$shared/corpus/dev2" "$shared/corpus/dev3" "$shared/corpus/dev4" > "$out/loco.txt" 2>&1
if [ "$mode" = check ]; then
    status=0
    for f in "$dir"/*; do
        n=$(basename "$f")
        if cmp -s "$f" "$out/$n"; then echo "identical  $n ($(wc -l < "$f") lines)"
        else echo "DIFFERENT  $n"; diff "$f" "$out/$n" | head -20; status=1; fi
    done
    rm -rf "$out"
    exit $status
fi
wc -l "$out"/* | tail -1
