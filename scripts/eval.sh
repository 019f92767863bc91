#!/usr/bin/env bash
# make eval: build release, then replay each shared corpus (dev, dev2, seeds) through the
# stancewatch binary in its gold order and print the scorer's figures under a heading.
# Needs ../shared (the read-only corpora and scorer); without it, says so and exits 0.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
shared=${SHARED:-../shared}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product stancewatch
bin="$scratch/release/stancewatch"
if [ ! -f "$shared/eval/replay.sh" ]; then
    echo "eval: $shared/eval/replay.sh is not here (the shared corpora are not part of a clone); nothing scored."
    exit 0
fi
status=0
for corpus in dev dev2 seeds; do
    dir="$shared/corpus/$corpus"
    echo "== $corpus"
    if [ ! -f "$dir/gold.json" ]; then echo "no gold.json in $dir; skipped"; continue; fi
    bash "$shared/eval/replay.sh" "$dir" "$bin" || status=1
done
exit $status
