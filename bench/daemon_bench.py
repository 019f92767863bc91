#!/usr/bin/env python3
"""Figures of the running daemon, against a namespaced systemd-journald (started by bench.sh):

  seed:     issue 2's figure: N rounds on a fresh state with seeds 000 002 001 already ingested,
            rename seed 003 into the feed -> its shift alert is readable in journald; the median.
  latency:  rename into the feed -> the alert's journald entry is readable (sd_journal over
            ctypes, polled every 0.2 ms; `journalctl -f` batches at 250 ms), p50/p99 over N drops,
            each drop a statement by one actor that flips his side, so each raises a shift;
  memory:   VmHWM of the daemon idle, then after ingesting a pre-placed feed of N articles;
  catchup:  restart on that feed (every file already ingested): time from exec to READY=1;
  watchdog: a 2 MB many-quotes article under an armed watchdog: WATCHDOG=1 gaps while it is read.

Prints one JSON line per figure on stdout, readable lines on stderr.
"""
import argparse, ctypes, json, os, socket, subprocess, sys, time

def say(s): print(s, file=sys.stderr, flush=True)

class Journal:
    """The namespace's journal through libsystemd (sd_journal_open_namespace)."""
    def __init__(self, namespace):
        self.lib = ctypes.CDLL('libsystemd.so.0')
        self.j = ctypes.c_void_p()
        rc = self.lib.sd_journal_open_namespace(ctypes.byref(self.j), namespace.encode(), 0)
        if rc < 0: raise OSError(-rc, 'sd_journal_open_namespace')
        self.lib.sd_journal_seek_tail(self.j)
        self.lib.sd_journal_previous(self.j)
    def field(self, name):
        data, length = ctypes.c_void_p(), ctypes.c_size_t()
        if self.lib.sd_journal_get_data(self.j, name.encode(), ctypes.byref(data), ctypes.byref(length)) < 0:
            return None
        return ctypes.string_at(data, length.value)[len(name) + 1:].decode('utf-8', 'replace')
    def new_articles(self):
        """STANCE_ARTICLE of alert entries appended since the last call."""
        out = []
        self.lib.sd_journal_process(self.j)
        while self.lib.sd_journal_next(self.j) > 0:
            a = self.field('STANCE_ARTICLE')
            if a: out.append(a)
        return out

class Daemon:
    def __init__(self, binary, namespace, feed, state, watchlist, work, label):
        self.notify_path = os.path.join(work, 'notify-%s.sock' % label)
        if os.path.exists(self.notify_path): os.unlink(self.notify_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.notify_path)
        env = dict(os.environ, NOTIFY_SOCKET=self.notify_path)
        wrap = 'mount --bind /run/systemd/journal.%s /run/systemd/journal && exec "$0" "$@"' % namespace
        self.t0 = time.perf_counter()
        self.p = subprocess.Popen(['unshare', '--mount', '--propagation', 'private', 'sh', '-c', wrap, binary, 'run',
                                   '--feed', feed, '--state', state, '--watchlist', watchlist],
                                  env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, 'daemon-%s.err' % label), 'w'))
    def wait_ready(self, timeout):
        self.sock.settimeout(timeout)
        while True:
            msg = self.sock.recv(4096).decode()
            if 'READY=1' in msg.split('\n'):
                return time.perf_counter() - self.t0
    def status_kib(self, key):
        with open('/proc/%d/status' % self.p.pid) as f:
            for line in f:
                if line.startswith(key + ':'): return int(line.split()[1])
    def stop(self):
        self.p.terminate()
        try: return self.p.wait(60)
        except subprocess.TimeoutExpired:
            self.p.kill(); return self.p.wait()

def status(binary, state):
    r = subprocess.run([binary, 'status', '--state', state, '--json'], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else None

def latency(a):
    feed, stage, state = (os.path.join(a.work, 'lat-' + x) for x in ('feed', 'stage', 'state'))
    for d in (feed, stage): os.makedirs(d, exist_ok=True)
    d = Daemon(a.binary, a.namespace, feed, state, a.watchlist, a.work, 'latency')
    d.wait_ready(60)
    journal = Journal(a.namespace)
    journal.new_articles()
    pro = 'Президент Казахстана Касым-Жомарт Токаев заявил, что Казахстан готов выступить посредником между Россией и Украиной.'
    contra = 'Президент Казахстана Касым-Жомарт Токаев заявил, что Казахстан не является посредником и не намерен им быть.'
    import datetime
    base = datetime.date(2020, 1, 1)
    lat, missing = [], 0
    for i in range(a.drops + 1):
        name = 'lat%05d.txt' % i
        text = ' date %s %s\n' % ((base + datetime.timedelta(days=i)).isoformat(), pro if i % 2 else contra)
        with open(os.path.join(stage, name), 'w') as f: f.write(text)
        t0 = time.perf_counter()
        os.rename(os.path.join(stage, name), os.path.join(feed, name))
        if i == 0:   # the first statement raises nothing: wait until it is stored
            while (status(a.binary, state) or {}).get('stances', 0) < 1: time.sleep(0.01)
            continue
        seen = False
        while time.perf_counter() - t0 < 2.0:
            if name in journal.new_articles():
                seen = True; break
            time.sleep(0.0002)
        if seen: lat.append((time.perf_counter() - t0) * 1000)
        else: missing += 1
    rss = d.status_kib('VmHWM')
    d.stop()
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float('nan')
    r = {'bench': 'latency', 'drops': a.drops, 'seen': len(lat), 'missing': missing, 'p50_ms': q(0.5), 'p90_ms': q(0.9),
         'p99_ms': q(0.99), 'max_ms': lat[-1] if lat else None, 'peak_rss_kib': rss}
    print(json.dumps(r), flush=True)
    say('latency: rename -> journald entry over %d drops: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d without an alert within 2 s)'
        % (len(lat), r['p50_ms'], r['p90_ms'], r['p99_ms'], r['max_ms'] or 0, missing))

def seed_latency(a):
    """Median over N rounds of: rename seed 003 in -> its shift alert readable in journald."""
    import shutil
    seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'seeds')
    before = ['000_5c49a9c33680695c.txt', '002_a79a80be541b1d91.txt', '001_fa40498c7c5f6522.txt']
    target = '003_c6bafed80c9d2d07.txt'
    lat, missing = [], 0
    for r in range(a.drops):
        root = os.path.join(a.work, 'seed-%02d' % r)
        feed, stage, state = (os.path.join(root, x) for x in ('feed', 'stage', 'state'))
        for d in (feed, stage): os.makedirs(d, exist_ok=True)
        for k, name in enumerate(before):   # arrival order = mtime order for the catch-up scan
            shutil.copyfile(os.path.join(seeds, name), os.path.join(feed, name))
            os.utime(os.path.join(feed, name), (1_000_000 + k, 1_000_000 + k))
        shutil.copyfile(os.path.join(seeds, target), os.path.join(stage, target))
        d = Daemon(a.binary, a.namespace, feed, state, a.watchlist, root, 'seed')
        d.wait_ready(60)
        journal = Journal(a.namespace)
        journal.new_articles()
        t0 = time.perf_counter()
        os.rename(os.path.join(stage, target), os.path.join(feed, target))
        seen = False
        while time.perf_counter() - t0 < 5.0:
            if target in journal.new_articles():
                seen = True; break
            time.sleep(0.0002)
        if seen: lat.append((time.perf_counter() - t0) * 1000)
        else: missing += 1
        d.stop()
    lat.sort()
    median = lat[len(lat) // 2] if lat else float('nan')
    r = {'bench': 'seed_latency', 'rounds': a.drops, 'seen': len(lat), 'missing': missing, 'median_ms': median,
         'min_ms': lat[0] if lat else None, 'max_ms': lat[-1] if lat else None}
    print(json.dumps(r), flush=True)
    say('seed 003 rename -> journald shift entry, %d rounds: median %.2f ms (min %.2f, max %.2f; %d missing)'
        % (len(lat), median, r['min_ms'] or 0, r['max_ms'] or 0, missing))

def memory_and_catchup(a):
    feed, state = a.feed, os.path.join(a.work, 'mem-state')
    count = len([n for n in os.listdir(feed) if n.endswith('.txt')])
    empty = os.path.join(a.work, 'mem-empty'); os.makedirs(empty, exist_ok=True)
    # Idle: empty feed, fresh store.
    d = Daemon(a.binary, a.namespace, empty, os.path.join(a.work, 'idle-state'), a.watchlist, a.work, 'idle')
    d.wait_ready(60); time.sleep(2)
    idle = d.status_kib('VmHWM'); d.stop()
    # Ingest the pre-placed feed (catch-up scan of N new files).
    d = Daemon(a.binary, a.namespace, feed, state, a.watchlist, a.work, 'ingest')
    t_ready = d.wait_ready(3600)
    st = status(a.binary, state) or {}
    hwm = d.status_kib('VmHWM'); rss = d.status_kib('VmRSS')
    ing = st.get('articles', {}).get('ingested', 0)
    d.stop()
    print(json.dumps({'bench': 'memory', 'idle_hwm_kib': idle, 'after_hwm_kib': hwm, 'after_rss_kib': rss, 'articles': ing,
                      'ingest_seconds': t_ready, 'stances': st.get('stances'), 'alerts': st.get('alerts')}), flush=True)
    say('memory: idle peak RSS %.1f MiB; after ingesting %d articles (%.0f s, %.0f articles/s, %s stances) peak %.1f MiB, now %.1f MiB'
        % (idle / 1024, ing, t_ready, ing / t_ready, st.get('stances'), hwm / 1024, rss / 1024))
    # Catch-up: restart on the same feed, everything already ingested.
    times = []
    for k in range(3):
        d = Daemon(a.binary, a.namespace, feed, state, a.watchlist, a.work, 'catchup%d' % k)
        times.append(d.wait_ready(600))
        hwm2 = d.status_kib('VmHWM')
        d.stop()
    times.sort()
    after = (status(a.binary, state) or {}).get('articles', {}).get('ingested', 0)
    print(json.dumps({'bench': 'catchup', 'files': count, 'ready_seconds': times, 'median_seconds': times[1], 'peak_rss_kib': hwm2,
                      'ingested_after': after}), flush=True)
    say('catch-up: start -> READY=1 with %d already-ingested files: median %.2f s (runs %s), peak RSS %.1f MiB; store still holds %d'
        % (count, times[1], ', '.join('%.2f' % t for t in times), hwm2 / 1024, after))

def watchdog(a):
    """A 2 MB article of short quotes («Да». …) dropped into a live daemon whose watchdog is
    armed (WATCHDOG_USEC=2 s, so WATCHDOG=1 is due every second): the longest gap between two
    WATCHDOG=1 while the article is read, how long it took, and what became of it."""
    feed, stage, state = (os.path.join(a.work, 'wd-' + x) for x in ('feed', 'stage', 'state'))
    for d in (feed, stage): os.makedirs(d, exist_ok=True)
    unit = '«Да». '
    text = ' date 2025-10-01 ' + unit * ((2_000_000 - 20) // len(unit.encode()))
    name = 'many-quotes.txt'
    with open(os.path.join(stage, name), 'w') as f: f.write(text)
    os.environ['WATCHDOG_USEC'] = '2000000'
    d = Daemon(a.binary, a.namespace, feed, state, a.watchlist, a.work, 'watchdog')
    del os.environ['WATCHDOG_USEC']
    d.wait_ready(60)
    d.sock.settimeout(0.05)
    t0 = time.perf_counter()
    os.rename(os.path.join(stage, name), os.path.join(feed, name))
    beats, done_at, outcome = [], None, None
    while time.perf_counter() - t0 < 120:
        try:
            msg = d.sock.recv(4096).decode()
            if 'WATCHDOG=1' in msg.split('\n'): beats.append(time.perf_counter() - t0)
        except socket.timeout:
            pass
        if done_at is None and int(time.perf_counter() * 20) % 5 == 0:
            st = status(a.binary, state) or {}
            arts = st.get('articles', {})
            if arts.get('ingested', 0) + arts.get('refused', 0) >= 1:
                done_at = time.perf_counter() - t0
                outcome = 'ingested' if arts.get('ingested', 0) else 'refused: ' + (st.get('last_error') or '')
        if done_at is not None and time.perf_counter() - t0 > done_at + 2: break
    alive = d.p.poll() is None
    d.stop()
    during = [b for b in beats if done_at is None or b <= done_at + 1]
    gaps = [y - x for x, y in zip([0.0] + during, during)]
    r = {'bench': 'watchdog', 'bytes': len(text.encode()), 'seconds_to_outcome': done_at, 'outcome': outcome,
         'watchdog_messages': len(during), 'max_gap_s': max(gaps) if gaps else None, 'daemon_alive': alive}
    print(json.dumps(r), flush=True)
    say('watchdog: 2 MB many-quotes article %s after %.1f s; %d WATCHDOG=1 meanwhile, longest gap %.2f s (due every 1 s); daemon %s'
        % (outcome, done_at or -1, len(during), r['max_gap_s'] or -1, 'still running' if alive else 'DEAD'))

def main():
    p = argparse.ArgumentParser()
    p.add_argument('what', choices=['latency', 'memory', 'seed', 'watchdog'])
    p.add_argument('--binary', required=True); p.add_argument('--namespace', required=True)
    p.add_argument('--work', required=True); p.add_argument('--watchlist', required=True)
    p.add_argument('--drops', type=int, default=1000); p.add_argument('--feed')
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    {'latency': latency, 'memory': memory_and_catchup, 'seed': seed_latency, 'watchdog': watchdog}[a.what](a)

if __name__ == '__main__':
    main()
