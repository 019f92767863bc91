#!/usr/bin/env bash
# Checks the systemd unit: `systemd-analyze verify` must say nothing about it, and
# `systemd-analyze security --offline=true` must rate its exposure at most MAX_EXPOSURE (1.5).
# verify exits 0 even for unknown keys, so its output is read, not only its status.
# The unit's ExecStart binary is usually not installed here; verify then complains about
# that alone, so a copy is checked whose ExecStart points at an existing binary (the
# installed one, else a built one, else /bin/true); the script says which.
set -euo pipefail
cd "$(dirname "$0")/.."

UNIT=deploy/stancewatch.service
MAX_EXPOSURE=${MAX_EXPOSURE:-1.5}
command -v systemd-analyze >/dev/null || { echo "verify-unit: systemd-analyze is not installed (apt-get install systemd)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bin=/usr/local/bin/stancewatch
if [ ! -x "$bin" ]; then
    bin=/bin/true
    for candidate in .build/release/stancewatch .build/debug/stancewatch; do
        if [ -x "$candidate" ]; then bin="$PWD/$candidate"; break; fi
    done
    echo "verify-unit: /usr/local/bin/stancewatch is not installed; verifying a copy with ExecStart=$bin"
fi
sed "s|/usr/local/bin/stancewatch|$bin|" "$UNIT" > "$tmp/stancewatch.service"

failed=0
verify_out=$(systemd-analyze verify "$tmp/stancewatch.service" 2>&1) || true
# Only lines about our unit count (verify may also mention units of the host it loaded).
ours=$(printf '%s\n' "$verify_out" | grep -i 'stancewatch' || true)
if [ -n "$ours" ]; then
    echo "verify-unit: systemd-analyze verify complains about $UNIT:"
    printf '%s\n' "$ours" | sed 's/^/  /'
    failed=1
else
    echo "verify-unit: systemd-analyze verify: clean"
fi

security_out=$(systemd-analyze security --offline=true "$tmp/stancewatch.service" 2>&1) || true
exposure=$(printf '%s\n' "$security_out" | sed -n 's/.*Overall exposure level for stancewatch.service: \([0-9.]*\).*/\1/p')
if [ -z "$exposure" ]; then
    echo "verify-unit: systemd-analyze security printed no exposure score:"
    printf '%s\n' "$security_out" | tail -5 | sed 's/^/  /'
    failed=1
elif awk -v e="$exposure" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(e > m) }'; then
    echo "verify-unit: exposure $exposure is above $MAX_EXPOSURE; the settings that cost points:"
    printf '%s\n' "$security_out" | grep '✗' | sort -t' ' -k1,1 | tail -10
    failed=1
else
    echo "verify-unit: systemd-analyze security --offline=true exposure: $exposure (limit $MAX_EXPOSURE)"
fi
exit "$failed"
