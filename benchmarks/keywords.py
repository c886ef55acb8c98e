"""Key phrases against IndoSum's real titles and gold summaries: ours vs YAKE.

A good key phrase names what the story is about, and editors put exactly that
in the headline and the summary. For each article the k phrases are split into
lower-case word tokens and scored:

* ``P@title``: share of keyword tokens that occur in the real title (from the URL),
* ``P@summary``: share that occur in the gold summary,
* ``title cov``: share of the title's content words (no stop words, no numbers)
  that the keywords cover,
* ``hit``: share of articles with at least one whole phrase inside the title,
* ``words``: mean words per phrase, ``ms p50``: median CPU time of one extraction
  (process time, so other jobs on a shared machine do not inflate it; ours:
  from the already built Document, after one warm-up pass like a running
  service; YAKE: from the cleaned text).

Our IDF table is rebuilt for every fold from the other three folds (the shipped
table uses all four), so no article is scored with statistics that saw it.

    .venv/bin/python -m benchmarks.keywords --data /work/shared/data/indosum
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable

from benchmarks.build_idf import MIN_DF, document_frequencies
from benchmarks.indosum import FOLDS, load_folds
from summarizer import keywords as kw
from summarizer.text.document import Document, build_document
from summarizer.text.language import detect_lowered
from summarizer.text.words import STOP_WORDS

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def fold_idf(dfs: dict[str, tuple[int, Counter]], held_out: str) -> kw.Idf:
    """IDF from every fold but ``held_out``, pruned like the shipped table."""
    n = sum(dfs[f][0] for f in FOLDS if f != held_out)
    df: Counter = Counter()
    for f in FOLDS:
        if f != held_out:
            df.update(dfs[f][1])
    return kw.Idf.from_counts(n, {t: c for t, c in df.items() if c >= MIN_DF})


def evaluate(
    rows: list[tuple[Document, str, str, str]],
    extractor: Callable[[Document, str, str], list[str]],
) -> dict[str, float]:
    """Mean scores of one extractor over ``(doc, clean text, title, summary, fold)`` rows."""
    p_title, p_summary, coverage, hits, words, times = [], [], [], [], [], []
    for doc, text, title, summary, fold in rows:
        started = time.process_time()
        phrases = extractor(doc, text, fold)
        times.append((time.process_time() - started) * 1000)
        title_tokens = set(tokens(title))
        summary_tokens = set(tokens(summary))
        kw_tokens = [t for p in phrases for t in tokens(p)]
        if kw_tokens:
            p_title.append(sum(t in title_tokens for t in kw_tokens) / len(kw_tokens))
            p_summary.append(sum(t in summary_tokens for t in kw_tokens) / len(kw_tokens))
        else:
            p_title.append(0.0)
            p_summary.append(0.0)
        content = {t for t in title_tokens if t not in STOP_WORDS and not t.isdigit()}
        if content:
            coverage.append(len(content & set(kw_tokens)) / len(content))
        hits.append(any(tokens(p) and f" {' '.join(tokens(p))} " in f" {title} " for p in phrases))
        words.extend(len(tokens(p)) for p in phrases)
    return {
        "P@title": statistics.fmean(p_title),
        "P@summary": statistics.fmean(p_summary),
        "title cov": statistics.fmean(coverage),
        "hit": statistics.fmean(hits),
        "words": statistics.fmean(words) if words else 0.0,
        "ms p50": statistics.median(times),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("-k", type=int, default=5, help="phrases per article")
    parser.add_argument("--limit", type=int, default=0, help="articles per fold (0 = all)")
    parser.add_argument("--no-yake", action="store_true", help="skip YAKE (slow)")
    args = parser.parse_args(argv)
    k = args.k

    folds = load_folds(args.data)
    dfs = {f: document_frequencies(folds[f]) for f in FOLDS}
    idfs = {f: fold_idf(dfs, f) for f in FOLDS}
    rows = []
    for fold in FOLDS:
        for article in folds[fold][: args.limit or None]:
            if not article.title:
                continue
            doc = build_document(article.text)
            clean_text = "\n".join(s.text for s in doc.sentences)
            rows.append((doc, clean_text, article.title, article.summary_text, fold))
    flat = kw.Idf({}, 1.0)

    methods: dict[str, Callable[[Document, str, str], list[str]]] = {
        "ours (held-out IDF)": lambda d, t, f: [x.text for x in kw.extract(d, k, idf=idfs[f])],
        "ours, no IDF (counts only)": lambda d, t, f: [x.text for x in kw.extract(d, k, idf=flat)],
    }
    if not args.no_yake:
        import yake

        extractor = yake.KeywordExtractor(lan="id", n=kw.MAX_WORDS, top=k)
        methods["YAKE 0.7 (lan=id, n=3)"] = lambda d, t, f: [
            p for p, _ in extractor.extract_keywords(t)
        ]

    for doc, *_ in rows:  # warm the per-process word caches, as in a running service
        kw.extract(doc, k)
    print(f"{len(rows)} IndoSum articles with a title, k={k}\n")
    header = ["method", "P@title", "P@summary", "title cov", "hit", "words", "ms p50"]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for name, fn in methods.items():
        r = evaluate(rows, fn)
        cells = [f"{r[h]:.3f}" for h in header[1:-2]] + [f"{r['words']:.2f}", f"{r['ms p50']:.3f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    languages: Counter = Counter()
    times = []
    for doc, *_ in rows:
        started = time.process_time()
        languages[detect_lowered(s.lower for s in doc.sentences)] += 1
        times.append((time.process_time() - started) * 1000)
    print(
        f"\nlanguage detection: {dict(languages.most_common())}, "
        f"CPU p50 {statistics.median(times):.3f} ms per article"
    )


if __name__ == "__main__":
    main()
