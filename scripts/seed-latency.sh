#!/usr/bin/env bash
# Issue 2's latency figure: rename seed 003 into a live daemon's feed (seeds 000 002 001 already
# ingested) and time until its shift alert is readable in journald; median of 20 rounds.
# Starts its own systemd-journald in a namespace (root). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
config=${CONFIG:-release}
rounds=${ROUNDS:-20}
swift build -c "$config" --scratch-path "$scratch" --product stancewatch >/dev/null
bin=$(pwd)/$scratch/$config/stancewatch
ns=stanceseed$$
work=$(mktemp -d "${TMPDIR:-/tmp}/stancewatch-seedlat.XXXXXX")
/lib/systemd/systemd-journald "$ns" &
journald_pid=$!
cleanup() {
    kill "$journald_pid" 2>/dev/null || true
    wait "$journald_pid" 2>/dev/null || true
    rm -rf "/run/systemd/journal.$ns" /var/log/journal/*."$ns" "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -S "/run/systemd/journal.$ns/socket" ] && break; sleep 0.05; done
python3 bench/daemon_bench.py seed --binary "$bin" --namespace "$ns" --work "$work" \
    --watchlist "$(pwd)/seeds/watchlist.yaml" --drops "$rounds"
