"""Sentence segmentation against IndoSum's gold sentence split.

Usage::

    .venv/bin/python -m benchmarks.segmentation --data /work/shared/data/indosum [--errors N]

The raw text of each article is rebuilt from IndoSum's tokens (see
``benchmarks/indosum.py``), paragraphs joined by blank lines, and ``segment()``
runs on the WHOLE text, as given (no cleaning). Reporter credit tags such as
``(rsa)`` are left out of both the text and the gold split: the gold split
counts them as sentences of their own, which is a quirk of the data, and the
pipeline removes them before splitting anyway.

A boundary is the offset, counted in non-space characters, where one sentence
ends and the next starts; precision/recall/F1 are over all boundaries of all
articles (paragraph breaks included, as in the dataset README's baselines),
and again over the boundaries inside paragraphs only (the hard ones).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.indosum import Article, load  # noqa: E402
from summarizer.text.clean import is_credit_tag  # noqa: E402
from summarizer.text.segment import (  # noqa: E402
    ABBREVIATIONS,
    BEFORE_NUMBERS,
    SOMETIMES_FINAL,
    segment,
)

_SPACE = re.compile(r"\s+")
# The baseline of the dataset README: split after .!? + space before a capital,
# a digit or a quote.
_PLAIN = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“'])")


def plain_regex(text: str) -> list[str]:
    """The plain-regex baseline (paragraph breaks always split)."""
    return [s for para in text.split("\n\n") for s in _PLAIN.split(para) if s.strip()]


def _paragraphs(article: Article) -> list[list[str]]:
    paras = [[s for s in p if not is_credit_tag(s)] for p in article.paragraphs]
    return [p for p in paras if p]


def _boundaries(sentences: list[str]) -> tuple[list[int], list[str]]:
    """Non-space offsets of sentence ends (the last one excluded), and the texts."""
    ends, n = [], 0
    for s in sentences[:-1]:
        n += len(_SPACE.sub("", s))
        ends.append(n)
    return ends, sentences


def evaluate(
    articles: list[Article], splitter: Callable[[str], list[str]], errors: list | None = None
) -> dict[str, float]:
    counts = {"all": [0, 0, 0], "inner": [0, 0, 0]}  # tp, fp, fn
    for article in articles:
        paras = _paragraphs(article)
        text = "\n\n".join(" ".join(p) for p in paras)
        gold_sents = [s for p in paras for s in p]
        gold, _ = _boundaries(gold_sents)
        para_ends, n = set(), 0
        for p in paras:
            n += sum(len(_SPACE.sub("", s)) for s in p)
            para_ends.add(n)
        pred_sents = splitter(text)
        pred, _ = _boundaries(pred_sents)
        g, p = set(gold), set(pred)
        for key, skip in (("all", set()), ("inner", para_ends)):
            gg, pp = g - skip, p - skip
            c = counts[key]
            c[0] += len(gg & pp)
            c[1] += len(pp - gg)
            c[2] += len(gg - pp)
        if errors is not None:
            for kind, missed in (("FP", p - g), ("FN", g - p)):
                for b in sorted(missed):
                    pos = _position(text, b)
                    errors.append((kind, article.id, _context(text, pos), _kind(text, pos, kind)))
    out = {}
    for key, (tp, fp, fn) in counts.items():
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[key] = {"P": prec, "R": rec, "F1": f1, "tp": tp, "fp": fp, "fn": fn}
    return out


def _position(text: str, boundary: int) -> int:
    """The character offset in ``text`` just after ``boundary`` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == boundary:
            return i
        if not ch.isspace():
            seen += 1
    return len(text)


def _context(text: str, pos: int, width: int = 60) -> str:
    """The raw text around ``pos``, with ``‖`` at the boundary."""
    left = text[max(0, pos - width) : pos].rstrip().replace("\n", "¶")
    right = text[pos : pos + width].lstrip().replace("\n", "¶")
    return f"{left} ‖ {right}"


_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.)*[A-Za-z]{1,2}|"
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS | BEFORE_NUMBERS | SOMETIMES_FINAL))
)
#: residual error kinds, in the order they are tested and reported
KINDS = {
    "line": "FP: line break inside a gold sentence (lists, headings, spec sheets)",
    "attribution": 'FN: `"…?" tanya warga` — a quotation closed before a lower-case attribution',
    "abbreviation": "FN: gold splits after an abbreviation, title or initial (`PT. Charoen`)",
    "lower": "FN: stop before a lower-case word (`Amerika Serikat. dan sekutunya`)",
    "curly": "FP: stop inside a closing curly quote (`.”` / `.’`) before a capital",
    "capital": "FP: stop before a capital that gold leaves unsplit",
    "other FN": "FN: other",
    "other FP": "FP: other",
}


def _kind(text: str, pos: int, kind: str) -> str:
    """Which of ``KINDS`` a residual error at ``pos`` belongs to (a coarse reading)."""
    left = text[max(0, pos - 60) : pos].rstrip()
    gap = text[pos : pos + 20]
    gap = gap[: len(gap) - len(gap.lstrip())]
    right = text[pos : pos + 60].lstrip()
    nxt = right.lstrip("\"'“‘([")[:1]
    if kind == "FP" and "\n" in gap:
        return "line"
    if kind == "FN":
        if re.search(r"[.?!…]\s?[\"'”’]+$", left) and nxt.islower():
            return "attribution"
        token = left.rsplit(None, 1)[-1] if left else ""
        if token.endswith(".") and _ABBREVIATION.fullmatch(token[:-1].lower()):
            return "abbreviation"
        if left.endswith(".") and nxt.islower():
            return "lower"
        return "other FN"
    if re.search(r"[.!?][”’]$", left) and nxt.isupper():
        return "curly"
    if left[-1:] in ".!?" and nxt.isupper():
        return "capital"
    return "other FP"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print up to N residual errors")
    args = parser.parse_args(argv)
    articles = list(load(args.data))
    n_sents = sum(len(p) for a in articles for p in _paragraphs(a))
    n_words = sum(len(s.split()) for a in articles for p in _paragraphs(a) for s in p)
    print(f"IndoSum: {len(articles)} articles, {n_sents} gold sentences (credit tags left out)")
    print("segment() runs on the whole raw text of each article (paragraphs by blank lines)\n")
    print("| splitter | boundaries | P | R | F1 | inner P | inner R | inner F1 | ms/article |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    errors: list = []
    for name, fn in (("plain regex (baseline)", plain_regex), ("summarizer.segment", segment)):
        texts = ["\n\n".join(" ".join(p) for p in _paragraphs(a)) for a in articles]
        start = time.perf_counter()
        for t in texts:
            fn(t)
        ms = (time.perf_counter() - start) * 1000 / len(texts)
        res = evaluate(articles, fn, errors if fn is segment and args.errors else None)
        a, i = res["all"], res["inner"]
        print(
            f"| {name} | {a['tp'] + a['fn']} | {a['P']:.2%} | {a['R']:.2%} | **{a['F1']:.2%}** "
            f"| {i['P']:.2%} | {i['R']:.2%} | {i['F1']:.2%} | {ms:.3f} |"
        )
    print(f"\n({n_words} words in all; {n_words / len(articles):.0f} words per article)")
    if args.errors:
        counts = Counter(k for *_, k in errors)
        print(f"\nResidual errors of segment() by kind ({len(errors)} in all):\n")
        print("| kind | errors |\n| --- | --- |")
        for key, label in KINDS.items():
            print(f"| {label} | {counts[key]} |")
        print("\n(FP = split that gold lacks, FN = gold boundary missed; ‖ marks the spot)")
        for kind, aid, ctx, key in errors[: args.errors]:
            print(f"{kind} {key:12} {aid[:30]:30} {ctx}")


if __name__ == "__main__":
    main()
