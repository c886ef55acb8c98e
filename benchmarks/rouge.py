"""Summary quality on IndoSum: ROUGE-1/2/L F1 of every algorithm, 3 sentences.

    python -m benchmarks.rouge --data /path/to/indosum [--algorithms lead,ranker]

Each article's raw text (rebuilt from IndoSum's tokens) goes through the whole
public pipeline, ``summarizer.summarize()``, cleaning and sentence splitting
included, and the summary is scored against the human ``summary`` with the
``rouge-score`` package (no stemming, default tokenizer). Learned algorithms
(``ranker``) are cross-validated: for each fold a model trained on the other
three folds scores it, so no figure comes from data the model was fitted to.

Rows: ``lead-3 (gold split)`` and ``oracle`` use IndoSum's own sentence split
(the published reference rows); every other row is a real pipeline run.
``ranker+title`` passes the article's real headline as ``title``.

Unless ``--limit`` is given the scores are also written to
``summarizer/data/benchmark.json`` (exposed as ``summarizer.algorithms.BENCHMARK``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.algorithms.ranker import Ranker, TreeModel

from .indosum import Article, load
from .train_ranker import fold_models, prepare_folds

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "benchmark.json"
REFERENCE = ("lead-3 (gold split)", "oracle")
LEARNED = ("ranker",)
METRICS = ("rouge1", "rouge2", "rougeL")
COMMAND = "python -m benchmarks.rouge --data <indosum>"

_scorer = None
_fold_rankers: dict[str, Ranker] = {}


def _init(models: dict[str, dict]) -> None:
    global _scorer
    from rouge_score import rouge_scorer

    _scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False)
    for fold, model in models.items():
        _fold_rankers[fold] = Ranker(TreeModel.from_dict(model))


def _rouge(reference: str, candidate: str) -> tuple[float, ...]:
    scores = _scorer.score(reference, candidate)
    return tuple(scores[m].fmeasure for m in METRICS)


def _candidate(article: Article, name: str) -> str:
    if name == "oracle":
        return " ".join(article.gold_sentences)
    if name == "lead-3 (gold split)":
        return " ".join(article.sentences[:3])
    title = None
    if name.endswith("+title"):
        name, title = name.removesuffix("+title"), article.title
    if name in LEARNED and _fold_rankers:
        ALGORITHMS[name] = _fold_rankers[article.fold]  # held-out model for this fold
    result = summarize(article.text, algorithm=name, sentences=3, title=title, headlines=0)
    return result.summary


def _score_article(task: tuple[Article, tuple[str, ...]]) -> dict[str, tuple[float, ...]]:
    article, names = task
    return {name: _rouge(article.summary_text, _candidate(article, name)) for name in names}


def _mean(rows: list[tuple[float, ...]]) -> dict[str, float]:
    means = np.mean(np.asarray(rows), axis=0) * 100
    return {m: round(float(v), 2) for m, v in zip(METRICS, means, strict=True)}


def run(
    data: str, names: tuple[str, ...], processes: int = 2, limit: int | None = None
) -> tuple[dict, dict]:
    """Mean scores overall and per source/category: ``(overall, groups)``."""
    articles = list(load(data))
    if limit:
        articles = articles[:: max(1, len(articles) // limit)][:limit]
    models: dict[str, dict] = {}
    if any(n.removesuffix("+title") in LEARNED for n in names):
        started = time.perf_counter()
        models = fold_models(prepare_folds(data, processes))
        print(f"# trained 4 fold models in {time.perf_counter() - started:.0f} s", flush=True)
    tasks = [(a, names) for a in articles]
    with Pool(processes, initializer=_init, initargs=(models,)) as pool:
        results = pool.map(_score_article, tasks, chunksize=8)
    overall = {n: _mean([r[n] for r in results]) for n in names}
    groups: dict[str, dict[str, dict]] = defaultdict(dict)
    for key in ("source", "category"):
        for value in sorted({getattr(a, key) for a in articles}):
            idx = [i for i, a in enumerate(articles) if getattr(a, key) == value]
            label = f"{key}: {value} ({len(idx)})"
            groups[label] = {n: _mean([results[i][n] for i in idx]) for n in names}
    return overall, dict(groups)


def table(overall: dict, groups: dict, names: tuple[str, ...]) -> str:
    lines = ["| method, 3 sentences | R-1 | R-2 | R-L |", "| --- | --- | --- | --- |"]
    for n in names:
        s = overall[n]
        label = f"**{n}** (default, 4-fold CV)" if n == DEFAULT_ALGORITHM else n
        lines.append(f"| {label} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | {s['rougeL']:.2f} |")
    focus = [n for n in ("lead", DEFAULT_ALGORITHM, "oracle") if n in names]
    lines += ["", "| group | " + " | ".join(f"{n} R-1" for n in focus) + " |"]
    lines.append("| --- |" + " --- |" * len(focus))
    for label, scores in groups.items():
        lines.append(
            f"| {label} | " + " | ".join(f"{scores[n]['rouge1']:.2f}" for n in focus) + " |"
        )
    return "\n".join(lines)


def write(overall: dict, path: Path = OUT) -> None:
    """Merge the scores into the package's benchmark file."""
    current = json.loads(path.read_text("utf-8")) if path.exists() else {}
    scores = current.get("scores", {})
    scores.update({n: overall[n] for n in overall if n in ALGORITHMS})
    payload = {
        "dataset": "IndoSum fold1-fold4 (2,809 articles), gold summary, 3 sentences",
        "metric": "ROUGE F1 x 100, rouge-score package, no stemming",
        "command": COMMAND,
        "cross_validated": list(LEARNED),
        "scores": dict(sorted(scores.items())),
    }
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument(
        "--algorithms",
        default=",".join(
            [*REFERENCE, *ALGORITHMS, f"{DEFAULT_ALGORITHM}+title"]
            if DEFAULT_ALGORITHM in LEARNED
            else [*REFERENCE, *ALGORITHMS]
        ),
        help="comma-separated rows (algorithm names, oracle, 'lead-3 (gold split)', NAME+title)",
    )
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int, help="score an even sample of this many articles")
    args = parser.parse_args(argv)
    names = tuple(n.strip() for n in args.algorithms.split(",") if n.strip())
    started = time.perf_counter()
    overall, groups = run(args.data, names, args.processes, args.limit)
    print(table(overall, groups, names))
    print(f"\n# {time.perf_counter() - started:.0f} s")
    if not args.limit:
        write(overall)


if __name__ == "__main__":
    main()
