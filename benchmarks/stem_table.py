"""Build ``summarizer/data/stems.tsv.gz``: Sastrawi stems of common Indonesian news words.

Sastrawi needs ~90 µs per new word, so a fresh process (a CLI run, a new
gunicorn worker, a long document) spends most of its first summaries
stemming. The table holds the stem of every lower-case word that occurs at
least ``--min-count`` times in the IndoSum articles given, computed by the
same Sastrawi stemmer ``summarizer.text.words`` uses; words missing from it are
still stemmed (and cached) at run time, so output is identical either way.

    python -m benchmarks.stem_table --data /work/shared/data/indosum
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

from summarizer.text.words import STEM_TABLE, WORD_RE, _stem_uncached

from .indosum import load


def build(data: str, min_count: int) -> list[tuple[str, str]]:
    counts: Counter[str] = Counter()
    for article in load(data):
        counts.update(WORD_RE.findall(article.text.lower()))
    words = sorted(w for w, c in counts.items() if c >= min_count and len(w) > 3 and w.isalpha())
    return [(w, _stem_uncached(w)) for w in words]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", default=str(Path("summarizer/data") / STEM_TABLE))
    args = parser.parse_args(argv)
    rows = build(args.data, args.min_count)
    # "word" alone when the stem is the word itself, else "word<TAB>stem"
    text = "".join(f"{w}\n" if s == w else f"{w}\t{s}\n" for w, s in rows)
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    changed = sum(w != s for w, s in rows)
    print(f"{args.out}: {len(rows)} words, {changed} with a different stem")


if __name__ == "__main__":
    main()
