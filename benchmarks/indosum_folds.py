"""Make the four folds the benchmarks read (``fold1.jsonl`` … ``fold4.jsonl``) from IndoSum as
it is published: https://github.com/kata-ai/indosum links an archive of five cross-validation
folds, ``train.0N.jsonl``, ``dev.0N.jsonl`` and ``test.0N.jsonl`` for N = 1…5.

The project's folds are the development sets of folds 1–4, de-duplicated: the dev sets were
drawn from overlapping training parts, so an article kept in an earlier fold is dropped from
the later ones, and each article is in one fold only (no leakage across cross-validation).

    .venv/bin/python -m benchmarks.indosum_folds ~/Downloads/indosum ~/data/indosum
    .venv/bin/python -m benchmarks.rouge --data ~/data/indosum
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .indosum import FOLDS

KEYS = frozenset({"id", "paragraphs", "summary", "gold_labels"})


def build(source: Path, target: Path) -> dict[str, int]:
    """Write ``target/foldN.jsonl`` from ``source/dev.0N.jsonl``; the article count per fold."""
    target.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    counts = {}
    for n, fold in enumerate(FOLDS, start=1):
        kept = []
        with open(source / f"dev.{n:02}.jsonl", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if missing := KEYS - set(row):
                    raise ValueError(f"dev.{n:02}.jsonl line {number} lacks {sorted(missing)}")
                if row["id"] not in seen:
                    seen.add(row["id"])
                    kept.append(line.rstrip("\n"))
        (target / f"{fold}.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
        counts[fold] = len(kept)
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the folder holding dev.01.jsonl … dev.04.jsonl")
    parser.add_argument("target", type=Path, help="where fold1.jsonl … fold4.jsonl are written")
    args = parser.parse_args(argv)
    counts = build(args.source, args.target)
    for fold, count in counts.items():
        print(f"{fold}.jsonl: {count} articles")
    print(f"total: {sum(counts.values())} (the figures in docs/benchmarks.md: 2,809)")


if __name__ == "__main__":
    main()
