#!/usr/bin/env python3
"""natasha's full pipeline (Segmenter, MorphVocab, NewsEmbedding, NewsMorphTagger,
NewsSyntaxParser, NewsNERTagger, span normalisation) over a folder of articles, one core.
Prints one JSON line: files, bytes, seconds, MB/s, articles/s, peak RSS. Stops after
--max-seconds (then the figures cover the files processed so far)."""
import os, sys, time, json, resource, argparse, re

for k in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ.setdefault(k, '1')

from natasha import Segmenter, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, NewsNERTagger, Doc

HEADER = re.compile(r'^\ufeff?\s?date (\d{4}-\d{2}-\d{2}) ?')

def main():
    p = argparse.ArgumentParser()
    p.add_argument('dir'); p.add_argument('--max-seconds', type=float, default=240)
    a = p.parse_args()
    texts = []
    for name in sorted(os.listdir(a.dir)):
        if name.endswith('.txt'):
            raw = open(os.path.join(a.dir, name), 'rb').read()
            text = raw.decode('utf-8', 'replace')
            m = HEADER.match(text)
            texts.append((len(raw), text[m.end():] if m else text))
    segmenter, morph_vocab = Segmenter(), MorphVocab()
    emb = NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    def run(text):
        doc = Doc(text)
        doc.segment(segmenter); doc.tag_morph(morph); doc.parse_syntax(syntax); doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(morph_vocab)
        return len(doc.spans)
    run(texts[0][1])  # warm-up
    start = time.perf_counter()
    cpu0 = time.process_time()
    done = size = 0
    for n, text in texts:
        run(text)
        done += 1; size += n
        if time.perf_counter() - start > a.max_seconds:
            break
    el = time.perf_counter() - start
    cpu = time.process_time() - cpu0   # CPU seconds: comparable with other runs on a shared machine
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'bench': 'natasha', 'files': done, 'of_files': len(texts), 'bytes': size, 'seconds': el,
                      'mb_per_s': size / el / 1e6, 'cpu_seconds': cpu, 'mb_per_cpu_s': size / cpu / 1e6, 'articles_per_s': done / el, 'peak_rss_mib': rss}))
    print('natasha: %d/%d files, %.2f MB in %.1f s (%.1f s CPU): %.3f MB/s, %.3f MB per CPU second, %.1f articles/s, peak RSS %.0f MiB'
          % (done, len(texts), size / 1e6, el, cpu, size / el / 1e6, size / cpu / 1e6, done / el, rss), file=sys.stderr)

if __name__ == '__main__':
    main()
