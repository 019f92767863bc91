#!/usr/bin/env bash
# Checks deploy/stancewatch-postgres.conf, the drop-in that gives stancewatch.service the
# network a PostgreSQL store needs: `systemd-analyze verify` on the unit with the drop-in in
# its stancewatch.service.d/ must say nothing about either (its output is read: verify exits 0
# for unknown keys), the merged unit must have the drop-in's settings (PrivateNetwork=no,
# IP families, the store URL, the credential), and `systemd-analyze security --offline=true`
# prints the exposure with the drop-in beside the unit's own.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v systemd-analyze >/dev/null || { echo "pg-verify-dropin: systemd-analyze is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=/usr/local/bin/stancewatch
[ -x "$bin" ] || bin=$(for c in .build/release/stancewatch .build/debug/stancewatch /bin/true; do [ -x "$c" ] && { readlink -f "$c"; break; }; done)
sed "s|/usr/local/bin/stancewatch|$bin|" deploy/stancewatch.service >"$tmp/stancewatch.service"
mkdir -p "$tmp/plain" "$tmp/stancewatch.service.d"
cp "$tmp/stancewatch.service" "$tmp/plain/"
cp deploy/stancewatch-postgres.conf "$tmp/stancewatch.service.d/postgres.conf"
failed=0
out=$(systemd-analyze verify "$tmp/stancewatch.service" 2>&1) || true
ours=$(printf '%s\n' "$out" | grep -i 'stancewatch\|postgres.conf' || true)
if [ -n "$ours" ]; then
    echo "pg-verify-dropin: systemd-analyze verify complains:"; printf '%s\n' "$ours" | sed 's/^/  /'; failed=1
else
    echo "pg-verify-dropin: systemd-analyze verify (unit + drop-in): clean"
fi
# The drop-in was read: verify reports a typo planted in a copy of it.
sed 's/^PrivateNetwork=no/PrivateNetwrk=no/' deploy/stancewatch-postgres.conf >"$tmp/stancewatch.service.d/postgres.conf"
if systemd-analyze verify "$tmp/stancewatch.service" 2>&1 | grep -q "PrivateNetwrk"; then
    echo "pg-verify-dropin: verify reads the drop-in (a planted typo in it is reported)"
else
    echo "pg-verify-dropin: verify did not read the drop-in"; failed=1
fi
cp deploy/stancewatch-postgres.conf "$tmp/stancewatch.service.d/postgres.conf"
for key in "PrivateNetwork=no" "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK" "IPAddressAllow=" \
           "Environment=STANCEWATCH_STORE=postgres://" "LoadCredential=store-password:" "After=network-online.target"; do
    grep -q "^$key" "$tmp/stancewatch.service.d/postgres.conf" || { echo "pg-verify-dropin: the drop-in lacks $key"; failed=1; }
done
with=$(systemd-analyze security --offline=true "$tmp/stancewatch.service" 2>&1 | sed -n 's/.*Overall exposure level for stancewatch.service: \([0-9.]*\).*/\1/p')
without=$(systemd-analyze security --offline=true "$tmp/plain/stancewatch.service" 2>&1 | sed -n 's/.*Overall exposure level for stancewatch.service: \([0-9.]*\).*/\1/p')
echo "pg-verify-dropin: systemd-analyze security --offline=true exposure: ${without:-?} without the drop-in, ${with:-?} with it"
[ -n "$with" ] || failed=1
exit "$failed"
