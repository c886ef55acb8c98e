"""Build ``summarizer/data/idf.json``: how many IndoSum articles each stem occurs in.

Stems come from the same pipeline a request goes through (clean → sentences →
Sastrawi stems of content words), so the table matches what
:mod:`summarizer.keywords` looks up. Stems seen in one article only are left
out (they get the default, "unseen" weight anyway), which keeps the file small.

    .venv/bin/python -m benchmarks.build_idf --data /work/shared/data/indosum

The table is derived from IndoSum and is CC BY-SA 4.0 (see summarizer/data/README.md).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from benchmarks.indosum import FOLDS, Article, load
from summarizer.text.document import build_document

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "idf.json"
MIN_DF = 2


def document_frequencies(articles: Iterable[Article]) -> tuple[int, Counter]:
    """Number of articles and, per stem, the number of articles it occurs in."""
    df: Counter = Counter()
    n = 0
    for article in articles:
        doc = build_document(article.text)
        df.update({t for s in doc.sentences for t in s.terms})
        n += 1
    return n, df


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    n, df = document_frequencies(load(args.data, FOLDS))
    kept = {t: c for t, c in sorted(df.items()) if c >= MIN_DF}
    payload = {
        "source": "IndoSum folds 1-4 (Kurniawan & Louvan 2018), CC BY-SA 4.0",
        "documents": n,
        "min_df": MIN_DF,
        "df": kept,
    }
    Path(args.out).write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8"
    )
    print(f"{len(kept)} stems from {n} articles → {args.out}")


if __name__ == "__main__":
    main()
