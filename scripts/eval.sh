#!/usr/bin/env bash
# make eval: build release, then replay each shared corpus (seeds, dev, dev2, dev3, dev4) through
# the stancewatch binary in its gold order and print the scorer's figures, twice per development
# corpus: with the shipped stance model (trained on all four) and with the leave-one-corpus-out
# model (trained on the other three, by `EngineProbe --loco`), beside the peers' figures.
# Needs ../shared (the read-only corpora and scorer); without it, says so and exits 0.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
shared=${SHARED:-../shared}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product stancewatch
swift build -c release --scratch-path "$scratch" --product EngineProbe
bin="$scratch/release/stancewatch"
probe="$scratch/release/EngineProbe"
if [ ! -f "$shared/eval/replay.sh" ]; then
    echo "eval: $shared/eval/replay.sh is not here (the shared corpora are not part of a clone); nothing scored."
    exit 0
fi
models=$(mktemp -d)
trap 'rm -rf "$models"' EXIT
dev=()
for corpus in dev dev2 dev3 dev4; do
    [ -f "$shared/corpus/$corpus/gold.json" ] && dev+=("$shared/corpus/$corpus")
done
echo "== leave-one-corpus-out models (each trained on the other development corpora)"
"$probe" --loco --save "$models" "${dev[@]}"
status=0
for corpus in seeds dev dev2 dev3 dev4; do
    dir="$shared/corpus/$corpus"
    echo
    echo "== $corpus"
    if [ ! -f "$dir/gold.json" ]; then echo "no gold.json in $dir; skipped"; continue; fi
    echo "-- shipped model (Sources/Corpus/Language/ru/stance-model.txt)"
    bash "$shared/eval/replay.sh" "$dir" "$bin" || status=1
    if [ -f "$models/loco-$corpus.txt" ]; then
        echo "-- leave-one-corpus-out model (trained without $corpus)"
        STANCEWATCH_MODEL="$models/loco-$corpus.txt" bash "$shared/eval/replay.sh" "$dir" "$bin" || status=1
    fi
    peers=$(grep -E "^\| $corpus \|" "$shared/peers/README.md" 2>/dev/null || true)
    if [ -n "$peers" ]; then
        echo "-- peers (shift F1 / divergence F1 / stance F1, traps): naive | natasha"
        echo "$peers"
    fi
done
exit $status
