#!/usr/bin/env python3
"""Corpus generators for `make bench` (deterministic, fixed seeds).

  make_corpus.py sized --out DIR --mb 10 SRC...     articles of SRC (dirs of .txt) repeated with
                                                    other dates and shuffled paragraphs up to N MB
  make_corpus.py feed --out DIR --count N SRC...    N unique articles for a feed folder: every 10th
                                                    a whole article, the rest 1-3 of its sentences;
                                                    mtimes one second apart (arrival order)
"""
import os, random, re, sys, argparse, datetime

HEADER = re.compile(r'^\ufeff?\s?date (\d{4}-\d{2}-\d{2}) ?')

def load(sources):
    arts = []
    for src in sources:
        if not os.path.isdir(src):
            continue
        for name in sorted(os.listdir(src)):
            if name.endswith('.txt'):
                with open(os.path.join(src, name), encoding='utf-8', errors='replace') as f:
                    text = f.read()
                m = HEADER.match(text)
                body = text[m.end():] if m else text
                arts.append((name, body))
    if not arts:
        sys.exit('make_corpus: no .txt articles under %s' % ' '.join(sources))
    return arts

def day(rng):
    return (datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(730))).isoformat()

def vary(body, rng):
    paras = body.split('\n\n')
    if len(paras) > 2 and rng.random() < 0.5:
        rest = paras[1:]
        rng.shuffle(rest)
        paras = [paras[0]] + rest
    return '\n\n'.join(paras)

def sized(args):
    arts = load(args.src)
    rng = random.Random(10)
    os.makedirs(args.out, exist_ok=True)
    target = int(args.mb * 1_000_000)
    total, k = 0, 0
    while total < target:
        name, body = arts[k % len(arts)]
        text = ' date %s %s' % (day(rng), body if k < len(arts) else vary(body, rng))
        data = text.encode('utf-8')
        with open(os.path.join(args.out, '%06d_%s' % (k, name)), 'wb') as f:
            f.write(data)
        total += len(data)
        k += 1
    print('%d files, %.2f MB in %s' % (k, total / 1e6, args.out))

SENT = re.compile(r'(?<=[.!?»"])\s+(?=[А-ЯЁA-Z«"])')

def feed(args):
    arts = load(args.src)
    rng = random.Random(11)
    sentences = [s.strip() for _, b in arts for s in SENT.split(b) if 20 < len(s.strip()) < 600]
    os.makedirs(args.out, exist_ok=True)
    base = 1_700_000_000
    total = 0
    for i in range(args.count):
        if i % 10 == 0:
            body = vary(arts[(i // 10) % len(arts)][1], rng)
        else:
            body = ' '.join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
        text = ' date %s %s\nСообщение %d.\n' % (day(rng), body, i)
        path = os.path.join(args.out, 'a%07d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        os.utime(path, (base + i, base + i))
        total += len(text.encode('utf-8'))
    print('%d files, %.1f MB in %s' % (args.count, total / 1e6, args.out))

def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest='cmd', required=True)
    s = sub.add_parser('sized'); s.add_argument('--out', required=True); s.add_argument('--mb', type=float, default=10); s.add_argument('src', nargs='+')
    f = sub.add_parser('feed'); f.add_argument('--out', required=True); f.add_argument('--count', type=int, default=100000); f.add_argument('src', nargs='+')
    a = p.parse_args()
    {'sized': sized, 'feed': feed}[a.cmd](a)

if __name__ == '__main__':
    main()
