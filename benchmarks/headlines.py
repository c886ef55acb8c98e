"""Headline candidates against IndoSum's real titles; also retrains the word-deletion model.

Evaluate (4-fold cross-validated: the model is retrained on three folds and
the fourth is scored through the public ``summarize()`` on raw text)::

    .venv/bin/python -m benchmarks.headlines --data /work/shared/data/indosum

Retrain the packaged model on all four folds (writes
``summarizer/data/headline_model.json``)::

    .venv/bin/python -m benchmarks.headlines train --data /work/shared/data/indosum
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.indosum import FOLDS, Article, load_folds
from summarizer.headline import compress
from summarizer.headline.candidates import doc_counts, headlines, near_duplicate
from summarizer.text.document import build_document

MODEL_PATH = Path(__file__).resolve().parent.parent / "summarizer" / "data" / compress.MODEL_FILE
TRAIN_SENTENCES = 3  # the lead and the next two: where headline words come from
MIN_FEATURE_COUNT = 3
C = 0.3


def _words(text: str) -> list[str]:
    """Lower-case alphanumeric words, the way ROUGE (and the URL title) sees them."""
    return re.findall(r"[a-z0-9]+", text.lower())


_EXAMPLES: dict[str, tuple[list[list[str]], list[int]]] = {}


def article_examples(article: Article) -> tuple[list[list[str]], list[int]]:
    """Token features and keep labels (is the word in the real title) of the leading sentences."""
    if article.id in _EXAMPLES:
        return _EXAMPLES[article.id]
    xs: list[list[str]] = []
    ys: list[int] = []
    title = set((article.title or "").split())
    doc = build_document(article.text)
    counts = doc_counts(doc)
    for index, sentence in enumerate(doc.sentences[:TRAIN_SENTENCES]):
        tokens = compress.prepare(sentence.text)
        feats = compress.token_features(tokens, index, counts)
        for word, f in zip(tokens.words, feats, strict=True):
            parts = _words(word)
            bare = compress.bare_verb(word)
            keep = bool(parts) and (all(p in title for p in parts) or bare in title)
            xs.append(f)
            ys.append(int(keep))
    _EXAMPLES[article.id] = (xs, ys)
    return xs, ys


def examples(articles: list[Article]) -> tuple[list[list[str]], list[int]]:
    """All training examples of the articles that have a title."""
    xs: list[list[str]] = []
    ys: list[int] = []
    for article in articles:
        if article.title:
            ax, ay = article_examples(article)
            xs += ax
            ys += ay
    return xs, ys


def train(articles: list[Article]) -> dict:
    """Fit the logistic keep/drop model; return it as the JSON-able dict the library loads."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = examples(articles)
    seen = Counter(f for feats in xs for f in set(feats))
    vec = DictVectorizer()
    matrix = vec.fit_transform(
        [{f: 1 for f in feats if seen[f] >= MIN_FEATURE_COUNT} for feats in xs]
    )
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.005
    }
    weights["b"] = round(weights.get("b", 0.0) + float(model.intercept_[0]), 4)
    return {
        "keep_full": full_form_verbs(articles),
        "about": "Per-word keep/drop logistic model for headline compression, trained on "
        "IndoSum titles (CC BY-SA 4.0). Retrain: python -m benchmarks.headlines train --data DIR",
        "examples": len(ys),
        "weights": dict(sorted(weights.items())),
    }


def full_form_verbs(articles: list[Article]) -> list[str]:
    """``meN-`` words that titles keep whole (``meninggal``, ``meningkat``): their bare form
    is another word or a noun, so the headline must not shorten them."""
    full: Counter = Counter()
    bare: Counter = Counter()
    for article in articles:
        for word in (article.title or "").split():
            bare[word] += 1
            if compress.bare_verb(word):
                full[word] += 1
    return sorted(w for w, n in full.items() if n >= bare[compress.bare_verb(w)])


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


def evaluate(folds: dict[str, list[Article]], count: int = 3) -> list[tuple[str, dict]]:
    """Cross-validated rows of the results table."""
    from summarizer import summarize

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
    timings: list[float] = []
    for held_out in FOLDS:
        model = train([a for f in FOLDS if f != held_out for a in folds[f]])
        compress.use_model(model)
        for article in folds[held_out]:
            if not article.title:
                continue
            result = summarize(article.text, headlines=count)
            cands = [h.text for h in result.headlines]
            doc = build_document(article.text)
            timings.append(_time_headlines(doc, count))
            lead = doc.sentences[0].text if doc.sentences else ""
            lead_words = lead.split()
            for n in (8, 10, 12):
                add(f"lead sentence cut to {n} words", article.title, " ".join(lead_words[:n]))
            add("whole lead sentence", article.title, lead)
            if not cands:
                cands = [""]
            add("top-1 candidate", article.title, cands[0])
            scores = [scorer.score(article.title, c) for c in cands[:3]]
            top = max(scores, key=lambda s: s["rouge1"].fmeasure)
            best["r1"].append(top["rouge1"].fmeasure)
            best["r2"].append(top["rouge2"].fmeasure)
            best["rl"].append(top["rougeL"].fmeasure)
            over += sum(len(c) > 90 or len(c.split()) > 12 for c in cands)
            for i in range(len(cands)):
                for j in range(i + 1, len(cands)):
                    dup[0] += near_duplicate(cands[i], cands[j])
                    dup[1] += 1
        compress.use_model(None)
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
            {
                "R-1": 100 * statistics.mean(best["r1"]),
                "R-2": 100 * statistics.mean(best["r2"]),
                "R-L": 100 * statistics.mean(best["rl"]),
            },
        )
    )
    timings.sort()
    extra = {
        "articles": len(best["r1"]),
        "headlines() ms per article, p50 / p90 (best of 3 runs, after the document is built)": (
            f"{timings[len(timings) // 2]:.3f} / {timings[int(len(timings) * 0.9)]:.3f}"
        ),
        "near-duplicate candidate pairs": f"{dup[0]} of {dup[1]}",
        "candidates over 12 words or 90 characters": over,
    }
    return table, extra


def _print_table(table: list[tuple[str, dict]], extra: dict) -> None:
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
    parser.add_argument("command", nargs="?", choices=("eval", "train"), default="eval")
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    folds = load_folds(args.data)
    started = time.perf_counter()
    if args.command == "train":
        model = train([a for f in FOLDS for a in folds[f]])
        args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", "utf-8")
        print(f"wrote {args.out} ({len(model['weights'])} weights, {model['examples']} examples)")
    else:
        table, extra = evaluate(folds, args.count)
        _print_table(table, extra)
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
