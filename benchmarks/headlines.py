"""Headline candidates against IndoSum's real titles (ROUGE), and how many are offered.

    .venv/bin/python -m benchmarks.headlines --data ../shared/data/indosum

ROUGE against the title hidden in each URL rewards the right words in any order, so it is a
guard against losing content, not a measure of whether an editor could publish the
candidate: that is judged blind with ``../shared/tools/headline-judge/`` (see
docs/benchmarks.md). The headline stage learns nothing from IndoSum (its tagger is trained
on the kumparan corpus), so every article is held out; the ranker that orders the sentences
tried after the lead is the packaged one.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time

from benchmarks.indosum import FOLDS, load_folds
from summarizer import summarize
from summarizer.headline.build import MAX_WORDS
from summarizer.headline.candidates import DEFAULT_MAX_CHARS, headlines, near_duplicate
from summarizer.text.document import build_document


def _words(text: str) -> list[str]:
    """Lower-case alphanumeric words, the way ROUGE (and the URL title) sees them."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)


def _time_headlines(doc, count: int) -> float:
    """Milliseconds ``headlines()`` takes on a built document (best of 3 runs)."""
    ranked = list(range(len(doc)))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        headlines(doc, ranked, count)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def evaluate(folds: dict, count: int = 3, timing: bool = True) -> tuple[list, dict]:
    """Rows of the results table, and the other figures."""
    scorer = _rouge()
    rows: dict[str, dict[str, list[float]]] = {}

    def add(name: str, title: str, text: str) -> None:
        row = rows.setdefault(name, {"r1": [], "r2": [], "rl": [], "words": [], "chars": []})
        s = scorer.score(title, text)
        row["r1"].append(s["rouge1"].fmeasure)
        row["r2"].append(s["rouge2"].fmeasure)
        row["rl"].append(s["rougeL"].fmeasure)
        row["words"].append(len(text.split()))
        row["chars"].append(len(text))

    best: dict[str, list[float]] = {"r1": [], "r2": [], "rl": []}
    dup = [0, 0]
    over = 0
    offered = {n: [] for n in (count, 5, 10)}
    timings: list[float] = []
    kinds: dict[str, int] = {}
    for fold in FOLDS:
        for article in folds[fold]:
            if not article.title:
                continue
            result = summarize(article.text, headlines=count)
            cands = [h.text for h in result.headlines]
            for h in result.headlines:
                kinds[h.kind] = kinds.get(h.kind, 0) + 1
            offered[count].append(len(cands))
            for n in (5, 10):
                if n != count:
                    offered[n].append(len(summarize(article.text, headlines=n).headlines))
            doc = build_document(article.text)
            if timing:
                timings.append(_time_headlines(doc, count))
            lead = doc.sentences[0].text if doc.sentences else ""
            lead_words = lead.split()
            for n in (8, 10, 12):
                add(f"lead sentence cut to {n} words", article.title, " ".join(lead_words[:n]))
            add("whole lead sentence", article.title, lead)
            add("top-1 candidate", article.title, cands[0] if cands else "")
            scores = [scorer.score(article.title, c) for c in (cands[:3] or [""])]
            top = max(scores, key=lambda s: s["rouge1"].fmeasure)
            best["r1"].append(top["rouge1"].fmeasure)
            best["r2"].append(top["rouge2"].fmeasure)
            best["rl"].append(top["rougeL"].fmeasure)
            over += sum(len(c) > DEFAULT_MAX_CHARS or len(c.split()) > MAX_WORDS for c in cands)
            for i in range(len(cands)):
                for j in range(i + 1, len(cands)):
                    dup[0] += near_duplicate(cands[i], cands[j])
                    dup[1] += 1
    table = [
        (
            name,
            {
                "R-1": 100 * statistics.mean(r["r1"]),
                "R-2": 100 * statistics.mean(r["r2"]),
                "R-L": 100 * statistics.mean(r["rl"]),
                "words": statistics.mean(r["words"]),
                "chars": statistics.mean(r["chars"]),
            },
        )
        for name, r in rows.items()
    ]
    table.append(
        (
            f"best of first {min(3, count)} candidates",
            {k.upper().replace("R", "R-", 1): 100 * statistics.mean(v) for k, v in best.items()},
        )
    )
    extra: dict[str, object] = {"articles": len(best["r1"])}
    if timings:
        timings.sort()
        extra["headlines() ms per article, p50 / p90 (best of 3 runs, document built)"] = (
            f"{timings[len(timings) // 2]:.3f} / {timings[int(len(timings) * 0.9)]:.3f}"
        )
    for n, got in sorted(offered.items()):
        full = sum(g == n for g in got)
        extra[f"headlines={n}: candidates per article (mean), articles given all {n}"] = (
            f"{statistics.mean(got):.2f}, {full} ({100 * full / len(got):.1f}%)"
        )
    extra["candidate kinds (first 3)"] = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    extra["near-duplicate candidate pairs"] = f"{dup[0]} of {dup[1]}"
    extra[f"candidates over {MAX_WORDS} words or {DEFAULT_MAX_CHARS} characters"] = over
    return table, extra


def _print_table(table: list, extra: dict) -> None:
    print("| method | R-1 | R-2 | R-L | words | chars |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, r in table:
        cells = [f"{r[k]:.2f}" if k in r else "" for k in ("R-1", "R-2", "R-L")]
        cells += [f"{r[k]:.1f}" if k in r else "" for k in ("words", "chars")]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    for k, v in extra.items():
        print(f"- {k}: {v}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--no-timing", action="store_true", help="skip the headlines() timing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    table, extra = evaluate(load_folds(args.data), args.count, timing=not args.no_timing)
    _print_table(table, extra)
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
