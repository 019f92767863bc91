#!/usr/bin/env python3
"""The closing table of `make bench`, from the JSON lines the steps wrote. Prints; asserts nothing."""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith('{')]
by = lambda k: [r for r in rows if r.get('bench') == k]
out = []
def row(name, value, target=''):
    out.append((name, value, target))

tp = {r.get('corpus'): r for r in by('throughput')}
for c, r in tp.items():
    row('engine throughput, %s (%d files)' % (c, r['files']), '%.2f MB/s, %.0f articles/s' % (r['mb_per_s'], r['articles_per_s']))
nat = by('natasha')
big = tp.get('10MB')
if nat:
    n = nat[0]
    label = 'natasha full pipeline, 10 MB' + (' (field-notes reference)' if n.get('reference') else ' (%d of %d files)' % (n['files'], n['of_files']))
    row(label, '%.3f MB/s, %.1f articles/s' % (n['mb_per_s'], n['articles_per_s']))
    if big:
        row('ratio engine / natasha (10 MB, MB/s)', '%.0fx' % (big['mb_per_s'] / n['mb_per_s']), '>= 50x')
for r in by('worstcase'):
    row('worst case %s (%.1f MB), s/MB' % (r['input'], r['bytes'] / 1e6), '%.3f s/MB, %.2fx normal' % (r['seconds_per_mb'], r['ratio_to_normal']), '<= 3x')
for r in by('replay'):
    how = {'serial': 'one core, 1 analysis thread', 'parallel': 'every core'}.get(r.get('mode'), 'one core')
    row('whole-process replay, 10 MB with journald, %s (%d files)' % (how, r['files']), '%.2f MB/s (%.1f s)' % (r['mb_per_s'], r['seconds']))
    if nat:
        row('  natasha, same run', '%.3f MB/s' % nat[0]['mb_per_s'])
        row('  ratio whole process / natasha (wall)', '%.0fx' % (r['mb_per_s'] / nat[0]['mb_per_s']), '>= 50x')
    if 'mb_per_cpu_s' in r:
        row('  per CPU second', '%.2f MB/s (%.1f s CPU)' % (r['mb_per_cpu_s'], r['cpu_seconds']))
        if nat and 'mb_per_cpu_s' in nat[0]:
            row('  natasha per CPU second', '%.3f MB/s (%.1f s CPU)' % (nat[0]['mb_per_cpu_s'], nat[0]['cpu_seconds']))
            row('  ratio per CPU second', '%.0fx' % (r['mb_per_cpu_s'] / nat[0]['mb_per_cpu_s']))
r2 = {r['journald']: r for r in by('replay2mb')}
if True in r2 and False in r2:
    row('replay of %.1f MB with journald / without' % (r2[True]['bytes'] / 1e6), '%.2f s / %.2f s (%d pending)' % (r2[True]['seconds'], r2[False]['seconds'], r2[False]['alerts_pending']))
    row('ratio without / with journald', '%.2fx' % (r2[False]['seconds'] / r2[True]['seconds']), '<= 1.5x')
for r in by('watchdog'):
    row('2 MB many-quotes article, armed watchdog', '%s after %.1f s, longest WATCHDOG=1 gap %.2f s' % ((r['outcome'] or '?')[:8], r['seconds_to_outcome'] or -1, r['max_gap_s'] or -1), 'gap < 15 s')
for r in by('latency'):
    row('latency rename -> journald, p50 / p99 (%d drops)' % r['seen'], '%.2f ms / %.2f ms' % (r['p50_ms'], r['p99_ms']), 'p99 < 20 ms')
for r in by('memory'):
    row('daemon peak RSS idle', '%.1f MiB' % (r['idle_hwm_kib'] / 1024), '< 64 MB')
    row('daemon peak RSS after %d articles' % r['articles'], '%.1f MiB' % (r['after_hwm_kib'] / 1024), '< 64 MB')
    row('ingest of %d articles (catch-up scan)' % r['articles'], '%.0f s (%.0f articles/s)' % (r['ingest_seconds'], r['articles'] / r['ingest_seconds']))
for r in by('catchup'):
    row('start-up with %d already-ingested files' % r['files'], '%.2f s to READY=1' % r['median_seconds'])
for r in by('limit'):
    row('peak RSS, replay of one %.1f MB article' % (r['bytes'] / 2**20), '%.0f MiB (%.1f s)' % (r['peak_rss_kib'] / 1024, r['seconds']), '< 64 MB')
sc = by('scale')
for r in sc:
    row('ingest one article at %d stances, p50 / p90' % r['stances'], '%.3f ms / %.3f ms' % (r['p50_ms'], r['p90_ms']))
if len(sc) >= 2:
    row('scale ratio p50 largest / smallest', '%.2fx' % (sc[-1]['p50_ms'] / sc[0]['p50_ms']), '<= 2x')
w = max(len(a) for a, _, _ in out) if out else 10
print('%-*s  %-32s %s' % (w, 'figure', 'measured', 'target'))
print('-' * (w + 50))
for a, b, c in out:
    print('%-*s  %-32s %s' % (w, a, b, c))
